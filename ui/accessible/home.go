package accessible

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
	"github.com/sipmote/sipmote/ui/screens/newplan"
)

// formNewPlan is the name the new-plan form is kept under: the full
// screen's, so that a form begun on one goes on in the other.
const formNewPlan = "new-plan"

// showHome reads the list of plans, numbered for :öppna N.
func (r *runner) showHome() {
	sums, err := r.o.Service.Home(r.ctx)
	if err != nil && len(sums) == 0 {
		r.say(model.T(r.l, "Listan över planer kunde inte läsas: ", "The list of plans could not be read: ") + common.ErrText(r.l, err))
		return
	}
	homeOrder(sums)
	r.home = sums
	if len(sums) == 0 {
		r.sayT("Det finns inga planer ännu. :ny skapar en.", "There are no plans yet. :new makes one.")
		return
	}
	r.say(model.T(r.l, "Planer: ", "Plans: ") + itoa(len(sums)) + ".")
	for i, s := range sums {
		if s.Status == model.StatusClosed && (i == 0 || sums[i-1].Status != model.StatusClosed) {
			r.sayT("Avslutade planer:", "Closed plans:")
		}
		r.say(itoa(i+1) + ". " + summaryLine(r.l, s))
	}
	r.sayT(":öppna N öppnar en plan, :ny skapar en ny, :stäng N avslutar en.",
		":open N opens a plan, :new makes a new one, :close N closes one.")
}

// homeOrder puts the plans in the full screen's order, so that :öppna 4 is
// the fourth row a sighted colleague sees: the open plans in name order
// (model.SortEntries), then the closed ones, which that screen shows on a
// list of their own.
func homeOrder(sums []model.Summary) {
	entries := make([]model.ListEntry, len(sums))
	for i := range sums {
		entries[i] = sums[i].Entry()
	}
	model.SortEntries(entries)
	at := make(map[string]int, len(entries))
	for i, e := range entries {
		at[e.ID] = i
	}
	slices.SortStableFunc(sums, func(a, b model.Summary) int {
		if ac, bc := a.Status == model.StatusClosed, b.Status == model.StatusClosed; ac != bc {
			if ac {
				return 1
			}
			return -1
		}
		return at[a.ID] - at[b.ID]
	})
}

// summaryLine is a plan in the list: the person, the meeting, the state.
func summaryLine(l model.Lang, s model.Summary) string {
	name := s.Person
	if s.ConsentGone && name == "" {
		// As the home screen and sipmote list name it: the list holds no
		// name once the consent is withdrawn.
		name = model.T(l, "(samtycket återkallat)", "(consent withdrawn)")
	}
	parts := []string{name}
	if s.MeetingDate != "" {
		parts = append(parts, model.T(l, "möte ", "meeting ")+s.MeetingDate)
	}
	st := s.Status.Label(l)
	if s.Shown() > 0 {
		st += ", " + model.T(l, "version ", "version ") + s.VersionLabel(l)
	}
	parts = append(parts, st)
	if s.NextFollowUp != "" {
		parts = append(parts, model.T(l, "uppföljning ", "follow-up ")+s.NextFollowUp)
	}
	return strings.Join(parts, ", ") + "."
}

// homeCommand runs a command on the home list.
func (r *runner) homeCommand(c cmd, arg string) {
	switch c {
	case cmdNew:
		r.newPlan()
	case cmdOpen, cmdClose, cmdPrint, cmdTrail:
		n, ok := number(arg, len(r.home))
		if !ok {
			r.say(model.T(r.l, "Ange planens nummer i listan, 1 till ", "Give the plan's number in the list, 1 to ") + itoa(len(r.home)) + ".")
			return
		}
		s := r.home[n-1]
		switch c {
		case cmdOpen:
			r.open(s.ID)
		case cmdClose:
			r.closePlan(s)
		case cmdTrail:
			r.trail(s.ID)
		default:
			r.printLatest(s.ID)
		}
	default:
		r.sayT("Det kommandot hör till mötet. Öppna en plan först med :öppna N.", "That command belongs to the meeting. Open a plan first with :open N.")
	}
}

// open opens a plan's meeting as the home screen does: a finalised plan
// asks whether to start its follow-up or read it.
func (r *runner) open(ref string) {
	svc := r.o.Service
	p, err := svc.LoadToShow(r.ctx, ref)
	if err != nil {
		r.say(model.T(r.l, "Planen kunde inte öppnas: ", "The plan could not be opened: ") + common.ErrText(r.l, err))
		return
	}
	switch {
	case p.ContentHidden():
		r.sayT("Samtycket är återkallat. Planens innehåll visas inte; den finns kvar och kan skrivas ut.",
			"The consent was withdrawn. The plan's content is not shown; it is kept and can be printed.")
	case p.Draft == nil && p.Status == model.StatusActive:
		r.say(p.Person.Name + ". " + model.T(r.l, "Version ", "Version ") + itoa(p.VersionNumber()) + model.T(r.l, " är fastställd.", " is finalised."))
		r.choose(model.T(r.l, "Vad vill du göra?", "What do you want to do?"), []string{
			model.T(r.l, "Starta uppföljningsmötet (en ny version utgår från den senaste)", "Start the follow-up meeting (a new version from the last one)"),
			model.T(r.l, "Läsa den senaste versionen", "Read the last version"),
			model.T(r.l, "Skriva ut den senaste versionen", "Print the last version"),
		}, func(i int) {
			switch i {
			case 0:
				s, err := svc.FollowUpSession(r.ctx, p.ID)
				if err != nil {
					r.say(model.T(r.l, "Uppföljningen kunde inte startas: ", "The follow-up could not be started: ") + common.ErrText(r.l, err))
					return
				}
				r.enter(s)
			case 1:
				r.enter(svc.SessionOn(p))
			default:
				r.printLatest(p.ID)
			}
		}, r.showHome)
	default:
		r.enter(svc.SessionOn(p))
	}
}

// printLatest prints a plan's last finalised version from the list (its
// draft when it has never been finalised), as sipmote print does.
func (r *runner) printLatest(id string) {
	svc, l := r.o.Service, r.l
	p, err := svc.Load(r.ctx, id)
	if err != nil || p.Handout() == nil {
		if err == nil {
			err = errors.New("no version")
		}
		r.say(model.T(l, "Utskriften misslyckades: ", "Printing failed: ") + common.ErrText(l, err))
		return
	}
	r.print(p, p.Handout(), nil)
}

// closePlan closes a plan with a reason, as the full screen's form does.
func (r *runner) closePlan(s model.Summary) {
	var reasons []string
	for _, c := range model.ClosureReasons {
		reasons = append(reasons, c.Label(r.l))
	}
	r.choose(model.T(r.l, "Avsluta planen för ", "Close the plan of ")+s.Person+model.T(r.l, ". Varför?", ". Why?"), reasons, func(i int) {
		c := model.Closure{Reason: model.ClosureReasons[i]}
		if c.Reason == model.CloseOther || c.Reason == model.CloseConsentGone {
			r.sayT("Skriv skälet med egna ord på en rad (tom rad: inget), eller :avbryt.", "Write the reason in your own words on one line (empty: none), or :cancel.")
			r.ask = &question{cancel: r.showHome, handle: func(line string) {
				c.Text = strings.TrimSpace(line)
				r.askCloseDate(s, c)
			}}
			return
		}
		r.askCloseDate(s, c)
	}, r.showHome)
}

// askCloseDate asks the day the plan ended, as the full screen's form has
// a date; a date the plan cannot end on is said, and asked again.
func (r *runner) askCloseDate(s model.Summary, c model.Closure) {
	today := r.o.Now().Format(model.DateLayout)
	r.say(model.T(r.l, "Vilket datum avslutas planen? ÅÅÅÅ-MM-DD [", "On what date does the plan end? YYYY-MM-DD [") + today + "]:")
	r.ask = &question{cancel: r.showHome, handle: func(line string) {
		c.Date = strings.TrimSpace(line)
		r.finishClose(s, c)
	}}
}

func (r *runner) finishClose(s model.Summary, c model.Closure) {
	_, err := r.o.Service.ClosePlan(r.ctx, s.ID, c)
	if errors.Is(err, model.ErrDraftOpen) {
		r.choose(model.T(r.l, "Planen har ett utkast som inte är fastställt. Det sparas inte i den avslutade planen.",
			"The plan has a draft that is not finalised. It is not kept in the closed plan."), []string{
			model.T(r.l, "Kasta utkastet och avsluta planen", "Throw the draft away and close the plan"),
			model.T(r.l, "Låt planen vara", "Leave the plan as it is"),
		}, func(i int) {
			if i == 0 {
				c.DraftDiscarded = true
				r.finishClose(s, c)
				return
			}
			r.showHome()
		}, r.showHome)
		return
	}
	if early := (*model.EarlyCloseError)(nil); errors.As(err, &early) || errors.Is(err, model.ErrCloseDate) {
		if early != nil {
			r.say(early.Message(r.l))
		} else {
			r.sayT("Datumet ska vara ÅÅÅÅ-MM-DD och inte senare än i dag.", "The date must be YYYY-MM-DD and not later than today.")
		}
		r.askCloseDate(s, c)
		return
	}
	if err != nil {
		r.say(model.T(r.l, "Planen avslutades inte: ", "The plan was not closed: ") + common.ErrText(r.l, err))
		return
	}
	r.say(model.T(r.l, "Planen för ", "The plan of ") + s.Person + model.T(r.l, " är avslutad.", " is closed."))
	r.showHome()
}

// newPlan asks the new-plan form's questions one by one; an empty line
// keeps the suggestion said in brackets.
func (r *runner) newPlan() {
	l, now := r.l, r.o.Now()
	// A database that takes no writes could keep neither the form nor the
	// plan: it is said before the first question, not after the last.
	if err := r.o.Service.Writable(); err != nil {
		r.say(model.T(l, "Ingen ny plan kan göras i den här databasen: ", "No new plan can be made in this database: ") + common.ErrText(l, err))
		return
	}
	in := newplan.Input{Date: now.Format(model.DateLayout), Minutes: "60", Form: string(model.FormRoom),
		Time: now.Truncate(60 * 60 * 1e9).Add(60 * 60 * 1e9).Format(model.TimeLayout)}
	// A form begun earlier, here or on the full screen, goes on.
	// kept: the form as it is now is on disk (so :cancel may say so);
	// saveErr: the last write of it failed.
	var kept, saveErr bool
	var begun newplan.Input
	if at, ok, err := r.o.Service.LoadForm(formNewPlan, &begun); err == nil && ok {
		in, kept = begun, true
		r.say(model.T(l, "Ett påbörjat formulär från ", "A form begun at ") + at.Format("2006-01-02 15:04") +
			model.T(l, " fortsätter; svaren står inom hakparentes.", " goes on; the answers are in brackets."))
	}
	save := func() {
		err := r.o.Service.SaveForm(formNewPlan, in, r.o.Now())
		kept, saveErr = err == nil, err != nil
		if err != nil {
			r.say(model.T(l, "Formuläret kunde inte sparas: ", "The form could not be saved: ") + common.ErrText(l, err))
		}
	}
	type q struct {
		label string
		to    *string
		check func(string) string
		tidy  func(string) string // as the full screen's form does on leaving the field
		must  bool
		opts  []components.Option
	}
	qs := []q{
		{label: model.T(l, "Den enskildes namn", "The person's name"), to: &in.Person, must: true},
		{label: model.T(l, "Personnummer eller samordningsnummer (tom rad: inget)", "Personal identity number or coordination number (empty line: none)"), to: &in.PNR,
			check: func(s string) string {
				if _, err := model.NormalisePNR(s, now); err != nil {
					return model.T(l, "Personnumret stämmer inte. Skriv ÅÅÅÅMMDD-NNNN.", "The personal identity number does not check out. Write YYYYMMDD-NNNN.")
				}
				return ""
			}},
		{label: model.T(l, "Mötets datum, ÅÅÅÅ-MM-DD", "Meeting date, YYYY-MM-DD"), to: &in.Date, check: components.DateCheck(l),
			tidy: func(s string) string { return model.TidyDateAt(s, now) }},
		{label: model.T(l, "Starttid, TT:MM", "Start time, HH:MM"), to: &in.Time, check: components.ClockCheck(l), tidy: model.TidyClock},
		{label: model.T(l, "Planerad längd i minuter", "Planned length in minutes"), to: &in.Minutes, check: func(s string) string {
			if _, ok := model.ParseMinutes(s); !ok {
				return model.T(l, "Skriv ett antal minuter, t.ex. 60 eller 1 h 30 min.", "Write a number of minutes, e.g. 60 or 1 h 30 min.")
			}
			return ""
		}},
		{label: model.T(l, "Plats", "Place"), to: &in.Place},
		{label: model.T(l, "Form", "Format"), to: &in.Form, opts: components.FormOpts(l)},
		{label: model.T(l, "Mötesledare", "Chair"), to: &in.Chair},
		{label: model.T(l, "Mötessekreterare", "Secretary"), to: &in.Secretary},
	}
	r.sayT("Ny plan. Svara på frågorna; en tom rad behåller förslaget inom hakparentes. :avbryt avbryter.",
		"New plan. Answer the questions; an empty line keeps the suggestion in brackets. :cancel cancels.")
	var ask func(i int)
	farDate := "" // the far meeting date said once
	ask = func(i int) {
		if i == len(qs) {
			p, msg := in.Build(l, r.o.Now())
			if p == nil {
				r.say(msg)
				ask(0)
				return
			}
			create := func() {
				s, err := r.o.Service.CreateSession(r.ctx, p)
				if err != nil {
					r.say(model.T(l, "Planen kunde inte skapas: ", "The plan could not be made: ") + common.ErrText(l, err))
					return
				}
				_ = r.o.Service.ClearForm(formNewPlan) // it is a plan now
				r.say(model.T(l, "Planen för ", "The plan of ") + p.Person.Name + model.T(l, " är skapad.", " is made."))
				r.enter(s)
			}
			same, err := r.o.Service.SamePerson(r.ctx, p.Person.PNR)
			if err != nil || len(same) == 0 {
				create()
				return
			}
			// One person, one plan: the plan there is, or a second one
			// only when the secretary says so.
			r.choose(common.SamePersonText(l, same[0].Person)+model.T(l, " Vad vill du göra?", " What do you want to do?"), []string{
				model.T(l, "Öppna den planen", "Open that plan"),
				model.T(l, "Skapa en ny plan ändå", "Make a new plan anyway"),
			}, func(i int) {
				if i == 0 {
					r.open(same[0].ID)
					return
				}
				create()
			}, r.showHome)
			return
		}
		x := qs[i]
		prompt := x.label
		if x.opts != nil {
			for j, o := range x.opts {
				prompt += "; " + itoa(j+1) + " " + o.Label
			}
		}
		if cur := *x.to; cur != "" {
			shown := cur
			for _, o := range x.opts {
				if o.Value == cur {
					shown = o.Label
				}
			}
			prompt += " [" + shown + "]"
		}
		r.say(prompt + ":")
		r.ask = &question{cancel: func() {
			switch {
			case saveErr:
				r.sayT("Den nya planen skapades inte, och formuläret kunde inte sparas.", "The new plan was not made, and the form could not be saved.")
			case kept:
				r.sayT("Den nya planen skapades inte än; formuläret är sparat och :ny fortsätter med det.", "The new plan was not made yet; the form is kept and :new goes on with it.")
			default:
				r.sayT("Ingen ny plan skapades.", "No new plan was made.")
			}
			r.showHome()
		}, handle: func(line string) {
			v := strings.TrimSpace(line)
			switch {
			case v == "" && x.must && *x.to == "":
				r.sayT("Det här behövs.", "This is needed.")
				ask(i)
				return
			case v == "":
				ask(i + 1)
				return
			case x.opts != nil:
				n, ok := number(v, len(x.opts))
				if !ok {
					r.sayT("Skriv ett av numren.", "Type one of the numbers.")
					ask(i)
					return
				}
				v = x.opts[n-1].Value
			case x.check != nil:
				if x.tidy != nil {
					v = x.tidy(v)
				}
				if msg := x.check(v); msg != "" {
					r.say(msg)
					ask(i)
					return
				}
			}
			*x.to = v
			save()
			// A meeting date years back is most often a mistyped year:
			// asked once, kept by an empty line (as the full form asks
			// at ctrl+s).
			if far := model.FarMeetingDate(l, v, now); x.to == &in.Date && far != "" && farDate != v {
				farDate = v
				r.say(far + model.T(l, " En tom rad behåller det; skriv annars rätt datum.", " An empty line keeps it; else write the right date."))
				ask(i)
				return
			}
			ask(i + 1)
		}}
	}
	ask(0)
}

// print prints version v of p on papers (nil: the original and a copy
// for each one on the copy list), off the loop.
func (r *runner) print(p *model.Plan, v *model.Version, papers *service.Papers) {
	svc, l := r.o.Service, r.l
	o := service.PrintOptions{Lang: l}
	if r.o.PrintOptions != nil {
		o = r.o.PrintOptions(p, v)
	}
	o.Papers = papers
	r.sayT("Skriver ut…", "Printing…")
	r.async(func() func() {
		res, err := svc.Print(r.ctx, p, v, o)
		return func() {
			if err != nil {
				r.say(model.T(l, "Utskriften misslyckades: ", "Printing failed: ") + common.ErrText(l, err))
				return
			}
			r.say(service.PrintedLine(l, res))
		}
	})
}

// number reads a number from 1 to max.
func number(s string, max int) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ".")))
	if err != nil || n < 1 || n > max {
		return 0, false
	}
	return n, true
}

func itoa(n int) string { return strconv.Itoa(n) }

package newplan

import (
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
)

// Input is what the new-plan form asks for.
type Input struct {
	Person, PNR, Date, Time, Minutes, Place, Form, Chair, Secretary string
	// Language is the language the person reads best, for the easy-read
	// page: a code such as "fi", or empty.
	Language string
}

// Build checks the input and makes the plan, or says in the user's
// language what is wrong. The personnummer is refused at input, never
// stored invalid.
func (in Input) Build(l model.Lang, now time.Time) (*model.Plan, string) {
	p, msg, _ := in.build(l, now)
	return p, msg
}

// BuildField is Build, and names the field that is wrong ("date"), so
// that the command line can name its flag.
func (in Input) BuildField(l model.Lang, now time.Time) (*model.Plan, string, string) {
	return in.build(l, now)
}

// build is Build, and names the form's field that is wrong, so that the
// form can put the cursor there.
func (in Input) build(l model.Lang, now time.Time) (*model.Plan, string, string) {
	in.Date = model.TidyDateAt(in.Date, now)
	if strings.TrimSpace(in.Person) == "" {
		return nil, model.T(l, "Skriv den enskildes namn.", "Write the person's name."), "person"
	}
	pnr := ""
	if strings.TrimSpace(in.PNR) != "" {
		var err error
		if pnr, err = model.NormalisePNR(in.PNR, now); err != nil {
			return nil, model.T(l, "Personnumret är inte giltigt. Skriv ÅÅÅÅMMDD-NNNN och kontrollera sista siffran.",
				"The personal identity number is not valid. Write YYYYMMDD-NNNN and check the last digit."), "pnr"
		}
	}
	if msg := components.LanguageCheck(l)(in.Language); msg != "" {
		return nil, msg, "language"
	}
	if msg := components.DateCheck(l)(in.Date); msg != "" {
		return nil, msg, "date"
	}
	if model.CheckClock(strings.TrimSpace(in.Time)) != nil {
		return nil, model.T(l, "Tiden ska skrivas TT:MM, t.ex. 13:00.", "Write the time as HH:MM, e.g. 13:00."), "time"
	}
	mins := 60
	if s := strings.TrimSpace(in.Minutes); s != "" {
		n, ok := model.ParseMinutes(s)
		if !ok {
			return nil, model.T(l, "Skriv mötets längd i minuter, t.ex. 90 eller 1 h 30 min.", "Write the meeting's length in minutes, e.g. 90 or 1 h 30 min."), "minutes"
		}
		mins = n
	}
	if model.SameName(in.Chair, in.Secretary) {
		return nil, model.T(l, "Mötesledare och mötessekreterare får inte vara samma person: mötesledaren leder samtalet och mötessekreteraren skriver, båda behövs samtidigt.",
			"The chair and the secretary must not be the same person: one leads the talk while the other writes, both at once."), "secretary"
	}
	p := model.NewPlan(model.Person{Name: strings.TrimSpace(in.Person), PNR: pnr,
		Language: languageCode(in.Language)}, now)
	m := &p.Draft.Meeting
	m.Date, m.Start, m.Minutes = strings.TrimSpace(in.Date), strings.TrimSpace(in.Time), mins
	m.Place, m.Form = strings.TrimSpace(in.Place), model.MeetingForm(in.Form)
	m.Chair, m.Secretary = strings.TrimSpace(in.Chair), strings.TrimSpace(in.Secretary)
	model.CleanText(p)
	return p, "", ""
}

// CreatedPlanMsg asks for the plan to be made. Anyway is set when the
// secretary has been told that the person has a plan already and pressed
// ctrl+s again: the personnummer is then not looked up a second time.
type CreatedPlanMsg struct {
	Plan   *model.Plan
	Anyway bool
}

// OpenExistingMsg asks for the plan the person already has to be opened
// instead of making a new one (ctrl+o after the warning).
type OpenExistingMsg struct{ ID string }

// Model is the form for a new SIP.
type Model struct {
	lang  model.Lang
	st    *common.Styles
	In    Input
	Form  *components.Form
	Err   string
	now   func() time.Time
	help  help.Model
	keys  formKeys
	width int
	// height is the window's, for the help.
	height int
	// Over is the help (F1) while it is open.
	Over common.Overlay
	// farDate is the meeting date the last ctrl+s warned about as far
	// from today; ctrl+s again with the same date makes the plan.
	farDate string
	// Touched is set once something is typed; only then is the form kept
	// as a draft. dirty marks what the next save tick must write.
	Touched, Dirty bool
	// restored is when the form given back at start was saved.
	restored time.Time
	SaveText string // the last save, or why it failed
	SaveErr  bool
	// Ask is the question before the form is thrown away.
	Ask *components.Confirm
	// Exists gives a listed plan for the same person (same name and
	// birth date), "" when there is none; the first save then warns, a
	// second save creates the plan anyway. A plan with the same
	// personnummer is looked up on disk by the root, which calls
	// SamePerson.
	Exists func(p *model.Plan) (id, person string)
	warned bool
	// existing is the plan ctrl+o opens after the warning.
	existing string
	// EasyLangs are the languages the easy-read page has words in; the
	// language field says when the one typed is not among them. Nil
	// says nothing.
	EasyLangs []string
}

func New(l model.Lang, st *common.Styles, now func() time.Time) *Model {
	m := &Model{lang: l, st: st, now: now, help: help.New(), width: 80}
	m.In.Date, m.In.Time = model.NextMeetingSlot(now())
	m.In.Minutes = "60"
	m.In.Form = string(model.FormRoom)
	ptr := func(s *string) func() *string { return func() *string { return s } }
	m.Form = components.NewForm(l, st, []components.Field{
		components.TextField("person", model.T(l, "Den enskildes namn", "The person's name"), model.T(l, "för- och efternamn", "first and last name"), ptr(&m.In.Person)),
		components.WithCheck(components.TextField("pnr", model.T(l, "Personnummer eller samordningsnummer (kan lämnas tomt)", "Personal identity number or coordination number (may be left empty)"), model.T(l, "ÅÅÅÅMMDD-NNNN", "YYYYMMDD-NNNN"), ptr(&m.In.PNR)),
			func(s string) string {
				if strings.TrimSpace(s) == "" || len(strings.TrimSpace(s)) < 10 {
					return ""
				}
				if _, err := model.NormalisePNR(s, now()); err != nil {
					return model.T(l, "Personnumret stämmer inte (datum eller sista siffran).", "The personal identity number does not check out (date or last digit).")
				}
				return ""
			}),
		prefill(components.WithCheck(components.TextField("date", model.T(l, "Mötets datum", "Meeting date"), model.T(l, "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"), ptr(&m.In.Date)), components.DateCheck(l))),
		prefill(components.WithCheck(components.TextField("time", model.T(l, "Starttid", "Start time"), model.T(l, "TT:MM", "HH:MM"), ptr(&m.In.Time)), components.ClockCheck(l))),
		prefill(components.TextField("minutes", model.T(l, "Planerad längd i minuter", "Planned length in minutes"), "60", ptr(&m.In.Minutes))),
		components.TextField("place", model.T(l, "Plats", "Place"), model.T(l, "t.ex. ett rum på vårdcentralen, eller hemma", "e.g. a room at the health centre, or at home"), ptr(&m.In.Place)),
		{Path: "form", Label: model.T(l, "Form", "Format"), Kind: components.KindChoice, Opts: components.FormOpts(l),
			Get: func() string { return m.In.Form }, Set: func(s string) { m.In.Form = s }},
		components.TextField("chair", model.T(l, "Mötesledare", "Chair"), "", ptr(&m.In.Chair)),
		components.TextField("secretary", model.T(l, "Mötessekreterare", "Secretary"), "", ptr(&m.In.Secretary)),
		withNote(components.WithCheck(components.TextField("language", model.T(l, "Språk som personen läser bäst (för den lättlästa sidan)", "Language the person reads best (for the easy-read page)"),
			model.T(l, "namn eller kod, t.ex. finska eller fi; tomt = svenska", "name or code, e.g. Finnish or fi; empty = the print's language"), ptr(&m.In.Language)), components.LanguageCheck(l)), m.languageNote),
	})
	m.keys = newFormKeys(l)
	return m
}

// SamePerson says that a plan not yet closed has the personnummer typed,
// found on disk after ctrl+s: ctrl+o opens it, ctrl+s makes the new plan
// anyway, any other key goes on with the form.
func (m *Model) SamePerson(id, person string) {
	m.warned, m.existing = true, id
	m.Err = common.SamePersonText(m.lang, person) + model.T(m.lang,
		" ctrl+o öppnar den, ctrl+s skapar en ny plan ändå.",
		" ctrl+o opens it, ctrl+s makes a new plan anyway.")
}

// Restore puts a saved form back, as it was typed: no field is a
// suggestion any more, so the first key does not replace it.
func (m *Model) Restore(in Input, at time.Time) {
	m.In = in
	m.restored = at
	m.Touched = true
	for i := range m.Form.Fields {
		m.Form.Fields[i].Prefilled = false
	}
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	if m.Over != nil {
		m.Over.SetSize(w, h)
	}
	m.Form.SetSize(min(w-4, 70), h-11) // room for a two-line error, the save line and the keys
	m.help.SetWidth(w)
}

func (m *Model) Update(msg tea.Msg) tea.Cmd {
	if m.Ask != nil {
		switch m.Ask.Update(msg) {
		case components.AnsweredYes:
			m.Ask = nil
			return func() tea.Msg { return DiscardFormMsg{} }
		case components.AnsweredNo:
			m.Ask = nil
		}
		return nil
	}
	if m.Over != nil {
		cmd := m.Over.Update(msg)
		if m.Over.Closed() {
			m.Over = nil
		}
		return cmd
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.keys.help):
			m.Over = components.NewHelpOverlay(m.lang, m.st, m.FullHelp())
			m.Over.SetSize(m.width, m.height)
			return nil
		case key.Matches(k, m.keys.undo):
			if m.Form.Undo() {
				m.Touched, m.Dirty = true, true
			}
			return nil
		case key.Matches(k, m.keys.cancel):
			return func() tea.Msg { return common.CancelMsg{} }
		case key.Matches(k, m.keys.discard):
			if m.Touched {
				m.Ask = components.NewConfirm(m.lang, m.st, model.T(m.lang,
					"Kasta allt som skrivits i formuläret? Det går inte att ångra.",
					"Throw away everything typed in the form? This cannot be undone."))
			}
			return nil
		case key.Matches(k, m.keys.save), key.Matches(k, m.keys.enter) && m.Form.Focus == len(m.Form.Fields)-1:
			p, msg, bad := m.In.build(m.lang, m.now())
			if msg != "" {
				m.Err = msg
				// The cursor goes to the field to mend.
				for i, f := range m.Form.Fields {
					switch {
					case f.Path != bad:
					case i == m.Form.Focus:
						// She is typing it: the next key goes on with
						// it ("2026-12-1" and then "0").
						return m.Form.FocusField(i, -1)
					default:
						return m.Form.Mend(i)
					}
				}
				return nil
			}
			// A meeting date years back is most often a mistyped year:
			// said once, with the cursor in the date; ctrl+s again takes
			// it as it is.
			if far := model.FarMeetingDate(m.lang, p.Draft.Meeting.Date, m.now()); far != "" && m.farDate != p.Draft.Meeting.Date {
				m.farDate = p.Draft.Meeting.Date
				m.Err = far + model.T(m.lang, " ctrl+s igen skapar planen med det datumet; skriv ett annat datum för att ändra det.",
					" ctrl+s again makes the plan with that date; type another date to change it.")
				for i, f := range m.Form.Fields {
					if f.Path == "date" {
						cmd := m.Form.Mend(i)
						m.Form.Replace = true
						return cmd
					}
				}
				return nil
			}
			if m.Exists != nil && !m.warned {
				if id, _ := m.Exists(p); id != "" {
					m.warned, m.existing = true, id
					m.Err = model.T(m.lang,
						"Det finns redan en plan för en person med samma namn och födelsedatum. ctrl+o öppnar den, ctrl+s skapar en ny plan ändå.",
						"A plan already exists for a person with the same name and birth date. ctrl+o opens it, ctrl+s makes a new plan anyway.")
					return nil
				}
			}
			anyway := m.warned
			return func() tea.Msg { return CreatedPlanMsg{Plan: p, Anyway: anyway} }
		case key.Matches(k, m.keys.openExisting) && m.existing != "":
			id := m.existing
			return func() tea.Msg { return OpenExistingMsg{ID: id} }
		}
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && !key.Matches(k, m.keys.save) {
		m.Err = ""
		m.warned, m.existing = false, ""
	}
	cmd, changed := m.Form.Update(msg)
	if changed {
		m.Touched, m.Dirty = true, true
	}
	return cmd
}

func (m *Model) View() string {
	if m.Over != nil {
		return m.Over.View()
	}
	var b strings.Builder
	b.WriteString(m.st.Title.Render(model.T(m.lang, "Ny SIP", "New SIP")) + "\n")
	b.WriteString(m.st.Subtle.Render(ansi.Truncate(model.T(m.lang, "Fyll i det du vet; resten kan skrivas under mötet.", "Fill in what you know; the rest can be written during the meeting."), m.width, "…")) + "\n\n")
	if m.Ask != nil {
		// The question takes the form's place, so it fits any window.
		return b.String() + m.Ask.View(m.width)
	}
	b.WriteString(m.Form.View(nil) + "\n")
	if m.Err != "" {
		b.WriteString("\n" + m.st.Err.Render(ansi.Wordwrap(m.Err, max(20, m.width-2), "")) + "\n")
	}
	if m.Touched {
		status := m.SaveText
		if !m.SaveErr {
			// The form is kept when leaving it; the status line says how
			// to throw it away instead, since the help line is full.
			status = strings.TrimSpace(status + "  ·  " + model.T(m.lang, "esc behåller formuläret, ctrl+d kastar det", "esc keeps the form, ctrl+d throws it away"))
		}
		if !m.restored.IsZero() {
			status = model.T(m.lang, "Återställt: det som skrevs ", "Restored: what was typed at ") + m.restored.Format("15:04") + ".  " + status
		}
		style := m.st.Subtle
		if m.SaveErr {
			style = m.st.Err
		}
		// Wrapped, not cut: its end is how to throw the form away. The
		// form's room leaves two lines to spare for it.
		b.WriteString("\n" + style.Render(ansi.Wordwrap(status, max(20, m.width), "")))
	}
	b.WriteString("\n" + common.ShortHelp(common.StyledHelp(m.st, m.help), m.ShortHelp(), m.width))
	return b.String()
}

func withNote(f components.Field, note func() string) components.Field {
	f.Note = note
	return f
}

// languageNote says, under the language field, when the easy-read page
// has no words in the language typed: it is then in the print's
// language, which the secretary should know before the paper says it.
func (m *Model) languageNote() string {
	code, ok := model.LanguageCode(m.In.Language)
	if !ok || code == "" || m.EasyLangs == nil || slices.Contains(m.EasyLangs, code) {
		return ""
	}
	return model.T(m.lang, "Den lättlästa sidan finns inte på "+code+" och skrivs på utskriftens språk (den finns på "+strings.Join(m.EasyLangs, ", ")+").",
		"The easy-read page has no words in "+code+" and is written in the print's language (it has words in "+strings.Join(m.EasyLangs, ", ")+").")
}

func prefill(f components.Field) components.Field {
	f.Prefilled = true
	return f
}

// DiscardFormMsg says the user has answered yes to throwing it away.
type DiscardFormMsg struct{}

var _ common.Component = (*Model)(nil)

// ShortHelp names the form's keys. Once something is typed, esc goes back
// and keeps the form, and says so.
func (m *Model) ShortHelp() []key.Binding {
	if m.Over != nil {
		return m.Over.ShortHelp()
	}
	if m.Touched {
		return []key.Binding{m.keys.next, m.keys.save, m.keys.back, m.keys.help}
	}
	return []key.Binding{m.keys.next, m.keys.save, m.keys.cancel, m.keys.help}
}

// languageCode is the code for what was typed, a code or a language's
// name ("finska" is fi); Build has refused anything else already.
func languageCode(s string) string {
	c, _ := model.LanguageCode(s)
	return c
}

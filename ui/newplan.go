package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
)

// NewPlanInput is what the new-plan form asks for.
type NewPlanInput struct {
	Person, PNR, Date, Time, Minutes, Place, Form, Chair, Secretary string
}

// Build checks the input and makes the plan, or says in the user's
// language what is wrong. The personnummer is refused at input, never
// stored invalid.
func (in NewPlanInput) Build(l model.Lang, now time.Time) (*model.Plan, string) {
	p, msg, _ := in.build(l, now)
	return p, msg
}

// build is Build, and names the form's field that is wrong, so that the
// form can put the cursor there.
func (in NewPlanInput) build(l model.Lang, now time.Time) (*model.Plan, string, string) {
	if strings.TrimSpace(in.Person) == "" {
		return nil, model.T(l, "Skriv den enskildes namn.", "Write the person's name."), "person"
	}
	pnr := ""
	if strings.TrimSpace(in.PNR) != "" {
		var err error
		if pnr, err = model.NormalisePNR(in.PNR, now); err != nil {
			return nil, model.T(l, "Personnumret är inte giltigt. Skriv ÅÅÅÅMMDD-NNNN och kontrollera sista siffran.",
				"The personnummer is not valid. Write YYYYMMDD-NNNN and check the last digit."), "pnr"
		}
	}
	if msg := components.DateCheck(l)(in.Date); msg != "" {
		return nil, msg, "date"
	}
	if model.CheckClock(strings.TrimSpace(in.Time)) != nil {
		return nil, model.T(l, "Tiden ska skrivas TT:MM, t.ex. 13:00.", "Write the time as HH:MM, e.g. 13:00."), "time"
	}
	mins := 60
	if s := strings.TrimSpace(in.Minutes); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 || n > 600 {
			return nil, model.T(l, "Skriv mötets längd i minuter, t.ex. 90.", "Write the meeting's length in minutes, e.g. 90."), "minutes"
		}
		mins = n
	}
	if model.SameName(in.Chair, in.Secretary) {
		return nil, model.T(l, "Mötesledare och mötessekreterare får inte vara samma person: mötesledaren leder samtalet och mötessekreteraren skriver, båda behövs samtidigt.",
			"The chair and the secretary must not be the same person: one leads the talk while the other writes, both at once."), "secretary"
	}
	p := model.NewPlan(model.Person{Name: strings.TrimSpace(in.Person), PNR: pnr}, now)
	m := &p.Draft.Meeting
	m.Date, m.Start, m.Minutes = strings.TrimSpace(in.Date), strings.TrimSpace(in.Time), mins
	m.Place, m.Form = strings.TrimSpace(in.Place), model.MeetingForm(in.Form)
	m.Chair, m.Secretary = strings.TrimSpace(in.Chair), strings.TrimSpace(in.Secretary)
	model.CleanText(p)
	return p, "", ""
}

type createdPlanMsg struct{ plan *model.Plan }

// newPlanModel is the form for a new SIP.
type newPlanModel struct {
	lang  model.Lang
	st    *common.Styles
	in    NewPlanInput
	form  *components.Form
	err   string
	now   func() time.Time
	help  help.Model
	keys  struct{ next, save, cancel, discard, enter key.Binding }
	width int
	// touched is set once something is typed; only then is the form kept
	// as a draft. dirty marks what the next save tick must write.
	touched, dirty bool
	// restored is when the form given back at start was saved.
	restored time.Time
	saveText string // the last save, or why it failed
	saveErr  bool
	// ask is the question before the form is thrown away.
	ask *components.Confirm
	// exists tells whether a plan for the same person is already stored;
	// the first save then warns, a second save creates the plan anyway.
	exists func(p *model.Plan) bool
	warned bool
}

func newNewPlanModel(l model.Lang, st *common.Styles, now func() time.Time) *newPlanModel {
	m := &newPlanModel{lang: l, st: st, now: now, help: help.New(), width: 80}
	t := now()
	m.in.Date = t.Format(model.DateLayout)
	m.in.Time = t.Truncate(time.Hour).Add(time.Hour).Format(model.TimeLayout)
	m.in.Minutes = "60"
	m.in.Form = string(model.FormRoom)
	ptr := func(s *string) func() *string { return func() *string { return s } }
	m.form = components.NewForm(l, st, []components.Field{
		textField("person", model.T(l, "Den enskildes namn", "The person's name"), model.T(l, "för- och efternamn", "first and last name"), ptr(&m.in.Person)),
		withCheck(textField("pnr", model.T(l, "Personnummer eller samordningsnummer (kan lämnas tomt)", "Personnummer or samordningsnummer (may be left empty)"), model.T(l, "ÅÅÅÅMMDD-NNNN", "YYYYMMDD-NNNN"), ptr(&m.in.PNR)),
			func(s string) string {
				if strings.TrimSpace(s) == "" || len(strings.TrimSpace(s)) < 10 {
					return ""
				}
				if _, err := model.NormalisePNR(s, now()); err != nil {
					return model.T(l, "Personnumret stämmer inte (datum eller sista siffran).", "The personnummer does not check out (date or last digit).")
				}
				return ""
			}),
		prefill(withCheck(textField("date", model.T(l, "Mötets datum", "Meeting date"), model.T(l, "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"), ptr(&m.in.Date)), components.DateCheck(l))),
		prefill(withCheck(textField("time", model.T(l, "Starttid", "Start time"), model.T(l, "TT:MM", "HH:MM"), ptr(&m.in.Time)), components.ClockCheck(l))),
		prefill(textField("minutes", model.T(l, "Planerad längd i minuter", "Planned length in minutes"), "60", ptr(&m.in.Minutes))),
		textField("place", model.T(l, "Plats", "Place"), model.T(l, "t.ex. ett rum på vårdcentralen, eller hemma", "e.g. a room at the health centre, or at home"), ptr(&m.in.Place)),
		{Path: "form", Label: model.T(l, "Form", "Form"), Kind: components.KindChoice, Opts: components.FormOpts(l),
			Get: func() string { return m.in.Form }, Set: func(s string) { m.in.Form = s }},
		textField("chair", model.T(l, "Mötesledare", "Chair"), "", ptr(&m.in.Chair)),
		textField("secretary", model.T(l, "Mötessekreterare", "Secretary"), "", ptr(&m.in.Secretary)),
	})
	m.keys.next = key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab/enter", model.T(l, "nästa fält", "next field")))
	// enter on the last field creates the plan, as ctrl+s does.
	m.keys.enter = key.NewBinding(key.WithKeys("enter"))
	m.keys.save = key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", model.T(l, "skapa och öppna mötet", "create and open the meeting")))
	m.keys.cancel = key.NewBinding(key.WithKeys("esc", "ctrl+c"), key.WithHelp("esc", model.T(l, "avbryt", "cancel")))
	m.keys.discard = key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", model.T(l, "kasta formuläret", "throw the form away")))
	return m
}

// restore puts a saved form back, as it was typed: no field is a
// suggestion any more, so the first key does not replace it.
func (m *newPlanModel) restore(in NewPlanInput, at time.Time) {
	m.in = in
	m.restored = at
	m.touched = true
	for i := range m.form.Fields {
		m.form.Fields[i].Prefilled = false
	}
}

func (m *newPlanModel) setSize(w, h int) {
	m.width = w
	m.form.SetSize(min(w-4, 70), h-11) // room for a two-line error, the save line and the keys
	m.help.SetWidth(w)
}

func (m *newPlanModel) update(msg tea.Msg) tea.Cmd {
	if m.ask != nil {
		switch m.ask.Update(msg) {
		case components.AnsweredYes:
			m.ask = nil
			return func() tea.Msg { return discardFormMsg{} }
		case components.AnsweredNo:
			m.ask = nil
		}
		return nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.keys.cancel):
			return func() tea.Msg { return cancelMsg{} }
		case key.Matches(k, m.keys.discard):
			if m.touched {
				m.ask = components.NewConfirm(m.lang, m.st, model.T(m.lang,
					"Kasta allt som skrivits i formuläret? Det går inte att ångra.",
					"Throw away everything typed in the form? This cannot be undone."))
			}
			return nil
		case key.Matches(k, m.keys.save), key.Matches(k, m.keys.enter) && m.form.Focus == len(m.form.Fields)-1:
			p, msg, bad := m.in.build(m.lang, m.now())
			if msg != "" {
				m.err = msg
				// The cursor goes to the field to mend.
				for i, f := range m.form.Fields {
					if f.Path == bad {
						return m.form.FocusField(i, -1)
					}
				}
				return nil
			}
			if !m.warned && m.exists != nil && m.exists(p) {
				m.warned = true
				m.err = model.T(m.lang,
					"Det finns redan en plan för en person med samma namn och födelsedatum. Öppna den i stället (esc), eller tryck ctrl+s igen för att skapa en ny ändå.",
					"A plan already exists for a person with the same name and birth date. Open it instead (esc), or press ctrl+s again to create a new one anyway.")
				return nil
			}
			return func() tea.Msg { return createdPlanMsg{p} }
		}
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && !key.Matches(k, m.keys.save) {
		m.err = ""
		m.warned = false
	}
	cmd, changed := m.form.Update(msg)
	if changed {
		m.touched, m.dirty = true, true
	}
	return cmd
}

func (m *newPlanModel) view() string {
	var b strings.Builder
	b.WriteString(m.st.Title.Render(model.T(m.lang, "Ny SIP", "New SIP")) + "\n")
	b.WriteString(m.st.Subtle.Render(ansi.Truncate(model.T(m.lang, "Fyll i det du vet; resten kan skrivas under mötet.", "Fill in what you know; the rest can be written during the meeting."), m.width, "…")) + "\n\n")
	if m.ask != nil {
		// The question takes the form's place, so it fits any window.
		return b.String() + m.ask.View(m.width)
	}
	b.WriteString(m.form.View(nil) + "\n")
	if m.err != "" {
		b.WriteString("\n" + m.st.Err.Render(ansi.Wordwrap(m.err, max(20, m.width-2), "")) + "\n")
	}
	keys := []key.Binding{m.keys.next, m.keys.save, m.keys.cancel}
	if m.touched {
		back := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T(m.lang, "tillbaka", "back")))
		keys = []key.Binding{m.keys.next, m.keys.save, back}
		status := m.saveText
		if !m.saveErr {
			// The form is kept when leaving it; the status line says how
			// to throw it away instead, since the help line is full.
			status = strings.TrimSpace(status + "  ·  " + model.T(m.lang, "esc behåller formuläret, ctrl+d kastar det", "esc keeps the form, ctrl+d throws it away"))
		}
		if !m.restored.IsZero() {
			status = model.T(m.lang, "Återställt: det som skrevs ", "Restored: what was typed at ") + m.restored.Format("15:04") + ".  " + status
		}
		style := m.st.Subtle
		if m.saveErr {
			style = m.st.Err
		}
		b.WriteString("\n" + style.Render(ansi.Truncate(status, m.width, "…")))
	}
	b.WriteString("\n" + common.ShortHelp(common.StyledHelp(m.st, m.help), keys, m.width))
	return b.String()
}

func prefill(f components.Field) components.Field {
	f.Prefilled = true
	return f
}

// discardFormMsg says the user has answered yes to throwing it away.
type discardFormMsg struct{}

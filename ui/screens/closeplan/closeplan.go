package closeplan

import (
	"errors"
	"fmt"
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

// closeRequestMsg asks the root to close plan id (through the service);
// closedPlanMsg says the user leaves the list of people to tell, with the
// plan when who was told changed, for the root to save.
type (
	CloseRequestMsg struct {
		ID      string
		Closure model.Closure
	}
	ClosedPlanMsg struct {
		// Plan is set when the ticks of who was told changed.
		Plan *model.Plan
	}
	// RemoveRequestMsg asks the root to remove plan ID, a draft made by
	// mistake (service.RemovePlan), after the user said yes.
	RemoveRequestMsg struct{ ID string }
)

// removeReason is the reason's value that removes the plan instead of
// closing it; offered only for a plan that may be removed (OfferRemove).
const removeReason = "remove"

// Model closes a plan: a reason (chosen, never defaulted), an
// explanation kept for every reason, and a date. Closing with an
// unfinished follow-up draft asks first, since the draft is discarded.
// Then comes the list of everyone to tell, which the coordinator ticks as
// they are told; a closed plan opens straight on that list.
type Model struct {
	lang model.Lang
	st   *common.Styles
	Plan *model.Plan
	// width is the window's, which the text is wrapped to.
	width     int
	height    int // the window's rows: room to say more
	reason    string
	Text      string
	date      string
	Form      *components.Form
	err       string
	ask       *components.Confirm // asking before closing for good
	discard   bool                // the question includes dropping the draft
	removable bool                // a draft that reached no one: it may be removed
	Done      bool                // closed: ticking the people told
	busy      bool                // a close request is on its way
	ticked    bool                // who was told changed
	cursor    int
	now       func() time.Time
	help      help.Model
	keys      struct{ save, cancel, up, down, tick, leave key.Binding }
}

func New(l model.Lang, st *common.Styles, p *model.Plan, now func() time.Time) *Model {
	m := &Model{lang: l, st: st, Plan: p, width: 80, now: now, date: now().Format(model.DateLayout), help: help.New(),
		Done: p.Status == model.StatusClosed}
	opts := []components.Option{{Value: "", Label: model.T(l, "— välj —", "— choose —")}}
	for _, r := range model.ClosureReasons {
		opts = append(opts, components.Option{Value: string(r), Label: r.Label(l)})
	}
	date := components.WithCheck(components.TextField("date", model.T(l, "Datum", "Date"), model.T(l, "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"), func() *string { return &m.date }), m.checkDate)
	// "idag" and "igår" are read by the form's clock.
	date.Tidy = func(s string) string { return model.TidyDateAt(s, m.now()) }
	m.Form = components.NewForm(l, st, []components.Field{
		{Path: "reason", Label: model.T(l, "Varför avslutas planen?", "Why is the plan closed?"), Kind: components.KindChoice, Opts: opts,
			Get: func() string { return m.reason }, Set: func(s string) { m.reason = s }},
		components.TextField("text", model.T(l, "Förklaring (sparas och skrivs ut; krävs vid annat skäl)", "Explanation (kept and printed; needed for another reason)"), "", func() *string { return &m.Text }),
		date,
	})
	m.keys.save = key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", model.T(l, "avsluta planen", "close the plan")))
	// ctrl+q and ctrl+c leave as esc does, as they leave every screen,
	// keeping what was typed (kept.go).
	m.keys.cancel = key.NewBinding(key.WithKeys("esc", "ctrl+q", "ctrl+c"), key.WithHelp("esc", model.T(l, "tillbaka", "back")))
	m.keys.up = key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", model.T(l, "välj", "choose")))
	m.keys.down = key.NewBinding(key.WithKeys("down"))
	m.keys.tick = key.NewBinding(key.WithKeys("space"), key.WithHelp(model.T(l, "mellanslag", "space"), model.T(l, "meddelad / inte meddelad", "told / not told")))
	m.keys.leave = key.NewBinding(key.WithKeys("esc", "enter"), key.WithHelp("esc", model.T(l, "spara och gå tillbaka", "save and go back")))
	return m
}

func (m *Model) Update(msg tea.Msg) tea.Cmd {
	k, isKey := msg.(tea.KeyPressMsg)
	if m.Done {
		if !isKey {
			return nil
		}
		n := 0
		if m.Plan.Closure != nil {
			n = len(m.Plan.Closure.Tell)
		}
		switch {
		case key.Matches(k, m.keys.up) && m.cursor > 0:
			m.cursor--
		case key.Matches(k, m.keys.down) && m.cursor < n-1:
			m.cursor++
		case key.Matches(k, m.keys.tick) && m.cursor < n:
			if m.Plan.SetTold(m.cursor, !m.Plan.Closure.Tell[m.cursor].Told) == nil {
				m.ticked = true
			}
		case key.Matches(k, m.keys.leave):
			var p *model.Plan
			if m.ticked {
				p = m.Plan
			}
			return func() tea.Msg { return ClosedPlanMsg{p} }
		}
		return nil
	}
	if m.ask != nil {
		// Closing is for good: the answer is a deliberate key that keys
		// typed ahead cannot give (see confirm.go).
		switch m.ask.Update(msg) {
		case components.AnsweredYes:
			m.ask = nil
			if m.reason == removeReason {
				id := m.Plan.ID
				m.busy = true
				return func() tea.Msg { return RemoveRequestMsg{id} }
			}
			return m.close(m.discard)
		case components.AnsweredNo:
			m.ask = nil
		}
		return nil
	}
	if isKey {
		m.err = ""
		switch {
		case key.Matches(k, m.keys.cancel):
			return func() tea.Msg { return common.CancelMsg{} }
		case key.Matches(k, m.keys.save):
			// A date typed as "idag" or "15/1" is read before it is used,
			// as leaving the field would (tryout42a #16).
			m.Form.Settle()
			if m.reason == "" {
				m.err = model.T(m.lang, "Välj varför planen avslutas.", "Choose why the plan is closed.")
				return nil
			}
			if m.reason == removeReason {
				m.ask = components.NewConfirm(m.lang, m.st, model.T(m.lang,
					"Ta bort planen för "+m.Plan.Person.Name+" helt? Allt som skrivits i den försvinner och det går inte att ångra. Åtkomstloggen behåller att planen fanns och vem som tog bort den.",
					"Remove the plan of "+m.Plan.Person.Name+" altogether? Everything written in it goes, and it cannot be undone. The access trail keeps that the plan was there and who removed it."))
				return nil
			}
			// Tried on a copy first, so that a mistake is told before the
			// question, which is asked only of a closing that can be done.
			c := model.Closure{Reason: model.ClosureReason(m.reason), Text: strings.TrimSpace(m.Text), Date: m.date, DraftDiscarded: true}
			if err := m.Plan.Clone().Close(c, m.now()); err != nil {
				m.err = refusal(m.lang, err)
				return nil
			}
			m.discard = m.Plan.DraftAtRisk(model.ClosureReason(m.reason))
			q := model.T(m.lang,
				"Avsluta planen för "+m.Plan.Person.Name+" för gott? En avslutad plan kan inte ändras eller få ett nytt möte; den kan läsas och skrivas ut som kopia.",
				"Close the plan of "+m.Plan.Person.Name+" for good? A closed plan cannot be changed or have another meeting; it can be read and printed as a copy.")
			if fate := m.Plan.DraftOnClosing(model.ClosureReason(m.reason)); fate.SV != "" {
				// Removed or kept, by the reason chosen: said before the
				// answer, as sipmote close says it.
				q = fate.In(m.lang) + " " + q
			}
			m.ask = components.NewConfirm(m.lang, m.st, q)
			return nil
		}
	}
	cmd, _ := m.Form.Update(msg)
	return cmd
}

// OfferRemove adds removing the plan to the reasons: for a draft never
// finalised, printed, exported or sealed (service.Removable), which has
// reached no one and may have been made by mistake.
func (m *Model) OfferRemove() {
	m.removable = true
	m.Form.Fields[0].Opts = append(m.Form.Fields[0].Opts, components.Option{Value: removeReason,
		Label: model.T(m.lang, "skapad av misstag: ta bort den helt", "made by mistake: remove it altogether")})
}

// Removed takes the answer to a remove request that failed.
func (m *Model) Removed(err error) {
	m.busy = false
	m.err = model.T(m.lang, "Planen kunde inte tas bort: ", "The plan could not be removed: ") + common.ErrText(m.lang, err)
}

// checkDate says under the date field what closing would refuse: a date
// not in the calendar, one after today, one before the plan was finalised.
func (m *Model) checkDate(s string) string {
	if msg := components.DateCheck(m.lang)(s); msg != "" || strings.TrimSpace(s) == "" {
		return msg
	}
	return m.Plan.CheckEndDate(m.lang, s, m.now())
}

// close asks the root to close the plan; discard says the user agreed to
// drop the unfinished draft. The answer comes to closed.
func (m *Model) close(discard bool) tea.Cmd {
	if m.busy {
		return nil
	}
	m.busy = true
	id := m.Plan.ID
	c := model.Closure{Reason: model.ClosureReason(m.reason), Text: strings.TrimSpace(m.Text), Date: m.date, DraftDiscarded: discard}
	return func() tea.Msg { return CloseRequestMsg{id, c} }
}

// Closed takes the answer to a close request: the closed plan, stored,
// or why it was not closed.
func (m *Model) Closed(p *model.Plan, err error) {
	m.busy = false
	if err != nil {
		m.err = refusal(m.lang, err)
		return
	}
	m.Plan, m.Done, m.cursor = p, true, 0
}

// refusal says why the plan was not closed, in a sentence of its own.
func refusal(l model.Lang, err error) string {
	if early := (*model.EarlyCloseError)(nil); errors.As(err, &early) {
		return early.Message(l) + model.T(l, " Inget har ändrats.", " Nothing was changed.")
	}
	return model.T(l, "Planen kunde inte avslutas: ", "The plan could not be closed: ") + closeErrText(l, err)
}

func closeErrText(l model.Lang, err error) string {
	for _, e := range []error{model.ErrReasonText, model.ErrCloseDate, model.ErrReason, model.ErrDraftOpen} {
		if errors.Is(err, e) {
			err = e
		}
	}
	switch err {
	case model.ErrReasonText:
		return model.T(l, "skriv en förklaring när skälet är annat.", "write an explanation when the reason is other.")
	case model.ErrCloseDate:
		return model.T(l, "datumet ska vara ÅÅÅÅ-MM-DD och inte senare än i dag.", "the date must be YYYY-MM-DD and not later than today.")
	case model.ErrReason:
		return model.T(l, "välj ett skäl.", "choose a reason.")
	case model.ErrDraftOpen:
		return model.T(l, "det finns ett påbörjat utkast.", "there is an unfinished draft.")
	}
	return common.ErrText(l, err)
}

func (m *Model) View() string {
	l, width := m.lang, m.width
	w := max(20, width)
	var b strings.Builder
	b.WriteString(m.st.Title.Render(ansi.Wrap(model.T(l, "Avsluta planen för ", "Close the plan of ")+m.Plan.Person.Name, w, "")) + "\n\n")
	if m.Done {
		m.tellView(&b, w)
		return b.String()
	}
	if m.ask != nil {
		// The question takes the form's place, so it fits any window.
		return b.String() + m.ask.View(width)
	}
	intro := model.T(l,
		"En avslutad plan kan inte ändras. Om samtycket är återkallat döljs planens innehåll, och utskriften blir ett meddelande om avslut.",
		"A closed plan cannot be changed. If consent was withdrawn, the plan's content is hidden and the print is a closure notice.")
	var rest strings.Builder
	rest.WriteString(m.Form.View(nil) + "\n")
	if m.err != "" {
		rest.WriteString("\n" + m.st.Err.Render(ansi.Wordwrap(m.err, w, "")) + "\n")
	}
	m.help.SetWidth(width)
	rest.WriteString("\n" + common.ShortHelp(common.StyledHelp(m.st, m.help), m.ShortHelp(), width))
	text := ansi.Wordwrap(intro, max(20, width-2), "")
	if m.removable {
		// Said where the window has room; the reason's option says it
		// anyway.
		more := ansi.Wordwrap(intro+" "+model.T(l,
			"Ett utkast som aldrig fastställts eller skrivits ut kan också tas bort helt, om planen skapades av misstag: välj det som skäl.",
			"A draft never finalised or printed can also be removed altogether, if the plan was made by mistake: choose that as the reason."), max(20, width-2), "")
		if lines := strings.Count(b.String()+more+"\n\n"+rest.String(), "\n") + 1; m.height == 0 || lines <= m.height {
			text = more
		}
	}
	return b.String() + text + "\n\n" + rest.String()
}

// tellView is the list of people to tell, with a tick for each told.
func (m *Model) tellView(b *strings.Builder, w int) {
	l := m.lang
	c := m.Plan.Closure
	if c == nil {
		return
	}
	b.WriteString(m.st.OK.Render(ansi.Wordwrap(model.T(l, "Planen är avslutad. Den finns kvar och kan skrivas ut, men kan inte ändras.",
		"The plan is closed. It is kept and can be printed, but not changed."), w, "")) + "\n")
	b.WriteString(ansi.Wordwrap(c.Describe(l), w, "") + "\n\n")
	told := 0
	for _, r := range c.Tell {
		if r.Told {
			told++
		}
	}
	b.WriteString(m.st.Label.Render(fmt.Sprintf(model.T(l, "Samordnaren meddelar (%d av %d meddelade):", "The coordinator tells (%d of %d told):"), told, len(c.Tell))) + "\n")
	for i, r := range c.Tell {
		mark := "[ ] "
		if r.Told {
			mark = "[x] "
		}
		line := ansi.Truncate(mark+r.Line(), w, "…")
		if i == m.cursor {
			// The one chosen is read whole, an address included; the
			// others keep a line each.
			wrapped := strings.Split(ansi.Wrap(r.Line(), max(10, w-len(mark)), ""), "\n")
			for j := range wrapped {
				pre := strings.Repeat(" ", len(mark))
				if j == 0 {
					pre = mark
				}
				wrapped[j] = m.st.Selected.Render(pre + wrapped[j])
			}
			line = strings.Join(wrapped, "\n")
		}
		b.WriteString(line + "\n")
	}
	m.help.SetWidth(w)
	b.WriteString("\n" + common.ShortHelp(common.StyledHelp(m.st, m.help), m.ShortHelp(), w))
}

var _ common.Component = (*Model)(nil)

// SetSize gives the form the window, less room for the title and help.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.Form.SetSize(min(width-4, 70), height-10)
}

// ShortHelp names the keys that work now: the form's, or once the plan is
// closed, the list of people to tell.
func (m *Model) ShortHelp() []key.Binding {
	if m.Done {
		return []key.Binding{m.keys.up, m.keys.tick, m.keys.leave}
	}
	if m.reason == removeReason {
		remove := key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", model.T(m.lang, "ta bort planen", "remove the plan")))
		return []key.Binding{remove, m.keys.cancel}
	}
	return []key.Binding{m.keys.save, m.keys.cancel}
}

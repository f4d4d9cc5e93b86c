package ui

import (
	"errors"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
)

// closeRequestMsg asks the root to close plan id; closedPlanMsg says the
// user has read who to tell and goes back.
type (
	closeRequestMsg struct {
		id      string
		closure model.Closure
	}
	closedPlanMsg struct{}
)

// closeModel closes a plan: a reason, a date, and then the list of who must
// be told. A closed plan is kept, read-only and printable.
type closeModel struct {
	lang   model.Lang
	st     *Styles
	plan   *model.Plan
	reason string
	text   string
	date   string
	form   *form
	err    string
	done   bool
	busy   bool // a close request is on its way
	now    func() time.Time
	help   help.Model
	keys   struct{ save, cancel key.Binding }
}

func newCloseModel(l model.Lang, st *Styles, p *model.Plan, now func() time.Time) *closeModel {
	m := &closeModel{lang: l, st: st, plan: p, now: now, reason: string(model.CloseGoalsMet), date: now().Format(model.DateLayout), help: help.New()}
	var opts []option
	for _, r := range model.ClosureReasons {
		opts = append(opts, option{string(r), r.Label(l)})
	}
	m.form = newForm(l, st, []field{
		{path: "reason", label: model.T(l, "Varför avslutas planen?", "Why is the plan closed?"), kind: kindChoice, opts: opts,
			get: func() string { return m.reason }, set: func(s string) { m.reason = s }},
		textField("text", model.T(l, "Förklaring (krävs vid annat skäl)", "Explanation (needed for another reason)"), "", func() *string { return &m.text }),
		withCheck(textField("date", model.T(l, "Datum", "Date"), "", func() *string { return &m.date }), dateCheck(l)),
	})
	m.keys.save = key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", model.T(l, "avsluta planen", "close the plan")))
	m.keys.cancel = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T(l, "tillbaka", "back")))
	return m
}

func (m *closeModel) update(msg tea.Msg) tea.Cmd {
	k, isKey := msg.(tea.KeyPressMsg)
	if m.done {
		if isKey {
			return func() tea.Msg { return closedPlanMsg{} }
		}
		return nil
	}
	if isKey {
		m.err = ""
		switch {
		case key.Matches(k, m.keys.cancel):
			return func() tea.Msg { return cancelMsg{} }
		case key.Matches(k, m.keys.save):
			if m.busy {
				return nil
			}
			m.busy = true
			id, c := m.plan.ID, model.Closure{Reason: model.ClosureReason(m.reason), Text: strings.TrimSpace(m.text), Date: m.date}
			return func() tea.Msg { return closeRequestMsg{id, c} }
		}
	}
	cmd, _ := m.form.update(msg)
	return cmd
}

// closed takes the answer to a close request: the closed plan, stored,
// or why it was not closed.
func (m *closeModel) closed(p *model.Plan, err error) {
	m.busy = false
	if err != nil {
		m.err = model.T(m.lang, "Planen kunde inte avslutas: ", "The plan could not be closed: ") + closeErrText(m.lang, err)
		return
	}
	m.plan, m.done = p, true
}

func closeErrText(l model.Lang, err error) string {
	switch {
	case errors.Is(err, model.ErrReasonText):
		return model.T(l, "skriv en förklaring när skälet är annat.", "write an explanation when the reason is other.")
	case errors.Is(err, model.ErrCloseDate):
		return model.T(l, "datumet ska vara ÅÅÅÅ-MM-DD och inte senare än i dag.", "the date must be YYYY-MM-DD and not later than today.")
	}
	return errText(l, err)
}

func (m *closeModel) view(width int) string {
	l := m.lang
	var b strings.Builder
	b.WriteString(m.st.Title.Render(ansi.Truncate(model.T(l, "Avsluta planen för ", "Close the plan of ")+m.plan.Person.Name, max(20, width), "…")) + "\n\n")
	if m.done {
		b.WriteString(m.st.OK.Render(ansi.Wordwrap(model.T(l, "Planen är avslutad. Den finns kvar och kan skrivas ut, men kan inte ändras.",
			"The plan is closed. It is kept and can be printed, but not changed."), max(20, width), "")) + "\n\n")
		b.WriteString(m.st.Label.Render(ansi.Wordwrap(model.T(l, "Samordnaren meddelar att planen är avslutad till:",
			"The coordinator tells these people that the plan is closed:"), max(20, width), "")) + "\n")
		for _, p := range m.plan.WhoToTell() {
			line := "  • " + p.Name
			if org := strings.Join(nonEmpty(p.Unit, model.PartyName(p.Principal, p.OtherParty, l)), ", "); org != "" {
				line += " (" + org + ")"
			}
			if p.Phone != "" || p.Email != "" {
				line += " — " + strings.TrimSpace(p.Phone+" "+p.Email)
			}
			b.WriteString(ansi.Truncate(line, width, "…") + "\n")
		}
		b.WriteString("\n" + m.st.Subtle.Render(ansi.Truncate(model.T(l, "Tryck en tangent för att gå tillbaka.", "Press any key to go back."), max(20, width), "…")))
		return b.String()
	}
	b.WriteString(ansi.Wordwrap(model.T(l,
		"En avslutad plan kan inte ändras. Om samtycket är återkallat döljs planens innehåll i listan.",
		"A closed plan cannot be changed. If consent was withdrawn, the plan's content is hidden in the list."), max(20, width-2), "") + "\n\n")
	b.WriteString(m.form.view(nil) + "\n")
	if m.err != "" {
		b.WriteString("\n" + m.st.Err.Render(ansi.Wordwrap(m.err, max(20, width), "")) + "\n")
	}
	m.help.SetWidth(width)
	b.WriteString("\n" + shortHelp(m.help, []key.Binding{m.keys.save, m.keys.cancel}, width))
	return b.String()
}

// nonEmpty keeps the strings that say something.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

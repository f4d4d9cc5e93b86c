package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/sipmote/sipmote/ui/common"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/termsafe"
)

// TrailRow is one event of an access trail as the trail screen shows it.
type TrailRow struct {
	Seq       uint64
	At        time.Time
	Kind      string
	Section   string
	Count     int
	OSUser    string
	Secretary string
	From      string
}

type trailKeys struct {
	up, down, pageUp, pageDown, top, bottom, back, help key.Binding
}

func newTrailKeys(l model.Lang) trailKeys {
	return trailKeys{
		up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", model.T(l, "bläddra", "scroll"))),
		down:     key.NewBinding(key.WithKeys("down", "j")),
		pageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", model.T(l, "en sida", "a page"))),
		pageDown: key.NewBinding(key.WithKeys("pgdown", "space")),
		top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home/end", model.T(l, "först/sist", "first/last"))),
		bottom:   key.NewBinding(key.WithKeys("end", "G")),
		back:     key.NewBinding(key.WithKeys("esc", "q", "t"), key.WithHelp("esc", model.T(l, "tillbaka", "back"))),
		help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", model.T(l, "hjälp", "help"))),
	}
}

func (k trailKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.up, k.pageUp, k.top, k.back, k.help}
}

func (k trailKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.up, k.pageUp}, {k.top, k.back, k.help}}
}

// trailModel shows a plan's access trail: who did what, when and from
// where, newest last, as sipmote trail prints it. It only shows; the trail
// cannot be changed from anywhere.
type trailModel struct {
	lang          model.Lang
	st            *common.Styles
	keys          trailKeys
	help          help.Model
	title         string
	rows          []TrailRow
	offset        int
	width, height int
	showHelp      bool
}

func newTrailModel(l model.Lang, st *common.Styles, title string, rows []TrailRow, w, h int) *trailModel {
	m := &trailModel{lang: l, st: st, keys: newTrailKeys(l), help: help.New(), title: title, rows: rows, width: w, height: h}
	m.offset = max(0, len(rows)-m.page()) // the newest events first in view
	return m
}

// page is how many rows fit between the header and the help line.
func (m *trailModel) page() int { return max(1, m.height-6) }

type trailBackMsg struct{}

func (m *trailModel) update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if m.showHelp {
		m.showHelp = false
		return nil
	}
	last := max(0, len(m.rows)-m.page())
	switch {
	case key.Matches(k, m.keys.back):
		return func() tea.Msg { return trailBackMsg{} }
	case key.Matches(k, m.keys.help):
		m.showHelp = true
	case key.Matches(k, m.keys.up):
		m.offset = max(0, m.offset-1)
	case key.Matches(k, m.keys.down):
		m.offset = min(last, m.offset+1)
	case key.Matches(k, m.keys.pageUp):
		m.offset = max(0, m.offset-m.page())
	case key.Matches(k, m.keys.pageDown):
		m.offset = min(last, m.offset+m.page())
	case key.Matches(k, m.keys.top):
		m.offset = 0
	case key.Matches(k, m.keys.bottom):
		m.offset = last
	}
	return nil
}

func (m *trailModel) view() string {
	l := m.lang
	var b strings.Builder
	b.WriteString(m.st.Title.Render(ansi.Truncate(m.title, max(1, m.width), "…")) + "\n")
	if m.showHelp {
		hm := m.help
		hm.SetWidth(m.width)
		b.WriteString("\n" + hm.FullHelpView(m.keys.FullHelp()) + "\n\n")
		b.WriteString(m.st.Subtle.Width(max(20, m.width)).Render(model.T(l,
			"Loggen visar varje gång planen skapats, öppnats, ändrats, visats, skrivits ut eller exporterats: när, av vem och varifrån, aldrig innehållet. Den går inte att ändra härifrån; sipmote check visar om någon ändrat i den utanför programmet.",
			"The trail shows every time the plan was created, opened, changed, shown, printed or exported: when, by whom and from where, never the content. It cannot be changed from here; sipmote check shows whether anyone changed it outside the program.")) + "\n")
		b.WriteString(m.st.Subtle.Render(model.T(l, "Tryck en tangent för att stänga hjälpen.", "Press any key to close the help.")))
		return b.String()
	}
	b.WriteString(m.st.Subtle.Render(model.Plural(l, len(m.rows), "%d händelse", "%d händelser", "%d event", "%d events")+model.T(l, ", äldst först", ", oldest first")) + "\n\n")
	if len(m.rows) == 0 {
		b.WriteString(model.T(l, "Inga händelser.", "No events.") + "\n")
	} else {
		// Who gets what the window has to spare, beside the place it
		// was done from.
		ww := min(30, max(12, (m.width-4-16-24-4)/2))
		head := fmt.Sprintf("%-4s %-16s %-24s %-*s %s", model.T(l, "Nr", "No"), model.T(l, "När", "When"),
			model.T(l, "Vad", "What"), ww, model.T(l, "Vem", "Who"), model.T(l, "Varifrån", "From"))
		b.WriteString(m.st.Header.Render(ansi.Truncate(head, max(1, m.width), "…")) + "\n")
		end := min(len(m.rows), m.offset+m.page())
		for _, r := range m.rows[m.offset:end] {
			line := fmt.Sprintf("%-4d %-16s %-24s %-*s %s", r.Seq, r.At.Local().Format("2006-01-02 15:04"),
				fit(m.what(r), 24), ww, fit(who(r), ww), termsafe.String(r.From))
			b.WriteString(ansi.Truncate(line, max(1, m.width), "…") + "\n")
		}
	}
	b.WriteString("\n" + common.ShortHelp(m.help, m.keys.ShortHelp(), m.width))
	return b.String()
}

func (m *trailModel) what(r TrailRow) string {
	s := model.TrailLabel(m.lang, r.Kind, r.Section)
	if r.Count > 0 {
		s += fmt.Sprintf(model.T(m.lang, ", %d planer", ", %d plans"), r.Count)
	}
	return s
}

func who(r TrailRow) string {
	w := termsafe.String(r.OSUser)
	if r.Secretary != "" {
		w += " (" + termsafe.String(r.Secretary) + ")"
	}
	return w
}

// fit cuts s to n cells, so the columns stay in line.
func fit(s string, n int) string { return ansi.Truncate(termsafe.String(s), n, "…") }

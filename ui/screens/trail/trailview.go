package trail

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/termsafe"
	"github.com/sipmote/sipmote/ui/common"
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
	// Carried marks an event of the sender's trail that came with a
	// sealed plan (it happened on another computer).
	Carried bool
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

// Model shows a plan's access trail: who did what, when and from
// where, newest last, as sipmote trail prints it. It only shows; the trail
// cannot be changed from anywhere.
type Model struct {
	lang          model.Lang
	st            *common.Styles
	keys          trailKeys
	help          help.Model
	title         string
	rows          []TrailRow
	offset        int
	Width, Height int
	showHelp      bool
}

func New(l model.Lang, st *common.Styles, title string, rows []TrailRow, w, h int) *Model {
	m := &Model{lang: l, st: st, keys: newTrailKeys(l), help: help.New(), title: title, rows: rows, Width: w, Height: h}
	m.offset = max(0, len(rows)-m.page()) // the newest events first in view
	return m
}

// page is how many rows fit between the header and the help line.
func (m *Model) page() int { return max(1, m.Height-6) }

type BackMsg struct{}

func (m *Model) Update(msg tea.Msg) tea.Cmd {
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
		return func() tea.Msg { return BackMsg{} }
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

func (m *Model) View() string {
	l := m.lang
	var b strings.Builder
	b.WriteString(m.st.Title.Render(ansi.Truncate(m.title, max(1, m.Width), "…")) + "\n")
	if m.showHelp {
		hm := m.help
		hm.SetWidth(m.Width)
		b.WriteString("\n" + hm.FullHelpView(m.keys.FullHelp()) + "\n\n")
		b.WriteString(m.st.Subtle.Width(max(20, m.Width)).Render(model.T(l,
			"Loggen visar varje gång planen skapats, öppnats, ändrats, visats, skrivits ut eller exporterats: när, av vem och varifrån, aldrig innehållet. Den går inte att ändra härifrån; sipmote check visar om någon ändrat i den utanför programmet.",
			"The trail shows every time the plan was created, opened, changed, shown, printed or exported: when, by whom and from where, never the content. It cannot be changed from here; sipmote check shows whether anyone changed it outside the program.")) + "\n")
		b.WriteString(m.st.Subtle.Render(model.T(l, "Tryck en tangent för att stänga hjälpen.", "Press any key to close the help.")))
		return b.String()
	}
	b.WriteString(m.st.Subtle.Render(model.Plural(l, len(m.rows), "%d händelse", "%d händelser", "%d event", "%d events")+model.T(l, ", äldst först", ", oldest first")) + "\n\n")
	if len(m.rows) == 0 {
		b.WriteString(model.T(l, "Inga händelser.", "No events.") + "\n")
	} else {
		// What and who share what the window has to spare beside the
		// number, the time and the place it was done from; what first,
		// so that a device's "fel kod till delat möte (…), 3 försök" is
		// read whole on a wide window.
		spare := m.Width - 4 - 16 - 4 - 18
		// Measured over every row, so the columns stay put while scrolling;
		// no wider than what is in them, so that "root (Ali Rahimi)" is
		// not cut beside a short "öppnad".
		needWhat, needWho := ansi.StringWidth(model.T(l, "Vad", "What")), ansi.StringWidth(model.T(l, "Vem", "Who"))
		for _, r := range m.rows {
			needWhat = max(needWhat, ansi.StringWidth(termsafe.String(m.what(r))))
			needWho = max(needWho, ansi.StringWidth(m.who(r)))
		}
		wwhat, ww := min(needWhat, 60), min(needWho, 30)
		if wwhat+ww > spare {
			ww = min(ww, max(12, spare/3))
			wwhat = max(24, spare-ww)
		}
		head := fmt.Sprintf("%-4s %-16s %-*s %-*s %s", model.T(l, "Nr", "No"), model.T(l, "När", "When"),
			wwhat, model.T(l, "Vad", "What"), ww, model.T(l, "Vem", "Who"), model.T(l, "Varifrån", "From"))
		b.WriteString(m.st.Header.Render(ansi.Truncate(head, max(1, m.Width), "…")) + "\n")
		end := min(len(m.rows), m.offset+m.page())
		for _, r := range m.rows[m.offset:end] {
			line := fmt.Sprintf("%-4d %-16s %-*s %-*s %s", r.Seq, r.At.Local().Format("2006-01-02 15:04"),
				wwhat, fit(m.what(r), wwhat), ww, fit(m.who(r), ww), termsafe.String(r.From))
			b.WriteString(ansi.Truncate(line, max(1, m.Width), "…") + "\n")
		}
	}
	b.WriteString("\n" + common.ShortHelp(m.help, m.keys.ShortHelp(), m.Width))
	return b.String()
}

func (m *Model) what(r TrailRow) string {
	s := model.TrailWhat(m.lang, r.Kind, r.Section, r.Count)
	if r.Carried {
		s = model.T(m.lang, "[avsändare] ", "[sender] ") + s
	}
	return s
}

func (m *Model) who(r TrailRow) string {
	if r.OSUser == service.UnknownDevice {
		// A shared screen on another computer: its account cannot be known.
		return model.T(m.lang, "okänt konto", "unknown account")
	}
	w := termsafe.String(r.OSUser)
	if r.Secretary != "" {
		w += " (" + termsafe.String(r.Secretary) + ")"
	}
	return w
}

// fit cuts s to n cells, so the columns stay in line.
func fit(s string, n int) string { return ansi.Truncate(termsafe.String(s), n, "…") }

var _ common.Component = (*Model)(nil)

// SetSize gives the trail the window.
func (m *Model) SetSize(width, height int) { m.Width, m.Height = width, height }

// ShortHelp names the trail's keys.
func (m *Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

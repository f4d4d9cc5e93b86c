// The meeting's bottom lines: the status bar with the save state and the
// findings' counts, the step line, and the key help.

package meeting

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
	"github.com/sipmote/sipmote/ui/screens/room"
)

// FullHelp is every key of the meeting, grouped as the help shows them.
func (m *Model) FullHelp() []components.HelpGroup {
	k, l := m.keys, m.lang
	dir := key.NewBinding(key.WithKeys("alt+1"), key.WithHelp("alt+1…0", model.T(l, "direkt till avsnitt", "straight to a section")))
	start := k.start
	if v := m.version(); v.Started() {
		start = k.undoStart
	}
	sec := m.Sections[m.Active].Help()
	sec = append(sec, k.undoText)
	if m.Active == secParticipants {
		sec = append(sec, k.undo)
	}
	if _, ok := m.Sections[m.Active].(*FormSection); ok {
		sec = append(sec, key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T(l, "lämnar inte avsnittet: använd ctrl+g eller ctrl+n", "does not leave the section: use ctrl+g or ctrl+n"))))
	}
	return []components.HelpGroup{
		{Title: model.T(l, "Dagordningen", "The agenda"), Keys: []key.Binding{start, k.next, k.prev, k.follow, k.done, k.rounds, k.ticks}},
		{Title: model.T(l, "Planen", "The plan"), Keys: []key.Binding{k.sections, dir, k.findings, k.preview, k.changes, k.views, k.room, k.share}},
		{Title: model.T(l, "Det här avsnittet: ", "This section: ") + sectionLabel(m.Active, l), Keys: sec},
		{Title: model.T(l, "Spara, stäng, hjälp", "Save, close, help"), Keys: []key.Binding{k.save, k.quit, k.interrupt,
			key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1/esc", model.T(l, "stänger hjälpen", "closes the help")))}},
	}
}

// ShortHelp is the bottom line: how to get help and how to leave come
// first, whatever the width; on the first step's section, starting (or
// taking back a false start); then the keys of the section in front. On
// the other steps the agenda's clock line tells how to start.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	out := []key.Binding{k.help, k.shortQuit}
	if v := m.Sess.Draft(); v != nil && m.Step == 0 && len(m.Steps) > 0 && m.Active == m.Steps[0].Section {
		if v.Started() {
			out = append(out, k.undoStart)
		} else {
			out = append(out, k.start)
		}
	}
	out = append(out, m.Sections[m.Active].Help()...)
	return append(out, k.findings, k.preview, k.views, k.room, k.ticks)
}

// stepHelp is the agenda's keys, on the status line beside the save state.
func (m *Model) stepHelp() []key.Binding {
	// Shorter words than in the help, so that they fit beside the save
	// time at 80 columns.
	sec := key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", model.T(m.lang, "avsnitt", "sections")))
	return []key.Binding{m.keys.next, sec}
}

func (m *Model) statusBar() string {
	nErr, nWarn := model.CountFindings(m.Findings)
	save := m.st.OK.Render(m.SaveText)
	if m.SaveErr {
		save = m.st.Err.Render(m.SaveText)
	}
	counts := room.CountText(m.lang, nErr, nWarn)
	if nErr > 0 {
		counts = m.st.Err.Render(counts)
	} else {
		counts = m.st.Subtle.Render(counts)
	}
	line := save + "  ·  " + counts + m.shareStatus()
	if p := m.Sess.Plan(); p.Status == model.StatusClosed {
		// Nothing is saved and nothing is to fix in a plan that has
		// ended: the line says what it is.
		line = m.st.Subtle.Render(room.ClosedLine(m.lang, p))
	}
	if ansi.StringWidth(line) > m.width {
		// At 80 columns with wrong codes the whole of it does not fit:
		// the short form keeps the numbers, which are what matter.
		line = save + "  ·  " + counts + m.shareStatusIn(true)
	}
	line = ansi.Truncate(line, m.width, "…")
	// While the chair is at another step, the right of the status line
	// says where, in short, instead of the agenda's keys, so that the
	// help line keeps the keys for the rest of the meeting; only when it
	// has no room does the line under it say it instead.
	chairShort := ""
	if short := m.followShort(); short != "" && ansi.StringWidth(line)+ansi.StringWidth(short)+4 <= m.width {
		line += strings.Repeat(" ", m.width-ansi.StringWidth(line)-ansi.StringWidth(short)) + short
		chairShort = short
	} else if steps := m.stepLine(); steps != "" && ansi.StringWidth(line)+ansi.StringWidth(steps)+4 <= m.width {
		line += strings.Repeat(" ", m.width-ansi.StringWidth(line)-ansi.StringWidth(steps)) + steps
	}
	if m.Message != "" {
		// A message takes the help line, so a file name is never cut off
		// behind the keys; the next key brings the help back. One too
		// long for the line takes the save line too, for that moment, so
		// that its end (often the key that undoes it) is read whole;
		// while saves fail, the save line keeps its place.
		msg := strings.Split(ansi.Wrap(m.Message, max(1, m.width), ""), "\n")
		if len(msg) == 1 || m.SaveErr {
			return line + "\n" + m.st.Warn.Render(ansi.Truncate(m.Message, m.width, "…"))
		}
		return m.st.Warn.Render(msg[0]) + "\n" + m.st.Warn.Render(ansi.Truncate(strings.Join(msg[1:], " "), m.width, "…"))
	}
	if m.SaveErr && m.saveWhy != "" {
		// The status line is cut at the window's edge: while saves fail,
		// the line under it says the reason whole, and what happens.
		why := []rune(strings.TrimRight(m.saveWhy, ". "))
		if len(why) > 0 {
			why[0] = unicode.ToUpper(why[0])
		}
		then := model.T(m.lang, ". Texten finns kvar här; nytt försök varje halv sekund.", ". The text is still here; trying again every half second.")
		if m.saveRefused {
			then = model.T(m.lang, ". Texten finns bara här; ctrl+q lämnar mötet och säger var den kan sparas.",
				". The text is only here; ctrl+q leaves the meeting and says where it can be kept.")
		}
		return line + "\n" + m.st.Err.Render(ansi.Truncate(string(why)+then, m.width, "…"))
	}
	if f := m.followLine(); f != "" && chairShort == "" {
		// While the chair is at another step, the line says where, and
		// how to follow; the help comes back once followed.
		return line + "\n" + f
	}
	return line + "\n" + m.helpLine()
}

// stepLine is the agenda's keys as drawn on the status line; it changes
// only with the width.
func (m *Model) stepLine() string {
	k := fmt.Sprintf("%d", m.width)
	if k != m.stepKey {
		m.stepKey = k
		h := m.help
		h.Styles = m.st.Help
		h.SetWidth(0)
		m.stepText = h.ShortHelpView(m.stepHelp())
	}
	return m.stepText
}

// helpLine is the key help, drawn again only when the keys that work change,
// not on every key typed.
func (m *Model) helpLine() string {
	keys := m.ShortHelp()
	var k strings.Builder
	fmt.Fprintf(&k, "%d|", m.width)
	for _, b := range keys {
		k.WriteString(b.Help().Key + b.Help().Desc + "|")
	}
	if k.String() != m.helpKey {
		m.helpKey = k.String()
		m.helpText = common.ShortHelp(common.StyledHelp(m.st, m.help), keys, m.width)
	}
	return m.helpText
}

var _ common.Component = (*Model)(nil)

// savedText is the status line's word for a plan just opened: when it was
// last saved, with the date when that was not today ("sparat" alone read
// as if a time had been cut off).
func savedText(l model.Lang, at, now time.Time) string {
	word := model.T(l, "sparat", "saved")
	if at.IsZero() {
		return word
	}
	at = at.In(now.Location())
	if y, m, d := at.Date(); y == now.Year() && m == now.Month() && d == now.Day() {
		return word + " " + at.Format("15:04:05")
	}
	return word + " " + at.Format("2006-01-02 15:04")
}

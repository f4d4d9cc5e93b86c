package meeting

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
	"github.com/sipmote/sipmote/ui/screens/meeting/printdialog"
)

// The quick row adds a participant from one line, so that ten people can
// be entered in the time the full form takes for two; the form is still
// there (enter on the row) for the details.

var quickKeys = struct{ add, done, form key.Binding }{
	add:  key.NewBinding(key.WithKeys("enter")),
	done: key.NewBinding(key.WithKeys("esc")),
	form: key.NewBinding(key.WithKeys("tab")),
}

// quickRowMax is the most characters the quick row holds: far more than a
// name and its parts need, few enough that what the row understood is
// worked out again at every key without a wait. What goes past it is
// refused with a line that says so (components.FullNotice).
const quickRowMax = 300

func (s *ListSection) openQuick() tea.Cmd {
	in := textinput.New()
	in.Prompt = "+ "
	in.Placeholder = model.T(s.lang, "Per Wall, Geriatriken, region, video", "Per Wall, Geriatrics, region, video")
	in.CharLimit = quickRowMax
	in.SetWidth(max(10, s.width-4))
	s.quickIn = &in
	s.quickNote = ""
	s.quickLimit.Reset()
	return s.quickIn.Focus()
}

// QuickLine is the quick row's line not yet added, "" when the row is
// closed or empty.
func (s *ListSection) QuickLine() string {
	if s.quickIn == nil || strings.TrimSpace(s.quickIn.Value()) == "" {
		return ""
	}
	return s.quickIn.Value()
}

// reopenQuick opens the quick row again with the line kept from the last
// time the plan was open, and says it is not added yet.
func (s *ListSection) reopenQuick(line string) tea.Cmd {
	if s.spec.quick == nil || strings.TrimSpace(line) == "" {
		return nil
	}
	cmd := s.openQuick()
	s.quickIn.SetValue(line)
	s.quickIn.CursorEnd()
	s.quickNote = model.T(s.lang, "Raden skrevs förra gången men är inte tillagd: enter lägger till den, esc kastar den.",
		"This row was typed last time but is not added: enter adds it, esc throws it away.")
	return cmd
}

func (s *ListSection) updateQuick(msg tea.Msg) (tea.Cmd, bool) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, quickKeys.done):
			// Text typed on the table opens the quick row, and esc is
			// what a secretary presses to leave: a line not added is
			// said once before esc throws it away.
			if strings.TrimSpace(s.quickIn.Value()) != "" && !s.quickEsc {
				s.quickEsc = true
				s.quickNote = model.T(s.lang, "Raden är inte tillagd: enter lägger till den, esc igen kastar den.",
					"The row is not added: enter adds it, esc again throws it away.")
				return nil, false
			}
			s.quickIn, s.quickEsc = nil, false
			return nil, false
		case key.Matches(k, quickKeys.form):
			return s.quickToForm()
		case key.Matches(k, quickKeys.add):
			line := s.quickIn.Value()
			if strings.TrimSpace(line) == "" && s.spec.count() == 0 {
				// Enter on the empty list's empty quick row asks for the
				// full form, as the list says ("Skriv, eller tryck
				// enter"); once rows are there, a second enter after
				// adding one is not taken for that.
				s.quickIn, s.quickEsc = nil, false
				return s.startNew(), false
			}
			if !s.spec.quick(line) {
				s.quickNote = model.T(s.lang, "Skriv minst ett namn.", "Write at least a name.")
				return nil, false
			}
			s.quickIn.SetValue("")
			s.quickNote = ""
			s.quickLimit.Reset()
			s.Cursor = s.spec.count() - 1
			return nil, true
		}
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		msg = tea.PasteMsg{Content: components.Sanitize(p.Content, false)}
	}
	if _, ok := msg.(tea.KeyPressMsg); ok && s.quickEsc {
		s.quickEsc, s.quickNote = false, ""
	}
	if s.quickFull(msg) {
		return nil, false
	}
	in, cmd := s.quickIn.Update(msg)
	s.quickIn = &in
	return cmd, false
}

// quickFull refuses a key or a paste that would take the quick row past
// quickRowMax, and says so under the row: the text input would drop it
// without a word. The keys refused in a row are quoted, so that the end
// of a long name can be read and typed into the row's form instead.
func (s *ListSection) quickFull(msg tea.Msg) bool {
	note, full := s.quickLimit.Refuse(s.lang, s.quickIn, msg)
	if !full {
		return false
	}
	s.quickNote = note + model.T(s.lang, " Enter lägger till raden; resten skrivs sedan i radens formulär (enter på raden).",
		" Enter adds the row; write the rest in the row's form afterwards (enter on the row).")
	return true
}

// quickHelp is the quick row's help, wrapped to the section's width.
func (s *ListSection) quickHelp() string {
	return ansi.Wordwrap(model.T(s.lang,
		"Namn först, sedan med komman: roll eller släkt (son, god man, tolk arabiska), titel, verksamhet, kommun/region, telefon/video/frånvarande.",
		"Name first, then with commas: role or relation (son, trustee, interpreter Arabic), title, unit, municipality/region, phone/video/absent."), max(10, s.width), "")
}

// quickNoteText is the note under the quick row, wrapped, or "".
func (s *ListSection) quickNoteText() string {
	if s.quickNote == "" {
		return ""
	}
	return ansi.Wordwrap(s.quickNote, max(10, s.width), "")
}

// quickHeight is the most lines quickView takes as the row is typed: its
// label and the row, a note, and a line of what it understood with the
// help under it (two lines of it take the help's place). The table above
// gives up exactly that, so that as many rows as fit stay in view.
func (s *ListSection) quickHeight() int {
	n := 2 + max(2, 1+strings.Count(s.quickHelp(), "\n")+1)
	if note := s.quickNoteText(); note != "" {
		n += strings.Count(note, "\n") + 1
	}
	return n
}

func (s *ListSection) quickView() string {
	out := s.st.Label.Render(model.T(s.lang, "Snabbrad", "Quick row")) + "\n" + s.quickIn.View() + "\n"
	if note := s.quickNoteText(); note != "" {
		// Right under the line it is about: at 80x24 the lines below
		// the preview are cut off.
		out += s.st.Warn.Render(note) + "\n"
	}
	p, lines := s.quickPreview()
	if p != "" {
		out += p + "\n"
	}
	if lines < 2 {
		// Two lines of what the row understood take the help's place.
		out += s.st.Subtle.Render(s.quickHelp())
	}
	return strings.TrimRight(out, "\n")
}

// quickPreview says what the row understood of the line typed so far, as
// it will be added: "Bo Sjöberg · närstående, son · telefon — enter lägger
// till", and how many lines that took. What does not fit one line goes on
// a second, split between parts; a part too long for that is cut, never
// the name or the key.
func (s *ListSection) quickPreview() (string, int) {
	if s.spec.preview == nil || strings.TrimSpace(s.quickIn.Value()) == "" {
		return "", 0
	}
	width := max(10, s.width)
	segs := s.spec.preview(s.quickIn.Value())
	if len(segs) == 0 {
		return s.st.Warn.Render(ansi.Truncate(model.T(s.lang, "Namnet står först, före första kommat.", "The name comes first, before the first comma."), width, "…")), 1
	}
	const sep = " · "
	hint := s.st.Subtle.Render(" — " + model.T(s.lang, "enter lägger till", "enter adds"))
	room := width - ansi.StringWidth(hint)
	if ansi.StringWidth(strings.Join(segs, sep)) <= room {
		return strings.Join(segs, sep) + hint, 1
	}
	// As many parts as fit on the first line; the rest on the second.
	k := 1
	for k < len(segs)-1 && ansi.StringWidth(strings.Join(segs[:k+1], sep)+" ·") <= width {
		k++
	}
	first := fitMiddle(strings.Join(segs[:k], sep)+" ·", width)
	return first + "\n" + fitSegments(segs[k:], sep, room) + hint, 2
}

// fitSegments joins the parts in width columns. When they are too wide,
// the longest parts after the name are cut to an equal length, so that
// every part still shows its start; only when that is not enough is the
// middle of the whole cut out.
func fitSegments(segs []string, sep string, width int) string {
	joined := strings.Join(segs, sep)
	if ansi.StringWidth(joined) <= width || len(segs) < 2 {
		return fitMiddle(joined, width)
	}
	const least = 6 // "Vårdc…" still says which unit
	fixed := ansi.StringWidth(segs[0]) + ansi.StringWidth(sep)*(len(segs)-1)
	widths := make([]int, len(segs))
	longest := 0
	for i, s := range segs {
		widths[i] = ansi.StringWidth(s)
		if i > 0 {
			longest = max(longest, widths[i])
		}
	}
	for c := longest; c >= least; c-- {
		total := fixed
		for _, w := range widths[1:] {
			total += min(w, c)
		}
		if total > width {
			continue
		}
		out := []string{segs[0]}
		for _, s := range segs[1:] {
			out = append(out, ansi.Truncate(s, c, "…"))
		}
		return strings.Join(out, sep)
	}
	return fitMiddle(joined, width)
}

// fitMiddle cuts text to width columns by taking out its middle, so that
// both the name at the start and the note at the end still show.
func fitMiddle(text string, width int) string {
	w := ansi.StringWidth(text)
	if w <= width {
		return text
	}
	if width < 2 {
		return ansi.Truncate(text, max(width, 0), "")
	}
	head := (width - 1) / 2
	tail := width - 1 - head
	return ansi.Truncate(text, head, "") + "…" + ansi.TruncateLeft(text, w-tail, "")
}

// quickLine is the participants' quick row's line not yet added, wherever
// the secretary is now: it is kept with the position.
func (m *Model) quickLine() string {
	if ls, ok := m.Sections[secParticipants].(*ListSection); ok {
		return ls.QuickLine()
	}
	return ""
}

// restoreQuick opens the quick row with the line kept when the plan was
// last open. Where the meeting opens on another section, a line says
// where the row is.
func (m *Model) restoreQuick(line, copyLine string) {
	m.copyLine = copyLine
	if copyLine != "" {
		m.Message = model.T(m.lang, "En mottagare som skrevs i utskriftsrutan förra gången är inte tillagd än: p på sista punkten öppnar rutan med den.",
			"A recipient typed in the print dialog last time is not added yet: p on the last step opens the dialog with it.")
	}
	ls, ok := m.Sections[secParticipants].(*ListSection)
	if !ok || line == "" || m.Sess.ReadOnly() {
		return
	}
	ls.reopenQuick(line)
	if m.Active != secParticipants {
		m.Message = model.T(m.lang, "En deltagarrad som skrevs förra gången är inte tillagd än: den är öppen under ",
			"A participant row typed last time is not added yet: it is open under ") + m.sectionKeyName(secParticipants) + "."
	}
}

// KeptQuick is the sentence the home screen adds when the meeting is left
// with a quick row not yet added, "" when there is none.
func (m *Model) KeptQuick() string {
	out := ""
	if m.quickLine() != "" {
		out += model.T(m.lang, " Deltagarraden som inte lades till är också sparad och öppen igen när du öppnar planen.",
			" The participant row not yet added is saved too, and open again when you open the plan.")
	}
	if m.pendingCopy() != "" && m.keepsPosition() {
		out += model.T(m.lang, " Mottagaren som skrevs i utskriftsrutan är också sparad och står kvar i rutan nästa gång.",
			" The recipient typed in the print dialog is saved too, and is in the dialog next time.")
	}
	return out
}

// pendingCopy is the print dialog's recipient typed but not added: the
// open dialog's, or the one kept from before.
func (m *Model) pendingCopy() string {
	if !m.keepsPosition() {
		return ""
	}
	if o, ok := m.Over.(*printdialog.Overlay); ok {
		if line := o.Pending(); line != "" {
			return line
		}
	}
	return m.copyLine
}

// keepsPosition tells whether the plan's position is saved: a finalised
// or closed plan takes no change, the position neither.
func (m *Model) keepsPosition() bool {
	return !m.Sess.ReadOnly()
}

// holdLeave keeps the print dialog open at the first ctrl+q when a name is
// typed in it that cannot be kept (the version is finalised), and says
// so; ctrl+q again leaves without it.
func (m *Model) holdLeave() bool {
	o, ok := m.Over.(*printdialog.Overlay)
	if !ok || o.Pending() == "" || m.keepsPosition() || m.leaveOnce {
		m.leaveOnce = false
		return false
	}
	m.leaveOnce = true
	o.Warn(model.T(m.lang, "Namnet är inte tillagt: enter lägger till det. ctrl+q igen stänger mötet utan det.",
		"The name is not added: enter adds it. ctrl+q again closes the meeting without it."))
	return true
}

// notePendingCopy records the print dialog's line with the position
// after each of its keys, so that it is saved as typed.
func (m *Model) notePendingCopy() {
	if _, ok := m.Over.(*printdialog.Overlay); ok && m.keepsPosition() {
		m.Sess.SetPosition(m.position())
	}
}

// quickToForm is tab on the quick row: the secretary who types a name and
// tab, as in the row's form, gets the form. The line is added as the
// quick row reads it ("Nora Lund, den enskilde" is the person), and the
// row opens in the form at the field after the name; an empty line opens
// the form on a new row.
func (s *ListSection) quickToForm() (tea.Cmd, bool) {
	line := s.quickIn.Value()
	s.quickIn, s.quickEsc, s.quickNote = nil, false, ""
	if strings.TrimSpace(line) == "" || !s.spec.quick(line) {
		return s.startNew(), false
	}
	open := s.OpenRow(s.spec.count() - 1)
	return tea.Batch(open, s.Form.Next()), true
}

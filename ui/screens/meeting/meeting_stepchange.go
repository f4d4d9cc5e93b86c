package meeting

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
)

// One keyboard moves the agenda and writes the plan. A step change the
// secretary makes (ctrl+n, ctrl+p, F5, a step marked done) is meant: what
// she types after it is the next answer, and belongs in the field now on
// screen, however soon she starts (tryout42b #2: "I want to sing again",
// typed 0.6 s after ctrl+n, was glued to the previous step's text). Only
// the keys already on their way when the step changed (typed before the
// new screen could be seen: they come within inFlight of the step change,
// or of the new screen being drawn, and of each other) go on in the field
// they were typed in, and one line says where. A step change from the
// chair's own device never moves the secretary's cursor (meeting_follow.go),
// so a sentence being typed then stays where it is, whatever its pace.
// A step change never puts the cursor on the person's name: a word typed
// on would rename the plan, and the projector's title with it.

// inFlight is how soon after the step change, or the key before, a key
// still counts as typed before the new screen could be seen: keys queued
// while the screen was busy come within a few milliseconds of each other;
// no one reads a new screen and starts typing within 50 ms.
const inFlight = 50 * time.Millisecond

// GoStep moves to step i and opens the section the step fills, as the
// checklist declares it, so that a secretary following the agenda writes
// each part where it belongs.
func (m *Model) GoStep(i int) tea.Cmd {
	if len(m.Steps) == 0 {
		return nil
	}
	m.Step = min(max(i, 0), len(m.Steps)-1)
	m.chairAt = -1 // the secretary moved everyone: the chair is here too
	if !m.sideBySide() {
		m.SetSize(m.width, m.height) // the prompt's height may differ
	}
	m.AgendaKey = ""
	m.agendaRev = m.rev
	s := m.Steps[m.Step]
	m.Sess.MoveStep(s.ID)
	if s.Section == m.Active {
		return m.GoSection(s.Section) // the cursor stays where it is
	}
	m.startCarry()
	cmd := m.GoSection(s.Section)
	if fs, ok := m.Sections[m.Active].(*FormSection); ok {
		cmd = tea.Batch(cmd, fs.Form.LeaveIdentity())
	}
	return cmd
}

// nextStep moves on to the next step.
func (m *Model) nextStep() tea.Cmd { return m.GoStep(m.Step + 1) }

// carry is a burst of typing that goes on after a step change.
type carry struct {
	sec     string    // the section the burst was typed in
	last    time.Time // the step change, the new screen drawn, or the last key carried
	drawn   bool      // the screen has been drawn since the step change
	text    []rune    // what was carried, for the line that says so
	pending []byte    // keys carried but not yet given to sec
	lost    int       // characters the field no longer took
}

// keyNow is the clock of the gaps between keys.
func (m *Model) keyNow() time.Time {
	if m.KeyNow != nil {
		return m.KeyNow()
	}
	return time.Now()
}

// noteTyped remembers when the last character was typed on the
// secretary's view, to tell a burst going on from a new start.
func (m *Model) noteTyped(msg tea.Msg) {
	k, ok := msg.(tea.KeyPressMsg)
	if ok && isText(k) && m.Who == ViewSecretary && m.Over == nil && m.LeaveAsk == nil && !m.confirmUndo {
		m.lastTyped, m.typedIn = m.keyNow(), m.Active
	}
}

// startCarry is called as the step changes: a burst typed until now goes
// on in the section it was typed in.
func (m *Model) startCarry() {
	m.carry = nil
	if m.lastTyped.IsZero() || m.keyNow().Sub(m.lastTyped) >= components.RunGap || !m.takesText(m.typedIn) {
		return
	}
	m.carry = &carry{sec: m.typedIn, last: m.keyNow()}
}

// carryDrawn notes that the screen after the step change has been drawn:
// keys typed while it was drawn come right after, however long it took.
func (m *Model) carryDrawn() {
	if c := m.carry; c != nil && !c.drawn {
		c.drawn = true
		if now := m.keyNow(); now.After(c.last) {
			c.last = now
		}
	}
}

// takesText tells whether section sec has a field that takes typed text
// now: a text field in focus, a row's text field, or the quick row.
func (m *Model) takesText(sec string) bool {
	if m.Sess.ReadOnly() {
		return false
	}
	var f *components.Form
	switch s := m.Sections[sec].(type) {
	case *FormSection:
		f = s.Form
	case *ListSection:
		if s.quickIn != nil && s.Form == nil {
			return true
		}
		if s.ask == nil {
			f = s.Form
		}
	}
	if f == nil || f.Held || f.Concealed() || f.Replace {
		return false
	}
	fl := f.Current()
	return fl != nil && (fl.Kind == components.KindText || fl.Kind == components.KindArea)
}

// carryMsg takes msg into the burst going on after a step change, and
// tells whether it did. A key that is not text, a pause, or anything in
// front of the plan ends the burst; the key is then the screen's.
func (m *Model) carryMsg(msg tea.Msg) (tea.Cmd, bool) {
	c := m.carry
	if c == nil {
		return nil, false
	}
	if _, end := msg.(typedMsg); end && len(c.pending) > 0 {
		return m.flushCarry(), true
	}
	k, isKey := msg.(tea.KeyPressMsg)
	_, isPaste := msg.(tea.PasteMsg)
	if !isKey && !isPaste {
		return nil, false
	}
	now := m.keyNow()
	if !isKey || !isText(k) || strings.ContainsAny(k.Text, "\r\n\t") || now.Sub(c.last) >= inFlight ||
		m.Who != ViewSecretary || m.Over != nil || m.LeaveAsk != nil || m.confirmUndo {
		cmd := m.flushCarry()
		m.carry = nil
		return tea.Batch(cmd, m.Update(msg)), true
	}
	c.last = now
	// A second step change in the burst keeps it where it began.
	m.lastTyped, m.typedIn = now, c.sec
	first := len(c.pending) == 0
	c.pending = append(c.pending, k.Text...)
	c.text = append(c.text, []rune(k.Text)...)
	if len(c.text) > 200 {
		c.text = c.text[len(c.text)-200:]
	}
	m.gathered = true
	if !first {
		return nil, true
	}
	return m.typing.endRun(m.owner, m.typing.key(time.Now())), true
}

// flushCarry gives the section the burst began in the keys carried so
// far, and says where they went.
func (m *Model) flushCarry() tea.Cmd {
	c := m.carry
	if c == nil || len(c.pending) == 0 {
		return nil
	}
	text := string(c.pending)
	c.pending = c.pending[:0]
	if !m.takesText(c.sec) {
		// The field closed meanwhile (a private one is hidden as soon as
		// the step changes): the keys are not taken, and the line says
		// how many, never what they were.
		c.lost += len([]rune(text))
		m.Message = model.Plural(m.lang, c.lost,
			"%d tecken som skrevs direkt efter bytet av punkt togs inte emot: fältet du skrev i är stängt.",
			"%d tecken som skrevs direkt efter bytet av punkt togs inte emot: fältet du skrev i är stängt.",
			"%d character typed right after the step changed was not taken: the field you were typing in is closed.",
			"%d characters typed right after the step changed were not taken: the field you were typing in is closed.")
		return nil
	}
	cmd, changed := m.Sections[c.sec].Update(tea.PasteMsg{Content: text})
	if changed {
		m.rev++
		m.Sess.Changed(c.sec)
		if !m.SaveErr {
			m.SaveText = model.T(m.lang, "ändrat", "changed")
		}
	}
	m.Message = m.carryLine()
	return cmd
}

// carryLine says where the burst went: «och sedan» was added to Med
// egna ord (alt+3), the field it was typed in.
func (m *Model) carryLine() string {
	c := m.carry
	shown := strings.TrimSpace(string(c.text))
	if r := []rune(shown); len(r) > 24 {
		shown = "…" + string(r[len(r)-23:])
	}
	where := m.sectionKeyName(c.sec)
	return fmt.Sprintf(model.T(m.lang,
		"«%s» lades till där du skrev före bytet av punkt: %s.",
		"“%s” was added where you were typing before the step changed: %s."), shown, where)
}

// sectionKeyName is a section's name with the key that goes there:
// Nuläge (alt+4).
func (m *Model) sectionKeyName(sec string) string {
	where := sectionLabel(sec, m.lang)
	for i, id := range m.Order {
		if id == sec && i < 10 {
			where += fmt.Sprintf(" (alt+%d)", (i+1)%10)
		}
	}
	return where
}

// restore returns to the step, section, field and cursor of the last
// session; a new meeting starts on the agenda's first step. Either way
// the cursor never starts in the person's name: a meeting opens in front
// of someone who may already be typing the first thing said in the room,
// and that must not rename the plan.
func (m *Model) restore(pos model.Position) {
	m.goTo(pos)
	if fs, ok := m.Sections[m.Active].(*FormSection); ok {
		fs.Form.LeaveIdentity()
	}
	m.restoreQuick(pos.Quick, pos.Copy)
}

// goTo puts the screen on the step and field of pos.
func (m *Model) goTo(pos model.Position) {
	for i, s := range m.Steps {
		if s.ID == pos.Step {
			m.Step = i
		}
	}
	sec, path, row := splitField(pos.Field)
	if _, ok := m.Sections[sec]; ok && pos.Step != "" {
		m.Active = sec
		if ls, ok := m.Sections[sec].(*ListSection); ok {
			if row >= 0 {
				ls.Jump(path, row)
			}
		} else if path != "" {
			if fs, ok := m.Sections[sec].(*FormSection); ok {
				if i := FieldIndex(fs.Form, path); i >= 0 {
					fs.Form.FocusField(i, pos.Cursor)
				}
			}
		}
		return
	}
	// A new meeting opens on the first step, where the chair checks the
	// room and starts the meeting; a follow-up too, since it is a meeting
	// of its own.
	m.Step = 0
	m.Active = secParticipants
	if len(m.Steps) > 0 {
		m.GoSection(m.Steps[0].Section)
	}
}

func FieldIndex(f *components.Form, path string) int {
	for i, fl := range f.Fields {
		if fl.Path == path {
			return i
		}
	}
	return -1
}

// splitField reads "section|path|row" as stored in the position.
func splitField(s string) (sec, path string, row int) {
	parts := strings.SplitN(s, "|", 3)
	row = -1
	if len(parts) > 0 {
		sec = parts[0]
	}
	if len(parts) > 1 {
		path = parts[1]
	}
	if len(parts) > 2 {
		n := 0
		for _, c := range parts[2] {
			if c < '0' || c > '9' {
				n = -1
				break
			}
			n = n*10 + int(c-'0')
		}
		if parts[2] != "" {
			row = n
		}
	}
	return
}

func (m *Model) position() model.Position {
	pos := model.Position{Field: m.Active, Quick: m.quickLine(), Copy: m.pendingCopy()}
	if len(m.Steps) > 0 {
		pos.Step = m.Steps[m.Step].ID
	}
	switch s := m.Sections[m.Active].(type) {
	case *FormSection:
		if f := s.Form.Current(); f != nil {
			pos.Field += "|" + f.Path
			pos.Cursor = s.Form.Cursor()
		}
	case *ListSection:
		if s.Form != nil {
			if i := s.spec.indexOf(s.editing); i >= 0 {
				pos.Field += "|" + s.Form.Current().Path + "|" + strconv.Itoa(i)
				pos.Cursor = s.Form.Cursor()
			}
		}
	}
	return pos
}

package components

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

type FieldKind int

const (
	KindText   FieldKind = iota // one line
	KindArea                    // several lines
	KindToggle                  // yes / no
	KindChoice                  // one of a few options
	KindAction                  // a button: enter or space runs set
)

type Option struct{ Value, Label string }

// Field is one editable value of the plan. It reads and writes the plan
// through closures, so that every keystroke lands in the plan at once and
// is saved with it: nothing typed lives only in a widget.
type Field struct {
	Path  string // the findings path that jumps here
	Label string
	Hint  string // placeholder
	Kind  FieldKind
	Get   func() string
	Set   func(string)
	Opts  []Option
	// Options, when set, gives the choices afresh each time, for a list
	// that grows while the form is open (the goals an action serves).
	Options func() []Option
	// Check returns a message when the value is not acceptable; the value
	// is kept all the same, so nothing typed is lost.
	Check func(string) string
	// Tidy, when set, rewrites the value to its standard form on leaving.
	Tidy func(string) string
	// Prefilled marks a suggested value (today's date): the first letter
	// typed replaces it instead of being added to it.
	Prefilled bool
	// Whole marks a value read as one piece, a date, a time or a number
	// of minutes: moved to with tab or the arrows, it is replaced by the
	// first text typed, as a prefilled one is (ctrl+z brings it back).
	// The new-plan form and the meeting then agree: typing 10 on 00:00
	// gives 10, not 00:0010 (tryout42a #12).
	Whole bool
	// Leave, when set, is run when the field is left (Settle) and may
	// write other fields of the same row: a participant's name typed as
	// a quick row gives the role too. It tells whether it wrote.
	Leave func() bool
	// Suggested, when set and true, marks the value as suggested for now,
	// as Prefilled does: a guardian's lists taken over from the plan's.
	Suggested func() bool
	// Note, when set, gives a line shown under the field that changes with
	// the plan (the units a consent does not cover yet).
	Note func() string
	// Hide, when set and true, leaves the field out for now: a
	// participant's language shows only for an interpreter. It is asked
	// on every move and draw, so a choice made above shows or hides it.
	Hide func() bool
	// Private hides the value unless the secretary shows it with enter:
	// the secretary's screen may be the one the room sees (form_private.go).
	Private bool
	// Items, when set, counts the entries of a list field, so that a
	// hidden field can say how much it holds.
	Items func() int
	// Resting, when set, is how the value is drawn while the field does
	// not have the focus: a personnummer masked, as lists show it, so
	// that a glance at the screen does not give the whole number.
	Resting func(string) string
	// Identity marks a field that names the person: a step change never
	// leaves the cursor in it (LeaveIdentity).
	Identity bool
}

// choices are the field's options as they are now.
func (fl *Field) choices() []Option {
	if fl.Options != nil {
		return fl.Options()
	}
	return fl.Opts
}

// maxText bounds one field so that a pasted book cannot freeze the screen;
// it is far above anything a meeting writes. Import refuses longer fields.
const maxText = model.MaxFieldChars

// Form edits a list of fields. Only the focused field has a live widget; the
// others are drawn as plain text, which keeps a keystroke cheap.
type Form struct {
	lang   model.Lang
	st     *common.Styles
	Fields []Field
	Focus  int
	input  textinput.Model
	area   textarea.Model
	// areaView is the text area as last drawn, kept while the area is
	// unchanged: the editor lays out and styles its whole text each time
	// it is drawn, and the screen is drawn after every key, also after
	// keys that are only gathered (a long unmarked paste). Every place
	// that changes area empties it.
	areaView string
	width    int
	height   int
	Notice   string // e.g. a paste did not fit; cleared by the next key
	// refused is what was typed into the full field in a row, for its
	// notice (fieldlimit.go).
	refused string
	// Replace is set while a prefilled field is untouched since focus.
	Replace bool
	// Held is set when the focused field's text is more than the editor
	// can hold (stored before the limit, or from elsewhere). The field is
	// then shown but not edited: the editor would cut it at the first key.
	Held bool
	// revealed is set while the focused private field is shown for
	// editing; any move of the focus clears it.
	revealed bool
	// letters is the run of keys typed on a choice (form_choice.go).
	letters *letterRun
	// Now is the form's clock; nil is the time of day. Tests set it.
	Now func() time.Time
	// lone tells a yes/no field's keys typed alone from typed text
	// (form_toggle.go).
	lone LoneKeys
	// history keeps each text field's earlier values for ctrl+z
	// (form_undo.go), by field index.
	history map[int]*fieldHistory
}

func NewForm(lang model.Lang, st *common.Styles, fields []Field) *Form {
	f := &Form{lang: lang, st: st, Fields: fields, width: 60, height: 20}
	f.FocusField(0, -1)
	return f
}

// FocusField moves the live widget to field i; cursor -1 means the end.
func (f *Form) FocusField(i, cursor int) tea.Cmd {
	if len(f.Fields) == 0 {
		return nil
	}
	if i < 0 {
		i = 0
	}
	if i >= len(f.Fields) {
		i = len(f.Fields) - 1
	}
	f.Focus = i
	fl := f.Fields[i]
	f.Held, f.Notice, f.revealed, f.refused = false, "", false, ""
	f.lone.Reset()
	if (fl.Kind == KindText || fl.Kind == KindArea) && model.FieldTooLong(fl.Get()) {
		f.Held = true
		f.Notice = heldNotice(f.lang, fl.Get())
		return nil
	}
	switch fl.Kind {
	case KindText:
		in := textinput.New()
		in.SetStyles(f.st.Input)
		in.Prompt = ""
		in.Placeholder = fl.Hint
		in.CharLimit = maxText
		in.SetWidth(max(10, f.width-4))
		in.SetValue(fl.Get())
		if cursor >= 0 {
			in.SetCursor(cursor)
		}
		f.input = in
		f.Replace = (fl.Prefilled || fl.Suggested != nil && fl.Suggested()) && fl.Get() != ""
		return f.input.Focus()
	case KindArea:
		ta := textarea.New()
		ta.SetStyles(f.st.Area)
		ta.Prompt = "│ "
		ta.ShowLineNumbers = false
		ta.Placeholder = fl.Hint
		ta.CharLimit = maxText
		ta.MaxHeight = 0
		ta.SetWidth(max(10, f.width))
		ta.SetHeight(f.areaHeight())
		ta.SetValue(fl.Get())
		ta.MoveToEnd()
		f.area = ta
		f.areaView = ""
		return f.area.Focus()
	}
	return nil
}

// areaHeight gives a text area the room the other fields leave, all of
// it: in a tall window a long text shows whole instead of scrolling in
// a box of a dozen lines with the window empty under it.
func (f *Form) areaHeight() int {
	h := f.height - 2*(len(f.Fields)-1) - 2
	return max(3, h)
}

func (f *Form) SetSize(w, h int) {
	f.width, f.height = w, h
	fl := f.Current()
	switch {
	case fl == nil, f.Held:
	case fl.Kind == KindText:
		f.input.SetWidth(max(10, w-4))
	case fl.Kind == KindArea:
		f.area.SetWidth(max(10, w))
		f.area.SetHeight(f.areaHeight())
		f.repin()
		f.areaView = ""
	}
}

// repin scrolls the text area back as far up as its cursor allows: the
// area keeps its scroll when it grows (a window made larger), which hid
// its first lines above a box that was mostly empty. The cursor goes to
// the top and back to where it was, which scrolls only as much as it
// must; it stays on the same line and column.
func (f *Form) repin() {
	if f.area.ScrollYOffset() == 0 {
		return
	}
	line, col := f.area.Line(), f.area.Column()
	f.area.MoveToBegin()
	type at struct{ line, row int }
	for f.area.Line() < line {
		before := at{f.area.Line(), f.area.LineInfo().RowOffset}
		f.area.CursorDown()
		if (at{f.area.Line(), f.area.LineInfo().RowOffset}) == before {
			break // no further down
		}
	}
	f.area.SetCursorColumn(col)
}

func (f *Form) Current() *Field {
	if f.Focus < 0 || f.Focus >= len(f.Fields) {
		return nil
	}
	return &f.Fields[f.Focus]
}

// Cursor is the position in the focused field, stored for resume.
func (f *Form) Cursor() int {
	fl := f.Current()
	if fl == nil || f.Held {
		return 0
	}
	switch fl.Kind {
	case KindText:
		return f.input.Position()
	case KindArea:
		return 0
	}
	return 0
}

var formKeys = struct {
	next, prev, toggle, left, right key.Binding
	// tab and backTab move between fields from any field; up and down
	// only from a field that is not a text area, where they move the
	// cursor; enter goes on from a one-line field.
	tab, backTab, up, down, enter key.Binding
}{
	next:    key.NewBinding(key.WithKeys("tab", "down")),
	prev:    key.NewBinding(key.WithKeys("shift+tab", "up")),
	toggle:  key.NewBinding(key.WithKeys("space")),
	left:    key.NewBinding(key.WithKeys("left")),
	right:   key.NewBinding(key.WithKeys("right")),
	tab:     key.NewBinding(key.WithKeys("tab")),
	backTab: key.NewBinding(key.WithKeys("shift+tab")),
	up:      key.NewBinding(key.WithKeys("up")),
	down:    key.NewBinding(key.WithKeys("down")),
	enter:   key.NewBinding(key.WithKeys("enter")),
}

// Update handles a message for the focused field. changed tells whether the
// plan was written.
func (f *Form) Update(msg tea.Msg) (cmd tea.Cmd, changed bool) {
	fl := f.Current()
	if fl == nil {
		return nil, false
	}
	if _, ok := msg.(tea.KeyPressMsg); ok {
		f.Notice = ""
	}
	if fl.Private && !f.revealed {
		return f.updateConcealed(msg), false
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if fl.Private && key.Matches(k, privateKeys.conceal) {
			f.revealed = false
			return nil, false
		}
		arrow := key.Matches(k, formKeys.up, formKeys.down)
		switch {
		case key.Matches(k, formKeys.tab):
			return f.move(1)
		case key.Matches(k, formKeys.backTab):
			return f.move(-1)
		case arrow && (fl.Kind != KindArea || f.Held):
			d := 1
			if key.Matches(k, formKeys.up) {
				d = -1
			}
			return f.move(d)
		case key.Matches(k, formKeys.enter) && fl.Kind == KindText:
			return f.move(1)
		}
		if fl.Kind == KindAction {
			if key.Matches(k, formKeys.enter, formKeys.toggle) {
				fl.Set("")
				return nil, true
			}
			return nil, false
		}
		if key.Matches(k, formKeys.enter) && (fl.Kind == KindToggle || fl.Kind == KindChoice) {
			return f.move(1)
		}
		switch fl.Kind {
		case KindToggle:
			return nil, f.updateToggle(fl, k)
		case KindChoice:
			return nil, f.updateChoice(fl, k)
		}
	}
	if f.Held {
		if _, ok := msg.(tea.KeyPressMsg); ok {
			f.Notice = heldNotice(f.lang, fl.Get())
		}
		return nil, false
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		clean := Sanitize(p.Content, fl.Kind == KindArea)
		if !Fits(fl.Get(), clean, maxText) {
			// Refused whole rather than cut: the paste is still on the
			// clipboard, and the field is as it was.
			f.Notice = FullNotice(f.lang, maxText, clean, true)
			return nil, false
		}
		msg = tea.PasteMsg{Content: clean}
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && k.Text != "" && !Fits(fl.Get(), k.Text, maxText) {
		f.refused += k.Text
		f.Notice = FullNotice(f.lang, maxText, f.refused, false)
		return nil, false
	}
	f.refused = ""
	_, pasted := msg.(tea.PasteMsg)
	k, isKey := msg.(tea.KeyPressMsg)
	if f.Replace && (pasted || isKey) {
		// The first text typed or pasted into a suggested value replaces
		// it, as the label says; a move of the cursor keeps it. Other
		// messages (the start and end of a paste) leave it be.
		f.Replace = false
		if pasted || k.Text != "" {
			f.remember(fl.Get(), "")
			f.input.SetValue("")
			fl.Set("")
		}
	}
	before := fl.Get()
	switch fl.Kind {
	case KindText:
		f.input, cmd = f.input.Update(msg)
		if v := f.input.Value(); v != before {
			f.remember(before, v)
			fl.Set(v)
			// What she typed is hers, not a suggestion: coming back to
			// the field (a refused ctrl+s puts the cursor there) must not
			// replace it at the next key.
			fl.Prefilled = false
			return cmd, true
		}
	case KindArea:
		f.area, cmd = f.area.Update(msg)
		f.areaView = ""
		if v := f.area.Value(); v != before {
			f.remember(before, v)
			fl.Set(v)
			return cmd, true
		}
	}
	return cmd, false
}

// heldNotice says why a field cannot be edited, and that its text is whole.
func heldNotice(l model.Lang, s string) string {
	n := len([]rune(s))
	return model.T(l,
		"Fältet har "+strconv.Itoa(n)+" tecken, fler än redigeraren rymmer ("+strconv.Itoa(model.MaxFieldChars)+"). Texten är kvar oförändrad men kan inte ändras här.",
		"The field has "+strconv.Itoa(n)+" characters, more than the editor holds ("+strconv.Itoa(model.MaxFieldChars)+"). The text is kept unchanged but cannot be edited here.")
}

// Sanitize drops control characters from pasted text; newlines stay only
// where the field takes several lines. A marked paste often ends its lines
// with a carriage return alone (tmux, xterm and others send what enter
// sends), so a lone \r is a line break too: a prepared text of paragraphs
// keeps them.
func Sanitize(s string, multiline bool) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' && multiline:
			b.WriteRune(r)
		case r == '\n' || r == '\t':
			b.WriteRune(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

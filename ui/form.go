package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

type fieldKind int

const (
	kindText   fieldKind = iota // one line
	kindArea                    // several lines
	kindToggle                  // yes / no
	kindChoice                  // one of a few options
	kindAction                  // a button: enter or space runs set
)

type option struct{ value, label string }

// field is one editable value of the plan. It reads and writes the plan
// through closures, so that every keystroke lands in the plan at once and
// is saved with it: nothing typed lives only in a widget.
type field struct {
	path  string // the findings path that jumps here
	label string
	hint  string // placeholder
	kind  fieldKind
	get   func() string
	set   func(string)
	opts  []option
	// options, when set, gives the choices afresh each time, for a list
	// that grows while the form is open (the goals an action serves).
	options func() []option
	// check returns a message when the value is not acceptable; the value
	// is kept all the same, so nothing typed is lost.
	check func(string) string
	// tidy, when set, rewrites the value to its standard form on leaving.
	tidy func(string) string
	// prefilled marks a suggested value (today's date): the first letter
	// typed replaces it instead of being added to it.
	prefilled bool
	// note, when set, gives a line shown under the field that changes with
	// the plan (the units a consent does not cover yet).
	note func() string
	// hide, when set and true, leaves the field out for now: a
	// participant's language shows only for an interpreter. It is asked
	// on every move and draw, so a choice made above shows or hides it.
	hide func() bool
	// private hides the value unless the secretary shows it with enter:
	// the secretary's screen may be the one the room sees (form_private.go).
	private bool
	// items, when set, counts the entries of a list field, so that a
	// hidden field can say how much it holds.
	items func() int
}

// choices are the field's options as they are now.
func (fl *field) choices() []option {
	if fl.options != nil {
		return fl.options()
	}
	return fl.opts
}

// maxText bounds one field so that a pasted book cannot freeze the screen;
// it is far above anything a meeting writes. Import refuses longer fields.
const maxText = model.MaxFieldChars

// form edits a list of fields. Only the focused field has a live widget; the
// others are drawn as plain text, which keeps a keystroke cheap.
type form struct {
	lang   model.Lang
	st     *Styles
	fields []field
	focus  int
	input  textinput.Model
	area   textarea.Model
	width  int
	height int
	notice string // e.g. a pasted text was cut; cleared by the next key
	// replace is set while a prefilled field is untouched since focus.
	replace bool
	// held is set when the focused field's text is more than the editor
	// can hold (stored before the limit, or from elsewhere). The field is
	// then shown but not edited: the editor would cut it at the first key.
	held bool
	// revealed is set while the focused private field is shown for
	// editing; any move of the focus clears it.
	revealed bool
}

func newForm(lang model.Lang, st *Styles, fields []field) *form {
	f := &form{lang: lang, st: st, fields: fields, width: 60, height: 20}
	f.focusField(0, -1)
	return f
}

// focusField moves the live widget to field i; cursor -1 means the end.
func (f *form) focusField(i, cursor int) tea.Cmd {
	if len(f.fields) == 0 {
		return nil
	}
	if i < 0 {
		i = 0
	}
	if i >= len(f.fields) {
		i = len(f.fields) - 1
	}
	f.focus = i
	fl := f.fields[i]
	f.held, f.notice, f.revealed = false, "", false
	if (fl.kind == kindText || fl.kind == kindArea) && model.FieldTooLong(fl.get()) {
		f.held = true
		f.notice = heldNotice(f.lang, fl.get())
		return nil
	}
	switch fl.kind {
	case kindText:
		in := textinput.New()
		in.SetStyles(f.st.Input)
		in.Prompt = ""
		in.Placeholder = fl.hint
		in.CharLimit = maxText
		in.SetWidth(max(10, f.width-4))
		in.SetValue(fl.get())
		if cursor >= 0 {
			in.SetCursor(cursor)
		}
		f.input = in
		f.replace = fl.prefilled && fl.get() != ""
		return f.input.Focus()
	case kindArea:
		ta := textarea.New()
		ta.SetStyles(f.st.Area)
		ta.Prompt = "│ "
		ta.ShowLineNumbers = false
		ta.Placeholder = fl.hint
		ta.CharLimit = maxText
		ta.MaxHeight = 0
		ta.SetWidth(max(10, f.width))
		ta.SetHeight(f.areaHeight())
		ta.SetValue(fl.get())
		ta.MoveToEnd()
		f.area = ta
		return f.area.Focus()
	}
	return nil
}

// areaHeight gives a text area the room the other fields leave.
func (f *form) areaHeight() int {
	h := f.height - 2*(len(f.fields)-1) - 2
	return max(3, min(h, 12))
}

func (f *form) setSize(w, h int) {
	f.width, f.height = w, h
	fl := f.current()
	switch {
	case fl == nil, f.held:
	case fl.kind == kindText:
		f.input.SetWidth(max(10, w-4))
	case fl.kind == kindArea:
		f.area.SetWidth(max(10, w))
		f.area.SetHeight(f.areaHeight())
	}
}

func (f *form) current() *field {
	if f.focus < 0 || f.focus >= len(f.fields) {
		return nil
	}
	return &f.fields[f.focus]
}

// cursor is the position in the focused field, stored for resume.
func (f *form) cursor() int {
	fl := f.current()
	if fl == nil || f.held {
		return 0
	}
	switch fl.kind {
	case kindText:
		return f.input.Position()
	case kindArea:
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

// update handles a message for the focused field. changed tells whether the
// plan was written.
func (f *form) update(msg tea.Msg) (cmd tea.Cmd, changed bool) {
	fl := f.current()
	if fl == nil {
		return nil, false
	}
	if _, ok := msg.(tea.KeyPressMsg); ok {
		f.notice = ""
	}
	if fl.private && !f.revealed {
		return f.updateConcealed(msg), false
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if fl.private && key.Matches(k, privateKeys.conceal) {
			f.revealed = false
			return nil, false
		}
		arrow := key.Matches(k, formKeys.up, formKeys.down)
		switch {
		case key.Matches(k, formKeys.tab):
			return f.move(1), false
		case key.Matches(k, formKeys.backTab):
			return f.move(-1), false
		case arrow && (fl.kind != kindArea || f.held):
			d := 1
			if key.Matches(k, formKeys.up) {
				d = -1
			}
			return f.move(d), false
		case key.Matches(k, formKeys.enter) && fl.kind == kindText:
			return f.move(1), false
		}
		if fl.kind == kindAction {
			if key.Matches(k, formKeys.enter, formKeys.toggle) {
				fl.set("")
				return nil, true
			}
			return nil, false
		}
		if key.Matches(k, formKeys.enter) && (fl.kind == kindToggle || fl.kind == kindChoice) {
			return f.move(1), false
		}
		switch fl.kind {
		case kindToggle:
			if key.Matches(k, formKeys.toggle, formKeys.left, formKeys.right) {
				if fl.get() == "true" {
					fl.set("false")
				} else {
					fl.set("true")
				}
				return nil, true
			}
			return nil, false
		case kindChoice:
			opts := fl.choices()
			d := 0
			switch {
			case key.Matches(k, formKeys.right, formKeys.toggle):
				d = 1
			case key.Matches(k, formKeys.left):
				d = -1
			}
			if d == 0 && k.Text != "" {
				// Letters never change a choice: someone typing here
				// thought it was a text field, and a silent change to
				// another value would go unnoticed into the plan.
				f.notice = model.T(f.lang, "Här väljer du med ← →; bokstäver ändrar inget.", "Choose here with ← →; letters change nothing.")
				return nil, false
			}
			if d != 0 && len(opts) > 0 {
				i := 0
				for j, o := range opts {
					if o.value == fl.get() {
						i = j
					}
				}
				fl.set(opts[(i+d+len(opts))%len(opts)].value)
				return nil, true
			}
			return nil, false
		}
	}
	if f.held {
		if _, ok := msg.(tea.KeyPressMsg); ok {
			f.notice = heldNotice(f.lang, fl.get())
		}
		return nil, false
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		clean := sanitize(p.Content, fl.kind == kindArea)
		if len([]rune(clean))+len([]rune(fl.get())) > maxText {
			f.notice = model.T(f.lang, "Texten var för lång och kortades.", "The text was too long and was cut.")
		}
		msg = tea.PasteMsg{Content: clean}
	}
	_, pasted := msg.(tea.PasteMsg)
	k, isKey := msg.(tea.KeyPressMsg)
	if f.replace && (pasted || isKey) {
		// The first text typed or pasted into a suggested value replaces
		// it, as the label says; a move of the cursor keeps it. Other
		// messages (the start and end of a paste) leave it be.
		f.replace = false
		if pasted || k.Text != "" {
			f.input.SetValue("")
			fl.set("")
		}
	}
	before := fl.get()
	switch fl.kind {
	case kindText:
		f.input, cmd = f.input.Update(msg)
		if v := f.input.Value(); v != before {
			fl.set(v)
			return cmd, true
		}
	case kindArea:
		f.area, cmd = f.area.Update(msg)
		if v := f.area.Value(); v != before {
			fl.set(v)
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

func (f *form) move(d int) tea.Cmd {
	f.tidy()
	n := f.focus + d
	for n >= 0 && n < len(f.fields) && f.fields[n].hidden() {
		n += d
	}
	if n < 0 || n >= len(f.fields) {
		return nil
	}
	return f.focusField(n, -1)
}

func (fl *field) hidden() bool { return fl.hide != nil && fl.hide() }

// atLast tells whether the focus is on the last field shown.
func (f *form) atLast() bool {
	for i := f.focus + 1; i < len(f.fields); i++ {
		if !f.fields[i].hidden() {
			return false
		}
	}
	return true
}

// tidy puts the focused field's value in its standard form when leaving
// it: 9.30 becomes 09:30, 2027-6-9 becomes 2027-06-09.
func (f *form) tidy() {
	fl := f.current()
	if fl == nil || fl.tidy == nil || fl.kind != kindText {
		return
	}
	if v := fl.tidy(fl.get()); v != fl.get() {
		fl.set(v)
	}
}

// jump focuses the field with path, if the form has it.
func (f *form) jump(path string) (tea.Cmd, bool) {
	for i, fl := range f.fields {
		if fl.path == path && !fl.hidden() {
			return f.focusField(i, -1), true
		}
	}
	return nil, false
}

// sanitize drops control characters from pasted text; newlines stay only
// where the field takes several lines.
func sanitize(s string, multiline bool) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' && multiline:
			b.WriteRune(r)
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteRune(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

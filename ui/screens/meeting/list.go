package meeting

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
)

// listSpec describes a list section (participants, goals, actions): how to
// read its rows as a table and how to edit one row as a form.
type listSpec struct {
	id     string
	noun   model.Text // "deltagare" / "participant"
	newRow model.Text // "Ny deltagare" / "New participant"
	// labelCol is the column that names a row: the name, the goal, what.
	labelCol int
	headers  []string
	count    func() int
	rowID    func(i int) string
	indexOf  func(id string) int
	remove   func(i int)
	cells    func(i int) []string
	// fields builds the form for the row with id; a setter creates the row
	// when it does not exist yet, so the first key typed is already saved.
	fields func(id string) []components.Field
	// space is the quick action on a row, e.g. present / absent; it
	// returns how to take the action back, for a space that turns out to
	// begin a typed sentence (spaceKey).
	space     func(i int) (undo func())
	spaceHelp model.Text
	// quick, when set, adds a row from one typed line (the quick row);
	// it tells whether the line could be read.
	quick func(line string) bool
	// preview says what the quick row understood of the line so far, one
	// part per field (model.QuickRow.Segments).
	preview func(line string) []string
}

type listKeys struct {
	up, down, edit, add, del, space, back key.Binding
	// typing names what a letter does on the table: it starts a new row
	// (the quick row where there is one) with that letter in it. It is
	// help only; typed text is told by its text (isText).
	typing key.Binding
}

func newListKeys(l model.Lang, spaceHelp model.Text) listKeys {
	k := listKeys{
		up:   key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", model.T(l, "välj rad", "choose a row"))),
		down: key.NewBinding(key.WithKeys("down")),
		edit: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T(l, "ändra", "edit"))),
		add:  key.NewBinding(key.WithKeys("+", "insert"), key.WithHelp("+", model.T(l, "tom rad", "empty row"))),
		del:  key.NewBinding(key.WithKeys("delete", "-"), key.WithHelp("delete", model.T(l, "ta bort", "remove"))),
		back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T(l, "alla rader", "all rows"))),
	}
	k.typing = key.NewBinding(key.WithKeys("a"), key.WithHelp(model.T(l, "a–ö", "a–z"), model.T(l, "ny rad", "new row")))
	k.space = key.NewBinding(key.WithKeys("space"), key.WithHelp("mellanslag", spaceHelp.In(l)))
	if l == model.English {
		k.space.SetHelp("space", spaceHelp.In(l))
	}
	if spaceHelp.SV == "" {
		k.space.SetEnabled(false)
	}
	return k
}

// ListSection shows a table of rows; enter opens a row in a form.
type ListSection struct {
	spec    listSpec
	lang    model.Lang
	st      *common.Styles
	keys    listKeys
	Cursor  int
	Form    *components.Form    // nil while the table has focus
	editing string              // id of the row in the form
	ask     *components.Confirm // asking whether to remove the row under the cursor
	// quickIn is the quick row's input while it is open.
	quickIn   *textinput.Model
	quickNote string
	// quickLimit says what the full quick row did not take.
	quickLimit components.InputLimit
	// quickEsc is set once esc was pressed on a quick row with text.
	quickEsc bool
	// lone tells a space typed alone on the table from one that begins
	// a typed sentence (components.LoneKeys).
	lone components.LoneKeys
	// keyAt and still are when the last key reached the list and how
	// long the keyboard was still before it: delete asked after a pause
	// takes a quick answer (components.Confirm.Calm).
	keyAt  time.Time
	still  time.Duration
	width  int
	height int

	cacheRev   int
	cacheKey   string
	cacheTable string
	soFarKey   string
	soFarText  string
}

func newListSection(spec listSpec, l model.Lang, st *common.Styles) *ListSection {
	s := &ListSection{spec: spec, lang: l, st: st, keys: newListKeys(l, spec.spaceHelp), cacheRev: -1}
	if spec.quick != nil {
		s.keys.typing.SetHelp(model.T(l, "a–ö", "a–z"), model.T(l, "snabbrad", "quick row"))
	}
	return s
}

// startNew opens the form on a row that does not exist until typed into.
func (s *ListSection) startNew() tea.Cmd {
	s.editing = model.NewID()
	s.Form = components.NewForm(s.lang, s.st, s.spec.fields(s.editing))
	s.Form.SetSize(s.width, s.height-2)
	return s.Form.FocusField(0, -1)
}

func (s *ListSection) OpenRow(i int) tea.Cmd {
	if i < 0 || i >= s.spec.count() {
		return nil
	}
	s.Cursor = i
	s.editing = s.spec.rowID(i)
	s.Form = components.NewForm(s.lang, s.st, s.spec.fields(s.editing))
	s.Form.SetSize(s.width, s.height-2)
	return s.Form.FocusField(0, -1)
}

func (s *ListSection) SetSize(w, h int) {
	s.width, s.height = w, h
	if s.Form != nil {
		s.Form.SetSize(w, h-2)
	}
	if s.quickIn != nil {
		// A row opened before the screen had its size (one kept from
		// last time) is laid out again from its start.
		s.quickIn.SetWidth(max(10, w-4))
		at := s.quickIn.Position()
		s.quickIn.CursorStart()
		s.quickIn.SetCursor(at)
	}
}

func (s *ListSection) Update(msg tea.Msg) (tea.Cmd, bool) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		now := components.ConfirmClock()
		s.still, s.keyAt = now.Sub(s.keyAt), now
	}
	if s.Form != nil || s.quickIn != nil || s.ask != nil {
		// Only keys on the table itself make or end a run there.
		s.lone.Reset()
	}
	if s.Form != nil {
		if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.keys.back) {
			changed := s.settle() // "7 jan 2027" is a date before the row closes
			if i := s.spec.indexOf(s.editing); i >= 0 {
				s.Cursor = i
			}
			s.Form = nil
			return nil, changed
		}
		// Enter on the last field finishes the row and starts the next,
		// so a list can be typed without touching anything but enter.
		if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.keys.edit) &&
			s.Form.AtLast() {
			if s.spec.indexOf(s.editing) >= 0 {
				return s.startNew(), false
			}
		}
		return s.Form.Update(msg)
	}
	if s.quickIn != nil {
		return s.updateQuick(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	n := s.spec.count()
	if s.ask != nil {
		a := s.ask.Update(k)
		if a == components.Pending {
			s.cacheKey = "" // the count of keys thrown away may show
			return nil, false
		}
		s.ask = nil
		if a == components.AnsweredYes {
			if s.Cursor < n {
				s.spec.remove(s.Cursor)
				if s.Cursor >= s.spec.count() && s.Cursor > 0 {
					s.Cursor--
				}
				return nil, true
			}
		}
		return nil, false
	}
	if cmd, changed, done := s.spaceKey(k); done {
		return cmd, changed
	}
	if isText(k) && k.Code != tea.KeySpace && !key.Matches(k, s.keys.add, s.keys.del) {
		return s.typeNew(k)
	}
	switch {
	case key.Matches(k, s.keys.up):
		if s.Cursor > 0 {
			s.Cursor--
		}
	case key.Matches(k, s.keys.down):
		if s.Cursor < n-1 {
			s.Cursor++
		}
	case key.Matches(k, s.keys.edit):
		if n == 0 {
			return s.startNew(), false
		}
		return s.OpenRow(s.Cursor), false
	case key.Matches(k, s.keys.add):
		return s.startNew(), false
	case key.Matches(k, s.keys.del):
		if n > 0 {
			s.ask = components.NewConfirm(s.lang, s.st, s.removeQuestion(s.Cursor)).Calm(s.still)
		}
	}
	return nil, false
}

// Jump opens the row and field a finding points at.
func (s *ListSection) Jump(path string, row int) tea.Cmd {
	if row < 0 {
		s.Form = nil
		return nil
	}
	cmd := s.OpenRow(row)
	if i, j := strings.Index(path, "["), strings.Index(path, "]"); i >= 0 && j > i {
		path = path[:i+1] + path[j:]
	}
	if s.Form == nil {
		return cmd
	}
	if c, ok := s.Form.Jump(path); ok {
		return c
	}
	return cmd
}

func (s *ListSection) Help() []key.Binding {
	// The keys that leave or add a row come first: the bottom line cuts
	// from the end when the window is narrow.
	if s.Form != nil {
		return []key.Binding{
			s.keys.back,
			key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab/↓", model.T(s.lang, "nästa fält", "next field"))),
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T(s.lang, "nästa fält/ny rad", "next field/new row"))),
		}
	}
	if s.quickIn != nil {
		return []key.Binding{
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T(s.lang, "klar", "done"))),
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T(s.lang, "lägg till", "add"))),
			key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", model.T(s.lang, "formuläret", "the form"))),
		}
	}
	return []key.Binding{s.keys.typing, s.keys.edit, s.keys.del, s.keys.add, s.keys.space, s.keys.up}
}

func (s *ListSection) View(rev int, findings map[string]string) string {
	if s.Form != nil {
		i := s.spec.indexOf(s.editing)
		title := fmt.Sprintf("%s %d %s %d", model.T(s.lang, "Rad", "Row"), i+1, model.T(s.lang, "av", "of"), s.spec.count())
		if i < 0 {
			title = s.spec.newRow.In(s.lang) + model.T(s.lang, " — börja skriva", " — start typing")
		}
		return s.soFar(i) + s.st.Subtle.Render(title) + "\n" + s.Form.View(rowFindings(findings, s.spec.id, i))
	}
	if s.quickIn != nil {
		return s.table(rev) + "\n" + s.quickView()
	}
	return s.table(rev)
}

// soFar lists the rows already entered, so that typing row after row never
// hides what was written; esc shows them as a table.
func (s *ListSection) soFar(editing int) string {
	// Cached per row, number of rows and width: only the other rows' names
	// are shown, and they cannot change while this row is typed into.
	ck := fmt.Sprintf("%s/%d/%d/%d", s.editing, editing, s.spec.count(), s.width)
	if editing >= 0 && ck == s.soFarKey {
		return s.soFarText
	}
	s.soFarKey = ck
	s.soFarText = s.buildSoFar(editing)
	return s.soFarText
}

func (s *ListSection) buildSoFar(editing int) string {
	n := s.spec.count()
	if n == 0 || (n == 1 && editing == 0) {
		return ""
	}
	var names []string
	for i := range n {
		if i == editing {
			continue
		}
		if c := s.spec.cells(i); len(c) > s.spec.labelCol {
			names = append(names, strings.TrimSpace(c[s.spec.labelCol]))
		}
	}
	return s.st.Subtle.Render(fitNames(s.lang, names, max(10, s.width))) + "\n"
}

// removeQuestion names the row the delete key would remove, "Ta bort Aino
// Virtanen och allt som står på raden?", so that the answer is given about
// the right row (tryout2 #9: in a monochrome window nothing marked it).
func (s *ListSection) removeQuestion(i int) string {
	label := ""
	if c := s.spec.cells(i); len(c) > s.spec.labelCol {
		label = strings.Join(strings.Fields(c[s.spec.labelCol]), " ")
	}
	// A goal written as a paragraph is named by its start: the question
	// stays a question at 80 columns.
	label = ansi.Truncate(label, 60, "…")
	if label == "" || label == "—" {
		return fmt.Sprintf(model.T(s.lang, "Ta bort rad %d och allt som står på den?", "Remove row %d and everything in it?"), i+1)
	}
	return fmt.Sprintf(model.T(s.lang, "Ta bort %s och allt som står på raden?", "Remove %s and everything in the row?"), label)
}

// fitNames is "Inlagda: " and as many whole names as fit in width, then
// how many more there are and where to see them, instead of a name cut.
func fitNames(l model.Lang, names []string, width int) string {
	line := model.T(l, "Inlagda: ", "Entered: ")
	for i, n := range names {
		sep := ""
		if i > 0 {
			sep = " · "
		}
		more := ""
		if i < len(names)-1 {
			more = fmt.Sprintf(model.T(l, " · %d till (esc visar alla)", " · %d more (esc shows all)"), len(names)-i-1)
		}
		if ansi.StringWidth(line+sep+n+more) > width {
			return line + fmt.Sprintf(model.T(l, "%s%d till (esc visar alla)", "%s%d more (esc shows all)"), sep, len(names)-i)
		}
		line += sep + n
	}
	return line
}

// rowFindings picks the findings of one row and turns their paths into the
// field paths of the row form.
func rowFindings(all map[string]string, section string, row int) map[string]string {
	if row < 0 {
		return nil
	}
	prefix := map[string]string{secParticipants: "meeting.participants", secGoals: "content.goals", secActions: "content.actions"}[section]
	p := fmt.Sprintf("%s[%d]", prefix, row)
	out := map[string]string{}
	for k, v := range all {
		if strings.HasPrefix(k, p) {
			out[prefix+"[]"+strings.TrimPrefix(k, p)] = v
		}
	}
	return out
}

// table draws the rows. It is cached per plan revision, cursor and size, so
// that the clock ticking does not redraw sixty rows.
func (s *ListSection) table(rev int) string {
	quick := 0
	if s.quickIn != nil {
		quick = s.quickHeight()
	}
	ck := fmt.Sprintf("%d/%d/%d/%t/%d", s.Cursor, s.width, s.height, s.ask != nil, quick)
	if rev == s.cacheRev && ck == s.cacheKey {
		return s.cacheTable
	}
	var b strings.Builder
	n := s.spec.count()
	if n == 0 {
		b.WriteString(s.st.Subtle.Render(fmt.Sprintf(model.T(s.lang,
			"Inga rader ännu. Skriv, eller tryck enter, för att lägga till en %s.",
			"No rows yet. Type, or press enter, to add a %s."), s.spec.noun.In(s.lang))))
	} else {
		cells := make([][]string, n)
		for i := range n {
			cells[i] = s.spec.cells(i)
		}
		cols := components.ColumnWidths(s.spec.headers, cells, s.width, s.spec.labelCol)
		row := func(c []string) string { return components.TableRow(c, cols) }
		// The row under the cursor, whole, when a cell of it is cut.
		var whole []string
		if s.Cursor < n && s.quickIn == nil {
			// Not while a quick row is typed: a new row is being
			// written, and the rows above it need the room.
			whole = components.RowWhole(s.spec.headers, cells[s.Cursor], cols, s.width)
		}
		b.WriteString(s.st.Header.Render(row(s.spec.headers)) + "\n")
		// The heading, and a line to spare (a closed plan's notice).
		visible := max(1, s.height-2)
		if s.quickIn != nil {
			// Room for the quick row, what it understood and its help
			// below the table, right under it.
			visible = max(1, visible-quick)
		}
		visible = max(1, visible-len(whole))
		if s.ask != nil {
			// The question, and how to answer it, below the table: the
			// rows make room for it (at 80x24 its last line was cut).
			visible = max(1, visible-1-strings.Count(strings.TrimRight(s.ask.View(s.width), "\n"), "\n")-1)
		}
		if n > visible {
			visible = max(1, visible-1) // the line "3/12"
		}
		first := 0
		if s.Cursor >= visible {
			first = s.Cursor - visible + 1
		}
		for i := first; i < n && i < first+visible; i++ {
			line := row(cells[i])
			if i == s.Cursor {
				line = s.st.Selected.Render(line)
			}
			b.WriteString(line + "\n")
		}
		if n > visible {
			b.WriteString(s.st.Subtle.Render(fmt.Sprintf("%d/%d", s.Cursor+1, n)) + "\n")
		}
		for _, l := range whole {
			b.WriteString(s.st.Subtle.Render(l) + "\n")
		}
	}
	if s.ask != nil {
		b.WriteString("\n" + s.ask.View(s.width))
	}
	s.cacheRev, s.cacheKey, s.cacheTable = rev, ck, strings.TrimRight(b.String(), "\n")
	return s.cacheTable
}

package meeting

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
)

type (
	JumpMsg        struct{ Path string }
	GotoSectionMsg struct{ ID string }
)

// findingKeys are the findings list's keys: enter reads the finding
// chosen whole, g goes to the place in the plan it is about.
type findingKeys struct {
	components.PickKeys
	Go, PageUp, PageDown key.Binding
}

func newFindingKeys(l model.Lang) findingKeys {
	k := findingKeys{PickKeys: components.NewPickKeys(l, "ctrl+f"),
		Go:       key.NewBinding(key.WithKeys("g"), key.WithHelp("g", model.T(l, "går dit", "goes there"))),
		PageUp:   key.NewBinding(key.WithKeys("pgup")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"))}
	k.Choose.SetHelp("enter", model.T(l, "läser hela", "reads it whole"))
	return k
}

// findingsOverlay lists what the plan lacks. A finding longer than its two
// lines in the list is read whole with enter; g goes to the field.
type findingsOverlay struct {
	common.Panel
	lang   model.Lang
	st     *common.Styles
	keys   findingKeys
	fs     []model.Finding
	cursor int
	// page is how many findings the last view showed: PgDn and PgUp move
	// the cursor that far. top and last are the first shown and the one
	// after the last shown: PgDn shows the findings below the last, as a
	// page of a book does, not the same list moved by one (tryout42a #19).
	page, top, last int
	// reader shows the chosen finding whole while it is open.
	reader *components.Reader
}

// NewFindingsOverlay lists the findings with the errors first: they are
// what blocks finalising, and with one error among six warnings it was
// the seventh line (tryout42a #19). Within a weight the plan's order
// stays.
func NewFindingsOverlay(l model.Lang, st *common.Styles, fs []model.Finding) *findingsOverlay {
	rank := map[model.Severity]int{model.SevError: 0, model.SevWarning: 1, model.SevNotice: 2, model.SevInfo: 3}
	sorted := slices.Clone(fs)
	slices.SortStableFunc(sorted, func(a, b model.Finding) int { return rank[a.Severity] - rank[b.Severity] })
	return &findingsOverlay{lang: l, st: st, fs: sorted, keys: newFindingKeys(l)}
}

func (o *findingsOverlay) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if o.reader != nil {
		if key.Matches(k, o.keys.Go) {
			return o.goThere()
		}
		o.reader.Update(msg)
		if o.reader.Closed() {
			o.reader = nil
		}
		return nil
	}
	var moved bool
	if o.cursor, moved = o.keys.Move(k, o.cursor, len(o.fs)); moved {
		return nil
	}
	switch {
	case key.Matches(k, o.keys.PageDown):
		if o.last >= len(o.fs) {
			o.cursor = max(0, len(o.fs)-1) // the last page: to its end
			break
		}
		o.top = o.last
		o.cursor = max(o.top, min(len(o.fs)-1, o.cursor+max(1, o.page)))
	case key.Matches(k, o.keys.PageUp):
		o.top = max(0, o.top-max(1, o.page))
		o.cursor = max(0, o.cursor-max(1, o.page))
	case key.Matches(k, o.keys.Close):
		o.Close()
		return nil
	case key.Matches(k, o.keys.Choose):
		if o.cursor < len(o.fs) {
			f := o.fs[o.cursor]
			sec, _ := sectionOfPath(f.Path)
			o.reader = components.NewReader(o.lang, o.st, severityWord(f.Severity, o.lang)+" · "+sectionLabel(sec, o.lang), f.Message.In(o.lang), o.keys.Go)
		}
	case key.Matches(k, o.keys.Go):
		return o.goThere()
	}
	return nil
}

// goThere closes the list and jumps to the field of the finding chosen.
func (o *findingsOverlay) goThere() tea.Cmd {
	if o.cursor >= len(o.fs) {
		return nil
	}
	p := o.fs[o.cursor].Path
	o.Close()
	return func() tea.Msg { return JumpMsg{Path: p} }
}

// severityWord names a finding's weight in words, for the reader's title.
func severityWord(s model.Severity, l model.Lang) string {
	switch s {
	case model.SevError:
		return model.T(l, "✗ Fel, hindrar att planen fastställs", "✗ Error, blocks finalising")
	case model.SevInfo:
		return "i " + s.Label(l)
	case model.SevNotice:
		return "* " + s.Label(l)
	}
	return "! " + model.SevWarning.Label(l)
}

func (o *findingsOverlay) View() string {
	w, h := o.Width, o.Height
	if o.reader != nil {
		o.reader.SetSize(w, h)
		return o.reader.View()
	}
	inner := max(10, w-6) // the box's border and padding
	var b strings.Builder
	b.WriteString(o.st.Title.Render(model.T(o.lang, "Brister i planen", "Findings in the plan")) + "\n")
	b.WriteString(o.st.Subtle.Render(ansi.Wordwrap(model.T(o.lang, "✗ fel hindrar att planen fastställs · ! varning · * att känna till · i att veta · ↑↓ PgUp PgDn väljer · enter läser hela · g går dit · esc stänger",
		"✗ errors block finalising · ! warning · * to note · i good to know · ↑↓ PgUp PgDn choose · enter reads it whole · g goes there · esc closes"), inner, "")) + "\n\n")
	if len(o.fs) == 0 {
		b.WriteString(o.st.OK.Render(model.T(o.lang, "Inga brister.", "No findings.")))
	}
	// Each finding is one or two lines. The list shows as many as the box
	// holds around the cursor, and says how many more there are above and
	// below, so that none is hidden without a word.
	items := make([][]string, len(o.fs))
	for i, f := range o.fs {
		mark := o.st.Warn.Render("! ")
		switch f.Severity {
		case model.SevError:
			mark = o.st.Err.Render("✗ ")
		case model.SevInfo:
			mark = o.st.Subtle.Render("i ")
		case model.SevNotice:
			mark = o.st.Subtle.Render("* ")
		}
		sec, _ := sectionOfPath(f.Path)
		line := fmt.Sprintf("%s — %s", sectionLabel(sec, o.lang), f.Message.In(o.lang))
		parts := strings.Split(ansi.Wordwrap(line, max(8, inner-2), ""), "\n")
		// The finding chosen shows whole; the others take two lines at
		// most, and enter reads any of them whole.
		if len(parts) > 2 && i != o.cursor {
			parts = append(parts[:1], ansi.Truncate(strings.Join(parts[1:], " "), max(8, inner-2), "…"))
		}
		if i == o.cursor {
			for j := range parts {
				parts[j] = o.st.Selected.Render(parts[j])
			}
		}
		parts[0] = mark + parts[0]
		for j := 1; j < len(parts); j++ {
			parts[j] = "  " + parts[j]
		}
		items[i] = parts
	}
	// What the border, the padding and the heading leave is the list's,
	// less a line for each "more" note it needs.
	avail := max(2, h-4-strings.Count(b.String(), "\n"))
	first, last := o.window(items, avail)
	if notes := btoi(first > 0) + btoi(last < len(items)); notes > 0 {
		first, last = o.window(items, max(1, avail-notes))
	}
	o.page, o.top, o.last = last-first, first, last
	var list []string
	if first > 0 {
		list = append(list, o.st.Subtle.Render(fmt.Sprintf(model.T(o.lang, "↑ %d till", "↑ %d more"), first)))
	}
	for i := first; i < last; i++ {
		list = append(list, items[i]...)
	}
	if last < len(items) {
		list = append(list, o.st.Subtle.Render(fmt.Sprintf(model.T(o.lang, "↓ %d till", "↓ %d more"), len(items)-last)))
	}
	b.WriteString(strings.Join(list, "\n"))
	return o.st.Box.Width(w).Height(h).MaxHeight(h).Render(b.String())
}

// btoi is 1 for true.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// window picks the findings [first, last) that fit in room lines with the
// cursor among them, starting from the first shown before (a page turned
// starts at the finding after the last page's), and on the last page as
// high as fills it.
func (o *findingsOverlay) window(items [][]string, room int) (first, last int) {
	lines := func(a, b int) int {
		n := 0
		for _, it := range items[a:b] {
			n += len(it)
		}
		return n
	}
	first = min(o.top, o.cursor, max(0, len(items)-1))
	for first < o.cursor && lines(first, o.cursor+1) > room {
		first++
	}
	last = first
	for last < len(items) && lines(first, last+1) <= room {
		last++
	}
	for last == len(items) && first > 0 && lines(first-1, last) <= room {
		first--
	}
	if last <= o.cursor && o.cursor < len(items) {
		last = o.cursor + 1 // a single finding taller than the room
	}
	return first, last
}

// sectionOverlay chooses any section of the plan by arrow or letter.
type sectionOverlay struct {
	common.Panel
	lang   model.Lang
	st     *common.Styles
	keys   components.PickKeys
	order  []string
	cursor int
}

func newSectionOverlay(l model.Lang, st *common.Styles, order []string, active string) *sectionOverlay {
	o := &sectionOverlay{lang: l, st: st, order: order, keys: components.NewPickKeys(l, "ctrl+g", "tab")}
	for i, id := range order {
		if id == active {
			o.cursor = i
		}
	}
	return o
}

const sectionKeys = "1234567890abcdef"

func (o *sectionOverlay) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, o.keys.Close):
		o.Close()
		return nil
	case key.Matches(k, o.keys.Up):
		o.cursor = (o.cursor - 1 + len(o.order)) % len(o.order)
	case key.Matches(k, o.keys.Down):
		o.cursor = (o.cursor + 1) % len(o.order)
	case key.Matches(k, o.keys.Choose):
		id := o.order[o.cursor]
		o.Close()
		return func() tea.Msg { return GotoSectionMsg{ID: id} }
	default:
		// A section's own digit or letter, as typed text.
		s := k.Text
		if i := strings.Index(sectionKeys, s); len(s) == 1 && k.Mod == 0 && i >= 0 && i < len(o.order) {
			id := o.order[i]
			o.Close()
			return func() tea.Msg { return GotoSectionMsg{ID: id} }
		}
	}
	return nil
}

func (o *sectionOverlay) View() string {
	w, h := o.Width, o.Height
	var b strings.Builder
	b.WriteString(o.st.Title.Render(model.T(o.lang, "Gå till avsnitt", "Go to section")) + "\n\n")
	for i, id := range o.order {
		line := fmt.Sprintf("%c  %s", sectionKeys[i], sectionLabel(id, o.lang))
		if i == o.cursor {
			line = o.st.Selected.Render(line)
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n" + o.st.Subtle.Render(model.T(o.lang, "tryck siffran/bokstaven eller ↑↓ och enter · esc stänger", "press the digit/letter or ↑↓ and enter · esc closes")))
	return o.st.Box.Width(w).Height(h).MaxHeight(h).Render(b.String())
}

// ShortHelp names the findings' keys, or the reader's while it is open.
func (o *findingsOverlay) ShortHelp() []key.Binding {
	if o.reader != nil {
		return o.reader.ShortHelp()
	}
	return []key.Binding{o.keys.Up, o.keys.Down, o.keys.Choose, o.keys.Go, o.keys.Close}
}

// ShortHelp names the section chooser's keys.
func (o *sectionOverlay) ShortHelp() []key.Binding { return o.keys.ShortHelp() }

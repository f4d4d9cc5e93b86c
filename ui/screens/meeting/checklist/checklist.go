// Package checklist is the meeting's overlay of the checklists before and
// after the meeting (ctrl+l): the local routine's points, the summons and
// the plan's own, ticked as they are done.
package checklist

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
)

// Item is one point of the before- or after-meeting checklist.
type Item struct {
	ID   string
	Text model.Text
}

// Lists gives the before and after lists of a variant; main fills it
// from the checklists package.
type Lists func(model.AgeGroup) (before, after []Item)

// Overlay ticks the before/after checklists of the current meeting.
// Ticks live on the version (a follow-up starts fresh), and the summary
// carries them so the home screen can count what is still open.
type Overlay struct {
	common.Panel
	lang   model.Lang
	st     *common.Styles
	keys   components.PickKeys
	tick   key.Binding
	plan   *model.Plan
	before []Item
	after  []Item
	Cursor int
	// lone tells space, x and q typed alone from a sentence typed by
	// someone who thought she was in a text field: "ok klart" ticked an
	// item, "vi har gjort det här" ticked and unticked it four times.
	lone   components.LoneKeys
	notice string
}

func New(l model.Lang, st *common.Styles, p *model.Plan, before, after []Item) *Overlay {
	return &Overlay{lang: l, st: st, plan: p, before: append(append(planItems(p), before...), summonsItem(p)...), after: after,
		keys: components.NewPickKeys(l, "ctrl+l"),
		tick: key.NewBinding(key.WithKeys("space", "enter", "x"), key.WithHelp("mellanslag", model.T(l, "bocka av", "tick")))}
}

// summonsItem is the day by which the summons must go out, four weeks
// before the meeting, after the list's own items.
func summonsItem(p *model.Plan) []Item {
	v := p.Current()
	if v == nil {
		return nil
	}
	by := v.SummonsBy()
	if by == "" {
		return nil
	}
	return []Item{{ID: model.SummonsByTickID,
		Text: model.Text{SV: model.SummonsByLine(by, model.Swedish), EN: model.SummonsByLine(by, model.English)}}}
}

// planItems are the before-meeting items the plan itself calls for: an
// interpreter to book for each language an interpreter worked in, so that
// a follow-up is not held without one.
func planItems(p *model.Plan) []Item {
	v := p.Current()
	if v == nil {
		return nil
	}
	var out []Item
	for _, lang := range v.Interpreters() {
		out = append(out, Item{ID: model.InterpreterTickID(lang),
			Text: model.Text{SV: model.BookInterpreter(lang, model.Swedish), EN: model.BookInterpreter(lang, model.English)}})
	}
	return out
}

// summonsLines is the summons list shown above the checklists: who is
// summoned and whether they have confirmed.
func summonsLines(l model.Lang, st *common.Styles, p *model.Plan, v *model.Version, w int) []string {
	if v == nil {
		return nil
	}
	s := v.Summons(l)
	if len(s.People) == 0 {
		return nil
	}
	lines := []string{st.Label.Render(model.T(l, "Kallelselista", "Summons list"))}
	for _, p := range s.People {
		state := model.T(l, "inte kallad", "not invited")
		switch {
		case p.Confirmed:
			state = model.T(l, "har bekräftat", "confirmed")
		case p.Invited:
			state = model.T(l, "kallad", "invited")
		}
		line := p.Name
		if p.Affiliation != "" {
			line += ", " + p.Affiliation
		}
		if p.Contact != "" {
			line += " · " + p.Contact
		}
		// Wrapped, not cut: an address is read whole; the state goes at
		// the end of the last line, or under it when it does not fit.
		iw := max(10, w-8)
		wrapped := strings.Split(ansi.Wrap(line, iw, ""), "\n")
		last := len(wrapped) - 1
		if ansi.StringWidth(wrapped[last])+2+ansi.StringWidth(state) <= iw {
			wrapped[last] += st.Subtle.Render("  " + state)
		} else {
			wrapped = append(wrapped, st.Subtle.Render(state))
		}
		lines = append(lines, "  "+wrapped[0])
		for _, more := range wrapped[1:] {
			lines = append(lines, "    "+more) // one entry a line: the list scrolls by lines
		}
	}
	for _, b := range s.Bookings {
		lines = append(lines, "  "+st.Warn.Render(b))
	}
	// A summoned unit outside the consent (for a child, outside a
	// guardian's): said here, before the summons goes out.
	for _, warn := range p.SummonsWarnings(v, model.Today(), l) {
		for _, l := range strings.Split(ansi.Wordwrap(warn, max(10, w-8), ""), "\n") {
			lines = append(lines, st.Err.Render("  "+l))
		}
	}
	return append(lines, "")
}

func (o *Overlay) items() []Item {
	return append(append([]Item{}, o.before...), o.after...)
}

func (o *Overlay) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	all := o.items()
	kind, undone := o.lone.Key(k, key.Matches(k, o.tick, o.keys.Close))
	if kind == components.InRun {
		o.notice = model.T(o.lang, "Här skrivs ingen text: mellanslag eller enter bockar av, esc stänger.",
			"No text is written here: space or enter ticks, esc closes.")
		if undone {
			o.notice += model.T(o.lang, " Punkten är som förut.", " The item is as it was.")
		}
		return nil
	}
	o.notice = ""
	var moved bool
	if o.Cursor, moved = o.keys.Move(k, o.Cursor, len(all)); moved {
		return nil
	}
	switch {
	case key.Matches(k, o.keys.Close):
		o.Close()
		return nil
	case key.Matches(k, o.tick):
		if o.Cursor < len(all) && !o.plan.ReadOnly() {
			id := all[o.Cursor].ID
			was := o.plan.Ticked(id)
			_ = o.plan.Tick(id, !was)
			if kind == components.Lone {
				o.lone.Acted(func() { _ = o.plan.Tick(id, was) })
			}
		}
	}
	return nil
}

func (o *Overlay) View() string {
	w, h := o.Width, o.Height
	var lines []string
	cur := -1
	idx := 0
	add := func(title string, items []Item) {
		lines = append(lines, o.st.Label.Render(title))
		for _, it := range items {
			mark := "[ ] "
			if o.plan.Ticked(it.ID) {
				mark = o.st.Done.Render("[x] ")
			}
			text := strings.Split(ansi.Wordwrap(it.Text.In(o.lang), max(10, w-12), ""), "\n")
			line := mark + text[0]
			if idx == o.Cursor {
				plain := "[ ] "
				if o.plan.Ticked(it.ID) {
					plain = "[x] "
				}
				line = o.st.Selected.Render(plain + text[0])
				cur = len(lines)
			}
			lines = append(lines, line)
			for _, more := range text[1:] {
				lines = append(lines, "    "+more)
			}
			idx++
		}
		lines = append(lines, "")
	}
	lines = append(lines, summonsLines(o.lang, o.st, o.plan, o.plan.Current(), w)...)
	add(model.T(o.lang, "Före mötet", "Before the meeting"), o.before)
	add(model.T(o.lang, "Efter mötet", "After the meeting"), o.after)
	foot := o.footer(w)
	room := max(3, h-7-lipgloss.Height(foot))
	first := 0
	if cur >= room {
		first = cur - room + 1
	}
	end := min(len(lines), first+room)
	body := o.st.Title.Render(model.T(o.lang, "Checklistor", "Checklists")) + "\n\n" + strings.Join(lines[first:end], "\n") +
		"\n" + foot
	return o.st.Box.Width(w).Height(h).MaxHeight(h).Render(body)
}

// footer is the line under the lists: the keys, or why typed text was
// refused.
func (o *Overlay) footer(w int) string {
	if o.notice != "" {
		return o.st.Warn.Render(ansi.Wordwrap(o.notice, max(10, w-4), ""))
	}
	return o.st.Subtle.Render(model.T(o.lang, "mellanslag bockar av · esc stänger", "space ticks · esc closes"))
}

// ShortHelp names the checklists' keys.
func (o *Overlay) ShortHelp() []key.Binding {
	return append(o.keys.ShortHelp()[:2], o.tick, o.keys.Close)
}

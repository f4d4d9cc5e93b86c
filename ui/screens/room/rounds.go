package room

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
)

// StepOrder is the agenda's step ids in order, which tells a round who had
// left before it began.
func StepOrder(steps []Step) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.ID
	}
	return out
}

// roundView lists who belongs in the round, with a tick for those who have
// spoken. An interpreter, and anyone who left before the step, is not in
// it; those who left are named below so that the chair knows why.
func roundView(st *common.Styles, l model.Lang, stepID string, order []string, v *model.Version, width int) string {
	spoke := map[string]bool{}
	for _, id := range v.Rounds[stepID] {
		spoke[id] = true
	}
	var b strings.Builder
	for _, pt := range v.RoundMembers(stepID, order) {
		mark := "[ ]"
		if spoke[pt.ID] {
			mark = st.Done.Render("[x]")
		}
		b.WriteString("    " + mark + " " + ansi.Truncate(pt.Name, max(5, width-10), "…") + "\n")
	}
	if b.Len() == 0 {
		w := ansi.Wordwrap(model.T(l, "Ingen är markerad närvarande ännu.", "Nobody is marked present yet."), max(10, width-4), "")
		return "    " + st.Subtle.Render(strings.ReplaceAll(w, "\n", "\n    ")) + "\n"
	}
	if gone := leftNames(v, stepID, order); gone != "" {
		// Wrapped, not cut: each who left is named, with when.
		w := ansi.Wordwrap(model.T(l, "Har gått: ", "Has left: ")+gone, max(10, width-4), "")
		b.WriteString("    " + st.Subtle.Render(strings.ReplaceAll(w, "\n", "\n    ")) + "\n")
	}
	return b.String() + "    " + st.Subtle.Render(model.T(l, "ctrl+r bockar av talare", "ctrl+r ticks speakers")) + "\n"
}

// leftNames names the present participants who are out of this round
// because they left.
func leftNames(v *model.Version, stepID string, order []string) string {
	var names []string
	for _, pt := range v.Meeting.Participants {
		if pt.IsPresent() && pt.Speaks() && pt.Left != nil && !v.InRound(pt, stepID, order) {
			names = append(names, pt.Name)
		}
	}
	return strings.Join(names, ", ")
}

type roundKeys struct {
	up, down, tick, left, close key.Binding
}

func newRoundKeys(l model.Lang) roundKeys {
	return roundKeys{
		up:    key.NewBinding(key.WithKeys("up")),
		down:  key.NewBinding(key.WithKeys("down")),
		tick:  key.NewBinding(key.WithKeys("space", "x"), key.WithHelp(model.T(l, "mellanslag", "space"), model.T(l, "bockar av", "ticks"))),
		left:  key.NewBinding(key.WithKeys("g"), key.WithHelp("g", model.T(l, "har gått nu / är tillbaka", "has left now / is back"))),
		close: key.NewBinding(key.WithKeys("esc", "q", "ctrl+r", "enter"), key.WithHelp("esc", model.T(l, "stänger", "closes"))),
	}
}

// RoundOverlay ticks who has spoken in a round, so that the chair sees
// that everyone got their turn, and marks who has left the meeting: later
// rounds skip them.
type RoundOverlay struct {
	common.Panel
	lang model.Lang
	st   *common.Styles
	keys roundKeys
	v    *model.Version
	Step string
	// order is the agenda's step ids; current is the step under way,
	// where a leaving marked now is placed.
	order   []string
	current string
	now     func() time.Time
	Cursor  int
	// lone tells space, x, g and q typed alone from a sentence typed by
	// someone who thought she was in a text field ("gick hem" marked the
	// person gone with its g, and each space ticked).
	lone   components.LoneKeys
	notice string
}

func NewRoundOverlay(l model.Lang, st *common.Styles, v *model.Version, step string, order []string, current string, now func() time.Time) *RoundOverlay {
	if now == nil {
		now = time.Now
	}
	return &RoundOverlay{lang: l, st: st, keys: newRoundKeys(l), v: v, Step: step, order: order, current: current, now: now}
}

// rows are the people the overlay lists: everyone present who speaks for
// themself, those who left included, so that a leaving can be undone.
func (o *RoundOverlay) rows() []*model.Participant {
	var out []*model.Participant
	for i := range o.v.Meeting.Participants {
		pt := &o.v.Meeting.Participants[i]
		if pt.IsPresent() && pt.Speaks() {
			out = append(out, pt)
		}
	}
	return out
}

func (o *RoundOverlay) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	rows := o.rows()
	kind, undone := o.lone.Key(k, key.Matches(k, o.keys.tick, o.keys.left, o.keys.close))
	if kind == components.InRun {
		o.notice = model.T(o.lang, "Här skrivs ingen text: mellanslag bockar av, g har gått, esc stänger.",
			"No text is written here: space ticks, g has left, esc closes.")
		if undone {
			o.notice += model.T(o.lang, " Listan är som förut.", " The list is as it was.")
		}
		return nil
	}
	o.notice = ""
	if kind == components.Lone && o.Cursor < len(rows) {
		// What the key does is taken back if letters follow at once.
		pt := rows[o.Cursor]
		left, spoke := pt.Left, o.spoke(pt.ID)
		o.lone.Acted(func() {
			pt.Left = left
			if o.spoke(pt.ID) != spoke {
				o.toggle(pt.ID)
			}
		})
	}
	switch {
	case key.Matches(k, o.keys.close):
		o.Close()
		return nil
	case key.Matches(k, o.keys.up):
		if o.Cursor > 0 {
			o.Cursor--
		}
	case key.Matches(k, o.keys.down):
		if o.Cursor < len(rows)-1 {
			o.Cursor++
		}
	case key.Matches(k, o.keys.left):
		if o.Cursor < len(rows) {
			pt := rows[o.Cursor]
			now := o.now().Format(model.TimeLayout)
			switch lv := pt.Left; {
			case lv == nil:
				pt.Left = &model.Leaving{At: now, Step: o.current}
			case lv.At == "" || lv.At > now:
				// Written ahead ("10:40, går till ett annat möte", or only
				// the note): the person leaves now, and the note stays.
				pt.Left = &model.Leaving{At: now, Step: o.current, Note: lv.Note, Planned: lv.At}
			default:
				// Back in the room: what was written ahead comes back,
				// and the note is kept (it was erased).
				pt.Left = lv.Back()
			}
		}
	case key.Matches(k, o.keys.tick):
		if o.Cursor < len(rows) && o.v.InRound(*rows[o.Cursor], o.Step, o.order) {
			// Tick and stay, as in every tick list: the chair moves on
			// with the arrows, in the order people actually speak.
			o.toggle(rows[o.Cursor].ID)
		}
	}
	return nil
}

// spoke tells whether id is ticked in the round.
func (o *RoundOverlay) spoke(id string) bool {
	for _, x := range o.v.Rounds[o.Step] {
		if x == id {
			return true
		}
	}
	return false
}

func (o *RoundOverlay) toggle(id string) {
	if o.v.Rounds == nil {
		o.v.Rounds = map[string][]string{}
	}
	ids := o.v.Rounds[o.Step]
	for i, x := range ids {
		if x == id {
			o.v.Rounds[o.Step] = append(ids[:i:i], ids[i+1:]...)
			return
		}
	}
	o.v.Rounds[o.Step] = append(ids, id)
}

func (o *RoundOverlay) View() string {
	w, h := o.Width, o.Height
	var b strings.Builder
	b.WriteString(o.st.Title.Render(model.T(o.lang, "Vem har fått tala?", "Who has spoken?")) + "\n\n")
	spoke := map[string]bool{}
	for _, id := range o.v.Rounds[o.Step] {
		spoke[id] = true
	}
	rows := o.rows()
	if len(rows) == 0 {
		b.WriteString(model.T(o.lang, "Ingen är markerad närvarande. Markera under Deltagare.", "Nobody is marked present. Mark them under Participants."))
	}
	for i, p := range rows {
		mark := "[ ]"
		if spoke[p.ID] {
			mark = "[x]"
		}
		line := mark + " " + p.Name
		if !o.v.InRound(*p, o.Step, o.order) {
			line = "    " + p.Name + " — " + p.Left.Text(o.lang)
		}
		if i == o.Cursor {
			line = o.st.Selected.Render(line)
		}
		b.WriteString(line + "\n")
	}
	if o.notice != "" {
		b.WriteString("\n" + o.st.Warn.Render(ansi.Wordwrap(o.notice, max(10, w-4), "")))
	} else {
		b.WriteString("\n" + o.st.Subtle.Render(model.T(o.lang,
			"mellanslag bockar av · g har gått nu / är tillbaka · esc stänger",
			"space ticks · g has left now / is back · esc closes")))
	}
	return o.st.Box.Width(w).Height(h).MaxHeight(h).Render(b.String())
}

// ShortHelp names the round's keys.
func (o *RoundOverlay) ShortHelp() []key.Binding {
	return []key.Binding{o.keys.up, o.keys.down, o.keys.tick, o.keys.left, o.keys.close}
}

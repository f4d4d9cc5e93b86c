package room

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

type roomKeys struct {
	up, down, follow key.Binding
}

func newRoomKeys() roomKeys {
	return roomKeys{
		up:     key.NewBinding(key.WithKeys("up", "pgup", "k")),
		down:   key.NewBinding(key.WithKeys("down", "pgdown", "j", "space")),
		follow: key.NewBinding(key.WithKeys("home", "esc")),
	}
}

// RoomModel is what goes on the wall: the question the meeting is on and
// the plan as it grows, under the person's own headings. It can never
// write, and it leaves out everything meant for staff: what not to raise,
// the consent's scope, the full personnummer, the notes, the findings. Of
// the keys it shows at most the one way back, on the secretary's own
// screen.
type RoomModel struct {
	lang model.Lang
	st   *common.Styles
	keys roomKeys
	// scroll is how many lines the reader moved from the part the meeting
	// is on; 0 follows the meeting.
	scroll int
	width  int
	height int
	// Back is the key that leaves this view on the secretary's screen,
	// shown discreetly at the bottom. A device joined over SSH has no
	// way back (its keys only scroll), so there it is unset and nothing
	// is shown.
	Back key.Binding
	// typed says text typed here was not taken (roomview_typed.go).
	typed typedState
}

func NewRoomModel(l model.Lang, st *common.Styles) *RoomModel {
	return &RoomModel{lang: l, st: st, keys: newRoomKeys(), width: 80, height: 24}
}

func (r *RoomModel) SetSize(w, h int) { r.width, r.height = w, h }

// Update only moves the view: a room's screen has nothing to change.
func (r *RoomModel) Update(msg tea.Msg) {
	if r.typedKey(msg) {
		return
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return
	}
	switch {
	case key.Matches(k, r.keys.up):
		r.scroll -= 3
	case key.Matches(k, r.keys.down):
		r.scroll += 3
	case key.Matches(k, r.keys.follow):
		r.scroll = 0
	}
}

// roomPart is one part of the plan as the room sees it.
type roomPart struct {
	section string
	heading model.Text
	lines   func(v *model.Version, l model.Lang) []string
}

// roomParts are in the order of the plan, with the person's headings.
var roomParts = []roomPart{
	{model.SectionParticipants, model.Text{SV: "Vi som är här", EN: "Who is here"}, func(v *model.Version, l model.Lang) []string {
		var out []string
		for _, p := range v.Present() {
			p := p.Visible()
			who := p.Name
			if p.Unit != "" {
				who += ", " + p.Unit
			} else if p.Role != model.RoleStaff && p.Role != "" {
				who += " (" + p.Role.Label(l) + ")"
			}
			out = append(out, "• "+who)
		}
		return out
	}},
	{model.SectionOwnWords, model.Text{SV: "Det här är viktigt för mig", EN: "This is what matters to me"}, roomText(func(c *model.Content) string { return c.OwnWords })},
	{model.SectionSituation, model.Text{SV: "Så här är det nu", EN: "How things are now"}, roomText(func(c *model.Content) string { return c.Situation })},
	{model.SectionNeeds, model.Text{SV: "Det här behöver jag hjälp med", EN: "What I need help with"}, roomText(func(c *model.Content) string { return c.Needs })},
	{model.SectionGoals, model.Text{SV: "Det här vill jag uppnå", EN: "What I want to reach"}, func(v *model.Version, l model.Lang) []string {
		var out []string
		for i, g := range v.Content.Goals {
			if strings.TrimSpace(g.Text) != "" {
				out = append(out, fmt.Sprintf("%d. %s", i+1, g.Text))
			}
		}
		return out
	}},
	{model.SectionActions, model.Text{SV: "Vem gör vad, och när?", EN: "Who does what, and when?"}, func(v *model.Version, l model.Lang) []string {
		var out []string
		for _, a := range v.Content.Actions {
			if strings.TrimSpace(a.What) == "" {
				continue
			}
			out = append(out, "• "+a.What)
			var who []string
			for _, s := range []string{a.Responsible, a.Unit, a.When} {
				if strings.TrimSpace(s) != "" {
					who = append(who, s)
				}
			}
			if len(who) > 0 {
				out = append(out, "  "+strings.Join(who, " · "))
			}
		}
		return out
	}},
	{model.SectionMedication, model.Text{SV: "Läkemedel och hjälpmedel", EN: "Medicines and aids"}, func(v *model.Version, l model.Lang) []string {
		var out []string
		for _, s := range []string{v.Content.Medication, v.Content.Devices} {
			if strings.TrimSpace(s) != "" {
				out = append(out, s)
			}
		}
		return out
	}},
	{model.SectionCoordinator, model.Text{SV: "Den som håller ihop min plan", EN: "The one who keeps my plan together"}, func(v *model.Version, l model.Lang) []string {
		if p := v.CoordinatorParticipant(); p != nil {
			p := p.Visible()
			who := p.Name
			if p.Unit != "" {
				who += ", " + p.Unit
			}
			return []string{who}
		}
		return nil
	}},
	{model.SectionNotAgreed, model.Text{SV: "Det här är vi inte överens om än", EN: "What we have not agreed on yet"}, func(v *model.Version, l model.Lang) []string {
		var out []string
		if strings.TrimSpace(v.Content.NotAgreed) != "" {
			out = append(out, v.Content.NotAgreed)
		}
		if v.Content.ConsiderUntil != "" {
			out = append(out, model.T(l, "Jag får tänka till och med ", "I may think it over until ")+model.UntilText(v.Content.ConsiderUntil))
		}
		return out
	}},
	{model.SectionFollowUp, model.Text{SV: "När vi ses igen", EN: "When we meet again"}, func(v *model.Version, l model.Lang) []string {
		f := v.Content.FollowUp
		switch f.State {
		case model.FollowUpNone:
			return []string{model.T(l, "Inget nytt möte är planerat.", "No new meeting is planned.")}
		case model.FollowUpLater:
			out := []string{model.T(l, "Nästa möte bokas senare.", "The next meeting will be booked later.")}
			if f.BookBy != "" {
				out = append(out, model.T(l, "Det bokas senast ", "It is booked by ")+f.BookBy+".")
			}
			return out
		case model.FollowUpBooked:
		default:
			return nil
		}
		var parts []string
		for _, s := range []string{f.Date, f.Time, f.Place} {
			if strings.TrimSpace(s) != "" {
				parts = append(parts, s)
			}
		}
		if len(parts) == 0 {
			return nil
		}
		return []string{strings.Join(parts, " · ")}
	}},
}

func roomText(get func(c *model.Content) string) func(*model.Version, model.Lang) []string {
	return func(v *model.Version, _ model.Lang) []string {
		if s := get(&v.Content); strings.TrimSpace(s) != "" {
			return []string{s}
		}
		return nil
	}
}

// View draws the room's screen: calm, with wide margins and no frames.
func (r *RoomModel) View(s MeetingState) string {
	l, st := r.lang, r.st
	p, v, notRaise := s.roomPlan()
	w, h := r.width, r.height
	hint := ""
	if b := r.Back.Help(); b.Key != "" && h > 3 {
		hint = b.Key + ": " + b.Desc
		h--
	}
	col := min(w-4, 96)
	margin := strings.Repeat(" ", max(1, (w-col)/2))
	person := ""
	if p != nil {
		person = p.Person.Name
	}
	people := model.PeopleWords(p, v)
	safe := func(t string) string { return model.RoomSafeAmong(t, notRaise, person, people) }

	var head []string
	title := model.T(l, "Samordnad individuell plan", "Coordinated individual plan")
	if p != nil && strings.TrimSpace(p.Person.Name) != "" {
		title += " · " + safe(p.Person.Name)
	}
	if v.Meeting.Date != "" {
		title += " · " + v.Meeting.Date
	}
	head = append(head, "", st.Subtle.Render(ansi.Truncate(title, col, "…")), "")
	cur, ok := s.current()
	if ok {
		head = append(head, st.Subtle.Render(model.T(l, "Nu pratar vi om", "We are talking about")))
		for _, line := range strings.Split(ansi.Wordwrap(safe(cur.Title.In(l)), col-2, ""), "\n") {
			head = append(head, st.Focused.Render("▍ ")+st.Title.Render(line))
		}
		head = append(head, "")
	}

	var body []string
	var heads []int       // where each part's heading is in body
	var headText []string // and what it says
	focus := -1
	for _, p := range roomParts {
		lines := p.lines(v, l)
		if len(lines) == 0 {
			continue
		}
		if ok && cur.Section == p.section && focus < 0 {
			focus = len(body)
		}
		heads, headText = append(heads, len(body)), append(headText, p.heading.In(l))
		body = append(body, st.Label.Render(p.heading.In(l)))
		for _, line := range lines {
			body = append(body, hangWrap(safe(line), col-2, "  ")...)
		}
		body = append(body, "")
	}
	if len(body) == 0 {
		body = []string{st.Subtle.Render(model.T(l, "Planen växer fram här under mötet.", "The plan grows here during the meeting."))}
	}
	room := max(1, h-len(head))
	start := 0
	if len(body) > room {
		// Follow the part the meeting is on; the reader may scroll.
		if focus >= 0 {
			start = min(focus, len(body)-room)
		}
		start = min(max(start+r.scroll, 0), len(body)-room)
	}
	top := partOf(heads, start)
	body = body[start:]
	if top >= 0 && heads[top] != start && len(body) > 0 {
		// The window starts inside a part: its heading stays on top, so
		// that the person's own words never read as the goals below.
		body[0] = st.Label.Render(headText[top] + model.T(l, " (forts.)", " (cont.)"))
	}
	out := append(head, body...)
	if len(out) > h {
		out = cutLines(st, l, out, h) // says how much is below
	}
	for i, line := range out {
		out[i] = margin + ansi.Truncate(line, col, "…")
	}
	if hint != "" {
		for len(out) < h {
			out = append(out, "")
		}
		note := r.typedNote()
		pad := max(0, w-ansi.StringWidth(note+hint)-1)
		out = append(out, strings.Repeat(" ", pad)+note+st.Subtle.Render(hint))
	}
	return strings.Join(out, "\n")
}

// partOf is the index of the part whose lines hold line i of the body:
// the last heading at or above it, or -1 above the first.
func partOf(heads []int, i int) int {
	at := -1
	for j, h := range heads {
		if h > i {
			break
		}
		at = j
	}
	return at
}

// hangWrap wraps line to width after indent. A line that begins with a
// bullet or a number ("• ", "2. ") hangs: its wrapped lines start under
// its text, so that a long name or goal never reads as the next item.
func hangWrap(line string, width int, indent string) []string {
	mark := ""
	if strings.HasPrefix(line, "• ") {
		mark = "• "
	} else if i := strings.Index(line, ". "); i > 0 && i <= 3 && strings.Trim(line[:i], "0123456789") == "" {
		mark = line[:i+2]
	}
	rest := strings.TrimPrefix(line, mark)
	hang := strings.Repeat(" ", ansi.StringWidth(mark))
	var out []string
	for i, wl := range strings.Split(ansi.Wordwrap(rest, max(10, width-len(hang)), ""), "\n") {
		if i == 0 {
			out = append(out, indent+mark+wl)
			continue
		}
		out = append(out, indent+hang+wl)
	}
	return out
}

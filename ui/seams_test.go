package ui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/remote"
	"github.com/sipmote/sipmote/ui/screens/room"
)

// chairDevice is the chair's program on a device of its own, attached to
// the meeting's session.
func chairDevice(t *testing.T, m *Model, w, h int) tea.Model {
	t.Helper()
	v := m.session.Attach()
	t.Cleanup(v.Detach)
	c := remote.NewRemote(remote.RemoteOptions{Lang: model.Swedish, Chair: true, View: v, Agenda: testAgenda(t), Now: func() time.Time { return fixedNow }})
	c.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return c
}

func viewText(m tea.Model) string { return ansi.Strip(m.View().Content) }

// TestChairsRoundIsTheRoundsMembers: the chair's round lists who belongs in
// it, as the secretary's ctrl+r does: not the interpreter, not someone
// who left before it; it names who left. Ticking every member completes
// it. A step without a round shows none.
func TestChairsRoundIsTheRoundsMembers(t *testing.T) {
	m, _ := openViewsMeeting(t, model.Swedish, 120, 40)
	mm := m.meeting
	press(m, "ctrl+n") // the introductions, a round
	cur := mm.Steps[mm.Step]
	if !cur.Round {
		t.Fatalf("step %q is no round", cur.ID)
	}
	var gone string
	inEdit(m, func() {
		v := livePlan(m).Draft
		v.Meeting.Participants = append(v.Meeting.Participants, model.Participant{ID: model.NewID(), Name: "Tolken Aino",
			Role: model.RoleInterpreter, Language: "finska", Attendance: model.AttendRoom})
		v.Meeting.Participants[1].Left = &model.Leaving{Step: cur.ID}
		gone = v.Meeting.Participants[1].Name
		m.view.Changed("participants")
	})
	var members []model.Participant
	inRead(m, func() { members = livePlan(m).Draft.RoundMembers(cur.ID, room.StepOrder(mm.Steps)) })

	for _, sz := range [][2]int{{120, 40}, {80, 24}} {
		c := chairDevice(t, m, sz[0], sz[1])
		out := viewText(c)
		if strings.Contains(out, "Tolken Aino") {
			t.Errorf("%v: the interpreter is in the chair's round:\n%s", sz, out)
		}
		if n := strings.Count(out, "[ ]") + strings.Count(out, "[x]"); n != len(members) && !strings.Contains(out, "till ↓") {
			t.Errorf("%v: %d in the chair's round, %d members:\n%s", sz, n, len(members), out)
		}
		if !strings.Contains(out, "Har gått: "+gone) {
			t.Errorf("%v: the chair is not told who left:\n%s", sz, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "[ ] "+gone) {
				t.Errorf("%v: %s, who left, is in the round:\n%s", sz, gone, out)
			}
		}
	}
	c := chairDevice(t, m, 120, 40)
	for range members {
		c.Update(kp("space"))
		c.Update(kp("down"))
	}
	inRead(m, func() {
		v := livePlan(m).Draft
		spoke := map[string]bool{}
		for _, id := range v.Rounds[cur.ID] {
			spoke[id] = true
		}
		for _, p := range members {
			if !spoke[p.ID] {
				t.Errorf("%s not ticked after the chair ticked the whole round", p.Name)
			}
		}
	})
	if out := viewText(c); strings.Count(out, "[x]") != len(members) || strings.Contains(out, "[ ]") {
		t.Errorf("the round does not look done:\n%s", out)
	}
	// A step without a round: no round on the chair's screen, and space
	// ticks nobody.
	for i, s := range mm.Steps {
		if !s.Round && i > mm.Step {
			inEdit(m, func() { mm.GoStep(i) })
			break
		}
	}
	before := 0
	inRead(m, func() {
		for _, ids := range livePlan(m).Draft.Rounds {
			before += len(ids)
		}
	})
	c.Update(kp("space"))
	after := 0
	inRead(m, func() {
		for _, ids := range livePlan(m).Draft.Rounds {
			after += len(ids)
		}
	})
	if out := viewText(c); strings.Contains(out, "Talarrunda") || after != before {
		t.Errorf("a step without a round shows one (ticks %d → %d):\n%s", before, after, out)
	}
}

var clockRe = regexp.MustCompile(`Mötet: \d+ av \d+ min`)

// TestOverallClockAlwaysInSight: at 80×24 and 100×30, on every step of
// the agenda, the meeting's clock is on the secretary's screen and on the
// chair's device; where a view cuts, it says how much.
func TestOverallClockAlwaysInSight(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {100, 30}} {
		m, _ := openViewsMeeting(t, model.Swedish, sz[0], sz[1])
		press(m, "ctrl+o") // start the meeting
		c := chairDevice(t, m, sz[0], sz[1])
		for i := range m.meeting.Steps {
			inEdit(m, func() { m.meeting.GoStep(i) })
			scr := screenText(m)
			if !clockRe.MatchString(scr) {
				t.Errorf("%v step %d: no meeting clock on the secretary's screen:\n%s", sz, i+1, scr)
			}
			checkScreen(t, scr, sz[0], sz[1])
			ch := viewText(c)
			if !clockRe.MatchString(strings.ReplaceAll(ch, "minuter", "min")) {
				t.Errorf("%v step %d: no meeting clock on the chair's device:\n%s", sz, i+1, ch)
			}
		}
	}
}

// TestChairCutsSayHowMuch: on a small window the chair's view cuts the end
// of the round, and says how many lines are left out.
func TestChairCutsSayHowMuch(t *testing.T) {
	m, _ := openViewsMeeting(t, model.Swedish, 120, 40)
	press(m, "ctrl+n") // the introductions, a round
	c := chairDevice(t, m, 60, 20)
	out := viewText(c)
	if !regexp.MustCompile(`\d+ till ↓`).MatchString(out) {
		t.Errorf("the chair's view at 60×20 cuts without a word:\n%s", out)
	}
	checkScreen(t, out, 60, 20)
}

// TestChairsCursorStaysInSight: where the chair's round does not fit, the
// names scroll with the chair's cursor, and the view says how many are
// above and below.
func TestChairsCursorStaysInSight(t *testing.T) {
	m, _ := openViewsMeeting(t, model.Swedish, 120, 40)
	press(m, "ctrl+n") // the introductions, a round
	c := chairDevice(t, m, 60, 24)
	var members []model.Participant
	inRead(m, func() {
		mm := m.meeting
		members = livePlan(m).Draft.RoundMembers(mm.Steps[mm.Step].ID, room.StepOrder(mm.Steps))
	})
	for i, p := range members {
		out := viewText(c)
		if !strings.Contains(out, "› [ ] "+p.Name) {
			t.Fatalf("name %d, %s, chosen but out of sight:\n%s", i+1, p.Name, out)
		}
		checkScreen(t, out, 60, 24)
		c.Update(kp("down"))
	}
	if out := viewText(c); !regexp.MustCompile(`\d+ till ↑`).MatchString(out) {
		t.Errorf("the names above are not counted:\n%s", out)
	}
}

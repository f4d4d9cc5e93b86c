package ui

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/meeting"
	"github.com/sipmote/sipmote/ui/screens/room"
)

const testNotRaise = "pappans nya sambo"

// openViewsMeeting opens the demo child's meeting with everyone present, a
// subject not to raise, and a unit at the table that the consent does not
// cover.
func openViewsMeeting(t *testing.T, l model.Lang, w, h int) (*Model, *model.Plan) {
	t.Helper()
	db := openTestDB(t)
	p := model.DemoChild(fixedNow)
	v := p.Draft
	v.Consent.NotRaise = []string{testNotRaise}
	for i := range v.Meeting.Participants {
		v.Meeting.Participants[i].Attendance = model.AttendRoom
	}
	v.Meeting.Participants = append(v.Meeting.Participants, model.Participant{ID: model.NewID(), Name: "Lisa Berg",
		Role: model.RoleStaff, Unit: "Försäkringskassan", Principal: model.PrincipalOther, OtherParty: "Försäkringskassan", Attendance: model.AttendRoom})
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, l, w, h)
	send(m, home.OpenPlanMsg{ID: p.ID})
	if m.screen != screenMeeting {
		t.Fatalf("meeting did not open:\n%s", screenText(m))
	}
	return m, p
}

func goConsentStep(t *testing.T, m *Model) {
	t.Helper()
	for i, s := range m.meeting.Steps {
		if s.Section == model.SectionConsent {
			inEdit(m, func() { m.meeting.GoStep(i) })
			return
		}
	}
	t.Fatal("no consent step in the agenda")
}

// TestViewsCycle: the meeting opens on the secretary's view, which never
// shows the subjects not to raise, on a wide or a narrow window, even at
// the consent step; f2 goes to the chair's view, which shows them and says
// it is not for the room, and back; f4 goes to the room's, and back.
func TestViewsCycle(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			m, p := openViewsMeeting(t, l, sz[0], sz[1])
			goConsentStep(t, m)
			banner := model.T(l, "MÖTESLEDARENS VY", "CHAIR'S VIEW")
			sec := screenText(m)
			if m.meeting.Who != meeting.ViewSecretary || strings.Contains(sec, banner) {
				t.Fatalf("%s %v: did not open on the secretary's view:\n%s", l, sz, sec)
			}
			if strings.Contains(sec, testNotRaise) {
				t.Errorf("%s %v: the secretary's view shows what not to raise:\n%s", l, sz, sec)
			}
			press(m, "f2")
			chair := screenText(m)
			checkScreen(t, chair, sz[0], sz[1])
			for _, want := range []string{banner, testNotRaise, "Försäkringskassan (Lisa Berg)", "BUP"} {
				if !strings.Contains(chair, want) {
					t.Errorf("%s %v: chair's view lacks %q:\n%s", l, sz, want, chair)
				}
			}
			press(m, "f2")
			if m.meeting.Who != meeting.ViewSecretary {
				t.Fatalf("%s %v: f2 did not go back from the chair's view to the secretary's", l, sz)
			}
			press(m, "f4")
			room := screenText(m)
			checkScreen(t, room, sz[0], sz[1])
			for _, bad := range []string{banner, testNotRaise, p.Person.PNR, model.T(l, "Samtycket gäller", "The consent covers"), "f1", "ctrl+"} {
				if strings.Contains(room, bad) {
					t.Errorf("%s %v: room's view shows %q:\n%s", l, sz, bad, room)
				}
			}
			if !strings.Contains(room, model.T(l, "Nu pratar vi om", "We are talking about")) {
				t.Errorf("%s %v: room's view lacks the current step:\n%s", l, sz, room)
			}
			press(m, "f4")
			if m.meeting.Who != meeting.ViewSecretary {
				t.Errorf("%s %v: f4 twice did not come back to the secretary", l, sz)
			}
		}
	}
}

// TestRoomNeverShowsPrivate types a subject not to raise and a full
// personnummer into the plan, key by key, and looks at the room's screen
// after every key.
func TestRoomNeverShowsPrivate(t *testing.T) {
	m, p := openViewsMeeting(t, model.Swedish, 120, 40)
	mm := m.meeting
	check := func(when string) {
		t.Helper()
		var room string
		inRead(m, func() { room = ansi.Strip(mm.Room.View(mm.State())) })
		for _, bad := range []string{testNotRaise, "hennes tidigare partner", p.Person.PNR, "201503082388", "150308-2388"} {
			if strings.Contains(room, bad) {
				t.Fatalf("%s: room shows %q:\n%s", when, bad, room)
			}
		}
	}
	// The subject typed where it belongs: the consent.
	inEdit(m, func() { mm.GoSection(model.SectionConsent) })
	fs := mm.Sections[model.SectionConsent].(*meeting.FormSection)
	inEdit(m, func() { fs.Form.FocusField(meeting.FieldIndex(fs.Form, "consent.not_raise"), -1) })
	press(m, "enter", "end")
	typeText(m, "; hennes tidigare partner")
	check("after the consent")
	if got := livePlan(m).Draft.Consent.NotRaise; len(got) != 2 {
		t.Fatalf("not to raise = %q", got)
	}
	// And where it does not: the situation, with the personnummer.
	inEdit(m, func() { mm.GoSection(model.SectionSituation) })
	for _, s := range []string{" Om hennes tidigare partner: inget.", " Pnr 20150308-2388 och 201503082388."} {
		for _, r := range s {
			if r == ' ' {
				press(m, "space")
			} else {
				press(m, string(r))
			}
			check("typing the situation")
		}
	}
	// The room reads the field once the secretary leaves it (roomhold.go);
	// the sentence that names the partner is blanked whole.
	goSection(t, m, model.SectionNeeds)
	var room string
	inRead(m, func() { room = ansi.Strip(mm.Room.View(mm.State())) })
	if !strings.Contains(room, "… Pnr 20150308-**** och 20150308-****.") || strings.Contains(room, "inget.") {
		t.Errorf("the room does not show the masked text:\n%s", room)
	}
}

// TestChairMovesTheMeeting: what the chair does in the chair's view is what
// the secretary's view shows next.
func TestChairMovesTheMeeting(t *testing.T) {
	m, _ := openViewsMeeting(t, model.Swedish, 120, 40)
	mm := m.meeting
	press(m, "ctrl+n") // from the room to the introductions, a round
	start := mm.Step
	press(m, "f2", "right")
	if mm.Step != start+1 {
		t.Fatalf("→ in the chair's view: step %d, want %d", mm.Step, start+1)
	}
	if livePlan(m).Position.Step != mm.Steps[start+1].ID {
		t.Errorf("the position kept for reopening is %q", livePlan(m).Position.Step)
	}
	press(m, "left")
	if mm.Step != start || !mm.Steps[start].Round {
		t.Fatalf("← did not go back to the round (step %d)", mm.Step)
	}
	press(m, "space", "down", "space") // space ticks and stays; ↓ moves on
	ids := livePlan(m).Draft.Rounds[mm.Steps[start].ID]
	pres := livePlan(m).Draft.Present()
	if len(ids) != 2 || ids[0] != pres[0].ID || ids[1] != pres[1].ID {
		t.Errorf("ticked speakers = %v", ids)
	}
	press(m, "ctrl+k")
	if !livePlan(m).Draft.Agenda[mm.Steps[start].ID].Done || mm.Step != start+1 {
		t.Errorf("ctrl+k did not mark the step done and move on")
	}
	press(m, "f2")
	sec := screenText(m)
	want := strconv.Itoa(start+2) + " " + mm.Steps[start+1].Title.In(model.Swedish)
	followed := false
	for _, line := range strings.Split(sec, "\n") {
		if i := strings.Index(line, "›"); i >= 0 && strings.Contains(line[i:], want) {
			followed = true
		}
	}
	if !followed {
		t.Errorf("the secretary's agenda does not follow the chair:\n%s", sec)
	}
	if !strings.Contains(sec, "[x] "+pres[0].Name) && !strings.Contains(sec, "✓") {
		t.Errorf("the secretary's screen does not show the ticks:\n%s", sec)
	}
}

// TestChangesLeaveOutNotRaise: the what-changed view (ctrl+t) on a
// follow-up never names a subject not to raise.
func TestChangesLeaveOutNotRaise(t *testing.T) {
	db := openTestDB(t)
	p := model.Demo(fixedNow)
	if p.Draft == nil {
		if err := p.StartFollowUp(fixedNow); err != nil {
			t.Fatal(err)
		}
	}
	p.Draft.Consent.NotRaise = append(p.Draft.Consent.NotRaise, "skulderna")
	p.Draft.Consent.Subjects = append(p.Draft.Consent.Subjects, "boendet")
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 120, 40)
	send(m, home.OpenPlanMsg{ID: p.ID})
	press(m, "ctrl+t")
	out := screenText(m)
	if !strings.Contains(out, "boendet") || strings.Contains(out, "skulderna") {
		t.Errorf("what changed:\n%s", out)
	}
}

// TestRoomKeepsTheHeadingOfAPartCut: when the room's window starts inside
// a part (the meeting is on the goals, near the end of a long plan), that
// part's heading stays on top, so that the person's own words are never
// read as the goals under "We are talking about".
func TestRoomKeepsTheHeadingOfAPartCut(t *testing.T) {
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, fixedNow)
	v := p.Draft
	v.Content.OwnWords = strings.Repeat("Jag vill kunna bo kvar hemma och klara mig själv. ", 12)
	v.Content.Goals = []model.Goal{{ID: "g1", Text: "Bo kvar hemma"}}
	st := common.DefaultStyles()
	r := room.NewRoomModel(model.Swedish, &st)
	r.SetSize(80, 16)
	steps := []room.Step{{ID: "goals", Section: model.SectionGoals, Title: model.Text{SV: "Vad vill vi nå?", EN: "What do we want to reach?"}}}
	out := ansi.Strip(r.View(room.MeetingState{Plan: p, Steps: steps}))
	lines := strings.Split(out, "\n")
	first := ""
	for i, line := range lines {
		if strings.Contains(line, "Vad vill vi nå?") && i+2 < len(lines) {
			first = strings.TrimSpace(lines[i+2])
			break
		}
	}
	if strings.HasPrefix(first, "Jag vill") {
		t.Errorf("the room's view starts the own words without their heading:\n%s", out)
	}
	if !strings.Contains(out, "Det här är viktigt för mig (forts.)") && !strings.Contains(out, "Det här är viktigt för mig\n") {
		t.Errorf("the own words' heading is not on screen:\n%s", out)
	}
}

// TestTextOnTheChairsViewDoesNothing: a sentence typed on the chair's view
// (opened by mistake) neither moves the agenda nor marks a step done nor
// ticks a speaker with its spaces; one line says it is the chair's view
// and how to go back (tryout2 #44).
func TestTextOnTheChairsViewDoesNothing(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, _ := openViewsMeeting(t, l, 80, 24)
		mm := m.meeting
		press(m, "ctrl+n") // the introductions, a round of speakers
		start := mm.Step
		press(m, "f2")
		typeText(m, "det är bra att vi ses igen, nu kör vi")
		v := livePlan(m).Draft
		if mm.Step != start || v.Agenda[mm.Steps[start].ID].Done || len(v.Rounds[mm.Steps[start].ID]) != 0 {
			t.Errorf("%s: typed text moved the meeting: step %d (want %d), done %t, round %v", l, mm.Step, start,
				v.Agenda[mm.Steps[start].ID].Done, v.Rounds[mm.Steps[start].ID])
		}
		if want := model.T(l, "Mötesledarens vy: här skrivs ingen text. f2 går tillbaka till planen.",
			"The chair's view: no text is written here. f2 goes back to the plan."); !strings.Contains(screenText(m), want) {
			t.Errorf("%s: no line says %q:\n%s", l, want, screenText(m))
		}
		press(m, "up", "space") // alone (after a key that is not text) it ticks
		if len(livePlan(m).Draft.Rounds[mm.Steps[start].ID]) != 1 {
			t.Errorf("%s: a space typed alone did not tick the speaker", l)
		}
	}
}

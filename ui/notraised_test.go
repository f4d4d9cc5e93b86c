package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/home"
)

// TestNotRaisedFinding: a subject the person asked not to raise, written
// into the plan's text in other words, is a warning that names the part
// and the subject's number, never its words: in the findings (ctrl+f), on
// the last step before finalising, and in the print dialog. The room's
// view shows none of it (tryout41a #2).
func TestNotRaisedFinding(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, _ := openViewsMeeting(t, l, 80, 24) // not to raise: "pappans nya sambo"
		mm := m.meeting
		part := model.T(l, "Texten i ”Hur det är nu”", "The text in “Current situation”")
		press(m, "ctrl+f")
		for _, f := range mm.Findings {
			if strings.HasPrefix(f.Message.In(l), part) {
				t.Fatalf("%s: a finding on the situation before anything is typed: %q", l, f.Message.In(l))
			}
		}
		press(m, "esc")
		inEdit(m, func() { mm.GoSection(model.SectionSituation) })
		typeText(m, " Han har en ny sambo.")
		press(m, "ctrl+f")
		var msg string
		for _, f := range mm.Findings {
			if f.Path == "content.situation" && strings.HasPrefix(f.Message.In(l), part) {
				msg = f.Message.In(l)
				if f.Severity != model.SevWarning {
					t.Errorf("%s: severity %s, want a warning", l, f.Severity)
				}
			}
		}
		if !strings.Contains(msg, model.T(l, "ämne 1", "subject 1")) || strings.Contains(msg, "sambo") {
			t.Fatalf("%s: the finding on the situation = %q", l, msg)
		}
		// Errors come first in the list: the warning is a page or two on.
		s := screenText(m)
		for range 4 {
			if strings.Contains(s, part) {
				break
			}
			press(m, "pgdown")
			s = screenText(m)
		}
		if !strings.Contains(s, part) {
			t.Errorf("%s: ctrl+f does not list it:\n%s", l, s)
		}
		press(m, "esc")
		inEdit(m, func() { mm.GoSection(model.SectionFinish) })
		press(m, "p")
		s = screenText(m)
		if !strings.Contains(strings.Join(strings.Fields(s), " "), model.T(l, "nämner ämne 1 av dem", "names subject 1 of those")) || strings.Contains(s, "sambo") {
			t.Errorf("%s: the print dialog does not warn of it:\n%s", l, s)
		}
		checkScreen(t, s, 80, 24)
		press(m, "esc")
		var room string
		inRead(m, func() { room = ansi.Strip(mm.Room.View(mm.State())) })
		for _, bad := range []string{"sambo", part, model.T(l, "ämne 1", "subject 1")} {
			if strings.Contains(room, bad) {
				t.Errorf("%s: the room's view shows %q:\n%s", l, bad, room)
			}
		}
	}
}

// TestNotRaisedBeforeFinalising: on a plan ready to finalise, the last
// step lists the warning above the key that finalises, at 80x24, and
// finalising stays possible.
func TestNotRaisedBeforeFinalising(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		db := openTestDB(t)
		p := readyChildPlan(t)
		p.Draft.Content.Needs = "Stöd i skolan. Pappans sambo bor där varannan vecka."
		if err := db.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		m := newTestModel(t, db, l, 80, 24)
		send(m, home.OpenPlanMsg{ID: p.ID})
		inEdit(m, func() { m.meeting.GoSection(model.SectionFinish) })
		press(m, "ctrl+s")
		s := strings.Join(strings.Fields(screenText(m)), " ")
		part := model.T(l, "Texten i ”Behov, förutsättningar och intressen” nämner", "The text in “Needs, circumstances and interests” names")
		if !strings.Contains(s, part) || !strings.Contains(s, model.T(l, "Tryck enter för att fastställa", "Press enter to finalise")) {
			t.Errorf("%s: the last step does not show the warning before finalising:\n%s", l, screenText(m))
		}
	}
}

// readyChildPlan is the demo child's plan with everything a plan needs to
// be finalised, everyone present, and one subject not to raise.
func readyChildPlan(t *testing.T) *model.Plan {
	t.Helper()
	p := model.DemoChild(fixedNow)
	v := p.Draft
	v.Consent.NotRaise = []string{"pappans nya sambo"}
	var nils string
	for i, pt := range v.Meeting.Participants {
		v.Meeting.Participants[i].Attendance = model.AttendRoom
		if pt.Name == "Nils Öst" {
			nils = pt.ID
			v.Meeting.Participants[i].Phone = "010-123 45 67"
		}
	}
	v.Content.Needs = "Stöd i skolan."
	v.Content.Goals = []model.Goal{{ID: "g1", Text: "Vara i klassrummet hela dagen"}}
	v.Content.Actions = []model.Action{{ID: "a1", What: "Samtal varje vecka", Responsible: "Nils Öst", Unit: "BUP",
		Principal: model.PrincipalRegion, When: "varje tisdag", Status: model.ActionPlanned, GoalIDs: []string{"g1"}}}
	v.Content.Coordinator.ParticipantID = nils
	v.Content.FollowUp = model.FollowUp{State: model.FollowUpNone, NoneReason: "Planen gäller ett halvår.", MandateEnds: "2027-05-30"}
	if errs := model.Errors(model.Validate(p, v, model.Options{Now: fixedNow})); len(errs) > 0 {
		t.Fatalf("the plan is not ready: %+v", errs)
	}
	return p
}

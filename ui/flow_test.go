package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// newMeeting fills the new-plan form and opens the meeting.
func newMeeting(t *testing.T, m *Model, chair, secretary string) {
	t.Helper()
	press(m, "n")
	if m.screen != screenNew {
		t.Fatalf("n did not open the new-plan form:\n%s", screenText(m))
	}
	typeText(m, "Maja Lind")
	press(m, "tab")
	typeText(m, "19890412-3455")
	press(m, "tab")
	// date and time have defaults; set the date explicitly.
	for range 10 {
		press(m, "backspace")
	}
	typeText(m, "2026-11-30")
	press(m, "tab", "tab", "tab")
	typeText(m, "Psykiatrimottagningen")
	press(m, "tab", "tab")
	typeText(m, chair)
	press(m, "tab")
	typeText(m, secretary)
	press(m, "ctrl+s")
}

func TestChairAndSecretaryMustDiffer(t *testing.T) {
	for _, lang := range []model.Lang{model.Swedish, model.English} {
		m := newTestModel(t, openTestDB(t), lang, 120, 40)
		newMeeting(t, m, "Karin Holm", "karin  holm")
		if m.screen != screenNew {
			t.Fatalf("%s: the same chair and secretary were accepted", lang)
		}
		want := model.T(lang, "får inte vara samma person", "must not be the same person")
		if !strings.Contains(screenText(m), want) {
			t.Errorf("%s: no reason shown:\n%s", lang, screenText(m))
		}
	}
}

func TestInvalidPersonnummerRefused(t *testing.T) {
	m := newTestModel(t, openTestDB(t), model.Swedish, 120, 40)
	press(m, "n")
	typeText(m, "Maja Lind")
	press(m, "tab")
	typeText(m, "19890412-3456")
	press(m, "ctrl+s")
	if m.screen != screenNew || !strings.Contains(screenText(m), "Personnumret") {
		t.Fatalf("an invalid personnummer was accepted:\n%s", screenText(m))
	}
}

// TestMeetingFlow drives the screens as a secretary would: a new plan,
// three participants, consent, a goal, an action, the coordinator, the
// follow-up, then finalising.
func TestMeetingFlow(t *testing.T) {
	db := openTestDB(t)
	m := newTestModel(t, db, model.Swedish, 120, 40)
	newMeeting(t, m, "Karin Holm", "Ali Rahimi")
	if m.screen != screenMeeting {
		t.Fatalf("no meeting after creating the plan:\n%s", screenText(m))
	}
	// The meeting opens on the first step, the room; the next step opens
	// the name of a new participant: type at once.
	if m.meeting.Step != 0 || m.meeting.Active != model.SectionMeeting {
		t.Fatalf("a new meeting opened on step %d, section %s", m.meeting.Step+1, m.meeting.Active)
	}
	press(m, "ctrl+n")
	people := []struct{ name, unit string }{
		{"Ali Rahimi", "Psykiatrimottagningen"},
		{"Karin Holm", "Beroendeenheten"},
	}
	for i, p := range people {
		if i > 0 {
			press(m, "+")
		}
		typeText(m, p.name)
		press(m, "tab", "tab") // the role stays staff
		typeText(m, p.unit)
		press(m, "tab")
		if i == 0 {
			press(m, "right", "right") // — → kommun → region
		}
		if i == 1 {
			press(m, "right") // kommun
		}
		// Title, attendance, left early, invited, confirmed, signature.
		press(m, "tab", "tab", "tab", "tab", "tab", "tab", "tab")
		typeText(m, "070-000 00 0"+string(rune('1'+i)))
		press(m, "esc")
	}
	// The third by the quick row, typed on the table: Eva on the phone.
	typeText(m, "Eva Lind, närstående, telefon")
	press(m, "enter", "esc")
	v := livePlan(m).Draft
	if len(v.Meeting.Participants) != 3 {
		t.Fatalf("want 3 participants, got %d:\n%s", len(v.Meeting.Participants), screenText(m))
	}
	if pt := v.Meeting.Participants[2]; pt.Role != model.RoleRelative || pt.Attendance != model.AttendPhone || pt.Signing() != model.SignLater {
		t.Errorf("third participant = %+v, want a relative on the phone who signs later", pt)
	}
	if pt := v.Meeting.Participants[1]; pt.Name != "Karin Holm" || pt.Phone != "070-000 00 02" || pt.Unit != "Beroendeenheten" {
		t.Errorf("second participant = %+v", pt)
	}
	if p := v.Meeting.Participants[0].Principal; p != model.PrincipalRegion {
		t.Errorf("first participant principal = %s, want region", p)
	}
	// Consent: alt+2.
	press(m, "alt+2", "space", "tab", "right", "right", "tab")
	typeText(m, "2026-11-02")
	press(m, "tab")
	typeText(m, "2027-11-01")
	press(m, "tab")
	typeText(m, "Psykiatrimottagningen; Beroendeenheten")
	press(m, "tab", "tab")
	typeText(m, "boende; psykisk hälsa")
	// Needs: alt+5.
	press(m, "alt+5")
	typeText(m, "Stöd för att klara ett eget boende.")
	// A goal: alt+6, then an action: alt+7.
	press(m, "alt+6")
	typeText(m, "Egen lägenhet inom ett år")
	press(m, "alt+7")
	typeText(m, "Boendestöd")
	press(m, "tab")
	typeText(m, "Beroendeenheten")
	press(m, "tab")
	typeText(m, "Karin Holm")
	// The principal, then "när": "which other organisation" is asked
	// only for another organisation.
	press(m, "tab", "right", "tab")
	typeText(m, "beslut senast 2026-12-20")
	if n := len(v.Content.Actions); n != 1 || v.Content.Actions[0].When == "" {
		t.Fatalf("action not recorded: %+v", v.Content.Actions)
	}
	// Coordinator: alt+8, enter appoints the first eligible (Ali).
	press(m, "esc", "alt+8", "enter")
	if c := v.CoordinatorParticipant(); c == nil || c.Name != "Ali Rahimi" {
		t.Fatalf("coordinator = %+v", c)
	}
	// Follow-up: alt+0 is the eleventh? No: alt+0 is the tenth section.
	press(m, "alt+0")
	if m.meeting.Active != model.SectionFollowUp {
		t.Fatalf("alt+0 opened %s", m.meeting.Active)
	}
	press(m, "right", "tab") // booked here
	typeText(m, "Målen och insatserna")
	press(m, "tab")
	typeText(m, "2027-03-10")
	press(m, "tab")
	typeText(m, "10:00")
	press(m, "tab")
	typeText(m, "Psykiatrimottagningen")
	press(m, "tab")
	typeText(m, "Alla")
	press(m, "tab")
	typeText(m, "Ali Rahimi")
	// Finish: through the section chooser, then enter and yes.
	press(m, "ctrl+g", "e")
	if m.meeting.Active != model.SectionFinish {
		t.Fatalf("chooser did not open finish: %s", m.meeting.Active)
	}
	m.view.Edit(func(*model.Plan) {
		m.view.Changed("")
		m.meeting.RefreshFindings()
	})
	if errs := model.Errors(m.meeting.Findings); len(errs) > 0 {
		t.Fatalf("plan still has errors: %+v", errs)
	}
	clock := fakeConfirmClock(t)
	press(m, "enter")
	*clock = clock.Add(time.Second) // the question is read before the answer
	press(m, "j")
	p := livePlan(m)
	if p.VersionNumber() != 1 || p.Status != model.StatusActive {
		t.Fatalf("not finalised: version %d status %s\n%s", p.VersionNumber(), p.Status, screenText(m))
	}
	// Quit to home and reopen from the store: the plan is there.
	press(m, "ctrl+q")
	if m.screen != screenHome {
		t.Fatalf("ctrl+q did not return home")
	}
	stored, err := db.Load(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.VersionNumber() != 1 || len(stored.Versions[0].Meeting.Participants) != 3 {
		t.Errorf("stored plan differs: v%d", stored.VersionNumber())
	}
	if !strings.Contains(screenText(m), "Maja Lind") {
		t.Errorf("home does not list the plan:\n%s", screenText(m))
	}
}

func TestSecondPlanForSamePersonWarns(t *testing.T) {
	m := newTestModel(t, openTestDB(t), model.English, 120, 40)
	newMeeting(t, m, "Karin Holm", "Ali Rahimi")
	press(m, "ctrl+q")
	newMeeting(t, m, "Karin Holm", "Ali Rahimi")
	if m.screen != screenNew || !strings.Contains(screenText(m), "already exists") {
		t.Fatalf("no warning for a second plan of the same person:\n%s", screenText(m))
	}
	press(m, "ctrl+s")
	if m.screen != screenMeeting {
		t.Fatalf("a second ctrl+s did not create the plan anyway")
	}
}

func TestActionTakesUnitFromResponsible(t *testing.T) {
	m := newTestModel(t, openTestDB(t), model.Swedish, 120, 40)
	newMeeting(t, m, "Karin Holm", "Ali Rahimi")
	press(m, "ctrl+n") // from the room to the introductions
	typeText(m, "Karin Holm")
	press(m, "tab", "tab")
	typeText(m, "Beroendeenheten")
	press(m, "tab", "right", "esc", "alt+7")
	typeText(m, "Boendestöd")
	press(m, "tab", "tab")
	typeText(m, "karin holm")
	a := livePlan(m).Draft.Content.Actions[0]
	if a.Unit != "Beroendeenheten" || a.Principal != model.PrincipalKommun {
		t.Errorf("action unit %q principal %q, want those of Karin Holm", a.Unit, a.Principal)
	}
}

// TestFollowUpMeeting opens the demo's follow-up: the agenda has the review
// step, its shares still fill the meeting, and an outcome typed in the
// review reaches the new version.
func TestFollowUpMeeting(t *testing.T) {
	db := openTestDB(t)
	p := model.Demo(fixedNow)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 120, 40)
	send(m, home.OpenPlanMsg{ID: p.ID})
	if m.screen != screenMeeting || m.meeting.Step != 0 {
		t.Fatalf("follow-up did not open on the first step:\n%s", screenText(m))
	}
	total := 0
	for _, s := range m.meeting.Steps {
		total += s.Share
	}
	if total < 95 || total > 100 {
		t.Errorf("shares add up to %d", total)
	}
	for m.meeting.Steps[m.meeting.Step].ID != "review" && m.meeting.Step < len(m.meeting.Steps)-1 {
		press(m, "ctrl+n")
	}
	if m.meeting.Active != meeting.SecReview {
		t.Errorf("the review step opened %s", m.meeting.Active)
	}
	// The fourth action of the last version has no outcome in the demo.
	prev := livePlan(m).Reviewed(livePlan(m).Draft)
	a := prev.Content.Actions[3]
	path := "review.actions[3]"
	send(m, meeting.JumpMsg{Path: path})
	press(m, "right") // — → done
	if got := livePlan(m).Draft.Review.Actions[a.ID].Result; got != model.OutcomeDone {
		t.Fatalf("outcome = %q, want done", got)
	}
	for _, x := range livePlan(m).Draft.Content.Actions {
		if x.ID == a.ID && x.Status != model.ActionDone {
			t.Errorf("the outcome did not reach the new version: %s", x.Status)
		}
	}
}

// TestEveryStepOpensItsSection walks every step of every variant's agenda,
// first meeting and follow-up, with ctrl+n, and checks that each step
// opens the section the checklist says it fills.
func TestEveryStepOpensItsSection(t *testing.T) {
	for _, variant := range []model.AgeGroup{model.AgeAdult, model.AgeChild, model.AgeOlder} {
		for _, follow := range []bool{false, true} {
			db := openTestDB(t)
			p := model.Demo(fixedNow)
			if !follow {
				p = model.NewPlan(model.Person{Name: "Maja Lind"}, fixedNow)
			}
			p.Variant = variant
			if err := db.Create(context.Background(), p); err != nil {
				t.Fatal(err)
			}
			m := newTestModel(t, db, model.English, 80, 24)
			send(m, home.OpenPlanMsg{ID: p.ID})
			if m.screen != screenMeeting {
				t.Fatalf("%s: no meeting:\n%s", variant, screenText(m))
			}
			steps := m.meeting.Steps
			if follow && steps[0].ID == "review" {
				t.Fatalf("%s follow-up starts with the review", variant)
			}
			for i, s := range steps {
				if i > 0 {
					press(m, "ctrl+n")
				}
				if m.meeting.Step != i || m.meeting.Active != s.Section {
					t.Errorf("%s (follow-up %v): step %d %q opened %s, the checklist says %s",
						variant, follow, i+1, s.ID, m.meeting.Active, s.Section)
				}
			}
			if m.meeting.Active != model.SectionFinish {
				t.Errorf("%s: the agenda does not end at the finish", variant)
			}
		}
	}
}

// The follow-up form shows the fields of the state chosen: booking later
// asks by when and why, and the mandate's end; not the date of a meeting.
func TestFollowUpFieldsFollowTheState(t *testing.T) {
	m := newTestModel(t, openTestDB(t), model.English, 120, 40)
	newMeeting(t, m, "Karin Holm", "Ali Rahimi")
	press(m, "esc", "alt+0")
	if m.meeting.Active != model.SectionFollowUp {
		t.Fatalf("alt+0 opened %s", m.meeting.Active)
	}
	press(m, "right", "right") // — → booked → to be booked
	screen := screenText(m)
	for _, want := range []string{"Booked later: by when", "Booked later: why not now", "mandate runs until"} {
		if !strings.Contains(screen, want) {
			t.Errorf("to be booked: %q not shown:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "Booked: date") {
		t.Errorf("to be booked shows the booked date:\n%s", screen)
	}
}

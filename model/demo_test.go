package model

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// demoNows are clocks around awkward days: a leap day, the turn of a year,
// late evening in a zone ahead of UTC.
var demoNows = []time.Time{
	time.Date(2027, 3, 8, 9, 0, 0, 0, time.UTC),
	time.Date(2028, 2, 29, 12, 0, 0, 0, time.UTC),
	time.Date(2026, 12, 31, 23, 45, 0, 0, time.FixedZone("CET", 3600)),
	time.Date(2030, 1, 1, 0, 5, 0, 0, time.FixedZone("CEST", 7200)),
}

func TestDemoFirstMeetingIsValid(t *testing.T) {
	for _, now := range demoNows {
		p := Demo(now)
		if len(p.Versions) != 1 || p.Status != StatusActive {
			t.Fatalf("%v: %d versions, status %s", now, len(p.Versions), p.Status)
		}
		if fs := Concerns(Validate(p, &p.Versions[0], Options{Now: now})); len(fs) != 0 {
			t.Errorf("%v: version 1 has findings: %v", now, findingSet(fs))
		}
		today := now.Format(DateLayout)
		v1 := p.Versions[0]
		if fu := v1.Content.FollowUp.Date; fu <= today {
			t.Errorf("%v: follow-up %s is not ahead", now, fu)
		}
		if v1.Meeting.Date >= today || v1.Consent.Date >= v1.Meeting.Date || v1.Consent.ValidUntil <= today {
			t.Errorf("%v: dates out of order: %+v %+v", now, v1.Meeting.Date, v1.Consent)
		}
		if got := p.NextFollowUp(); got != v1.Content.FollowUp.Date {
			t.Errorf("%v: NextFollowUp = %q", now, got)
		}
	}
}

func TestDemoIsComplete(t *testing.T) {
	p := Demo(demoNows[0])
	if pnr, err := NormalisePNR(p.Person.PNR, demoNows[0]); err != nil || pnr != "19890412-3455" || p.Variant != AgeAdult {
		t.Errorf("person %+v", p.Person)
	}
	v := p.Versions[0]
	ct := v.Content
	if len(v.Meeting.Participants) != 7 || len(ct.Goals) != 3 || len(ct.Actions) != 6 {
		t.Fatalf("%d participants, %d goals, %d actions", len(v.Meeting.Participants), len(ct.Goals), len(ct.Actions))
	}
	roles := map[Role]int{}
	for _, pt := range v.Meeting.Participants {
		roles[pt.Role]++
		if pt.Role.IsStaff() && (pt.Unit == "" && pt.OtherParty == "" || pt.Principal == "" || pt.Title == "") {
			t.Errorf("staff without unit, principal or title: %+v", pt)
		}
	}
	if roles[RolePerson] != 1 || roles[RoleRelative] != 1 || roles[RoleSupport] != 1 || roles[RoleStaff] != 3 || roles[RolePartyStaff] != 1 {
		t.Errorf("roles = %v", roles)
	}
	var fk bool
	for _, a := range ct.Actions {
		if a.Principal == PrincipalOther && a.OtherParty == "Försäkringskassan" {
			fk = true
		}
	}
	if !fk {
		t.Error("no action by Försäkringskassan")
	}
	if ct.OwnWords == "" || ct.Situation == "" || ct.Needs == "" || ct.NotAgreed == "" || ct.ConsiderUntil == "" {
		t.Error("own words, situation, needs, not agreed and time to consider must be filled in")
	}
	if len(v.Consent.Actors) != 4 || len(v.Consent.NotRaise) == 0 {
		t.Errorf("consent = %+v", v.Consent)
	}
	co := v.CoordinatorParticipant()
	if co == nil || co.Name != "Ali Rahimi" || co.Phone == "" || co.Email == "" {
		t.Errorf("coordinator = %+v", co)
	}
}

func TestDemoFollowUpInProgress(t *testing.T) {
	p := Demo(demoNows[0])
	d := p.Draft
	if d == nil || d.Number != 2 || d.Review == nil {
		t.Fatalf("no follow-up draft: %+v", d)
	}
	if len(d.Review.Actions) != 3 || len(d.Review.Goals) != 1 || d.Review.Decision != "" {
		t.Errorf("review = %+v", d.Review)
	}
	if d.Content.Actions[0].Status != ActionDone || d.Content.Actions[1].Status != ActionDone {
		t.Error("the done outcomes must show in the draft")
	}
	// In progress: what is left shows as findings, not as a broken plan.
	for _, f := range Validate(p, d, Options{Now: demoNows[0]}) {
		if strings.HasPrefix(f.Path, "consent") || strings.HasPrefix(f.Path, "person") {
			t.Errorf("draft finding %s %s", f.Severity, f.Path)
		}
	}
	if !p.UpdatedAt.Equal(demoNows[0]) {
		t.Errorf("UpdatedAt = %v", p.UpdatedAt)
	}
}

func TestDemosAreDistinct(t *testing.T) {
	a, b := Demo(demoNows[0]), Demo(demoNows[0])
	if a.ID == b.ID || a.Versions[0].Content.Goals[0].ID == b.Versions[0].Content.Goals[0].ID {
		t.Error("two demos must not share ids: both may be saved")
	}
	if c := a.Clone(); !reflect.DeepEqual(c, a) {
		t.Error("the demo must survive a round trip unchanged")
	}
}

func TestDemoChild(t *testing.T) {
	for _, now := range demoNows {
		p := DemoChild(now)
		if p.Variant != AgeChild || p.Status != StatusDraft || p.Draft == nil || len(p.Versions) != 0 {
			t.Fatalf("%v: variant %s, status %s", now, p.Variant, p.Status)
		}
		if pnr, err := NormalisePNR(p.Person.PNR, now); err != nil || pnr != "20150308-2388" {
			t.Errorf("pnr %q: %v", pnr, err)
		}
		v := p.Draft
		if len(v.Consent.Guardians) != 2 || v.Consent.ValidUntil <= now.Format(DateLayout) {
			t.Errorf("consent = %+v", v.Consent)
		}
		for _, f := range Validate(p, v, Options{Now: now}) {
			if f.Severity == SevError && !strings.HasPrefix(f.Path, "content.") {
				t.Errorf("%v: error %s: %s", now, f.Path, f.Message.EN)
			}
		}
		if v.Content.OwnWords == "" {
			t.Error("Elias's own words are missing")
		}
	}
}

// The command's help says how many plans demo makes; keep it true.
func TestDemoPlanCount(t *testing.T) {
	if n := len(DemoPlans(demoNows[0])); n != DemoPlanCount {
		t.Errorf("DemoPlans makes %d plans, DemoPlanCount says %d", n, DemoPlanCount)
	}
}

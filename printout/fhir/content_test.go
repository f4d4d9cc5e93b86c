package fhir

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// TestChildConsentPerGuardian: a child's plan with two guardians gives
// one Consent for each, performed by that guardian, naming every unit.
func TestChildConsentPerGuardian(t *testing.T) {
	p := model.DemoChild(testNow)
	rs := resources(t, export(t, p, nil, model.Swedish))
	people := map[string]string{}
	for _, rp := range all[RelatedPerson](t, rs, "RelatedPerson") {
		people["urn:uuid:"+rp.ID] = rp.Name[0].Text
		if len(rp.Relationship) == 0 || rp.Relationship[0].Coding[0].Code != "guardian" {
			t.Errorf("%s is not a guardian: %+v", rp.Name[0].Text, rp.Relationship)
		}
	}
	cs := all[Consent](t, rs, "Consent")
	if len(cs) != 2 {
		t.Fatalf("%d Consents, want one per guardian", len(cs))
	}
	var by []string
	for _, c := range cs {
		if len(c.Performer) != 1 {
			t.Fatalf("performer %+v", c.Performer)
		}
		by = append(by, people[c.Performer[0].Reference])
		if c.Status != "active" || c.Scope.Coding[0].Code != "patient-privacy" || c.Provision == nil || c.Provision.Type != "permit" {
			t.Errorf("consent %+v", c)
		}
		if len(c.Provision.Actor) != len(p.Draft.Consent.Actors) {
			t.Errorf("%d actors, want %d", len(c.Provision.Actor), len(p.Draft.Consent.Actors))
		}
		if c.Provision.Period == nil || c.Provision.Period.End != p.Draft.Consent.ValidUntil {
			t.Errorf("provision.period %+v, want to %s", c.Provision.Period, p.Draft.Consent.ValidUntil)
		}
	}
	slices.Sort(by)
	if !slices.Equal(by, []string{"Anna Nyström", "Peter Nyström"}) {
		t.Errorf("consents by %q", by)
	}
	// A guardian who has not consented gives a proposed Consent, and one
	// who is not summoned still has a resource to point at.
	p.Draft.Consent.Guardians[1].Given = false
	p.Draft.Consent.Guardians = append(p.Draft.Consent.Guardians, model.Guardian{Name: "Lisa Nyström", Given: true})
	raw := export(t, p, nil, model.Swedish)
	validateBundle(t, "three guardians", raw)
	checkBundle(t, "three guardians", raw, Bundle{ResourceType: "Bundle", Type: "collection"})
	var statuses []string
	for _, c := range all[Consent](t, resources(t, raw), "Consent") {
		statuses = append(statuses, c.Status)
	}
	if !slices.Equal(statuses, []string{"active", "proposed", "active"}) {
		t.Errorf("statuses %q", statuses)
	}
}

// TestGuardiansOwnScopes: each guardian's Consent names the units and
// subjects that guardian consented to, so that a record system sees that
// Peter did not consent to social services; a guardian of an older file,
// without lists, has the plan's.
func TestGuardiansOwnScopes(t *testing.T) {
	p := model.DemoChild(testNow)
	k := &p.Draft.Consent
	k.Guardians[1].Actors = []string{"BUP", "Elevhälsan"}
	k.Guardians[1].Subjects = []string{"skolgång"}
	p.SyncGuardianScope(p.Draft, testNow.Format(model.DateLayout))
	if a, s := GuardianScope(*k, 1); !slices.Equal(a, []string{"BUP", "Elevhälsan"}) || !slices.Equal(s, []string{"skolgång"}) {
		t.Errorf("Peter's scope %q %q", a, s)
	}
	if a, _ := GuardianScope(*k, 5); a != nil {
		t.Errorf("a guardian who is not there has %q", a)
	}
	rs := resources(t, export(t, p, nil, model.Swedish))
	orgs := map[string]string{}
	for _, o := range all[Organization](t, rs, "Organization") {
		orgs["urn:uuid:"+o.ID] = o.Name
	}
	var got [][]string
	for _, c := range all[Consent](t, rs, "Consent") {
		var names []string
		for _, a := range c.Provision.Actor {
			names = append(names, orgs[a.Reference.Reference])
		}
		got = append(got, names)
		if len(names) == 2 && len(c.Provision.Code) != 1 {
			t.Errorf("Peter's subjects %+v", c.Provision.Code)
		}
	}
	if len(got) != 2 || len(got[0]) != 3 || !slices.Equal(got[1], []string{"BUP", "Elevhälsan"}) {
		t.Errorf("consents name %q", got)
	}
	// An older file's guardian, without lists: the plan's.
	k.Guardians[1].Actors, k.Guardians[1].Subjects = nil, nil
	if a, _ := GuardianScope(*k, 1); !slices.Equal(a, k.Actors) {
		t.Errorf("without lists: %q, want the plan's %q", a, k.Actors)
	}
}

// TestAdultConsent: an adult's plan has one Consent, by the person.
func TestAdultConsent(t *testing.T) {
	p := model.Demo(testNow)
	rs := resources(t, export(t, p, &p.Versions[0], model.Swedish))
	pat := one[Patient](t, rs, "Patient")
	c := one[Consent](t, rs, "Consent")
	if len(c.Performer) != 1 || c.Performer[0].Reference != "urn:uuid:"+pat.ID || c.DateTime != p.Versions[0].Consent.Date {
		t.Errorf("consent %+v", c)
	}
	if c.PolicyRule == nil || !strings.Contains(c.PolicyRule.Text, "2 kap. 7 §") {
		t.Errorf("policyRule %+v", c.PolicyRule)
	}
}

// TestBookedFollowUp: a booked follow-up is an Appointment in Swedish
// time, at its place, that the CarePlan points at; the plan runs to it.
func TestBookedFollowUp(t *testing.T) {
	p := model.Demo(testNow)
	v := &p.Versions[0]
	rs := resources(t, export(t, p, v, model.Swedish))
	ap := one[Appointment](t, rs, "Appointment")
	fu := v.Content.FollowUp
	loc, _ := time.LoadLocation(Zone)
	want, _ := time.ParseInLocation("2006-01-02 15:04", fu.Date+" "+fu.Time, loc)
	got, err := time.Parse(time.RFC3339, ap.Start)
	if err != nil || !got.Equal(want) || ap.Status != "booked" || ap.MinutesDuration != v.Meeting.Minutes {
		t.Errorf("appointment %+v, want start %v", ap, want)
	}
	if !strings.HasSuffix(ap.Start, "+01:00") && !strings.HasSuffix(ap.Start, "+02:00") {
		t.Errorf("start %s is not in Swedish time", ap.Start)
	}
	lo := one[Location](t, rs, "Location")
	if lo.Name != fu.Place {
		t.Errorf("place %q", lo.Name)
	}
	cp := one[CarePlan](t, rs, "CarePlan")
	last := cp.Activity[len(cp.Activity)-1]
	if last.Reference == nil || last.Reference.Reference != "urn:uuid:"+ap.ID || last.Detail != nil {
		t.Errorf("the follow-up activity %+v does not point at the appointment alone", last)
	}
	if cp.Period == nil || cp.Period.Start != v.Meeting.Date || cp.Period.End != fu.Date {
		t.Errorf("period %+v", cp.Period)
	}
	if cp.Status != "active" {
		// A draft of version 2 being prepared replaces nothing yet.
		t.Errorf("version 1 is %s, want active", cp.Status)
	}
}

// TestFollowUpToBook: no Appointment; an activity due by the date it must
// be booked by, and the plan runs to the end of the coordinator's mandate.
func TestFollowUpToBook(t *testing.T) {
	p := planToBook(t)
	rs := resources(t, export(t, p, nil, model.Swedish))
	if len(rs["Appointment"]) != 0 {
		t.Error("a follow-up to be booked became an Appointment")
	}
	cp := one[CarePlan](t, rs, "CarePlan")
	if cp.Status != "active" || cp.Period == nil || cp.Period.End != "2027-03-31" {
		t.Errorf("status %s period %+v", cp.Status, cp.Period)
	}
	last := cp.Activity[len(cp.Activity)-1]
	if last.Detail == nil || last.Detail.Kind != "Appointment" || last.Detail.Status != "not-started" ||
		last.Detail.ScheduledPeriod == nil || last.Detail.ScheduledPeriod.End != "2027-01-15" ||
		!strings.Contains(last.Detail.Description, "Beslutet om boendestöd väntas") {
		t.Errorf("follow-up activity %+v", last.Detail)
	}
}

// TestClosedPlan: a plan closed because coordination is no longer needed
// is completed, ends on its closing date, and its met goal is achieved.
func TestClosedPlan(t *testing.T) {
	p := model.DemoClosed(testNow)
	rs := resources(t, export(t, p, nil, model.English))
	cp := one[CarePlan](t, rs, "CarePlan")
	if cp.Status != "completed" || cp.Period == nil || cp.Period.End != p.Closure.Date {
		t.Errorf("status %s period %+v, want completed to %s", cp.Status, cp.Period, p.Closure.Date)
	}
	g := one[Goal](t, rs, "Goal")
	if g.LifecycleStatus != "completed" || g.AchievementStatus == nil || g.AchievementStatus.Coding[0].Code != "achieved" {
		t.Errorf("goal %+v", g)
	}
	// "Klara mig hemma": the person's own words.
	pat := one[Patient](t, rs, "Patient")
	if g.ExpressedBy == nil || g.ExpressedBy.Reference != "urn:uuid:"+pat.ID {
		t.Errorf("expressedBy %+v", g.ExpressedBy)
	}
	if ct := one[CareTeam](t, rs, "CareTeam"); ct.Status != "inactive" {
		t.Errorf("care team %s", ct.Status)
	}
	if !slices.ContainsFunc(cp.Note, func(a Annotation) bool { return strings.HasPrefix(a.Text, "Closed on "+p.Closure.Date) }) {
		t.Errorf("no closure note in %+v", cp.Note)
	}
}

// TestConsentWithdrawn: only the Patient and a revoked CarePlan without
// content leave, whatever version is asked for.
func TestConsentWithdrawn(t *testing.T) {
	p := planWithdrawn(t)
	if !Withheld(p) {
		t.Fatal("Withheld is false once consent is withdrawn")
	}
	for _, v := range versions(p) {
		raw := export(t, p, v, model.Swedish)
		rs := resources(t, raw)
		if len(rs) != 2 || len(rs["Patient"]) != 1 || len(rs["CarePlan"]) != 1 {
			t.Fatalf("resources %v, want a Patient and a CarePlan", keys(rs))
		}
		cp := one[CarePlan](t, rs, "CarePlan")
		if cp.Status != "revoked" || cp.Intent != "plan" || len(cp.Goal)+len(cp.Activity)+len(cp.Note)+len(cp.Contributor)+len(cp.CareTeam) != 0 ||
			cp.Author != nil || cp.Period == nil || cp.Period.End != "2026-12-01" || cp.Period.Start != "" {
			t.Errorf("care plan %+v", cp)
		}
		pat := one[Patient](t, rs, "Patient")
		if len(pat.Identifier) != 1 || pat.Identifier[0].Value != "198904123455" || pat.Name[0].Text != "Maja Lind" {
			t.Errorf("patient %+v", pat)
		}
		for _, s := range []string{"Eget boende", "Litium", "Ali Rahimi", "Försäkringskassan", "vill inte längre", "partner"} {
			if bytes.Contains(raw, []byte(s)) {
				t.Errorf("%q left with the consent withdrawn", s)
			}
		}
	}
}

func keys(m map[string][]json.RawMessage) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestTextPartsAndWhatNeverLeaves: every free-text part of the plan is a
// note of the CarePlan under its heading, except how the meeting felt;
// the subjects not to be raised never leave.
func TestTextPartsAndWhatNeverLeaves(t *testing.T) {
	p := model.Demo(testNow)
	v := &p.Versions[0]
	for _, tp := range model.TextParts {
		*tp.Of(&v.Content) = "MARK-" + tp.Key
	}
	v.Consent.NotRaise = []string{"MARK-not-raise"}
	v.Ticks = map[string]bool{"MARK-tick": true}
	raw := export(t, p, v, model.Swedish)
	cp := one[CarePlan](t, resources(t, raw), "CarePlan")
	for _, tp := range model.TextParts {
		mark := "MARK-" + tp.Key
		found := slices.ContainsFunc(cp.Note, func(a Annotation) bool { return a.Text == tp.Heading.In(model.Swedish)+": "+mark })
		if NeverExported[tp.Key] {
			if bytes.Contains(raw, []byte(mark)) {
				t.Errorf("%s left the program", tp.Key)
			}
		} else if !found {
			t.Errorf("%s is not a note under its heading", tp.Key)
		}
	}
	for _, mark := range []string{"MARK-not-raise", "MARK-tick"} {
		if bytes.Contains(raw, []byte(mark)) {
			t.Errorf("%s left the program", mark)
		}
	}
	// What an absent participant sent in writing is theirs, as printed.
	var written *Annotation
	for i, a := range cp.Note {
		if strings.HasPrefix(a.Text, "Skriftligt underlag från Lena Sund: ") {
			written = &cp.Note[i]
		}
	}
	if written == nil || written.AuthorReference == nil || written.AuthorReference.Display != "Lena Sund" {
		t.Errorf("Lena's written input: %+v", written)
	}
	// Once she is there, it is not printed, and not exported.
	for i := range v.Meeting.Participants {
		if v.Meeting.Participants[i].Name == "Lena Sund" {
			v.Meeting.Participants[i].Attendance = model.AttendRoom
		}
	}
	if raw := export(t, p, v, model.Swedish); bytes.Contains(raw, []byte("Skriftligt underlag")) {
		t.Error("the written input of someone present was exported")
	}
	if !NeverExported["evaluation"] {
		t.Error("how the meeting felt is not among what is never exported")
	}
}

// TestCareTeamRoles: every participant with their role, the coordinator,
// chair and secretary marked; staff on behalf of their unit.
func TestCareTeamRoles(t *testing.T) {
	p := model.Demo(testNow)
	v := &p.Versions[0]
	rs := resources(t, export(t, p, v, model.Swedish))
	ct := one[CareTeam](t, rs, "CareTeam")
	if len(ct.Participant) != len(v.Meeting.Participants) {
		t.Fatalf("%d members, want %d", len(ct.Participant), len(v.Meeting.Participants))
	}
	roles := map[string][]string{}
	for _, m := range ct.Participant {
		for _, r := range m.Role {
			roles[m.Member.Display] = append(roles[m.Member.Display], r.Coding[0].Code)
		}
		if m.OnBehalfOf != nil && !strings.Contains(strings.Join(roles[m.Member.Display], " "), "staff") {
			t.Errorf("%s acts on behalf of %s", m.Member.Display, m.OnBehalfOf.Display)
		}
	}
	for name, want := range map[string][]string{
		"Maja Lind": {"person"}, "Eva Lind": {"relative"}, "Sara Ek": {"support"},
		"Ali Rahimi": {"staff", "coordinator", "secretary"}, "Karin Holm": {"staff", "chair"},
		"Lena Sund": {"party_staff"},
	} {
		if !slices.Equal(roles[name], want) {
			t.Errorf("%s: roles %q, want %q", name, roles[name], want)
		}
	}
	cp := one[CarePlan](t, rs, "CarePlan")
	if cp.Author == nil || cp.Author.Display != "Ali Rahimi" {
		t.Errorf("author %+v", cp.Author)
	}
	if len(cp.Activity) != len(v.Content.Actions)+1 || len(cp.Goal) != len(v.Content.Goals) {
		t.Errorf("%d activities, %d goals", len(cp.Activity), len(cp.Goal))
	}
	first := cp.Activity[0].Detail
	if first.Description != "Boendestöd" || first.Status != "not-started" || len(first.Performer) != 2 ||
		first.Performer[0].Display != "Socialtjänstens beroendeenhet" || first.Performer[1].Display != "Karin Holm" ||
		first.ScheduledPeriod == nil || first.ScheduledPeriod.End != v.Content.Actions[0].Due {
		t.Errorf("first action %+v", first)
	}
}

// TestSeveralResponsiblePerformers: an action for "Anna och Peter Nyström"
// names each guardian as a performer of their own, not one display name.
func TestSeveralResponsiblePerformers(t *testing.T) {
	p := model.DemoChild(testNow)
	p.Draft.Content.Actions = []model.Action{{ID: "a1", What: "Samma regler hemma", Responsible: "Anna och Peter Nyström",
		When: "varje dag", Status: model.ActionPlanned}}
	raw := export(t, p, nil, model.Swedish)
	validateBundle(t, "two responsible", raw)
	rs := resources(t, raw)
	people := map[string]string{}
	for _, rp := range all[RelatedPerson](t, rs, "RelatedPerson") {
		people["urn:uuid:"+rp.ID] = rp.Name[0].Text
	}
	cp := one[CarePlan](t, rs, "CarePlan")
	var by []string
	for _, r := range cp.Activity[0].Detail.Performer {
		if r.Display == "Anna och Peter Nyström" {
			t.Errorf("the pair is one performer: %+v", r)
		}
		if n, ok := people[r.Reference]; ok {
			by = append(by, n)
		}
	}
	if !slices.Equal(by, []string{"Anna Nyström", "Peter Nyström"}) {
		t.Errorf("performers %q, want both guardians", by)
	}
}

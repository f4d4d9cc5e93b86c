package model

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCoversWholeNamesOnly(t *testing.T) {
	actors := []string{"Psykiatriska  öppenvårdsmottagningen", "vård", "BUP", "Elevhälsan, Ekskolan; Fritids"}
	for _, tc := range []struct {
		unit string
		want bool
	}{
		{"psykiatriska öppenvårdsmottagningen", true},
		{" PSYKIATRISKA ÖPPENVÅRDSMOTTAGNINGEN ", true},
		{"Vård", true},
		{"Vårdcentralen Norr", false}, // "vård" is a part of the name
		{"Psykiatriska", false},       // a part of a covered name
		{"BUP Västerås", false},       // longer than the covered name
		{"Ekskolan", true},            // units typed on one line are each a unit
		{"elevhälsan", true},
		{"Fritids", true},
		{"Elevhälsan, Ekskolan; Fritids", true},
		{"Ekskolan Norr", false},
		{"", false},
	} {
		if got := Covers(actors, tc.unit); got != tc.want {
			t.Errorf("Covers(%q) = %v, want %v", tc.unit, got, tc.want)
		}
	}
}

func TestWidenConsent(t *testing.T) {
	p := validPlan()
	v := p.Draft
	v.Meeting.Participants = append(v.Meeting.Participants,
		Participant{ID: "p-jonas", Name: "Jonas Berg", Role: RoleStaff, Unit: "Vårdcentralen Norr", Principal: PrincipalRegion, Attendance: AttendRoom})
	v.Content.Actions = append(v.Content.Actions, Action{ID: "a2", What: "Hemtjänst", Unit: "Hemtjänsten", Responsible: "Per",
		Principal: PrincipalKommun, When: "Dagligen", Status: ActionDecided})
	if got := UnitsOutsideConsent(v); !slices.Equal(got, []string{"Vårdcentralen Norr", "Hemtjänsten"}) {
		t.Fatalf("outside = %q", got)
	}
	if errs := Errors(Validate(p, v, Options{Now: testNow})); len(errs) != 2 {
		t.Fatalf("want two consent errors, got %v", findingSet(errs))
	}
	at := time.Date(2026, 11, 30, 13, 20, 0, 0, time.UTC)
	if err := p.WidenConsent(UnitsOutsideConsent(v), at); err != nil {
		t.Fatal(err)
	}
	if errs := Errors(Validate(p, v, Options{Now: testNow})); len(errs) != 0 {
		t.Errorf("after widening: %v", findingSet(errs))
	}
	if w := v.Consent.Widened; len(w) != 1 || !w[0].At.Equal(at) || !slices.Equal(w[0].Units, []string{"Vårdcentralen Norr", "Hemtjänsten"}) {
		t.Errorf("widened = %+v", w)
	}
	if err := p.WidenConsent([]string{"vårdcentralen  norr"}, at); !errors.Is(err, ErrNothingToAdd) {
		t.Errorf("widening again: %v", err)
	}
	b, _ := json.Marshal(section(BuildDocument(p, v, Swedish), "Samtycke"))
	if !strings.Contains(string(b), "Utvidgat vid mötet") || !strings.Contains(string(b), "2026-11-30 13:20: Vårdcentralen Norr, Hemtjänsten") {
		t.Errorf("the print does not say the consent was widened: %s", b)
	}
}

// A closed plan says so first, with the reason, date and explanation.
func TestClosedDocumentSaysSoFirst(t *testing.T) {
	p := activePlan(t)
	if err := p.Close(Closure{Reason: CloseMoved, Text: "Flyttar till Umeå", Date: "2027-01-31", DraftDiscarded: true}, closeDay); err != nil {
		t.Fatal(err)
	}
	for _, l := range []Lang{Swedish, English} {
		d := BuildDocument(p, nil, l)
		b, _ := json.Marshal(d.Sections[0])
		want := []string{T(l, "Planen är avslutad", "The plan is closed"), "2027-01-31", "Flyttar till Umeå", CloseMoved.Label(l)}
		for _, w := range want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s: first section lacks %q: %s", l, w, b)
			}
		}
	}
	if d, notice := BuildPrintable(p, nil, Swedish); notice || d.Signatures.Heading == "" {
		t.Error("a plan closed for a move prints as the plan")
	}
}

// A closed plan's booked follow-up is printed as it was agreed, under a
// line that says it will not take place; an open plan's has no such line.
func TestClosedPlanSaysItsFollowUpIsOff(t *testing.T) {
	p := validPlan()
	fu := FollowUp{State: FollowUpBooked, Date: "2027-03-10", Time: "10:00", Place: "Mottagningen", Attendees: "alla", What: "målen"}
	p.Draft.Content.FollowUp = fu
	if _, err := p.Finalise(Options{Now: testNow}); err != nil {
		t.Fatal(err)
	}
	off := map[Lang]string{Swedish: "Planen avslutades 2027-01-31: uppföljningen nedan blir inte av.",
		English: "The plan ended on 2027-01-31: the follow-up below will not take place."}
	for _, l := range []Lang{Swedish, English} {
		if b, _ := json.Marshal(section(BuildDocument(p, nil, l), T(l, "Uppföljning", "Follow-up"))); strings.Contains(string(b), off[l]) || !strings.Contains(string(b), fu.Date) {
			t.Errorf("%s: an open plan's follow-up says it is off: %s", l, b)
		}
	}
	if err := p.Close(Closure{Reason: CloseMoved, Text: "Flyttar till Umeå", Date: "2027-01-31", DraftDiscarded: true}, closeDay); err != nil {
		t.Fatal(err)
	}
	for _, l := range []Lang{Swedish, English} {
		b, _ := json.Marshal(section(BuildDocument(p, nil, l), T(l, "Uppföljning", "Follow-up")))
		if !strings.Contains(string(b), off[l]) || !strings.Contains(string(b), fu.Date) {
			t.Errorf("%s: a closed plan's follow-up: %s", l, b)
		}
	}
}

// Withdrawn consent prints a closure notice: nothing of the plan, no
// signatures, and the list of people to tell with ticks.
func TestClosureNoticeForWithdrawnConsent(t *testing.T) {
	p := activePlan(t)
	if err := p.WithdrawConsent(Closure{Date: "2027-01-30", Text: "Vill inte ha kontakt", DraftDiscarded: true}, closeDay); err != nil {
		t.Fatal(err)
	}
	_ = p.SetTold(0, true)
	d, notice := BuildPrintable(p, nil, Swedish)
	if !notice {
		t.Fatal("withdrawn consent must print the notice")
	}
	if len(d.Signatures.Lines) != 0 || d.Signatures.Heading != "" {
		t.Error("a notice has nothing to sign")
	}
	b, _ := json.Marshal(d)
	for _, w := range []string{"2027-01-30", "Vill inte ha kontakt", "Ali Rahimi", "070-174 06 12", "Meddelad"} {
		if !strings.Contains(string(b), w) {
			t.Errorf("notice lacks %q", w)
		}
	}
	for _, never := range []string{"Boendestöd", "Eget boende", "Jag vill ha en egen lägenhet"} {
		if strings.Contains(string(b), never) {
			t.Errorf("notice shows plan content %q", never)
		}
	}
	tell := section(d, "Vilka som ska få veta").Blocks[0].Table.Rows
	if tell[0][3] != "ja" || tell[1][3] != "nej" {
		t.Errorf("told column: %v", tell)
	}
}

// Ticks belong to the meeting: a follow-up starts with none, and the
// first meeting's ticks stay on its version.
func TestTicksPerVersion(t *testing.T) {
	p := validPlan()
	if err := p.Tick("consent", true); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Finalise(Options{Now: testNow}); err != nil {
		t.Fatal(err)
	}
	if err := p.Tick("copies", true); err != nil || !p.Ticked("copies") || !p.Ticked("consent") {
		t.Fatalf("after-meeting tick on the finalised version: %v", err)
	}
	if err := p.StartFollowUp(testNow); err != nil {
		t.Fatal(err)
	}
	if p.Ticked("consent") || p.Ticked("copies") || len(p.Summarise().Ticks) != 0 {
		t.Error("a follow-up must start with nothing ticked")
	}
	if !p.Versions[0].Ticks["copies"] {
		t.Error("the first meeting's ticks must stay on its version")
	}
}

// A format 1 plan opens unchanged in meaning.
func TestUpgradeFormat1(t *testing.T) {
	const v1 = `{"format":"sipmote-plan","format_version":1,"plan":{
	"id":"x","person":{"name":"Maja Lind"},"status":"closed","variant":"adult",
	"created_at":"2026-11-01T09:00:00Z","updated_at":"2026-11-01T09:00:00Z",
	"ticks":{"consent":true,"info":false},
	"versions":[{"number":1,"finalised_at":"2026-11-30T15:00:00Z","meeting":{"date":"2026-11-30","participants":[]},
	  "consent":{"given":true},
	  "content":{"actions":[{"id":"a1","what":"Boendestöd","status":"awaiting"}],
	    "coordinator":{},"follow_up":{"none":true,"none_reason":"Kort insats","mandate_ends":"2027-06-30"}}},
	 {"number":2,"finalised_at":"2027-01-30T15:00:00Z","meeting":{"date":"2027-01-30","participants":[]},
	  "consent":{"given":true},
	  "content":{"coordinator":{},"follow_up":{"date":"2027-03-10","time":"10:00"}}}],
	"closure":{"reason":"moved","date":"2027-02-01","notify":["Maja Lind","Ali Rahimi (Psykiatrin)"]},
	"position":{}}}`
	p, err := DecodeExport(strings.NewReader(v1), testNow)
	if err != nil {
		t.Fatal(err)
	}
	if f := p.Versions[0].Content.FollowUp; f.State != FollowUpNone || f.LegacyNone || f.NoneReason != "Kort insats" {
		t.Errorf("v1 follow-up: %+v", f)
	}
	if f := p.Versions[1].Content.FollowUp; f.State != FollowUpBooked {
		t.Errorf("v2 follow-up: %+v", f)
	}
	if s := p.Versions[0].Content.Actions[0].Status; s != ActionPlanned {
		t.Errorf("awaiting became %s", s)
	}
	if p.LegacyTicks != nil || !p.Versions[1].Ticks["consent"] || p.Versions[1].Ticks["info"] {
		t.Errorf("ticks: plan %v, v2 %v", p.LegacyTicks, p.Versions[1].Ticks)
	}
	c := p.Closure
	if c.LegacyNotify != nil || len(c.Tell) != 2 || c.Tell[1].Name != "Ali Rahimi" || c.Tell[1].Unit != "Psykiatrin" {
		t.Errorf("closure: %+v", c)
	}
	if upgradeLaw(p) {
		t.Error("Upgrade is not idempotent")
	}
	out, _ := EncodeExport(p)
	if !strings.Contains(string(out), `"format_version": 4`) || strings.Contains(string(out), `"none": true`) ||
		strings.Contains(string(out), `"notify"`) {
		t.Errorf("re-export still in format 1:\n%s", out)
	}
}

func TestDemoPlansPassTheRules(t *testing.T) {
	for _, now := range demoNows {
		c := DemoChild(now)
		for _, f := range Validate(c, c.Draft, Options{Now: now}) {
			if strings.HasPrefix(f.Path, "consent") || strings.HasPrefix(f.Path, "content.own") {
				t.Errorf("%v: the child's prepared draft has %s %s", now, f.Severity, f.Path)
			}
		}
		g := DemoClosed(now)
		if g.Status != StatusClosed || g.Closure == nil || g.Closure.Reason != CloseNoNeed || len(g.Versions) != 2 {
			t.Fatalf("%v: closed demo: %s %+v", now, g.Status, g.Closure)
		}
		for i := range g.Versions {
			if errs := Errors(Validate(g, &g.Versions[i], Options{Now: g.Versions[i].FinalisedAt.Add(-time.Hour)})); len(errs) != 0 {
				t.Errorf("%v: closed demo v%d: %v", now, i+1, findingSet(errs))
			}
		}
		if !g.Closure.Tell[0].Told || g.Closure.Tell[len(g.Closure.Tell)-1].Told {
			t.Errorf("%v: told = %+v", now, g.Closure.Tell)
		}
		if d := BuildDocument(g, nil, Swedish); d.Sections[0].Heading != "Planen är avslutad" {
			t.Errorf("%v: closed demo prints as live", now)
		}
	}
}

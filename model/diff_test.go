package model

import (
	"slices"
	"strings"
	"testing"
)

// diffBase is a version with two of each row, the base of every diff case.
func diffBase() Version {
	p := validPlan()
	v := CloneVersion(*p.Draft)
	v.Content.Goals = append(v.Content.Goals, Goal{ID: "g2", Text: "Ingen alkohol på vardagar"})
	v.Content.Actions = append(v.Content.Actions, Action{ID: "a2", What: "Behandlingsgrupp", Unit: "Socialtjänstens beroendeenhet",
		Responsible: "Karin Holm", Principal: PrincipalKommun, When: "Från 2027-01-08", Status: ActionPlanned, GoalIDs: []string{"g2"}})
	return v
}

func TestDiff(t *testing.T) {
	cases := []struct {
		name   string
		change func(v *Version)
		sv, en string // the whole FormatDiff text
	}{
		{"identical", func(v *Version) {}, "Inga skillnader.", "No differences."},
		{"reordered rows and lists", func(v *Version) {
			slices.Reverse(v.Content.Goals)
			slices.Reverse(v.Content.Actions)
			slices.Reverse(v.Meeting.Participants)
			slices.Reverse(v.Consent.Actors)
		}, "Inga skillnader.", "No differences."},
		{"attendance and spacing are no change", func(v *Version) {
			v.Meeting.Participants[0].Attendance = AttendAbsent
			v.Meeting.Participants[3].Confirmed = true
			v.Content.Goals[0].Text = "  Eget boende inom ett år "
		}, "Inga skillnader.", "No differences."},
		{"added goal", func(v *Version) {
			v.Content.Goals = append(v.Content.Goals, Goal{ID: "g3", Text: "Arbeta 25 procent till sommaren"})
		}, "Nytt mål: Arbeta 25 procent till sommaren", "New goal: Arbeta 25 procent till sommaren"},
		{"removed action", func(v *Version) { v.Content.Actions = v.Content.Actions[:1] },
			"Borttagen insats: Behandlingsgrupp", "Removed action: Behandlingsgrupp"},
		{"changed status", func(v *Version) { v.Content.Actions[1].Status = ActionOngoing },
			"Ändrad insats: Behandlingsgrupp — status: planerad → pågår",
			"Changed action: Behandlingsgrupp — status: planned → ongoing"},
		{"changed goal text", func(v *Version) { v.Content.Goals[0].Text = "Eget boende inom två år" },
			"Ändrat mål: Eget boende inom ett år → Eget boende inom två år",
			"Changed goal: Eget boende inom ett år → Eget boende inom två år"},
		{"action moved to another goal", func(v *Version) { v.Content.Actions[1].GoalIDs = []string{"g1"} },
			"Ändrad insats: Behandlingsgrupp — mål: Ingen alkohol på vardagar → Eget boende inom ett år",
			"Changed action: Behandlingsgrupp — goal: Ingen alkohol på vardagar → Eget boende inom ett år"},
		{"action to another party", func(v *Version) {
			v.Content.Actions[1].Principal, v.Content.Actions[1].OtherParty = PrincipalOther, "Arbetsförmedlingen"
		}, "Ändrad insats: Behandlingsgrupp — organisation: kommun → Arbetsförmedlingen",
			"Changed action: Behandlingsgrupp — organisation: municipality → Arbetsförmedlingen"},
		{"added action", func(v *Version) {
			v.Content.Actions = append(v.Content.Actions, Action{ID: "a3", What: "Enskilda samtal", Responsible: "Karin Holm", Status: ActionPlanned})
		}, "Ny insats: Enskilda samtal — ansvarig: Karin Holm; status: planerad",
			"New action: Enskilda samtal — responsible: Karin Holm; status: planned"},
		{"participant's phone", func(v *Version) { v.Meeting.Participants[2].Phone = "08-123 45" },
			"Ändrade uppgifter om deltagare: Karin Holm — telefon: (tomt) → 08-123 45",
			"Changed participant details: Karin Holm — phone: (empty) → 08-123 45"},
		{"coordinator changed", func(v *Version) { v.Content.Coordinator.ParticipantID = "p-karin" },
			"Ny samordnare: Karin Holm (förut Ali Rahimi)", "New coordinator: Karin Holm (was Ali Rahimi)"},
		{"coordinator removed", func(v *Version) { v.Content.Coordinator = Coordinator{} },
			"Ingen samordnare längre: Ali Rahimi", "No coordinator any more: Ali Rahimi"},
		{"follow-up moved", func(v *Version) { v.Content.FollowUp.Date, v.Content.FollowUp.Time = "2027-06-09", "09:00" },
			"Ändrad uppföljning — datum: 2027-03-10 → 2027-06-09; tid: 10:00 → 09:00",
			"Changed follow-up — date: 2027-03-10 → 2027-06-09; time: 10:00 → 09:00"},
		{"follow-up dropped", func(v *Version) { v.Content.FollowUp = FollowUp{} },
			"Ingen uppföljning bokad längre", "No follow-up booked any more"},
		{"consent prolonged", func(v *Version) { v.Consent.ValidUntil = "2028-11-01" },
			"Ändrat samtycke — gäller till och med: 2027-11-01 → 2028-11-01",
			"Changed consent — valid until: 2027-11-01 → 2028-11-01"},
		{"consent narrowed", func(v *Version) { v.Consent.Actors = v.Consent.Actors[:2] },
			"Ändrat samtycke — gäller för: Psykiatriska öppenvårdsmottagningen, Socialtjänstens beroendeenhet, Försäkringskassan → Psykiatriska öppenvårdsmottagningen, Socialtjänstens beroendeenhet",
			"Changed consent — covers: Psykiatriska öppenvårdsmottagningen, Socialtjänstens beroendeenhet, Försäkringskassan → Psykiatriska öppenvårdsmottagningen, Socialtjänstens beroendeenhet"},
		{"not agreed written", func(v *Version) { v.Content.NotAgreed = "Om mamma får veta" },
			"Nytt i planen — inte överens om: Om mamma får veta", "Added to the plan — not agreed: Om mamma får veta"},
		{"a long text is shortened", func(v *Version) { v.Content.Situation = strings.Repeat("ord ", 60) },
			"Nytt i planen — hur det är nu: " + strings.Repeat("ord ", 39) + "…",
			"Added to the plan — current situation: " + strings.Repeat("ord ", 39) + "…"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, b := diffBase(), diffBase()
			tc.change(&b)
			cs := Diff(&a, &b)
			if got := FormatDiff(cs, Swedish); got != tc.sv {
				t.Errorf("sv:\n got %q\nwant %q", got, tc.sv)
			}
			if got := FormatDiff(cs, English); got != tc.en {
				t.Errorf("en:\n got %q\nwant %q", got, tc.en)
			}
		})
	}
}

// A reordered list gives no added or removed rows: they are matched by id.
func TestDiffReorderedIsNoChange(t *testing.T) {
	a, b := diffBase(), diffBase()
	b.Content.Actions[0], b.Content.Actions[1] = b.Content.Actions[1], b.Content.Actions[0]
	b.Content.Actions[0].When = "Från 2027-02-01"
	cs := Diff(&a, &b)
	if len(cs) != 1 || cs[0].Kind != ChangeChanged || cs[0].Label != "Behandlingsgrupp" {
		t.Fatalf("Diff = %+v", cs)
	}
	want := []FieldChange{{Key: "when", Field: fieldLabels["when"], Old: "Från 2027-01-08", New: "Från 2027-02-01"}}
	if !slices.Equal(cs[0].Fields, want) {
		t.Errorf("fields = %+v", cs[0].Fields)
	}
}

func TestDiffRowsWithoutOrWithSameIDs(t *testing.T) {
	a, b := diffBase(), diffBase()
	a.Content.Goals = []Goal{{Text: "Utan id"}, {ID: "g1", Text: "Ett"}, {ID: "g1", Text: "Ett igen"}}
	b.Content.Goals = []Goal{{Text: "Utan id"}, {ID: "g1", Text: "Ett"}}
	b.Content.Actions[0].GoalIDs = nil
	a.Content.Actions[0].GoalIDs = nil
	var kinds []string
	for _, c := range Diff(&a, &b) {
		kinds = append(kinds, string(c.Kind)+" "+c.Label)
	}
	want := []string{"added Utan id", "removed Utan id", "removed Ett igen"}
	if !slices.Equal(kinds, want) {
		t.Errorf("changes = %v, want %v", kinds, want)
	}
}

func TestDiffNilVersions(t *testing.T) {
	if cs := Diff(nil, nil); len(cs) != 0 {
		t.Errorf("Diff(nil, nil) = %v", cs)
	}
	b := diffBase()
	cs := Diff(nil, &b)
	count := map[string]int{}
	for _, c := range cs {
		if c.Kind != ChangeAdded {
			t.Errorf("from nothing everything is added: %+v", c)
		}
		count[c.Area]++
	}
	if count[AreaGoal] != 2 || count[AreaAction] != 2 || count[AreaParticipant] != 5 ||
		count[AreaCoordinator] != 1 || count[AreaFollowUp] != 1 || count[AreaConsent] != 1 {
		t.Errorf("areas = %v", count)
	}
	for _, c := range Diff(&b, nil) {
		if c.Kind != ChangeRemoved {
			t.Errorf("to nothing everything is removed: %+v", c)
		}
	}
}

func TestDiffUnnamedRow(t *testing.T) {
	a, b := diffBase(), diffBase()
	b.Content.Goals = append(b.Content.Goals, Goal{ID: "g3"})
	if got := FormatDiff(Diff(&a, &b), Swedish); got != "Nytt mål: (utan namn)" {
		t.Errorf("got %q", got)
	}
}

func TestDiffFollowUpNone(t *testing.T) {
	a, b := diffBase(), diffBase()
	b.Content.FollowUp = FollowUp{State: FollowUpNone, NoneReason: "Kort insats", MandateEnds: "2027-06-30"}
	got := FormatDiff(Diff(&a, &b), Swedish)
	for _, part := range []string{"uppföljningen: bokad här → ingen uppföljning", "varför ingen uppföljning: (tomt) → Kort insats", "datum: 2027-03-10 → (tomt)"} {
		if !strings.Contains(got, part) {
			t.Errorf("%q lacks %q", got, part)
		}
	}
}

// TestDiffLeavesOutNotRaise: the what-changed list is shown on screens and
// read aloud, so a subject the person asked not to raise never appears in
// it, whether added, changed or removed.
func TestDiffLeavesOutNotRaise(t *testing.T) {
	a, b := diffBase(), diffBase()
	b.Consent.NotRaise = []string{"hennes tidigare partner"}
	if cs := Diff(&a, &b); len(cs) != 0 {
		t.Errorf("adding a not-to-raise subject gave changes: %+v", cs)
	}
	b.Consent.Subjects = append(b.Consent.Subjects, "boendet")
	for _, l := range []Lang{Swedish, English} {
		got := FormatDiff(Diff(&a, &b), l)
		if !strings.Contains(got, "boendet") || strings.Contains(got, "partner") {
			t.Errorf("%s: %q", l, got)
		}
		got = FormatDiff(Diff(&b, &a), l)
		if strings.Contains(got, "partner") {
			t.Errorf("%s removed: %q", l, got)
		}
	}
}

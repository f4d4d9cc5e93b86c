package model

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// childPlan is validPlan made a child's with two guardians who consented
// to different units: Anna to all three, Peter not to social services.
func childPlan() *Plan {
	p := validPlan()
	p.Variant = AgeChild
	p.Person.PNR = "20150308-2388"
	v := p.Draft
	v.Content.OwnViewHow = "Samtal med kuratorn"
	all := []string{"Psykiatriska öppenvårdsmottagningen", "Socialtjänstens beroendeenhet", "Försäkringskassan"}
	v.Consent.Guardians = []Guardian{
		{Name: "Anna Nyström", Given: true, Actors: slices.Clone(all), Subjects: []string{"boende", "psykisk hälsa"}},
		{Name: "Peter Nyström", Given: true, Actors: []string{"Försäkringskassan", "psykiatriska  öppenvårdsmottagningen"}, Subjects: []string{"psykisk hälsa", "boende"}},
	}
	p.SyncGuardianScope(v, "2026-11-30")
	return p
}

func TestGuardianOverlap(t *testing.T) {
	p := childPlan()
	k := p.Draft.Consent
	if want := []string{"Psykiatriska öppenvårdsmottagningen", "Försäkringskassan"}; !slices.Equal(k.Actors, want) {
		t.Errorf("the plan's list = %q, want the overlap %q", k.Actors, want)
	}
	if want := []string{"boende", "psykisk hälsa"}; !slices.Equal(k.Subjects, want) {
		t.Errorf("subjects = %q, want %q", k.Subjects, want)
	}
	gaps := k.Gaps()
	if len(gaps) != 1 || gaps[0].Name != "Peter Nyström" || !slices.Equal(gaps[0].Actors, []string{"Socialtjänstens beroendeenhet"}) {
		t.Errorf("gaps = %+v", gaps)
	}
	if got := k.NotConsentedBy("socialtjänstens beroendeenhet", Swedish); !slices.Equal(got, []string{"Peter Nyström"}) {
		t.Errorf("not consented by %q", got)
	}
}

// Social services at the table, summoned, or with an action, while Peter
// did not consent to it: an error naming the unit and Peter, each time.
func TestGuardianFindings(t *testing.T) {
	const msg = "Socialtjänstens beroendeenhet finns inte i Peter Nyströms samtycke"
	cases := []struct {
		name string
		edit func(v *Version)
		path string
	}{
		{"present", func(v *Version) { v.Content.Actions = nil }, "meeting.participants[2].unit"},
		{"summoned", func(v *Version) {
			v.Meeting.Participants[2].Attendance, v.Meeting.Participants[2].Invited = AttendAbsent, true
			v.Content.Actions = nil
			v.Meeting.Chair = "Ali Rahimi"
			v.Meeting.Secretary = "Eva Lind"
		}, "meeting.participants[2].unit"},
		{"action only", func(v *Version) {
			v.Meeting.Participants[2].Unit = "Försäkringskassan"
		}, "content.actions[0].unit"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := childPlan()
			c.edit(p.Draft)
			var hits []Finding
			for _, f := range Errors(Validate(p, p.Draft, Options{Now: testNow})) {
				if strings.Contains(f.Message.SV, msg) {
					hits = append(hits, f)
				}
			}
			if len(hits) != 1 || hits[0].Path != c.path {
				t.Fatalf("findings %v, want one at %s", findingSet(Validate(p, p.Draft, Options{Now: testNow})), c.path)
			}
			if !strings.Contains(hits[0].Message.EN, "Peter Nyström's consent") {
				t.Errorf("English: %q", hits[0].Message.EN)
			}
		})
	}
}

// With one guardian (sole custody) their consent is the plan's: no
// finding asks for a second guardian, and a unit they named is fine.
func TestSoleCustody(t *testing.T) {
	p := childPlan()
	v := p.Draft
	v.Consent.Guardians = v.Consent.Guardians[:1]
	p.SyncGuardianScope(v, "2026-11-30")
	if errs := Errors(Validate(p, v, Options{Now: testNow})); len(errs) != 0 {
		t.Errorf("sole custody: %v", findingSet(errs))
	}
	// An action for a unit the guardian did not name is still found.
	v.Content.Actions[0].Unit = "Hemtjänsten"
	errs := Errors(Validate(p, v, Options{Now: testNow}))
	if len(errs) != 1 || !strings.Contains(errs[0].Message.SV, "Hemtjänsten finns inte i Anna Nyströms samtycke") {
		t.Errorf("sole custody, a unit outside: %v", errs)
	}
}

// At 18 the person decides: the guardians' scopes no longer count, and
// the plan's own list (with social services in it) does.
func TestTurned18GuardiansNoLongerDecide(t *testing.T) {
	p := childPlan()
	p.Person.PNR = "20081130-0003"
	v := p.Draft
	v.Consent.Actors = append(v.Consent.Actors, "Socialtjänstens beroendeenhet")
	if p.GuardiansDecide(v, "2026-11-30") {
		t.Fatal("the guardians decide for an 18-year-old")
	}
	for _, f := range Errors(Validate(p, v, Options{Now: testNow})) {
		if strings.Contains(f.Message.SV, "samtycke") && strings.Contains(f.Message.SV, "Peter") {
			t.Errorf("an adult's plan names a guardian: %s", f.Message.SV)
		}
	}
	if p.SyncGuardianScope(v, "2026-11-30") {
		t.Error("the adult's own list was overwritten by the guardians'")
	}
}

// Each guardian's yes at the meeting is recorded on its own; the unit
// counts only once both said yes.
func TestGuardiansSayYes(t *testing.T) {
	p := childPlan()
	v := p.Draft
	at := time.Date(2026, 11, 30, 13, 20, 0, 0, time.UTC)
	if got := p.UnitsOutside(v, "2026-11-30"); !slices.Equal(got, []string{"Socialtjänstens beroendeenhet"}) {
		t.Fatalf("outside = %q", got)
	}
	if err := p.GuardianSaysYes(0, []string{"Socialtjänstens beroendeenhet"}, at); !errors.Is(err, ErrNothingToAdd) {
		t.Errorf("Anna had already consented: %v", err)
	}
	if err := p.GuardianSaysYes(1, []string{"Socialtjänstens beroendeenhet"}, at); err != nil {
		t.Fatal(err)
	}
	if got := p.UnitsOutside(v, "2026-11-30"); len(got) != 0 {
		t.Errorf("still outside after both: %q", got)
	}
	if !Covers(v.Consent.Actors, "Socialtjänstens beroendeenhet") {
		t.Errorf("the plan's list did not follow: %q", v.Consent.Actors)
	}
	if err := p.ChildHeard([]string{"Socialtjänstens beroendeenhet"}, "Det är okej om Karin är med", at); err != nil {
		t.Fatal(err)
	}
	w := v.Consent.Widened
	if len(w) != 2 || w[0].By != "Peter Nyström" || w[0].As != WidenedGuardian || !w[0].At.Equal(at) ||
		w[1].As != WidenedChild || w[1].By != "Maja Lind" || w[1].View == "" {
		t.Fatalf("widened = %+v", w)
	}
	if errs := Errors(Validate(p, v, Options{Now: testNow})); len(errs) != 0 {
		t.Errorf("after both said yes: %v", findingSet(errs))
	}
	doc := BuildDocument(p, v, Swedish)
	b := docText(doc)
	for _, want := range []string{"Peter Nyström (vårdnadshavare) sade ja", "Maja Lind tycker: Det är okej om Karin är med"} {
		if !strings.Contains(b, want) {
			t.Errorf("the print lacks %q", want)
		}
	}
}

func docText(d Document) string {
	var b strings.Builder
	for _, s := range d.Sections {
		for _, bl := range s.Blocks {
			for _, kv := range bl.Pairs {
				b.WriteString(kv.Key + ": " + kv.Value + "\n")
			}
			b.WriteString(bl.Text + "\n")
		}
	}
	return b.String()
}

// An older file's guardians have no lists: they consented to the plan's.
// A guardian with [] consented to no unit, and stays so through a file.
func TestGuardianUpgradeAndImport(t *testing.T) {
	p := childPlan()
	v := p.Draft
	v.Consent.Actors = []string{"Försäkringskassan"}
	v.Consent.Guardians = []Guardian{{Name: "Anna Nyström", Given: true}, NewGuardian("Peter Nyström")}
	v.Consent.Guardians[1].Given = true
	out, err := EncodeExport(p)
	if err != nil {
		t.Fatal(err)
	}
	// The first guardian as an older file writes them: no lists at all.
	old := regexp.MustCompile(`,\s*"actors": null,\s*"subjects": null`).ReplaceAll(out, nil)
	if bytes.Equal(old, out) {
		t.Fatalf("the export does not write the lists:\n%s", out)
	}
	q, err := DecodeExport(bytes.NewReader(old), testNow)
	if err != nil {
		t.Fatal(err)
	}
	g := q.Draft.Consent.Guardians
	if !slices.Equal(g[0].Actors, []string{"Försäkringskassan"}) || g[1].Actors == nil || len(g[1].Actors) != 0 {
		t.Errorf("upgraded guardians: %+v", g)
	}
	if len(q.Draft.Consent.Actors) != 0 {
		t.Errorf("the overlap with a guardian who consented to nothing is %q", q.Draft.Consent.Actors)
	}
	// Import checks the new fields: a bad date and an empty unit.
	bad := regexp.MustCompile(`"given": true,(\s*)"actors": \[\]`).ReplaceAll(out, []byte(`"given": true,$1"date": "30/11",$1"actors": [" "]`))
	if bytes.Equal(bad, out) {
		t.Fatal("no guardian with an empty list to spoil")
	}
	_, err = DecodeExport(bytes.NewReader(bad), testNow)
	var ie *ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("bad guardian imported: %v", err)
	}
	paths := ""
	for _, f := range ie.Problems {
		paths += f.Path + " "
	}
	for _, want := range []string{"plan.draft.consent.guardians[1].date", "plan.draft.consent.guardians[1].actors[0]"} {
		if !strings.Contains(paths, want) {
			t.Errorf("import problems %s lack %s", paths, want)
		}
	}
}

package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// childFile writes a child's plan as an export file and imports it: Elias
// with Anna and Peter, who both consented, Peter not to social services
// unless wide is set. edit changes the version before it is written.
func childFile(t *testing.T, c *runner, finalised bool, edit func(p *model.Plan, v *model.Version)) string {
	t.Helper()
	now := time.Now()
	p := model.DemoChild(now)
	v := p.Draft
	k := &v.Consent
	k.Guardians[1].Actors = []string{"BUP", "Elevhälsan"}
	k.Guardians[1].Subjects = []string{"skolgång", "psykisk hälsa"}
	if edit != nil {
		edit(p, v)
	}
	p.SyncGuardianScope(v, now.Format(model.DateLayout))
	if finalised {
		// A finalised version meets the rules finalising uses (import
		// checks them): the rest of the plan as a meeting writes it.
		ct := &v.Content
		ct.Needs = "Stöd i skolan och hemma."
		ct.Goals = []model.Goal{{ID: "g1", Text: "Elias går i skolan varje dag"}}
		ct.Actions = []model.Action{{ID: "a1", What: "Samtal varje vecka", Unit: "BUP", Responsible: "Nils Öst",
			Principal: model.PrincipalRegion, When: "Varje tisdag", Status: model.ActionDecided, GoalIDs: []string{"g1"}}}
		ct.Coordinator = model.Coordinator{ParticipantID: v.Meeting.Participants[4].ID}
		v.Meeting.Participants[4].Phone = "010-000 00 00"
		ct.FollowUp = model.FollowUp{State: model.FollowUpNone, NoneReason: "Planen följs upp i skolans elevhälsa", MandateEnds: v.Consent.ValidUntil}
		at := now
		v.FinalisedAt = &at
		p.Versions = []model.Version{*v}
		p.Draft = nil
		p.Status = model.StatusActive
	}
	b, err := model.EncodeExport(p)
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "child.json")
	if err := os.WriteFile(f, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(c.ok("import", f, "--anyway")) // a fixture: the same person may have a plan here
}

// TestChildGuardiansDisagree: Peter did not consent to social services.
// Mona from social services summoned, at the meeting, or only as an
// action's unit: each is an error naming the unit and Peter, and summons
// warns before the meeting.
func TestChildGuardiansDisagree(t *testing.T) {
	c := newCLI(t)
	const unit = "Socialtjänstens familjeenhet"
	const msg = unit + " finns inte i Peter Nyströms samtycke"
	cases := []struct {
		name string
		edit func(p *model.Plan, v *model.Version)
		want string // the reason in the finding
	}{
		{"summoned", nil, "kallad till mötet"},
		{"present", func(p *model.Plan, v *model.Version) { v.Meeting.Participants[6].Attendance = model.AttendRoom }, "med på mötet"},
		{"an action's unit", func(p *model.Plan, v *model.Version) {
			v.Meeting.Participants = v.Meeting.Participants[:6]
			v.Content.Actions = []model.Action{{ID: "a1", What: "Familjestöd", Unit: unit, Principal: model.PrincipalKommun, Status: model.ActionPlanned}}
		}, "har en insats i planen"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			id := childFile(t, c, false, tc.edit)
			out, _, code := c.run("findings", id)
			if code != 1 || !strings.Contains(out, msg+" ("+tc.want+")") {
				t.Errorf("findings (exit %d):\n%s", code, out)
			}
			if strings.Contains(out, "Anna Nyströms samtycke") {
				t.Errorf("Anna consented to social services, yet:\n%s", out)
			}
			sum := c.ok("summons", id)
			summoned := tc.name != "an action's unit"
			if got := strings.Contains(sum, "Varning: "+msg); got != summoned {
				t.Errorf("summons warns %t, want %t:\n%s", got, summoned, sum)
			}
		})
	}
	// Both consented to it: no finding, no warning.
	id := childFile(t, c, false, func(p *model.Plan, v *model.Version) {
		v.Consent.Guardians[1].Actors = append(v.Consent.Guardians[1].Actors, unit)
	})
	out, _, _ := c.run("findings", id)
	if strings.Contains(out, "finns inte i") || strings.Contains(c.ok("summons", id), "Varning") {
		t.Errorf("both consented:\n%s", out)
	}
	// Sole custody: Anna alone, who consented to it.
	id = childFile(t, c, false, func(p *model.Plan, v *model.Version) {
		v.Consent.Guardians = v.Consent.Guardians[:1]
		v.Meeting.Participants = slicesDelete(v.Meeting.Participants, 2)
	})
	if out, _, _ := c.run("findings", id); strings.Contains(out, "samtycke") && strings.Contains(out, "Peter") {
		t.Errorf("sole custody names Peter:\n%s", out)
	}
}

func slicesDelete(ps []model.Participant, i int) []model.Participant {
	return append(ps[:i:i], ps[i+1:]...)
}

// paper is one printed paper: its mark and its pages' text.
type paper struct {
	mark  string
	pages []string
}

// printPapers prints the plan's version 1 with args and reads the PDF
// back, paper by paper (each paper numbers its own pages).
func printPapers(t *testing.T, c *runner, id string, args ...string) []paper {
	t.Helper()
	pdf := filepath.Join(t.TempDir(), "p.pdf")
	c.ok(append([]string{"print", id, "--version", "1", "-o", pdf}, args...)...)
	txt, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var out []paper
	mark := regexp.MustCompile(`(Original till|Kopia till) [^\n]*[^ \n]`)
	of := regexp.MustCompile(`(?i)sida (\d+) av (\d+)`)
	for _, page := range strings.Split(strings.TrimRight(string(txt), "\f"), "\f") {
		m := of.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("a page without its number:\n%s", page)
		}
		if m[1] == "1" {
			out = append(out, paper{mark: strings.TrimSpace(mark.FindString(page))})
		}
		out[len(out)-1].pages = append(out[len(out)-1].pages, page)
		if n, _ := strconv.Atoi(m[2]); len(out[len(out)-1].pages) > n {
			t.Fatalf("paper %q has more pages than it says", out[len(out)-1].mark)
		}
	}
	return out
}

func (p paper) easyRead() bool { return strings.Contains(p.pages[0], "Min plan") }

// TestChildOriginals reads the printed papers of a child's finalised plan:
// an original for each guardian, each with the easy-read page, a copy for
// Elias who took part with the page written to him, and staff copies
// without it, the same pages however printed. At 18 Elias gets the
// original.
func TestChildOriginals(t *testing.T) {
	needTool(t, "pdftotext")
	c := newCLI(t)
	present := func(p *model.Plan, v *model.Version) {
		v.Consent.Guardians[1].Actors = append(v.Consent.Guardians[1].Actors, "Socialtjänstens familjeenhet")
		for i := range v.Meeting.Participants {
			v.Meeting.Participants[i].Attendance = model.AttendRoom
		}
	}
	id := childFile(t, c, true, present)
	all := printPapers(t, c, id)
	var marks []string
	for _, p := range all {
		marks = append(marks, p.mark)
	}
	want := []string{"Original till Anna Nyström, vårdnadshavare", "Original till Peter Nyström, vårdnadshavare", "Kopia till Elias Nyström"}
	if len(marks) < 4 || strings.Join(marks[:3], "|") != strings.Join(want, "|") {
		t.Fatalf("papers %q, want %q first", marks, want)
	}
	for i, p := range all {
		if got, want := p.easyRead(), i < 3; got != want {
			t.Errorf("%s: easy-read page %t, want %t", p.mark, got, want)
		}
	}
	if !strings.Contains(all[2].pages[0], "Den här sidan är till dig, Elias.") {
		t.Errorf("Elias's page is not written to him:\n%s", all[2].pages[0])
	}
	if strings.Contains(all[0].pages[0], "till dig") {
		t.Errorf("Anna's page is written to Elias")
	}
	staff := all[3]
	name := strings.TrimSuffix(strings.TrimPrefix(staff.mark, "Kopia till "), ","+strings.SplitN(staff.mark, ",", 2)[1])
	alone := printPapers(t, c, id, "--copies-for", name)
	if len(alone) != 1 || alone[0].mark != staff.mark || len(alone[0].pages) != len(staff.pages) || alone[0].easyRead() {
		t.Errorf("--copies-for %q: %d papers, %q, %d pages (full run %d)", name, len(alone), alone[0].mark, len(alone[0].pages), len(staff.pages))
	}
	orig := printPapers(t, c, id, "--original-only")
	if len(orig) != 2 || orig[1].mark != want[1] || !orig[1].easyRead() || len(orig[1].pages) != len(all[1].pages) {
		t.Errorf("--original-only: %d papers", len(orig))
	}
	peter := printPapers(t, c, id, "--copies-for", "Peter")
	if len(peter) != 1 || peter[0].mark != want[1] || len(peter[0].pages) != len(all[1].pages) {
		t.Errorf("a second original by name: %+v", peter)
	}
	list := c.ok("copies", id, "--version", "1")
	for _, w := range []string{
		"Original till Peter Nyström, vårdnadshavare  (vårdnadshavare: varje vårdnadshavare med vårdnad får ett original; med den lättlästa sidan",
		"Kopia till Elias Nyström  (barnet var med på mötet och får en egen kopia; med den lättlästa sidan, skriven till barnet)",
		"Kopia till " + name,
	} {
		if !strings.Contains(list, w) {
			t.Errorf("copies lacks %q:\n%s", w, list)
		}
	}

	// Elias not there: no copy of his own.
	id = childFile(t, c, true, func(p *model.Plan, v *model.Version) {
		present(p, v)
		v.Meeting.Participants[0].Attendance = model.AttendAbsent
	})
	for _, p := range printPapers(t, c, id, "--easy-read", "off") {
		if strings.Contains(p.mark, "Elias") || p.easyRead() {
			t.Errorf("Elias absent: %s (easy-read %t)", p.mark, p.easyRead())
		}
	}
	// Elias 18 on the meeting day: his original, the guardians' copies
	// without the page.
	id = childFile(t, c, true, func(p *model.Plan, v *model.Version) {
		present(p, v)
		v.Meeting.Date = "2026-03-08"
		p.Person.PNR = "20080308-2387"
		v.Consent.Date = "2026-02-20"
	})
	adult := printPapers(t, c, id)
	if adult[0].mark != "Original till Elias Nyström" || !adult[0].easyRead() {
		t.Errorf("18: first paper %q", adult[0].mark)
	}
	for _, p := range adult[1:] {
		if p.easyRead() || strings.HasPrefix(p.mark, "Original") {
			t.Errorf("18: %s (easy-read %t)", p.mark, p.easyRead())
		}
	}
}

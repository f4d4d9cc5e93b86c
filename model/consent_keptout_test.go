package model

import (
	"strings"
	"testing"
)

// TestKeptOutUnit: Peter did not consent to Socialtjänstens
// beroendeenhet, where Karin Holm works. Karin at the table is an error;
// that she left when Peter said no is the truth and clears it; either way,
// and absent too, she gets no paper, is on no paper and is not told when
// the plan closes (tryout42a #8).
func TestKeptOutUnit(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(pt *Participant)
		error bool
	}{
		{"at the table", func(*Participant) {}, true},
		{"left when the answer was no", func(pt *Participant) {
			pt.Left = ParseLeaving("10:35, gick när pappan inte samtyckte")
		}, false},
		{"absent", func(pt *Participant) { pt.Attendance = AttendAbsent }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := childPlan()
			v := p.Draft
			v.Content.Actions = nil
			karin := &v.Meeting.Participants[2]
			if karin.Name != "Karin Holm" {
				t.Fatalf("participant 2 is %q", karin.Name)
			}
			tc.edit(karin)
			var errs, notices []string
			for _, f := range Validate(p, v, Options{Now: testNow}) {
				if f.Path != "meeting.participants[2].unit" {
					continue
				}
				if f.Severity == SevError {
					errs = append(errs, f.Message.SV)
				} else {
					notices = append(notices, f.Message.SV)
				}
			}
			if (len(errs) > 0) != tc.error {
				t.Errorf("errors %q, want one: %v", errs, tc.error)
			}
			if tc.error && !strings.Contains(errs[0], "Gick före slutet") {
				t.Errorf("the error does not say the way out of a unit that left: %q", errs[0])
			}
			if karin.Left != nil && (len(notices) != 1 || !strings.Contains(notices[0], "får inte planen")) {
				t.Errorf("no notice that the unit that left gets nothing: %q", notices)
			}
			cl := p.Copies(v, Swedish)
			for _, r := range append(cl.Originals, cl.Copies...) {
				if r.Name == "Karin Holm" {
					t.Errorf("Karin gets a paper: %+v", r)
				}
			}
			if txt := paperText(BuildDocument(p, v, Swedish)); strings.Contains(txt, "Karin Holm") || strings.Contains(txt, "Ali Rahimi") == false {
				t.Errorf("the paper names Karin, or no longer Ali")
			}
			for _, r := range p.WhoToTell() {
				if r.Name == "Karin Holm" {
					t.Errorf("Karin is to be told that the plan closed")
				}
			}
			// Once Peter says yes, the unit is in again.
			if err := p.GuardianSaysYes(1, []string{"Socialtjänstens beroendeenhet"}, testNow); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(paperText(BuildDocument(p, v, Swedish)), "Karin Holm") {
				t.Errorf("Karin is not on the paper once every guardian consented")
			}
		})
	}
}

// paperText is every word of a document: its sections, tables and
// signature lines.
func paperText(d Document) string {
	var b strings.Builder
	b.WriteString(docText(d))
	for _, s := range d.Sections {
		for _, bl := range s.Blocks {
			for _, row := range bl.Table.Rows {
				b.WriteString(strings.Join(row, " | ") + "\n")
			}
		}
	}
	for _, l := range d.Signatures.Lines {
		b.WriteString(l.Name + "\n")
	}
	b.WriteString(strings.Join(d.Signatures.Later, "\n"))
	return b.String()
}

package printout

import (
	"strings"
	"testing"
)

// TestDraftWithAWrongDate: a draft may hold a date typed wrong
// ("2027-01-015"). The plan's pages print it as typed and marked; the
// person's easy-read page leaves it off instead of passing it off as a
// date (tryout2 #27). A date that is one is printed as before.
func TestDraftWithAWrongDate(t *testing.T) {
	cases := []struct {
		due       string
		planReads string // on the plan's pages
		easyReads string // on the easy-read page; "" for nothing of it
	}{
		{"2027-01-015", "klar senast 2027-01-015 (inget giltigt datum)", ""},
		{"2027-02-30", "klar senast 2027-02-30 (inget giltigt datum)", ""},
		{"2027-01-15", "klar senast 2027-01-15", "15 januari 2027"},
	}
	for _, tc := range cases {
		t.Run(tc.due, func(t *testing.T) {
			p := samplePlan()
			p.Versions[0].Content.Actions[0].Due = tc.due
			p.Versions[0].Content.Actions[0].When = ""
			pdf, _ := easyPDF(t, "sv", p, one())
			pages := pdfPages(t, pdf)
			easy, plan := pages[0], strings.Join(pages[1:], " ")
			if !strings.Contains(plan, tc.planReads) {
				t.Errorf("the plan's pages do not read %q", tc.planReads)
			}
			if tc.easyReads != "" && !strings.Contains(easy, tc.easyReads) {
				t.Errorf("the easy-read page does not read %q:\n%s", tc.easyReads, easy)
			}
			if strings.Contains(easy, tc.due) {
				t.Errorf("the easy-read page prints %q:\n%s", tc.due, easy)
			}
		})
	}
}

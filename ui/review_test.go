package ui

import (
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// The follow-up agenda adds the review step inside the current-situation
// part: every part's heading shows once, and every part keeps its own name.
func TestFollowUpAgendaPartsOnce(t *testing.T) {
	agenda := testAgenda(t)
	for _, g := range []model.AgeGroup{model.AgeAdult, model.AgeChild, model.AgeOlder} {
		steps := meeting.FollowUpAgenda(agenda(g))
		seen := map[string]bool{}
		names := map[string]string{}
		last := ""
		for _, s := range steps {
			if n, ok := names[s.Part]; ok && n != s.PartTxt.SV {
				t.Errorf("%s: part %s is called both %q and %q", g, s.Part, n, s.PartTxt.SV)
			}
			names[s.Part] = s.PartTxt.SV
			if s.Part != last {
				if seen[s.Part] {
					t.Errorf("%s: the heading of part %s shows twice", g, s.Part)
				}
				seen[s.Part] = true
				last = s.Part
			}
		}
		review := -1
		for i, s := range steps {
			if s.ID == "review" {
				review = i
			}
		}
		if review < 1 || steps[review-1].Section != model.SectionSituation {
			t.Errorf("%s: the review should follow the current situation (at %d)", g, review)
		}
	}
}

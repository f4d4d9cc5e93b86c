package model

import (
	"strings"
	"testing"
)

// TestConsentEndWordsNameWhatIsCompared: with no follow-up booked it is
// the coordinator's mandate that runs past the consent, and the warning
// says so, not that the follow-up is late (tryout2 #14).
func TestConsentEndWordsNameWhatIsCompared(t *testing.T) {
	for _, tc := range []struct {
		name      string
		followUp  FollowUp
		path      string
		want, not string
	}{
		{"booked after the consent", FollowUp{State: FollowUpBooked, Date: "2027-12-10", Time: "10:00", Place: "Mottagningen", Attendees: "Alla", CalledBy: "Ali Rahimi", What: "Målen"},
			"content.follow_up.date", "Uppföljningen (2027-12-10) ligger efter att samtycket har gått ut (2027-11-30)", "uppdrag"},
		{"to be booked; the mandate runs past the consent", FollowUp{State: FollowUpLater, BookBy: "2027-02-28", WhyLater: "Beslut väntas", MandateEnds: "2027-12-31", What: "Målen"},
			"content.follow_up.mandate_ends", "Samordnarens uppdrag gäller till 2027-12-31, men samtycket går ut 2027-11-30", "Uppföljningen ligger efter"},
	} {
		p := validPlan()
		p.Draft.Consent.ValidUntil = "2027-11-30"
		p.Draft.Content.FollowUp = tc.followUp
		var got string
		for _, f := range Validate(p, p.Draft, Options{Now: testNow}) {
			if f.Path == tc.path && strings.Contains(f.Message.In(Swedish), "samtycket") {
				got = f.Message.In(Swedish)
			}
		}
		if !strings.Contains(got, tc.want) || strings.Contains(got, tc.not) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

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

// TestFindingWordsBeforeTheMeeting: before the meeting nobody is marked as
// there, so the findings say what is needed if someone does not come, not
// that they were not there; an action pointing at a removed goal is named;
// a goal written as a sentence is quoted without a second stop (tryout2
// #49, #54).
func TestFindingWordsBeforeTheMeeting(t *testing.T) {
	before := validPlan()
	for i := range before.Draft.Meeting.Participants {
		before.Draft.Meeting.Participants[i].Attendance = AttendAbsent
	}
	before.Draft.Content.Actions[0].Responsible = "Lena Sund"
	before.Draft.Content.Actions[0].GoalIDs = []string{"gone"}
	msgs := func(p *Plan, v *Version) string {
		var out []string
		for _, f := range Validate(p, v, Options{Now: testNow}) {
			out = append(out, f.Message.In(Swedish))
		}
		return strings.Join(out, "\n")
	}
	all := msgs(before, before.Draft)
	for _, want := range []string{
		"Om Lena Sund inte kommer till mötet behövs telefon eller e-post",
		"Om samordnaren inte kommer till mötet",
		"Insatsen ”Boendestöd” hänvisar till ett mål som inte finns",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("findings lack %q:\n%s", want, all)
		}
	}
	for _, not := range []string{"var inte med på mötet", "Samordnaren är inte med"} {
		if strings.Contains(all, not) {
			t.Errorf("findings before the meeting say %q:\n%s", not, all)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"Jag tar mina mediciner varje dag utan att glömma.", "Jag tar mina mediciner varje dag utan att glömma"},
		{"Eget boende", "Eget boende"},
		{"Klara skolan!", "Klara skolan!"},
	} {
		if got := quoteText(tc.in); got != tc.want {
			t.Errorf("quoteText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

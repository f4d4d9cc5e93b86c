package model

import "testing"

func TestTrailWhat(t *testing.T) {
	for _, tc := range []struct {
		l           Lang
		kind, where string
		n           int
		want        string
	}{
		{Swedish, "refused", "chair", 3, "fel kod till delat möte (mötesledarens vy), 3 försök"},
		{Swedish, "refused", "user", 1, "fel kod till delat möte (okänt användarnamn), 1 försök"},
		{English, "refused", "room", 2, "wrong code for the shared meeting (the room's view), 2 tries"},
		{Swedish, "listed", "list", 4, "listan visad (sipmote list), 4 planer"},
		{Swedish, "joined", "room", 0, "delad skärm ansluten (rummets vy)"},
	} {
		if got := TrailWhat(tc.l, tc.kind, tc.where, tc.n); got != tc.want {
			t.Errorf("%s %s %d: %q, want %q", tc.kind, tc.where, tc.n, got, tc.want)
		}
	}
}

// A change or a read is named by the part of the plan as the screen names
// it, in the trail's language: never by the section's id (own_words,
// follow_up) or the command's English name on a Swedish screen.
func TestTrailNamesPartsInTheLanguage(t *testing.T) {
	for _, tc := range []struct {
		l           Lang
		kind, where string
		want        string
	}{
		{Swedish, "changed", SectionOwnWords, "ändrad (Med egna ord)"},
		{Swedish, "changed", SectionFollowUp, "ändrad (Uppföljning)"},
		{English, "changed", SectionParticipants, "changed (Participants)"},
		{Swedish, "changed", "closure.tell", "ändrad (vilka som meddelats om avslutet)"},
		{Swedish, "viewed", "findings", "visad (brister)"},
		{Swedish, "viewed", "summons", "visad (kallelselistan)"},
		{English, "viewed", "summons", "shown (summons list)"},
		{Swedish, "changed", "something_newer", "ändrad (something_newer)"},
	} {
		if got := TrailLabel(tc.l, tc.kind, tc.where); got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.kind, tc.where, got, tc.want)
		}
	}
	for _, s := range Sections {
		if got := TrailLabel(Swedish, "changed", s.ID); got != "ändrad ("+s.Label.SV+")" {
			t.Errorf("section %s: %q", s.ID, got)
		}
	}
}

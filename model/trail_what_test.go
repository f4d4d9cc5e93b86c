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

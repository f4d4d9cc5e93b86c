package common

import "testing"

func TestSentence(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"the plan is open in another sipmote (anna@vm) since 2026-12-07 10:00. It can be read.", "The plan is open in another sipmote (anna@vm) since 2026-12-07 10:00. It can be read."},
		{"ämnet saknas; försök igen om en stund", "Ämnet saknas; försök igen om en stund."},
		{"Already one.", "Already one."},
		{"", ""},
	} {
		if got := Sentence(tc.in); got != tc.want {
			t.Errorf("Sentence(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

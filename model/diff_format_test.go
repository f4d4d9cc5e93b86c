package model

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestShortenAsFieldsJoin: shorten reads no further than it cuts, and
// gives what joining the words and cutting the result gives.
func TestShortenAsFieldsJoin(t *testing.T) {
	ref := func(s string, n int) string {
		s = strings.Join(strings.Fields(s), " ")
		r := []rune(s)
		if len(r) <= n {
			return s
		}
		cut := string(r[:n-1])
		if i := strings.LastIndex(cut, " "); i > n/2 {
			cut = cut[:i]
		}
		return strings.TrimSpace(cut) + " …"
	}
	words := []string{"stöd", " ", "  ", "\t", "\n", "hjälp i vardagen", "å", "ÄÖ", "\u00a0", "x"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(80) {
			b.WriteString(words[rng.IntN(len(words))])
		}
		for _, n := range []int{5, 20, 160} {
			if got, want := shorten(b.String(), n), ref(b.String(), n); got != want {
				t.Fatalf("shorten(%q, %d) = %q, want %q", b.String(), n, got, want)
			}
		}
	}
}

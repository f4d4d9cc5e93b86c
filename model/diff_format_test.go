package model

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
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

// TestLongTextChangeIsShown: a change far into a long text is shown from
// a few words before it on both sides, so the two sides differ where the
// text does (tryout2 #32: both read the same cut beginning).
func TestLongTextChangeIsShown(t *testing.T) {
	long := strings.Repeat("Karin bor själv i en tvåa och får hjälp att ta sina mediciner. ", 6)
	cases := []struct {
		name, old, new     string
		wantOld, wantNew   string // each must be in its side
		ellipsisAtTheStart bool
	}{
		{"added at the end", long + "Hon vill flytta.", long + "Hon vill flytta till Umeå i vår.",
			"mediciner. Hon vill flytta.", "mediciner. Hon vill flytta till Umeå i vår.", true},
		{"changed in the middle", long + "Slut.", strings.Replace(long, "tvåa", "trea", 4) + "Slut.",
			"i en tvåa och", "i en trea och", true},
		{"changed at the start", "Eva " + long, "Ulla " + long, "Eva Karin bor", "Ulla Karin bor", false},
		{"a letter with two bytes", long + "själv", long + "sjalv", "själv", "sjalv", true},
		{"short", "Karin bor själv.", "Karin bor själv i en trea.", "Karin bor själv.", "Karin bor själv i en trea.", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			old, new := FieldChange{Key: "situation", Old: tc.old, New: tc.new}.Values(Swedish)
			if old == new {
				t.Fatalf("both sides read %q", old)
			}
			if !strings.Contains(old, tc.wantOld) || !strings.Contains(new, tc.wantNew) {
				t.Errorf("old %q\nnew %q\nwant %q and %q in them", old, new, tc.wantOld, tc.wantNew)
			}
			if got := strings.HasPrefix(old, "… ") && strings.HasPrefix(new, "… "); got != tc.ellipsisAtTheStart {
				t.Errorf("start marked %v, want %v: %q", got, tc.ellipsisAtTheStart, old)
			}
			for _, s := range []string{old, new} {
				if !utf8.ValidString(s) || utf8.RuneCountInString(s) > maxShown+4 {
					t.Errorf("%d characters, valid %v: %q", utf8.RuneCountInString(s), utf8.ValidString(s), s)
				}
			}
		})
	}
}

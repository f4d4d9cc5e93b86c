package model

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestSortEntries: Swedish name order (å, ä, ö after z, capitals alike),
// equal names in id order, whatever order the entries come in.
func TestSortEntries(t *testing.T) {
	names := []string{"Östen", "zara", "Ärla", "Åke", "Adam", "Zara", "zara", "", "Anna-Lena", "anna lena", "Émile", "Ola"}
	var entries []ListEntry
	for i, n := range names {
		s := Summary{ID: fmt.Sprintf("id-%02d", i), Person: n}
		entries = append(entries, s.Entry())
	}
	want := []string{"", "Adam", "anna lena", "Anna-Lena", "Émile", "Ola", "zara", "Zara", "zara", "Åke", "Ärla", "Östen"}
	for range 20 {
		rand.Shuffle(len(entries), func(i, j int) { entries[i], entries[j] = entries[j], entries[i] })
		SortEntries(entries)
		var got []string
		for _, e := range entries {
			got = append(got, e.Person)
		}
		if !slices.EqualFunc(got, want, strings.EqualFold) {
			t.Fatalf("order %q, want %q", got, want)
		}
		var zaras []string
		for _, e := range entries {
			if strings.EqualFold(e.Person, "zara") {
				zaras = append(zaras, e.ID)
			}
		}
		if !slices.IsSorted(zaras) {
			t.Fatalf("equal names not in id order: %v", zaras)
		}
	}
}

// TestSortEntriesMany: however many entries (sorted in two halves at once
// and merged from parallelSortMin on), and whatever the names share at
// their start or are prefixes of each other, the order is that of one
// plain sort by the whole key, equal names in id order.
func TestSortEntriesMany(t *testing.T) {
	first := []string{"Anna", "Anna-Lena", "anna", "Åsa", "Ärla", "Örjan", "Émile", "Zoe", "", "A"}
	last := []string{"Andersson", "Öberg", "Ek", "", "Nilsson Ek", "Åberg"}
	names := map[string]func(i, n int) string{
		"many equal":   func(i, n int) string { return fmt.Sprintf("Person %d", rand.IntN(n/3+1)) },
		"shared start": func(i, n int) string { return fmt.Sprintf("Person %05d", rand.IntN(n)) },
		"real and short": func(i, n int) string {
			return strings.TrimSpace(first[rand.IntN(len(first))] + " " + last[rand.IntN(len(last))])
		},
		"prefixes": func(i, n int) string { return strings.Repeat("a", rand.IntN(12)) },
	}
	for kind, name := range names {
		for _, n := range []int{2, parallelSortMin - 1, parallelSortMin, 3*parallelSortMin + 7} {
			entries := make([]ListEntry, n)
			ids := rand.Perm(n) // unique, in no order
			for i := range entries {
				s := Summary{ID: fmt.Sprintf("%08x", ids[i]*7919), Person: name(i, n)}
				entries[i] = s.Entry()
			}
			want := slices.Clone(entries)
			slices.SortFunc(want, func(a, b ListEntry) int {
				if c := strings.Compare(a.NameKey, b.NameKey); c != 0 {
					return c
				}
				return strings.Compare(a.ID, b.ID)
			})
			SortEntries(entries)
			if !slices.Equal(entries, want) {
				t.Fatalf("%s, %d entries: not in the order of one plain sort", kind, n)
			}
		}
	}
}

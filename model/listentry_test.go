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

// TestSortEntriesMany: with enough entries to be sorted in two halves at
// once and merged, the order is the same as one plain sort's, equal names
// (there are many) in id order.
func TestSortEntriesMany(t *testing.T) {
	for _, n := range []int{parallelSortMin - 1, parallelSortMin, parallelSortMin + 1, 3*parallelSortMin + 7} {
		entries := make([]ListEntry, n)
		ids := rand.Perm(n) // unique, in no order
		for i := range entries {
			s := Summary{ID: fmt.Sprintf("%08x", ids[i]*7919), Person: fmt.Sprintf("Person %d", rand.IntN(n/3+1))}
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
			t.Fatalf("%d entries: not in the order of one plain sort", n)
		}
	}
}

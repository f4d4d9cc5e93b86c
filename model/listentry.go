package model

import (
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// ListEntry is one plan in the home screen's index: what the list needs to
// put every plan in order and to search them, and nothing of the plan's
// content. The home screen keeps one per plan and reads the full Summary
// of only the lines it shows.
type ListEntry struct {
	ID        string
	Person    string // empty when the consent was withdrawn (see Summarise)
	PNRMasked string
	Status    Status
	// ConsentGone marks a plan whose consent was withdrawn: its line says
	// so and the search never finds it.
	ConsentGone bool
	// NameKey is Person's NameKey, made when the summary was saved.
	NameKey string
}

// Entry is the index entry of the list line s. A plan whose consent was
// withdrawn has no name or personnummer in it, even from a line written
// before Summarise left them out, so that no search finds it by them.
func (s *Summary) Entry() ListEntry {
	e := ListEntry{ID: s.ID, Status: s.Status, ConsentGone: s.ConsentGone}
	if !s.ConsentGone {
		e.Person, e.PNRMasked = s.Person, s.PNRMasked
	}
	e.NameKey = string(NameKey(e.Person))
	return e
}

// collators are Swedish collators with their buffers: a collator is not
// safe for concurrent use and costs more to make than a key.
var collators = sync.Pool{New: func() any {
	return &nameCollator{c: collate.New(language.Swedish, collate.IgnoreCase)}
}}

type nameCollator struct {
	c   *collate.Collator
	buf collate.Buffer
}

// NameKey is the sort key of a person's name in Swedish order (å, ä, ö
// after z, capitals and small letters alike), whatever the screen's
// language, since the names are Swedish. Comparing two keys with
// bytes.Compare orders the names. The store keeps it with each summary,
// so that the list is not collated again at every start.
func NameKey(name string) []byte {
	nc := collators.Get().(*nameCollator)
	k := nc.c.KeyFromString(&nc.buf, name)
	out := make([]byte, len(k))
	copy(out, k)
	nc.buf.Reset()
	collators.Put(nc)
	return out
}

// SortEntries puts index entries in name order (NameKey), equal names in
// id order, so that the list is the same at every reading.
func SortEntries(entries []ListEntry) {
	// Sorted as small pairs of key and row, then moved into place once:
	// swapping the entries themselves moved five times the memory and
	// was most of the sort's time with 100 000 plans.
	type keyed struct {
		key string
		row int32
	}
	ks := make([]keyed, len(entries))
	for i := range entries {
		ks[i] = keyed{entries[i].NameKey, int32(i)}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		// The ids are unique, so this gives one order.
		return strings.Compare(entries[a.row].ID, entries[b.row].ID)
	})
	// Entry i goes where ks says, following each cycle of the
	// permutation once, without a second slice of 100 000 entries.
	for i := range ks {
		if ks[i].row < 0 {
			continue
		}
		tmp := entries[i]
		j := i
		for {
			k := int(ks[j].row)
			ks[j].row = -1
			if k == i {
				entries[j] = tmp
				break
			}
			entries[j] = entries[k]
			j = k
		}
	}
}

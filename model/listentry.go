package model

import (
	"cmp"
	"runtime"
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
	// Sorted as small pairs of a key's first bytes and a row, then moved
	// into place once: swapping the entries themselves moved five times
	// the memory and was most of the sort's time with 100 000 plans.
	// The first bytes are taken after what every key shares (the keys
	// of many names begin alike, and all end in the same case weights),
	// so that most comparisons are of two numbers.
	lcp := sharedPrefix(entries)
	ks := make([]sortKey, len(entries))
	for i := range entries {
		ks[i] = sortKey{keyWindow(entries[i].NameKey, lcp), int32(i)}
	}
	ks = sortKeys(ks, func(a, b sortKey) int {
		if a.first != b.first {
			return cmp.Compare(a.first, b.first)
		}
		ea, eb := &entries[a.row], &entries[b.row]
		if c := strings.Compare(ea.NameKey, eb.NameKey); c != 0 {
			return c
		}
		// The ids are unique, so this gives one order.
		return strings.Compare(ea.ID, eb.ID)
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

// sortKey is one entry in the sort: eight bytes of its name key and
// where it stood.
type sortKey struct {
	first uint64
	row   int32
}

// sharedPrefix is how many bytes every entry's NameKey begins with alike.
func sharedPrefix(entries []ListEntry) int {
	if len(entries) == 0 {
		return 0
	}
	k0 := entries[0].NameKey
	n := len(k0)
	for i := 1; i < len(entries) && n > 0; i++ {
		k := entries[i].NameKey
		m := min(n, len(k))
		j := 0
		for j < m && k[j] == k0[j] {
			j++
		}
		n = j
	}
	return n
}

// keyWindow is the eight bytes of key from from on, as a big-endian
// number (zeros past its end): two keys whose windows differ are in the
// order of their windows; equal windows say nothing.
func keyWindow(key string, from int) uint64 {
	var w uint64
	for i := range 8 {
		w <<= 8
		if from+i < len(key) {
			w |= uint64(key[from+i])
		}
	}
	return w
}

// parallelSortMin is the number of entries from which the two halves are
// sorted side by side: the home screen's first frame waits for the sort,
// and with thousands of plans a second processor halves it; below that a
// goroutine costs more than it saves.
const parallelSortMin = 4096

// sortKeys sorts ks by compare, in two halves at once on two processors
// when there are many, and returns the sorted slice (ks itself or its
// merged copy).
func sortKeys(ks []sortKey, compare func(a, b sortKey) int) []sortKey {
	if len(ks) < parallelSortMin || runtime.GOMAXPROCS(0) < 2 {
		slices.SortFunc(ks, compare)
		return ks
	}
	a, b := ks[:len(ks)/2], ks[len(ks)/2:]
	var wg sync.WaitGroup
	wg.Go(func() { slices.SortFunc(a, compare) })
	slices.SortFunc(b, compare)
	wg.Wait()
	out := make([]sortKey, 0, len(ks))
	for len(a) > 0 && len(b) > 0 {
		if compare(b[0], a[0]) < 0 {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

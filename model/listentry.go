package model

import (
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

// Entry is the index entry of the list line s.
func (s *Summary) Entry() ListEntry {
	return ListEntry{ID: s.ID, Person: s.Person, PNRMasked: s.PNRMasked, Status: s.Status, ConsentGone: s.ConsentGone, NameKey: string(NameKey(s.Person))}
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

package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// The home screen's index is the first part of each summary (summary
// format 3): flags, id, name, masked personnummer, status and the name's
// sort key. It is kept in the summary record, not beside it, so that it is
// written in the same transaction, sealed and authenticated by the same
// codec, copied, checked and converted with it, and can never disagree
// with the list line it comes from.

// readEntry decodes the index part of a compact summary into e, copying
// only that part out of b. A summary in an older format is decoded whole
// and its sort key made from the name.
func readEntry(b []byte, e *model.ListEntry) error {
	if len(b) == 0 {
		return fmt.Errorf("%w: empty record", ErrCorrupt)
	}
	if b[0] != summaryFormat {
		var s model.Summary
		if err := decode(b, &s); err != nil {
			return err
		}
		*e = s.Entry()
		return nil
	}
	if len(b) < 2 {
		return errShortSummary
	}
	flags := b[1]
	// Find where the five fields end, then copy them out in one string.
	end := 2
	for range 5 {
		n, w := binary.Uvarint(b[end:])
		if w <= 0 || n > uint64(len(b)-end-w) {
			return errShortSummary
		}
		end += w + int(n)
	}
	r := summaryReader{all: string(b[2:end])}
	id, person, pnr, status, key := r.string(), r.string(), r.string(), r.string(), r.string()
	if r.err != nil {
		return errShortSummary
	}
	gone := flags&flagConsentGone != 0
	if gone && person+pnr != "" {
		// Summarise leaves them out; a record that has them is not
		// believed (see model.Summary.Entry).
		person, pnr, key = "", "", string(model.NameKey(""))
	}
	*e = model.ListEntry{ID: id, Person: person, PNRMasked: pnr, Status: model.Status(status),
		ConsentGone: gone, NameKey: key}
	return nil
}

// OpenEntry opens the summary record kept under id and decodes its index
// part into e.
func (c *Codec) OpenEntry(id string, raw []byte, e *model.ListEntry) error {
	inner, err := openRecord(c.ring(), bucketSummaries, []byte(id), raw)
	if err != nil {
		return err
	}
	return readEntry(inner, e)
}

// Index returns every plan's index entry, in id order; the caller sorts
// them by NameKey. It reads the summaries' first part only. Damaged
// summaries are left out as List leaves them out, and named in an error
// wrapping ErrCorrupt returned with the others.
func (d *DB) Index() ([]model.ListEntry, error) { return d.IndexCounted(nil) }

// IndexCounted is Index, and calls counted (when not nil) with the number
// of summaries, damaged ones included, once it has counted them and
// before it reads them: the service writes the trail's event of the
// listing (an fsynced write) while the entries are read, not after.
func (d *DB) IndexCounted(counted func(n int)) ([]model.ListEntry, error) {
	var out []model.ListEntry
	var bad []string
	err := d.view(func(tx *bolt.Tx) error {
		b := bucket(tx, bucketSummaries)
		// Counted first: growing a slice of 100 000 entries moved each
		// of them several times. The count also finds where the second
		// half begins.
		n := 0
		var marks []indexMark
		c := b.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if n%indexMarkEvery == 0 {
				marks = append(marks, indexMark{k, n})
			}
			n++
		}
		if counted != nil {
			counted(n)
		}
		out = make([]model.ListEntry, n)
		known := d.damagedPlans()
		if n < parallelIndexMin || runtime.GOMAXPROCS(0) < 2 {
			bad = d.readIndex(tx, b, nil, out, known)
		} else {
			// The home screen's first frame waits for the index: each
			// half is read on a processor of its own, with its own
			// cursor in the same read transaction (a read-only cursor
			// only reads the map).
			mid := marks[len(marks)/2]
			var first []string
			var fault any
			var wg sync.WaitGroup
			wg.Go(func() {
				// A damaged page makes bbolt panic, and a file cut short
				// under the map faults: on this goroutine as on the
				// caller's (read), both become the caller's panic, which
				// read turns into ErrCorrupt, never the program's end.
				defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
				defer func() { fault = recover() }()
				first = d.readIndex(tx, b, nil, out[:mid.at], known)
			})
			second := d.readIndex(tx, b, mid.key, out[mid.at:], known)
			wg.Wait()
			if fault != nil {
				panic(fault)
			}
			bad = append(first, second...)
		}
		if len(bad) > 0 {
			out = slices.DeleteFunc(out, func(e model.ListEntry) bool { return e.ID == "" })
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, SummariesDamaged(bad)
}

// parallelIndexMin is the number of plans from which Index reads two
// halves at once; indexMarkEvery is how often the count notes a key it
// may start the second half at.
const (
	parallelIndexMin = 4096
	indexMarkEvery   = 512
)

// indexMark is a key of the summaries and its place among them.
type indexMark struct {
	key []byte
	at  int
}

// readIndex fills out with the index entries of the summaries from key
// from (the first when nil) on, one for each place in out, and returns
// the ids of those it could not read or known holds as damaged; their
// places are left empty.
func (d *DB) readIndex(tx *bolt.Tx, b *bolt.Bucket, from []byte, out []model.ListEntry, known map[string]bool) (bad []string) {
	trim := pageTrim{tx: tx, every: trimIndexRecords}
	defer trim.end()
	c := b.Cursor()
	k, v := c.First()
	if from != nil {
		k, v = c.Seek(from)
	}
	for i := range out {
		if k == nil {
			break
		}
		trim.read()
		inner, err := openRecord(d.ring(), bucketSummaries, k, v)
		if err == nil {
			err = readEntry(inner, &out[i])
		} else if errors.Is(err, ErrDamagedRecord) {
			d.markDamaged(bucketSummaries, k)
		}
		if err != nil || known[string(k)] {
			bad = append(bad, string(k))
			out[i] = model.ListEntry{}
		}
		k, v = c.Next()
	}
	return bad
}

// Summaries returns the summaries of the plans named, in the order named:
// the lines a screen shows. An id with no plan (removed meanwhile) is left
// out; a damaged summary too, named in an error wrapping ErrCorrupt
// returned with the others.
func (d *DB) Summaries(ids []string) ([]model.Summary, error) {
	out := make([]model.Summary, 0, len(ids))
	var bad []string
	err := d.view(func(tx *bolt.Tx) error {
		b := bucket(tx, bucketSummaries)
		known := d.damagedPlans()
		for _, id := range ids {
			v := b.Get([]byte(id))
			if v == nil {
				continue
			}
			var s model.Summary
			if err := d.openValue(bucketSummaries, []byte(id), v, &s); err != nil || known[id] {
				bad = append(bad, id)
				continue
			}
			out = append(out, s)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, SummariesDamaged(bad)
}

// SummariesDamaged is the error of a list that left out the summaries of
// the plans named, which cannot be read; nil when none. It wraps
// ErrCorrupt and names the plans by id only.
func SummariesDamaged(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	ids = slices.Sorted(slices.Values(ids))
	return fmt.Errorf("store: list: summaries of %d plans (%s) cannot be read: %w",
		len(ids), strings.Join(ids, ", "), ErrCorrupt)
}

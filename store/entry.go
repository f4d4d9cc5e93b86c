package store

import (
	"bytes"
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
	out, _, err := d.IndexFront(counted)
	return out, err
}

// IndexFront is IndexCounted, and also says what it found of the home
// screen's front page (homefront.go), for PutHomeFront.
func (d *DB) IndexFront(counted func(n int)) ([]model.ListEntry, FrontState, error) {
	var out []model.ListEntry
	var bad []string
	var st FrontState
	err := d.view(func(tx *bolt.Tx) error {
		b := bucket(tx, bucketSummaries)
		f := d.readFront(tx)
		st = FrontState{Seq: b.Sequence(), Current: f != nil, f: f}
		// The home screen's first frame waits for the index. On a file
		// written plan by plan, most of its time is the pages coming
		// into the map, one fault each, so the ids are read in two
		// ranges at once, each on a processor of its own with its own
		// cursor in this read transaction (a read-only cursor only reads
		// the map).
		parts := indexRanges(b)
		// Counted first: growing a slice of 100 000 entries moved each
		// of them several times.
		counts := make([]int, len(parts))
		inParallel(len(parts), func(i int) { counts[i] = countRange(b, parts[i]) })
		n := 0
		for _, c := range counts {
			n += c
		}
		if counted != nil {
			counted(n)
		}
		out = make([]model.ListEntry, n)
		known := d.damagedPlans()
		bads := make([][]string, len(parts))
		at := make([]int, len(parts)+1)
		for i, c := range counts {
			at[i+1] = at[i] + c
		}
		inParallel(len(parts), func(i int) {
			bads[i] = d.readIndex(tx, b, parts[i], out[at[i]:at[i+1]], known)
		})
		if n >= trimIndexRecords {
			giveBack(tx)
		}
		bad = slices.Concat(bads...)
		if len(bad) > 0 {
			out = slices.DeleteFunc(out, func(e model.ListEntry) bool { return e.ID == "" })
		}
		return nil
	})
	if err != nil {
		return nil, st, err
	}
	return out, st, SummariesDamaged(bad)
}

// keyRange is the keys from from up to, not including, to; nil is no
// bound.
type keyRange struct{ from, to []byte }

// indexRanges splits the summaries' keys in two ranges where there are
// two processors. Plan ids are random UUIDs, so the hex digit between the
// first key's and the last's halves them; other keys are split between
// their first bytes. Any split gives the same entries.
func indexRanges(b *bolt.Bucket) []keyRange {
	c := b.Cursor()
	first, _ := c.First()
	last, _ := c.Last()
	if runtime.GOMAXPROCS(0) < 2 || len(first) == 0 || len(last) == 0 {
		return []keyRange{{}}
	}
	const hex = "0123456789abcdef"
	var mid byte
	if i, j := strings.IndexByte(hex, first[0]), strings.IndexByte(hex, last[0]); i >= 0 && j > i {
		mid = hex[(i+j+1)/2]
	} else if last[0] > first[0] {
		mid = first[0] + (last[0]-first[0]+1)/2
	} else {
		return []keyRange{{}}
	}
	return []keyRange{{nil, []byte{mid}}, {[]byte{mid}, nil}}
}

// seek puts c on the first key of r and returns it with its value.
func (r keyRange) seek(c *bolt.Cursor) (k, v []byte) {
	if r.from == nil {
		return c.First()
	}
	return c.Seek(r.from)
}

// holds tells whether k, a key at or after r's start, is before its end.
func (r keyRange) holds(k []byte) bool {
	return k != nil && (r.to == nil || bytes.Compare(k, r.to) < 0)
}

// countRange counts the keys of b in r.
func countRange(b *bolt.Bucket, r keyRange) int {
	n := 0
	c := b.Cursor()
	for k, _ := r.seek(c); r.holds(k); k, _ = c.Next() {
		n++
	}
	return n
}

// inParallel runs fn(0) … fn(n-1) at once, fn(0) on the caller. A damaged
// page makes bbolt panic, and a file cut short under the map faults: on
// the other goroutines as on the caller's (DB.read), either becomes the
// caller's panic, which read turns into ErrCorrupt, never the program's
// end.
func inParallel(n int, fn func(i int)) {
	faults := make([]any, n)
	var wg sync.WaitGroup
	for i := 1; i < n; i++ {
		wg.Go(func() {
			defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
			defer func() { faults[i] = recover() }()
			fn(i)
		})
	}
	if n > 0 {
		fn(0)
	}
	wg.Wait()
	for _, f := range faults {
		if f != nil {
			panic(f)
		}
	}
}

// readIndex fills out with the index entries of the summaries in r, one
// for each place in out, and returns the ids of those it could not read
// or known holds as damaged; their places are left empty. It gives the
// map's pages back every trimIndexRecords; the caller gives back the
// rest once every range is read.
func (d *DB) readIndex(tx *bolt.Tx, b *bolt.Bucket, r keyRange, out []model.ListEntry, known map[string]bool) (bad []string) {
	trim := pageTrim{tx: tx, every: trimIndexRecords}
	c := b.Cursor()
	k, v := r.seek(c)
	for i := range out {
		if !r.holds(k) {
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

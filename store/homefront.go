package store

import (
	"cmp"
	"encoding/binary"
	"errors"
	"slices"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// The home screen's front page: the first open plans in name order, kept
// in one sealed record of the meta bucket, so that the first frame reads
// one record and the lines it shows instead of every plan's index entry
// (issue 30). The whole index is read right after, and replaces it.
//
// The record is only believed while it is current: it carries the
// summaries bucket's sequence, which every write that adds, renames or
// closes a plan (put) moves on in the same transaction as it brings the
// record up to date. A record of another sequence (a migration rewrote
// the summaries, an encrypted copy) is not used. Each line the front page
// names is read and checked from its own summary before it is shown, and
// one that does not match (an older sipmote renamed or closed that plan)
// stops the front page being used. An older sipmote moves no sequence, so
// a plan it added is not seen by either test: it is missing from the
// first frame until the whole index comes a moment later. Whenever the
// whole index does not agree with the front page (FrontState.Agrees) the
// service writes a new one from it. So a front page never shows a name,
// a status or a withdrawn consent that the summaries do not hold; at
// worst it misses a plan for the moment before the whole index comes.

// keyFront is the front page's key in the meta bucket.
const keyFront = "homefront"

// frontCap is the most plans the front page holds, and frontKeep the
// fewest it is kept with when plans leave it; below that, and not
// holding every open plan, it is dropped and made again from the whole
// index. FrontRows (what the home screen reads first) must not be more
// than frontKeep.
const (
	frontCap  = 128
	frontKeep = 80
	// FrontRows is how many of the first open plans the home screen
	// asks the front page for.
	FrontRows = frontKeep
)

// frontFormat is the first byte of an encoded front page.
const frontFormat byte = 1

// front is the decoded front page: the open plans with the smallest
// (name key, id), all of them when complete, and the number of plans.
type front struct {
	seq      uint64 // the summaries bucket's sequence it was made at
	count    uint64 // plans, open and closed
	complete bool   // items holds every open plan
	items    []frontItem
}

type frontItem struct{ key, id string }

func (a frontItem) compare(b frontItem) int {
	return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.id, b.id))
}

var errFrontFormat = errors.New("store: front page: unknown format")

func (f *front) encode() []byte {
	b := []byte{frontFormat}
	b = binary.AppendUvarint(b, f.seq)
	b = binary.AppendUvarint(b, f.count)
	if f.complete {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(len(f.items)))
	for _, it := range f.items {
		b = binary.AppendUvarint(b, uint64(len(it.key)))
		b = append(b, it.key...)
		b = binary.AppendUvarint(b, uint64(len(it.id)))
		b = append(b, it.id...)
	}
	return b
}

func decodeFront(b []byte) (*front, error) {
	if len(b) == 0 || b[0] != frontFormat {
		return nil, errFrontFormat
	}
	b = b[1:]
	next := func() (uint64, bool) {
		v, w := binary.Uvarint(b)
		if w <= 0 {
			return 0, false
		}
		b = b[w:]
		return v, true
	}
	str := func() (string, bool) {
		n, ok := next()
		if !ok || n > uint64(len(b)) {
			return "", false
		}
		s := string(b[:n])
		b = b[n:]
		return s, true
	}
	f := &front{}
	var ok bool
	if f.seq, ok = next(); !ok {
		return nil, errFrontFormat
	}
	if f.count, ok = next(); !ok || len(b) == 0 {
		return nil, errFrontFormat
	}
	f.complete, b = b[0] == 1, b[1:]
	n, ok := next()
	if !ok || n > frontCap {
		return nil, errFrontFormat
	}
	f.items = make([]frontItem, 0, n)
	for range n {
		var it frontItem
		if it.key, ok = str(); !ok {
			return nil, errFrontFormat
		}
		if it.id, ok = str(); !ok {
			return nil, errFrontFormat
		}
		f.items = append(f.items, it)
	}
	if len(b) != 0 {
		return nil, errFrontFormat
	}
	return f, nil
}

// loadFront reads the front page as tx holds it, and says what it is
// like: none, damaged (its seal or format fails), stale (not of the
// summaries' sequence) or current (FrontWhole: not yet compared with
// the index). f is nil unless it could be read.
func (d *DB) loadFront(tx *bolt.Tx) (f *front, state FrontCheck) {
	meta, sums := bucket(tx, bucketMeta), bucket(tx, bucketSummaries)
	if meta == nil || sums == nil {
		return nil, FrontNone
	}
	raw := meta.Get([]byte(keyFront))
	if raw == nil {
		return nil, FrontNone
	}
	inner, err := openRecord(d.ring(), bucketMeta, []byte(keyFront), raw)
	if err != nil {
		return nil, FrontDamaged
	}
	if f, err = decodeFront(inner); err != nil {
		return nil, FrontDamaged
	}
	if f.seq != sums.Sequence() {
		return f, FrontStale
	}
	return f, FrontWhole
}

// readFront is the front page if it is current, else nil.
func (d *DB) readFront(tx *bolt.Tx) *front {
	if f, state := d.loadFront(tx); state == FrontWhole {
		return f
	}
	return nil
}

// writeFront seals f into the meta bucket.
func (d *DB) writeFront(tx *bolt.Tx, f *front) error {
	raw, err := sealRecord(d.ring(), bucketMeta, []byte(keyFront), f.encode())
	if err != nil {
		return err
	}
	return bucket(tx, bucketMeta).Put([]byte(keyFront), raw)
}

// frontEdit is what one write transaction does to the front page: read
// once at its first summary, changed at each, written once at the end
// (DB.update calls flushFront).
type frontEdit struct {
	tx     *bolt.Tx
	loaded bool
	dirty  bool
	f      *front // nil: none or not current; flush removes it
}

// noteSummary brings the front page up to date with a summary written in tx:
// the plan's index entry e, new when the plan was not there before. It
// moves the summaries' sequence on whether or not there is a front page,
// so that one not brought up to date is never taken for current.
func (d *DB) noteSummary(tx *bolt.Tx, e model.ListEntry, isNew bool) error {
	fe := &d.frontEdit
	if fe.tx != tx {
		*fe = frontEdit{tx: tx}
	}
	if !fe.loaded {
		fe.f, fe.loaded = d.readFront(tx), true
	}
	seq, err := bucket(tx, bucketSummaries).NextSequence()
	if err != nil {
		return err
	}
	fe.dirty = true
	f := fe.f
	if f == nil {
		return nil
	}
	f.seq = seq
	if isNew {
		f.count++
	}
	f.items = slices.DeleteFunc(f.items, func(it frontItem) bool { return it.id == e.ID })
	if e.Status != model.StatusClosed {
		it := frontItem{e.NameKey, e.ID}
		at, _ := slices.BinarySearchFunc(f.items, it, frontItem.compare)
		if f.complete || at < len(f.items) {
			f.items = slices.Insert(f.items, at, it)
		}
	}
	if len(f.items) > frontCap {
		f.items, f.complete = f.items[:frontCap], false
	}
	if !f.complete && len(f.items) < frontKeep {
		fe.f = nil // too few to be sure of a window: made again from the index
	}
	return nil
}

// flushFront writes what the transaction's summaries did to the front
// page; DB.update calls it before the transaction commits.
func (d *DB) flushFront(tx *bolt.Tx) error {
	fe := &d.frontEdit
	defer func() { *fe = frontEdit{} }()
	if fe.tx != tx || !fe.dirty {
		return nil
	}
	if fe.f == nil {
		return bucket(tx, bucketMeta).Delete([]byte(keyFront))
	}
	return d.writeFront(tx, fe.f)
}

// startFront gives a new, empty file its front page: no plans, all of
// them held, so that the plans written next keep it from the start.
func (d *DB) startFront(tx *bolt.Tx) error {
	return d.writeFront(tx, &front{seq: bucket(tx, bucketSummaries).Sequence(), complete: true})
}

// HomeFront returns the first n open plans in name order with their list
// lines, and the number of plans, from the front page; ok is false when
// there is no current front page, it holds fewer than n plans and not
// all, or any line it names cannot be read or does not match it. The
// lines are read and checked as Summaries reads them.
func (d *DB) HomeFront(n int) (entries []model.ListEntry, rows []model.Summary, count int, ok bool) {
	err := d.view(func(tx *bolt.Tx) error {
		f := d.readFront(tx)
		if f == nil || !f.complete && len(f.items) < n {
			return nil
		}
		known := d.damagedPlans()
		sums := bucket(tx, bucketSummaries)
		if f.count == 0 {
			// "No plans yet" is a screen that asks for a new one: said
			// only of a file that has none.
			if k, _ := sums.Cursor().First(); k != nil {
				return nil
			}
		}
		items := f.items[:min(n, len(f.items))]
		entries = make([]model.ListEntry, 0, len(items))
		rows = make([]model.Summary, 0, len(items))
		for _, it := range items {
			v := sums.Get([]byte(it.id))
			if v == nil || known[it.id] {
				return nil
			}
			var s model.Summary
			if err := d.openValue(bucketSummaries, []byte(it.id), v, &s); err != nil || s.ID != it.id {
				return nil
			}
			e := s.Entry()
			if e.NameKey != it.key || e.Status == model.StatusClosed {
				return nil
			}
			entries, rows = append(entries, e), append(rows, s)
		}
		count, ok = int(f.count), true
		return nil
	})
	if err != nil || !ok {
		return nil, nil, 0, false
	}
	return entries, rows, count, true
}

// FrontState is what an index reading found of the front page: the
// summaries' sequence it read at, and whether the front page was current.
type FrontState struct {
	Seq     uint64
	Current bool
	f       *front
}

// Agrees tells whether the front page the reading found current is the
// first open plans of sorted (the whole index it read, in name order) and
// counts count plans. One that does not (an older sipmote wrote plans
// without keeping it) is made again by PutHomeFront.
func (st FrontState) Agrees(sorted []model.ListEntry, count int) bool {
	f := st.f
	if !st.Current || f == nil || f.count != uint64(count) {
		return false
	}
	i := 0
	for j := range sorted {
		if sorted[j].Status == model.StatusClosed {
			continue
		}
		if i == len(f.items) {
			return !f.complete
		}
		if f.items[i].id != sorted[j].ID || f.items[i].key != sorted[j].NameKey {
			return false
		}
		i++
	}
	return i == len(f.items)
}

// PutHomeFront makes the front page again from an index read at st.Seq
// and sorted in name order: entries' first open plans, and count plans
// in all. It writes nothing when a summary was written since that
// reading, or when the file takes no writes.
func (d *DB) PutHomeFront(sorted []model.ListEntry, count int, st FrontState) error {
	f := &front{seq: st.Seq, count: uint64(count), complete: true}
	for i := range sorted {
		if sorted[i].Status == model.StatusClosed {
			continue
		}
		if len(f.items) == frontCap {
			f.complete = false
			break
		}
		f.items = append(f.items, frontItem{sorted[i].NameKey, sorted[i].ID})
	}
	return d.update(func(tx *bolt.Tx) error {
		if bucket(tx, bucketSummaries).Sequence() != st.Seq {
			return nil
		}
		return d.writeFront(tx, f)
	})
}

// FrontCheck is what Check found of the home screen's front page.
type FrontCheck int

const (
	// FrontNone: there is none (a file from before them, or one made
	// again at the next start).
	FrontNone FrontCheck = iota
	// FrontWhole: current, sealed, and the first open plans of the index.
	FrontWhole
	// FrontStale: whole, but not current or not the index's first plans
	// (a migration, an older sipmote): not used, made again.
	FrontStale
	// FrontDamaged: its checksum or seal fails: someone or something
	// changed it. It is not used, and the next start makes it again.
	FrontDamaged
)

// checkFront looks at the front page as Check does: its seal, and whether
// it agrees with the index, read here from every summary. The daily check
// runs beside the home screen, so the walk keeps no more than the front
// page's own number of entries and gives its pages back as it goes.
func (d *DB) checkFront(tx *bolt.Tx) FrontCheck {
	f, state := d.loadFront(tx)
	if state != FrontWhole {
		return state
	}
	// The first len(f.items)+1 open plans, in order: one more tells
	// whether a page that says it holds them all does.
	keep := len(f.items) + 1
	var first []model.ListEntry
	byKey := func(a, b model.ListEntry) int { return frontItem{a.NameKey, a.ID}.compare(frontItem{b.NameKey, b.ID}) }
	n := 0
	trim := pageTrim{tx: tx, every: checkTrimRecords}
	_ = bucket(tx, bucketSummaries).ForEach(func(k, v []byte) error {
		trim.read()
		n++
		var e model.ListEntry
		in, err := openRecord(d.ring(), bucketSummaries, k, v)
		if err != nil || readEntry(in, &e) != nil || e.Status == model.StatusClosed {
			return nil
		}
		if at, _ := slices.BinarySearchFunc(first, e, byKey); at < keep {
			first = slices.Insert(first, at, e)[:min(keep, len(first)+1)]
		}
		return nil
	})
	trim.end()
	if !(FrontState{Seq: f.seq, Current: true, f: f}).Agrees(first, n) {
		return FrontStale
	}
	return FrontWhole
}

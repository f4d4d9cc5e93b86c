package store

import (
	"bytes"
	"cmp"
	"crypto/cipher"
	"encoding/binary"
	"encoding/json"
	"os"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// When bbolt cannot walk a file at all (its root page, or a branch page
// on the way, is damaged), Rescue reads the file's pages by hand instead:
// every leaf page that still looks like one, and the small buckets kept
// inline in them. A record does not need its place in the tree to be
// known: its checksum covers its bucket's name and its key, so a record
// that passes the checksum for "plans" under a plan id is that plan, whole.
//
// A page walk also finds pages bbolt has freed, which hold older copies of
// records. So for each plan only the newest whole copy is kept (by its
// UpdatedAt), each trail event once (by its owner and number), and an
// editor draft only when it is newer than its plan: an older one was
// already typed into the plan or thrown away.

// bbolt's on-disk layout, as far as the walk needs it.
const (
	pageHeaderSize  = 16 // id u64, flags u16, count u16, overflow u32
	leafElementSize = 16 // flags u32, pos u32, ksize u32, vsize u32
	branchPageFlag  = 0x01
	leafPageFlag    = 0x02
	bucketLeafFlag  = 0x01
	bucketHeader    = 16 // root pgid u64, sequence u64
)

// salvaged is what a page walk found whole.
type salvaged struct {
	crypt  *cryptMeta
	plans  map[string]*model.Plan
	drafts map[string]salvagedDraft
	events map[eventPlace]TrailEvent
	// damaged counts records that looked like a plan's or an event's but
	// failed their checksum or seal (older copies included).
	damaged int
}

type salvagedDraft struct {
	inner []byte
	at    time.Time
}

type eventPlace struct {
	owner string
	seq   uint64
}

// rawRecord is a key and value found on a leaf page; inside names the
// inline bucket it was found in, when it was in one.
type rawRecord struct {
	inside   string
	key, val []byte
}

// walkPages reads the file at path page by page and returns every key and
// value on a page that looks like a leaf.
func walkPages(path string) ([]rawRecord, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	ps := guessPageSize(data)
	var out []rawRecord
	for off := 0; off+pageHeaderSize <= len(data); off += ps {
		flags := binary.LittleEndian.Uint16(data[off+8:])
		if flags != leafPageFlag {
			continue
		}
		overflow := int(binary.LittleEndian.Uint32(data[off+12:]))
		end := min(len(data), off+(overflow+1)*ps)
		if overflow < 0 || overflow > len(data)/ps {
			end = min(len(data), off+ps)
		}
		out = leafRecords(data[off:end], "", out, 0)
	}
	return out, nil
}

// leafRecords appends the records of the leaf page p (a slice holding the
// page and its overflow), descending into inline buckets.
func leafRecords(p []byte, inside string, out []rawRecord, depth int) []rawRecord {
	if len(p) < pageHeaderSize || depth > 4 {
		return out
	}
	count := int(binary.LittleEndian.Uint16(p[10:]))
	if pageHeaderSize+count*leafElementSize > len(p) {
		return out
	}
	for i := range count {
		at := pageHeaderSize + i*leafElementSize
		flags := binary.LittleEndian.Uint32(p[at:])
		pos := int(binary.LittleEndian.Uint32(p[at+4:]))
		ksize := int(binary.LittleEndian.Uint32(p[at+8:]))
		vsize := int(binary.LittleEndian.Uint32(p[at+12:]))
		start := at + pos
		if pos < 0 || ksize < 0 || vsize < 0 || start < 0 || start+ksize+vsize > len(p) || start+ksize+vsize < start {
			continue // a damaged element; the others may still be whole
		}
		key := p[start : start+ksize]
		val := p[start+ksize : start+ksize+vsize]
		if flags&bucketLeafFlag != 0 {
			// A bucket; an inline one carries its page in its value.
			if len(val) > bucketHeader && binary.LittleEndian.Uint64(val) == 0 {
				out = leafRecords(val[bucketHeader:], string(key), out, depth+1)
			}
			continue
		}
		out = append(out, rawRecord{inside: inside, key: key, val: val})
	}
	return out
}

// guessPageSize reads the page size from the first meta page that gives a
// sensible one, else takes 4 KiB, bbolt's usual size.
func guessPageSize(data []byte) int {
	offs := append([]int64{0}, secondMetaOffsets()...)
	for _, off := range offs {
		o := int(off)
		if o+pageHeaderSize+12 > len(data) {
			break
		}
		m := data[o+pageHeaderSize:]
		if binary.LittleEndian.Uint32(m) != boltMagic {
			continue
		}
		ps := int(binary.LittleEndian.Uint32(m[8:]))
		if ps >= 512 && ps <= 1<<16 && ps&(ps-1) == 0 {
			return ps
		}
	}
	return 4096
}

// salvage finds every whole record in the file's pages. ask unlocks an
// encrypted file, whose header is found among the pages too.
func salvage(path string, ask Passphrase) (*salvaged, cipher.AEAD, error) {
	recs, err := walkPages(path)
	if err != nil {
		return nil, nil, err
	}
	sv := &salvaged{plans: map[string]*model.Plan{}, drafts: map[string]salvagedDraft{}, events: map[eventPlace]TrailEvent{}}
	for _, r := range recs {
		if string(r.key) == keyCrypt && len(r.val) > 0 && r.val[0] == '{' {
			var m cryptMeta
			if json.Unmarshal(r.val, &m) == nil && m.Version > 0 {
				sv.crypt = &m
			}
		}
	}
	var c cipher.AEAD
	if sv.crypt != nil {
		if c, err = unlockWith(sv.crypt, ask); err != nil {
			return nil, nil, err
		}
	}
	// Plans first: their ids name the trails to look for.
	owners := []string{fileTrail}
	for _, r := range append(recs, wholeParts(recs)...) {
		if len(r.val) == 0 || (r.val[0] != recPlain && r.val[0] != recSealed && r.val[0] != recAuth) {
			continue
		}
		if !checkRecord(bucketPlans, r.key, r.val) {
			continue
		}
		var p model.Plan
		if err := openInto(c, bucketPlans, r.key, r.val, &p); err != nil || p.ID != string(r.key) {
			sv.damaged++
			continue
		}
		if old, ok := sv.plans[p.ID]; !ok || p.UpdatedAt.After(old.UpdatedAt) {
			if !ok {
				owners = append(owners, p.ID)
			}
			sv.plans[p.ID] = &p
		}
	}
	for _, r := range recs {
		if len(r.val) == 0 || (r.val[0] != recPlain && r.val[0] != recSealed && r.val[0] != recAuth) {
			continue
		}
		switch {
		case checkRecord(bucketDrafts, r.key, r.val):
			sv.addDraft(c, r)
		case len(r.key) == 8:
			sv.addEvent(c, r, owners)
		}
	}
	return sv, c, nil
}

// wholeParts puts together the plan records whose parts (parts.go) were
// all found, one for each save whose parts were: the pages of an older
// save may have been taken by a newer one, in part or whole.
func wholeParts(recs []rawRecord) []rawRecord {
	type save struct {
		id  string
		sum uint32
	}
	found := map[save]map[int][]byte{}
	count := map[save]int{}
	for _, r := range recs {
		id, i, ok := splitPartKey(r.key)
		if !ok {
			continue
		}
		share, sum, n, ok := partTrail(r.val)
		if !ok || i >= n {
			continue
		}
		s := save{string(id), sum}
		if found[s] == nil {
			found[s] = map[int][]byte{}
		}
		found[s][i], count[s] = share, n
	}
	var out []rawRecord
	for s, shares := range found {
		if len(shares) != count[s] {
			continue
		}
		var rec []byte
		for i := range count[s] {
			rec = append(rec, shares[i]...)
		}
		out = append(out, rawRecord{key: []byte(s.id), val: rec})
	}
	return out
}

// openInto opens a record and decodes it into v.
func openInto(aead cipher.AEAD, bkt string, key, raw []byte, v any) error {
	inner, err := openRecord(keyring{aead: aead}, bkt, key, raw)
	if err != nil {
		return err
	}
	return decode(inner, v)
}

func (sv *salvaged) addDraft(c cipher.AEAD, r rawRecord) {
	p, ok := sv.plans[string(r.key)]
	if !ok {
		return // a form's draft, or a plan that was not found whole
	}
	inner, err := openRecord(keyring{aead: c}, bucketDrafts, r.key, r.val)
	var ed EditorDraft
	if err == nil {
		err = decode(inner, &ed)
	}
	if err != nil {
		sv.damaged++
		return
	}
	if !ed.SavedAt.After(p.UpdatedAt) {
		return
	}
	if old, ok := sv.drafts[p.ID]; !ok || ed.SavedAt.After(old.at) {
		sv.drafts[p.ID] = salvagedDraft{inner: bytes.Clone(inner), at: ed.SavedAt}
	}
}

// addEvent finds whose trail an event belongs to: its inline bucket's name
// says so when it was in one, else each known owner is tried.
func (sv *salvaged) addEvent(c cipher.AEAD, r rawRecord, owners []string) {
	try := owners
	if r.inside != "" {
		try = []string{r.inside}
	}
	seq := binary.BigEndian.Uint64(r.key)
	for _, o := range try {
		if !checkRecord(trailBucket(o), r.key, r.val) {
			continue
		}
		var e TrailEvent
		if err := openInto(c, trailBucket(o), r.key, r.val, &e); err != nil || e.Seq != seq {
			sv.damaged++
			return
		}
		e.Plan = o
		if o == fileTrail {
			e.Plan = ""
		}
		sv.events[eventPlace{o, seq}] = e
		return
	}
}

// orderedEvents are the events found, in the order they were logged.
func (sv *salvaged) orderedEvents() []TrailEvent {
	out := make([]TrailEvent, 0, len(sv.events))
	for _, e := range sv.events {
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b TrailEvent) int {
		if c := cmp.Compare(a.FileSeq, b.FileSeq); c != 0 {
			return c
		}
		return a.At.Compare(b.At)
	})
	return out
}

// rescuePages is Rescue for a file bbolt cannot walk: the page walk's
// findings are written to a new file at dst, made like the old one
// (encrypted with the same key when it was).
func rescuePages(dst string, sv *salvaged, aead cipher.AEAD) (*RescueReport, error) {
	d, err := Open(dst, func(o *options) { o.inherit = &inherited{crypt: sv.crypt, aead: aead} })
	if err != nil {
		return nil, err
	}
	rep, err := writeSalvaged(d, sv)
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(dst)
		return nil, err
	}
	return rep, nil
}

func writeSalvaged(d *DB, sv *salvaged) (*RescueReport, error) {
	rep := &RescueReport{PageWalk: true, Unreadable: sv.damaged}
	ids := make([]string, 0, len(sv.plans))
	for id := range sv.plans {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for start := 0; start < len(ids); start += rescueBatch {
		batch := ids[start:min(start+rescueBatch, len(ids))]
		var recs []planRecord
		var drafts [][2][]byte
		for _, id := range batch {
			rec, err := d.encodePlan(sv.plans[id])
			if err != nil {
				return nil, err
			}
			recs = append(recs, rec)
			if dr, ok := sv.drafts[id]; ok {
				sealed, err := sealRecord(d.ring(), bucketDrafts, []byte(id), dr.inner)
				if err != nil {
					return nil, err
				}
				drafts = append(drafts, [2][]byte{[]byte(id), sealed})
			}
		}
		err := d.update(func(tx *bolt.Tx) error {
			for _, r := range recs {
				if err := r.put(tx, d); err != nil {
					return err
				}
			}
			for _, dr := range drafts {
				if err := bucket(tx, bucketDrafts).Put(dr[0], dr[1]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		rep.Plans += len(recs)
	}
	events := sv.orderedEvents()
	var err error
	if rep.Events, err = d.copyTrail(events, func(owner string) bool { return owner != fileTrail && sv.plans[owner] == nil }, rep.Plans); err != nil {
		return nil, err
	}
	return rep, nil
}

package store

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The trail's two chains. Every event lives in its owner's bucket inside
// bucketTrail (a plan id, or fileTrail for file-level events) under its
// sequence number, and carries the SHA-256 of the event before it there
// (Prev). bucketTrailIndex lists every event of the file in the order it
// was logged, by FileSeq, as a pointer to owner and sequence, and each
// event carries the hash of the one before it in that order (FilePrev).
//
// Changing an event breaks the next event's link in both chains; removing
// one, or a whole plan's trail, leaves a link pointing at nothing. What a
// hash chain cannot show is the newest events cut off together with their
// index entries, or a whole chain rewritten from the changed event on by
// someone who knows the format: Check prints the head of the file's chain
// so that it can be noted elsewhere, and an encrypted file cannot be
// rewritten without the passphrase at all.
const (
	bucketTrailIndex = "trailindex"
	// fileTrail owns the file-level events; plan ids are UUIDs, so the
	// name cannot clash with one.
	fileTrail = "file"
)

// trailPointer is an entry of bucketTrailIndex.
type trailPointer struct {
	Owner string `json:"owner"`
	Seq   uint64 `json:"seq"`
}

// eventHash is the hash the next event carries of this one: of its stored
// inner bytes, which are the same whether the file is encrypted or not.
func eventHash(inner []byte) string {
	h := sha256.Sum256(inner)
	return hex.EncodeToString(h[:])
}

// appendEvent adds e to owner's trail and to the file's chain inside tx.
func (d *DB) appendEvent(tx *bolt.Tx, owner string, e TrailEvent) error {
	b, err := bucket(tx, bucketTrail).CreateBucketIfNotExists([]byte(owner))
	if err != nil {
		return err
	}
	b = guarded(tx, trailBucket(owner), b)
	idx := bucket(tx, bucketTrailIndex)
	if idx == nil {
		return fmt.Errorf("%w: the trail index is missing", ErrCorrupt)
	}
	e.Prev, e.FilePrev = "", ""
	e.Plan = owner
	if owner == fileTrail {
		e.Plan = ""
	}
	// The links first, from what is there now.
	if k, v := b.Cursor().Last(); k != nil {
		inner, err := openRecord(d.ring(), trailBucket(owner), k, v)
		if err != nil {
			d.markDamaged(trailBucket(owner), k)
			return fmt.Errorf("store: trail %s: %w", owner, err)
		}
		e.Prev = eventHash(inner)
	}
	if k, v := idx.Cursor().Last(); k != nil {
		inner, err := d.pointedEvent(tx, k, v)
		if err != nil {
			return err
		}
		e.FilePrev = eventHash(inner)
	}
	// NextSequence never repeats within a bucket, and big-endian keys sort
	// as numbers, so the order of the trail is the order of logging
	// whatever the clock says.
	if e.Seq, err = b.NextSequence(); err != nil {
		return err
	}
	if e.FileSeq, err = idx.NextSequence(); err != nil {
		return err
	}
	key, fkey := seqKey(e.Seq), seqKey(e.FileSeq)
	rec, err := d.sealValue(trailBucket(owner), key, e)
	if err != nil {
		return err
	}
	ptr, err := d.sealValue(bucketTrailIndex, fkey, trailPointer{Owner: owner, Seq: e.Seq})
	if err != nil {
		return err
	}
	if err := b.Put(key, rec); err != nil {
		return err
	}
	return idx.Put(fkey, ptr)
}

// pointedEvent reads the event an index entry points at.
func (d *DB) pointedEvent(tx *bolt.Tx, k, v []byte) ([]byte, error) {
	var p trailPointer
	if err := d.openValue(bucketTrailIndex, k, v, &p); err != nil {
		return nil, fmt.Errorf("store: trail index: %w", err)
	}
	raw := eventRaw(tx, p)
	if raw == nil {
		return nil, fmt.Errorf("store: trail index %d: %w: the event it names is missing", binary.BigEndian.Uint64(k), ErrCorrupt)
	}
	inner, err := openRecord(d.ring(), trailBucket(p.Owner), seqKey(p.Seq), raw)
	if err != nil {
		d.markDamaged(trailBucket(p.Owner), seqKey(p.Seq))
		return nil, fmt.Errorf("store: trail %s: %w", p.Owner, err)
	}
	return inner, nil
}

func eventRaw(tx *bolt.Tx, p trailPointer) []byte {
	b := ownerTrail(tx, []byte(p.Owner))
	if b == nil {
		return nil
	}
	return b.Get(seqKey(p.Seq))
}

// ChainBreak is one place where a trail's chain does not hold.
type ChainBreak struct {
	// Chain is the plan id, or "" for the file's chain.
	Chain string
	// Seq is the event's number in that chain.
	Seq uint64
	// At is the event's time, when it could be read.
	At time.Time
	// Problem says what is wrong, in English; Code says it for a program.
	Problem string
	Code    string
}

// Codes of ChainBreak.
const (
	BreakDamaged  = "damaged"  // the event fails its checksum or seal
	BreakLink     = "link"     // its hash of the event before does not match
	BreakMissing  = "missing"  // the index names an event that is not there
	BreakUnlisted = "unlisted" // an event the file's chain does not list
	BreakNumber   = "number"   // its number does not match where it is
)

// chainReport is what verifyChains found.
type chainReport struct {
	events int
	breaks []ChainBreak
	head   string
}

// verifyChains walks every plan's chain and the file's chain.
func (d *DB) verifyChains(tx *bolt.Tx) chainReport {
	var r chainReport
	tb := bucket(tx, bucketTrail)
	if tb == nil {
		return r
	}
	brk := func(chain string, seq uint64, at time.Time, code, problem string) {
		if chain == fileTrail {
			chain = ""
		}
		r.breaks = append(r.breaks, ChainBreak{Chain: chain, Seq: seq, At: at, Code: code, Problem: problem})
	}
	// Each owner's chain, remembering of every whole event where it is,
	// its hash and its links in the file's chain, for that chain below.
	// Only these (about 90 bytes an event, not the event again): the
	// whole file's check runs in the screens once a day.
	events := map[eventLoc]chainEvent{}
	trim := pageTrim{tx: tx, every: checkTrimEvents}
	defer trim.end()
	_ = tb.ForEach(func(owner, v []byte) error {
		b := tb.Bucket(owner)
		if v != nil || b == nil {
			return nil
		}
		o := string(owner)
		name := trailBucket(o)
		var prev hashRef
		first := true
		_ = b.ForEach(func(k, raw []byte) error {
			r.events++
			trim.read()
			seq := binary.BigEndian.Uint64(k)
			inner, err := openRecord(d.ring(), name, k, raw)
			var e TrailEvent
			if err == nil {
				err = decode(inner, &e)
			}
			if err != nil {
				brk(o, seq, time.Time{}, BreakDamaged, "the event is damaged")
				prev, first = hashRef{}, false
				return nil
			}
			h := hashRef{sum: sha256.Sum256(inner), set: true}
			events[eventLoc{o, seq}] = chainEvent{hash: h.sum, filePrev: linkOf(e.FilePrev), fileSeq: e.FileSeq, keyed: len(k) == 8}
			switch {
			case e.Seq != seq:
				brk(o, seq, e.At, BreakNumber, "the event's number does not match its place")
			case first && e.Prev != "":
				brk(o, seq, e.At, BreakLink, "events before this one are missing")
			case !first && !linkOf(e.Prev).is(prev):
				brk(o, seq, e.At, BreakLink, "the event before this one was changed or removed")
			}
			prev, first = h, false
			return nil
		})
		return nil
	})
	// The file's chain, in the order of logging.
	idx := bucket(tx, bucketTrailIndex)
	if idx == nil {
		return r
	}
	// at is the time of the event p names, for a break there: read again,
	// as breaks are few.
	at := func(p trailPointer) time.Time {
		var e TrailEvent
		if inner, err := openRecord(d.ring(), trailBucket(p.Owner), seqKey(p.Seq), eventRaw(tx, p)); err == nil {
			_ = decode(inner, &e)
		}
		return e.At
	}
	var prev, head hashRef
	first := true
	_ = idx.ForEach(func(k, v []byte) error {
		fseq := binary.BigEndian.Uint64(k)
		trim.read()
		var p trailPointer
		if err := d.openValue(bucketTrailIndex, k, v, &p); err != nil {
			brk(fileTrail, fseq, time.Time{}, BreakDamaged, "the file chain's entry is damaged")
			prev, first = hashRef{}, false
			return nil
		}
		l := eventLoc{p.Owner, p.Seq}
		ev, ok := events[l]
		if ok {
			ev.listed = true
			events[l] = ev
		}
		switch {
		case (!ok || !ev.keyed) && eventRaw(tx, p) == nil:
			brk(fileTrail, fseq, time.Time{}, BreakMissing, fmt.Sprintf("event %d of %s is missing", p.Seq, ownerName(p.Owner)))
			prev, first = hashRef{}, false
			return nil
		case !ok:
			prev, first = hashRef{}, false // damaged; reported in its own chain
			return nil
		}
		filePrev := ev.filePrev
		if !ev.keyed {
			// Another event than the one hashed may be under its number.
			var e TrailEvent
			if inner, err := openRecord(d.ring(), trailBucket(p.Owner), seqKey(p.Seq), eventRaw(tx, p)); err == nil {
				_ = decode(inner, &e)
			}
			filePrev = linkOf(e.FilePrev)
		}
		switch {
		case ev.fileSeq != fseq:
			brk(fileTrail, fseq, at(p), BreakNumber, "the event's place in the file does not match")
		case first && filePrev.kind != linkNone:
			brk(fileTrail, fseq, at(p), BreakLink, "events before this one are missing")
		case !first && !filePrev.is(prev):
			brk(fileTrail, fseq, at(p), BreakLink, "the event before this one in the file was changed or removed")
		}
		prev, first = hashRef{sum: ev.hash, set: true}, false
		head = prev
		return nil
	})
	if head.set {
		r.head = hex.EncodeToString(head.sum[:])
	}
	for l, ev := range events {
		if !ev.listed {
			brk(l.owner, l.seq, time.Time{}, BreakUnlisted, "the file's chain does not list this event")
		}
	}
	return r
}

// eventLoc is where an event is: its owner's trail and its number there.
type eventLoc struct {
	owner string
	seq   uint64
}

// chainEvent is what verifyChains keeps of a whole event for the file's
// chain: its hash, its link to the event before it there (FilePrev) and
// its number there (FileSeq); keyed tells that its key is a plain
// number (so it can be found by it), listed that the file's chain names it.
type chainEvent struct {
	hash     [sha256.Size]byte
	filePrev link
	fileSeq  uint64
	keyed    bool
	listed   bool
}

// hashRef is an event's hash, or none (set false): the "" that follows
// a damaged event or starts a chain.
type hashRef struct {
	sum [sha256.Size]byte
	set bool
}

// link is an event's Prev or FilePrev as stored: none (""), the hash of
// an event (as eventHash writes it), or some other text, which matches no
// event.
type link struct {
	kind uint8
	sum  [sha256.Size]byte
}

const (
	linkNone uint8 = iota
	linkHash
	linkOther
)

func linkOf(s string) link {
	if s == "" {
		return link{kind: linkNone}
	}
	if len(s) != 2*sha256.Size || strings.IndexFunc(s, func(c rune) bool { return (c < '0' || c > '9') && (c < 'a' || c > 'f') }) >= 0 {
		return link{kind: linkOther}
	}
	l := link{kind: linkHash}
	_, _ = hex.Decode(l.sum[:], []byte(s))
	return l
}

// is tells whether the stored link names h, as the text eventHash makes
// of h equals it.
func (l link) is(h hashRef) bool {
	if !h.set {
		return l.kind == linkNone
	}
	return l.kind == linkHash && l.sum == h.sum
}

func ownerName(owner string) string {
	if owner == fileTrail {
		return "the file"
	}
	return "plan " + owner
}

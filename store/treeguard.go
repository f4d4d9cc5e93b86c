package store

import (
	"fmt"
	"os"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// bbolt's cursor trusts the page tree it is given. A branch page that
// points back at a page above it sends a walk of the bucket round that
// loop without end, its stack growing with every turn until the system
// runs out of memory, and sends a single Get down it until the goroutine's
// stack overflows, which ends the program: neither is a panic that
// catchCorrupt can turn into ErrCorrupt. Opening reads each bucket's left
// edge (head.go), and the whole-file check reads every page (checkTree),
// but only in sipmote check and once a day beside the home screen, after
// the home list has been read.
//
// So the first time this program uses a bucket of an open file, bucket
// (or ownerTrail, for a plan's trail) reads that bucket's page tree by
// hand: its branch pages whole, its leaf pages' headers only (a leaf
// points at no page, and a bucket kept inline in its parent's leaf is a
// single page), each page once. A page reached twice, outside the file or
// of the wrong kind ends the transaction with ErrCorrupt as a page bbolt
// cannot read does (a panic caught by catchCorrupt), and the file is
// counted damaged: it is written no more. A tree read whole once stays
// sound while the file is open: every page written after is bbolt's own,
// and the file is locked against other writers.
//
// It costs a short read per leaf page, once per bucket and open: 1.6 ms
// for the summaries of 10 000 plans, 17 ms for 100 000 (about a tenth of
// listing them, BenchmarkSoundSummaries100k).

// guards holds the tree guard of every open file, by its bbolt handle, so
// that bucket, which has only a transaction, can find it.
var guards sync.Map // *bolt.DB → *treeGuard

// treeGuard remembers which buckets' trees have been read whole.
type treeGuard struct {
	d     *DB
	mu    sync.Mutex
	sound map[string]bool
}

// guard starts guarding d's buckets; unguard stops when d is closed.
func (d *DB) guard() {
	guards.Store(d.bolt, &treeGuard{d: d, sound: map[string]bool{}})
}

func (d *DB) unguard() { guards.Delete(d.bolt) }

// brokenTree is the panic guarded raises, caught by catchCorrupt.
type brokenTree struct{ err error }

// guarded returns b, the bucket name of tx, once its page tree has been
// read whole in this program; it panics with brokenTree when the tree is
// broken. A file no DB guards (a test's bare bbolt) is not read.
func guarded(tx *bolt.Tx, name string, b *bolt.Bucket) *bolt.Bucket {
	v, ok := guards.Load(tx.DB())
	if !ok || b == nil {
		return b
	}
	g := v.(*treeGuard)
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.sound[name] {
		return b
	}
	if err := g.d.soundBucket(tx, b, false); err != nil {
		panic(brokenTree{fmt.Errorf("store: %s: %w", name, err)})
	}
	g.sound[name] = true
	return b
}

// ownerTrail is the trail bucket of owner (a plan's id, or fileTrail),
// nil when it has none, guarded as bucket guards a top-level bucket.
func ownerTrail(tx *bolt.Tx, owner []byte) *bolt.Bucket {
	return guarded(tx, trailBucket(string(owner)), bucket(tx, bucketTrail).Bucket(owner))
}

// soundBucket reads the page tree of b, a bucket of tx, by hand as the
// whole-file check does, and returns ErrCorrupt if bbolt's cursor could
// not walk it to its end. nested: the leaf pages are read whole, and the
// trees of the buckets they hold too.
func (d *DB) soundBucket(tx *bolt.Tx, b *bolt.Bucket, nested bool) error {
	if b.Root() == 0 || d.file == nil {
		return nil // a bucket inline in its parent's page; or no file known
	}
	f, err := os.Open(d.path)
	if err != nil {
		return nil // the walk through bbolt's map is all there is
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !os.SameFile(st, d.file) {
		// Another file was put at the path since Open: its pages are
		// not the ones bbolt maps.
		return nil
	}
	ps := int64(tx.DB().Info().PageSize)
	pages := tx.Size() / ps
	w := treeWalk{f: f, ps: ps, pages: pages, seen: make(pageSet, (pages+63)/64), leafHeads: !nested}
	if err := w.page(uint64(b.Root()), 1); err != nil {
		d.markBroken()
		return err
	}
	return nil
}

// soundFile reads the trees of every top-level bucket but meta (which
// opening read whole, readHead) and of every bucket they hold: what a
// walk of every record needs, and what it costs is small beside it.
func (d *DB) soundFile(tx *bolt.Tx) error {
	return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		if string(name) == bucketMeta {
			return nil
		}
		if err := d.soundBucket(tx, b, true); err != nil {
			return fmt.Errorf("store: %s: %w", name, err)
		}
		return nil
	})
}

// markBroken notes a page tree found broken: the file is written no
// more (update). It is not a damaged record, so Damaged does not count
// it, and it is not recorded in the file (keepDamage): a file whose tree
// is broken is not written at all, so that the user's copy of it and
// rescue see it as it was. The next use of the bucket finds it again.
func (d *DB) markBroken() {
	d.damage.mu.Lock()
	defer d.damage.mu.Unlock()
	d.damage.broken = true
}

package store

import (
	"encoding/binary"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// The layout of the file. Keys are plan ids unless said otherwise.
//
// Schema 1 (sipmote 0.1) had meta and plans only.
// Schema 2 adds summaries, drafts and trail.
// Schema 3 puts every record in a checksummed envelope (record.go), chains
// the trail (chain.go) and adds trailindex; from it on a file may also be
// encrypted (crypt.go).
// Schema 4 rewrites every plan in plan format 3 (model.Plan.Upgrade:
// follow-up states, action statuses, ticks per version, the closure's list
// to tell) and rebuilds the summaries, which now carry the dates `due`
// watches (migrate4.go).
// Schema 5 writes every summary in summary format 3, which begins with
// the home screen's index and the name's sort key (migrate5.go).
// Schema 6 keeps each plan's record in parts of under a kilobyte
// (parts.go, migrate6.go).
const (
	// bucketMeta holds keyApp and keySchema, in plain bytes, never through
	// the codec: they must be readable before anything else is.
	bucketMeta = "meta"
	// bucketPlans holds each whole plan, in parts (parts.go).
	bucketPlans = "plans"
	// bucketSummaries holds each plan's list line, so List never decodes
	// a whole plan.
	bucketSummaries = "summaries"
	// bucketDrafts holds the text of an editor field left open.
	bucketDrafts = "drafts"
	// bucketTrail holds one nested bucket per plan id, whose keys are
	// big-endian sequence numbers and whose values are TrailEvents.
	bucketTrail = "trail"

	keyApp    = "app"
	keySchema = "schema"
	appName   = "sipmote"
)

// bucket returns the named top-level bucket, nil when missing; the first
// time in this program, once its page tree is read whole (treeguard.go).
func bucket(tx *bolt.Tx, name string) *bolt.Bucket {
	return guarded(tx, name, tx.Bucket([]byte(name)))
}

// schemaVersion is the layout this code writes. A file with a lower
// version is migrated on Open; one with a higher version is refused.
const schemaVersion = 6

// checksumSchema is the first schema whose records carry checksums.
const checksumSchema = 3

// migration upgrades the layout by one version inside the transaction it is
// given. All the migrations an Open needs run in one transaction, so a
// crash half-way leaves the file at its old version, untouched.
//
// k is the file's keys: a migration that rewrites records of an encrypted
// file seals them again with its data key, and one that rewrites records
// authenticated with the user's record key authenticates them again.
type migration func(tx *bolt.Tx, k keyring) error

// migrations returns the migration from version i+1 to i+2 at index i.
// Its length must be schemaVersion-1.
func migrations() []migration {
	plain := func(m func(*bolt.Tx) error) migration {
		return func(tx *bolt.Tx, _ keyring) error { return m(tx) }
	}
	return []migration{
		plain(migrate1to2),
		plain(migrate2to3),
		func(tx *bolt.Tx, k keyring) error { return migrate3to4(tx, k.aead) },
		migrate4to5,
		migrate5to6,
	}
}

// migrate1to2 adds the summaries, drafts and trail buckets and fills the
// summaries from the stored plans.
func migrate1to2(tx *bolt.Tx) error {
	for _, name := range []string{bucketSummaries, bucketDrafts, bucketTrail} {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return err
		}
	}
	return rebuildSummaries(tx)
}

// rebuildSummaries makes every summary again from its plan. A later
// migration calls it when model.Summary or its encoding changes.
func rebuildSummaries(tx *bolt.Tx) error {
	plans, sums := bucket(tx, bucketPlans), bucket(tx, bucketSummaries)
	if plans == nil || sums == nil {
		return fmt.Errorf("%w: a bucket is missing", ErrCorrupt)
	}
	return plans.ForEach(func(k, v []byte) error {
		var p model.Plan
		if err := decode(v, &p); err != nil {
			return fmt.Errorf("plan %s: %w", k, err)
		}
		s, err := encode(p.Summarise())
		if err != nil {
			return err
		}
		return sums.Put(k, s)
	})
}

// createLayout makes the current layout in an empty file.
func createLayout(tx *bolt.Tx) error {
	meta, err := tx.CreateBucket([]byte(bucketMeta))
	if err != nil {
		return err
	}
	if err := meta.Put([]byte(keyApp), []byte(appName)); err != nil {
		return err
	}
	for _, name := range []string{bucketPlans, bucketSummaries, bucketDrafts, bucketTrail, bucketTrailIndex} {
		if _, err := tx.CreateBucket([]byte(name)); err != nil {
			return err
		}
	}
	return putSchema(meta, schemaVersion)
}

func putSchema(meta *bolt.Bucket, v uint64) error {
	return meta.Put([]byte(keySchema), binary.BigEndian.AppendUint64(nil, v))
}

// errEmpty marks a bolt file with no buckets at all: bbolt made it but our
// first transaction never committed. It is ours to set up.
var errEmpty = errors.New("empty database")

// readSchema identifies the file: errEmpty for a fresh file, ErrNotSipmote
// for someone else's bolt file, ErrCorrupt for a damaged meta bucket, else
// the schema version.
func readSchema(tx *bolt.Tx) (uint64, error) {
	meta := metaOf(tx)
	if meta == nil {
		k, _ := tx.Cursor().First()
		return 0, noMetaBucket(k == nil)
	}
	return schemaIn(meta)
}

// noMetaBucket is readSchema's answer for a file with no meta bucket:
// errEmpty when it has no bucket at all.
func noMetaBucket(empty bool) error {
	if empty {
		return errEmpty
	}
	return ErrNotSipmote
}

// metaGetter is the meta bucket as the readers of its records need it:
// bbolt's bucket, or the records opening read by hand (head.go).
type metaGetter interface{ Get(key []byte) []byte }

// metaOf is tx's meta bucket, or nil (not a nil *bolt.Bucket in an
// interface) when there is none.
func metaOf(tx *bolt.Tx) metaGetter {
	if b := bucket(tx, bucketMeta); b != nil {
		return b
	}
	return nil
}

// schemaIn reads the schema version from the meta bucket's records.
func schemaIn(meta metaGetter) (uint64, error) {
	if string(meta.Get([]byte(keyApp))) != appName {
		return 0, ErrNotSipmote
	}
	v := meta.Get([]byte(keySchema))
	if len(v) != 8 {
		return 0, fmt.Errorf("%w: schema version missing", ErrCorrupt)
	}
	n := binary.BigEndian.Uint64(v)
	if n == 0 {
		return 0, fmt.Errorf("%w: schema version zero", ErrCorrupt)
	}
	if n > schemaVersion {
		return n, ErrNewerSchema
	}
	return n, nil
}

// migrate brings a file at version from up to schemaVersion.
func migrate(tx *bolt.Tx, from uint64, k keyring) error {
	ms := migrations()
	if len(ms) != schemaVersion-1 {
		return errors.New("store: migrations do not reach the schema version")
	}
	meta := bucket(tx, bucketMeta)
	for v := from; v < schemaVersion; v++ {
		if err := ms[v-1](tx, k); err != nil {
			return fmt.Errorf("store: migrating schema %d to %d: %w", v, v+1, err)
		}
	}
	// The summaries may have been written again: the home screen's front
	// page is made again from the next index read (homefront.go).
	if err := meta.Delete([]byte(keyFront)); err != nil {
		return err
	}
	return putSchema(meta, schemaVersion)
}

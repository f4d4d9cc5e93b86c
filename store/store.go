// Package store keeps sipmote's plans in one bbolt file on the local disk.
// It is the only package that knows bbolt.
//
// The file holds special-category personal data, so the store is careful
// about three things. The file is private: mode 0600 in a 0700 folder. A
// file that is not ours, is damaged or is from a newer version is refused
// and never written to. And nothing typed is lost: every save is one
// fsynced transaction, the Saver gets an edit to disk within half a second
// without making the screen wait, and the text of an open editor field is
// kept as an EditorDraft until the field closes.
//
// Errors carry no personal data (at most a path or a plan id), so they can
// be shown and logged as they are.
package store

import (
	"crypto/cipher"
	"fmt"
	"maps"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// DB is an open sipmote database. Its methods are safe for concurrent use:
// bbolt runs one writer at a time and readers beside it.
type DB struct {
	bolt *bolt.DB
	path string
	// file is the file bbolt opened, as it was then (nil if it could not
	// be told): soundBucket reads its pages only from that file.
	file os.FileInfo
	// aead seals every record when the file is encrypted; nil otherwise.
	aead cipher.AEAD
	// crypt is the wrapped data key kept in the file, nil when plain.
	crypt *cryptMeta
	// mac authenticates the records of a plain file: the user's record
	// key (keys.go); nil for an encrypted file, or where there is none.
	mac *macKey
	// keyErr is why a plain file has no record key, if it has none.
	keyErr error
	// damage is what Open and later reads found damaged.
	damage damageSet
	// tightened is the folder Open made private, if any.
	tightened string
	readOnly  bool
	// denied is set when the file was opened read-only because it may
	// not be written (WithReadOnlyIfDenied).
	denied bool
	// recoveryDirs replaces the usual recovery folders when set.
	recoveryDirs []string
	// frontEdit is what the write transaction under way does to the
	// home screen's front page (homefront.go); only touched inside one.
	frontEdit frontEdit
}

// Tightened is the folder Open found open to others and made private, or
// "" when it did not need to.
func (d *DB) Tightened() string { return d.tightened }

// damageSet records the damaged records found so far. Once it is not
// empty the file is written no more (see update).
type damageSet struct {
	mu    sync.Mutex
	plans map[string]bool
	other int
	// fresh is set when damage was found that the file does not record
	// yet (see keepDamage).
	fresh bool
	// broken: a bucket's page tree was found broken (markBroken).
	broken bool
}

// markDamaged notes that the record at bkt/key failed its check.
func (d *DB) markDamaged(bkt string, key []byte) {
	d.damage.mu.Lock()
	defer d.damage.mu.Unlock()
	if d.damage.plans == nil {
		d.damage.plans = map[string]bool{}
	}
	if id, ok := planOfRecord(bkt, key); ok {
		d.damage.fresh = d.damage.fresh || !d.damage.plans[id]
		d.damage.plans[id] = true
	} else {
		d.damage.other++
		d.damage.fresh = true
	}
}

// planOfRecord names the plan a record belongs to, if any.
func planOfRecord(bkt string, key []byte) (string, bool) {
	switch bkt {
	case bucketPlans, bucketSummaries, bucketDrafts:
		return string(key), true
	}
	if id, ok := strings.CutPrefix(bkt, bucketTrail+"/"); ok && id != fileTrail {
		return id, true
	}
	return "", false
}

// damagedPlans returns a copy of the ids of plans with a damaged record.
func (d *DB) damagedPlans() map[string]bool {
	d.damage.mu.Lock()
	defer d.damage.mu.Unlock()
	if len(d.damage.plans) == 0 {
		return nil
	}
	return maps.Clone(d.damage.plans)
}

// Damaged returns the ids of the plans with a damaged record, sorted, and
// the number of damaged records that belong to no plan. While either is
// not zero, or a page tree was found broken (treeguard.go), the file is
// not written to: see ErrDamaged.
func (d *DB) Damaged() (plans []string, other int) {
	d.damage.mu.Lock()
	defer d.damage.mu.Unlock()
	for id := range d.damage.plans {
		plans = append(plans, id)
	}
	slices.Sort(plans)
	return plans, d.damage.other
}

func (d *DB) isDamaged() bool {
	d.damage.mu.Lock()
	defer d.damage.mu.Unlock()
	return len(d.damage.plans) > 0 || d.damage.other > 0 || d.damage.broken
}

// Writable is nil while update would write, and otherwise its refusal.
func (d *DB) Writable() error {
	switch {
	case d.isDamaged():
		return ErrDamaged
	case d.denied:
		return &PathError{Path: d.path, Err: ErrReadOnlyFile}
	case d.readOnly:
		return ErrReadOnly
	}
	return nil
}

// Encrypted tells whether the file's records are sealed.
func (d *DB) Encrypted() bool { return d.aead != nil }

// Option changes how Open works.
type Option func(*options)

type options struct {
	lockTimeout time.Duration
	// maxSize caps the file size; tests use it to act out a full disk.
	maxSize int
	// ask supplies the passphrase of an encrypted file.
	ask Passphrase
	// newPass encrypts a file Open creates; kdf is its cost.
	newPass []byte
	kdf     KDFParams
	// readOnly opens the file without ever writing (check, rescue).
	readOnly bool
	// readOnlyIfDenied opens a file that may not be written read-only.
	readOnlyIfDenied bool
	// inherit gives a new file the key of the one it is made from.
	inherit *inherited
	// recoveryDirs replaces the usual recovery folders (WithRecoveryDirs).
	recoveryDirs []string
	// salvage reads a file whose structure bbolt's check finds broken, as
	// far as it can be read: for Rescue only, and only read-only.
	salvage bool
}

// DefaultLockTimeout is how long Open waits for another sipmote to let go
// of the file before it gives up with ErrLocked.
const DefaultLockTimeout = time.Second

// WithLockTimeout sets how long Open waits for the file lock. It must be
// positive; a zero or negative value keeps the default, because bbolt
// would otherwise wait for ever.
func WithLockTimeout(d time.Duration) Option {
	return func(o *options) {
		if d > 0 {
			o.lockTimeout = d
		}
	}
}

// Path is the file the database lives in.
func (d *DB) Path() string { return d.path }

// Close releases the file and its lock. Everything saved is already on
// disk; Close does not need to flush.
func (d *DB) Close() error {
	d.unguard()
	return d.bolt.Close()
}

// view runs fn in a read transaction. A damaged file can make bbolt panic,
// or fault on a page pointer that leads outside the mmap; both become
// ErrCorrupt instead of a crash.
//
// Damage a read finds is then recorded in the file (keepDamage), so that
// the next start refuses to write to it too, without reading it all.
func (d *DB) view(fn func(*bolt.Tx) error) (err error) {
	err = d.read(fn)
	d.keepDamage()
	return err
}

func (d *DB) read(fn func(*bolt.Tx) error) (err error) {
	defer catchCorrupt(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	return d.bolt.View(fn)
}

// update runs fn in one write transaction, committed with fsync. Any
// failure to write is returned as a *SaveError. A file known to be damaged
// is not written to at all: ErrDamaged.
func (d *DB) update(fn func(*bolt.Tx) error) (err error) {
	if d.isDamaged() {
		return ErrDamaged
	}
	if d.readOnly {
		return d.Writable()
	}
	defer catchCorrupt(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	unsealed := d.mac == nil && d.aead == nil
	if err := d.bolt.Update(func(tx *bolt.Tx) error {
		if err := fn(tx); err != nil {
			d.frontEdit = frontEdit{}
			return err
		}
		if err := d.flushFront(tx); err != nil {
			return err
		}
		if meta := bucket(tx, bucketMeta); unsealed && meta != nil && meta.Get([]byte(keyAllSealed)) != nil {
			// Records written here have no seal: sealUnsealed must look
			// again where there is a record key.
			return meta.Delete([]byte(keyAllSealed))
		}
		return nil
	}); err != nil {
		return &SaveError{Err: err}
	}
	return nil
}

// catchCorrupt turns a panic or memory fault inside bbolt into ErrCorrupt.
// The panic value is dropped: it may quote bytes of the file. It must be
// deferred directly by the function that runs the transaction.
func catchCorrupt(err *error) {
	switch r := recover().(type) {
	case nil:
	case brokenTree:
		*err = r.err
	default:
		*err = fmt.Errorf("%w: the database could not be read", ErrCorrupt)
	}
}

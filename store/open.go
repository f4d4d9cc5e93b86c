package store

import (
	"crypto/cipher"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"syscall"

	"github.com/sipmote/sipmote/outfile"
	bolt "go.etcd.io/bbolt"
	bberrors "go.etcd.io/bbolt/errors"
)

// Open opens the database at path, creating it (mode 0600, in a folder
// made with mode 0700) when it does not exist, and migrating an older
// layout.
//
// Open never writes to a file it should not touch. An existing file is
// first read on its own and then opened read-only to check that it is a
// sipmote database of a schema this code knows, and that it is whole;
// only then is it opened for writing. The errors are ErrLocked (another
// program has it), ErrNotSipmote, ErrCorrupt and ErrNewerSchema, wrapped
// with the path.
func Open(path string, opts ...Option) (*DB, error) {
	o := options{lockTimeout: DefaultLockTimeout, kdf: DefaultKDF}
	for _, opt := range opts {
		opt(&o)
	}
	if path == "" {
		return nil, errors.New("store: no database path given")
	}
	if o.readOnly {
		// Check and rescue look; they never make a folder or a file.
		switch st, err := os.Stat(path); {
		case errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("store: open %s: %w", path, ErrNoFile)
		case err == nil && st.Mode().IsRegular() && st.Size() == 0:
			return nil, fmt.Errorf("store: open %s: %w", path, ErrEmptyFile)
		}
	}
	tightened, err := guard(path, !o.readOnly)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	fresh, created := false, false
	var found inspection
	switch st, err := os.Stat(path); {
	case errors.Is(err, fs.ErrNotExist):
		fresh, created = true, true
		if o.readOnly {
			return nil, fmt.Errorf("store: open %s: %w", path, ErrNoFile)
		}
	case err != nil:
		return nil, &PathError{Path: path, Err: err}
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("store: open %s: %w", path, ErrNotSipmote)
	case st.Size() == 0:
		// bbolt would make any empty file a database; it may be one the
		// user made for something else, or one a crash left half made.
		return nil, fmt.Errorf("store: open %s: %w", path, ErrEmptyFile)
	default:
		// A zero-length file is bbolt's to initialise; anything else is
		// checked without writing first.
		if found, err = inspect(path, o); err != nil {
			return nil, fmt.Errorf("store: open %s: %w", path, err)
		}
	}
	var aead cipher.AEAD
	var newCrypt *cryptMeta
	switch {
	case found.crypt != nil:
		// Unlocked before the file is opened for writing: a wrong
		// passphrase leaves it untouched.
		if aead, err = unlockWith(found.crypt, o.ask); err != nil {
			return nil, fmt.Errorf("store: open %s: %w", path, err)
		}
	case fresh && o.inherit != nil:
		aead, newCrypt = o.inherit.aead, o.inherit.crypt
	case fresh && o.newPass != nil:
		if aead, newCrypt, err = newDataKey(o.newPass, o.kdf); err != nil {
			return nil, fmt.Errorf("store: open %s: %w", path, err)
		}
	}
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{
		Timeout:  o.lockTimeout,
		MaxSize:  o.maxSize,
		ReadOnly: o.readOnly,
	})
	denied := false
	if err != nil && !fresh && !o.readOnly && o.readOnlyIfDenied && writeDenied(err) {
		// The file may be read but not written (its mode, an immutable
		// flag, a read-only mount): it is opened to be read, and every
		// write is refused naming the reason (ErrReadOnlyFile).
		denied, o.readOnly = true, true
		bdb, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: o.lockTimeout, ReadOnly: true})
	}
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, boltOpenError(err))
	}
	if created {
		outfile.SyncDir(dir)
	}
	// The file bbolt opened, to read its pages by hand (soundBucket).
	st, _ := os.Stat(path)
	if !o.readOnly {
		tighten(path, st)
	}
	d := &DB{bolt: bdb, path: path, file: st, aead: aead, crypt: found.crypt, tightened: tightened, readOnly: o.readOnly, denied: denied, recoveryDirs: o.recoveryDirs}
	if newCrypt != nil {
		d.crypt = newCrypt
	}
	d.guard()
	if aead == nil {
		// A plain file's records are authenticated with the user's own
		// record key, made at the first write; check only reads it.
		d.mac, d.keyErr = userRecordKey(!o.readOnly)
	}
	if !o.readOnly || denied {
		if found.checkedOK {
			d.markChecked(found.checked)
		}
		d.markFound(found.damaged)
	}
	if denied {
		// Read as it is, it must need nothing written first: a file of
		// an older schema is migrated when it is opened for writing.
		if err := d.currentSchema(); err != nil {
			_ = d.Close()
			return nil, &PathError{Path: path, Err: err}
		}
	}
	if o.readOnly {
		return d, nil
	}
	if err := d.prepare(newCrypt, found); err != nil {
		_ = d.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	return d, nil
}

// WithReadOnly opens the file without ever writing to it, for check and
// rescue: a missing file is not created and a damaged one is read as far
// as it can be.
func WithReadOnly() Option { return func(o *options) { o.readOnly = true } }

// WithReadOnlyIfDenied opens an existing file that may be read but not
// written for reading only, instead of refusing it: a write to it is then
// refused with ErrReadOnlyFile, which names the reason.
func WithReadOnlyIfDenied() Option { return func(o *options) { o.readOnlyIfDenied = true } }

// writeDenied tells whether opening the file for writing failed because
// it may not be written: its mode, an immutable flag, a read-only mount.
func writeDenied(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// currentSchema refuses a file a read-only open cannot read as it is: one
// of an older schema, which only a write brings up to date.
func (d *DB) currentSchema() error {
	var version uint64
	err := d.view(func(tx *bolt.Tx) error {
		var err error
		version, err = readSchema(tx)
		return err
	})
	switch {
	case errors.Is(err, errEmpty), err == nil && version < schemaVersion:
		return ErrReadOnlyOld
	case err == nil && version > schemaVersion:
		return ErrNewerSchema
	}
	return err
}

// boltOpenError maps bbolt's open errors to ours.
func boltOpenError(err error) error {
	switch {
	case errors.Is(err, bberrors.ErrTimeout):
		return ErrLocked
	case errors.Is(err, bberrors.ErrInvalid),
		errors.Is(err, bberrors.ErrChecksum),
		errors.Is(err, bberrors.ErrVersionMismatch),
		errors.Is(err, bberrors.ErrInvalidMapping):
		return ErrCorrupt
	}
	return err
}

// tighten makes an existing file private if someone loosened it. It is
// best effort: on Windows the mode bits mean little, and a file we may
// write but not chmod is still better used than refused.
func tighten(path string, st os.FileInfo) {
	if runtime.GOOS == "windows" {
		return
	}
	if st != nil && st.Mode().Perm()&0o077 != 0 {
		_ = os.Chmod(path, 0o600)
	}
}

// prepare sets up a fresh file or migrates an old one. It looks before it
// writes, so a file already at the current schema is not written to.
//
// A file that no one has written since inspect read its head by hand is
// not read again: at 10 000 plans, the root and meta pages it would read
// lie far apart in the file, and faulting them into bbolt's map, and
// unmapping them, cost 7 µs of an open (BenchmarkOpen10k).
func (d *DB) prepare(newCrypt *cryptMeta, found inspection) error {
	if found.head != nil && found.head.schema == schemaVersion && d.unchangedSince(found.head.at) {
		return d.sealUnsealed(&found.head.allSealed)
	}
	var version uint64
	err := d.view(func(tx *bolt.Tx) error {
		var err error
		version, err = readSchema(tx)
		return err
	})
	switch {
	case errors.Is(err, errEmpty):
		return d.update(func(tx *bolt.Tx) error {
			if err := createLayout(tx); err != nil {
				return err
			}
			if err := d.startFront(tx); err != nil {
				return err
			}
			if newCrypt != nil {
				return putCrypt(tx, newCrypt)
			}
			if d.mac != nil {
				// Nothing unsealed in a new file (see sealUnsealed).
				return bucket(tx, bucketMeta).Put([]byte(keyAllSealed), []byte{1})
			}
			return nil
		})
	case err != nil:
		return err
	case version < schemaVersion:
		err := d.update(func(tx *bolt.Tx) error {
			// Read again under the write lock, then migrate.
			v, err := readSchema(tx)
			if err != nil {
				return err
			}
			// A migration walks every bucket it changes.
			if err := d.soundFile(tx); err != nil {
				return err
			}
			return migrate(tx, v, d.ring())
		})
		if err != nil {
			return err
		}
	}
	return d.sealUnsealed(nil)
}

// unchangedSince tells whether the file is still at the state m, the
// newest meta page inspect read: the same transaction, root and size.
// Another program that wrote it in between moved its transaction on; a
// file put in its place would have to match all three.
func (d *DB) unchangedSince(m boltMeta) bool {
	tx, err := d.bolt.Begin(false)
	if err != nil {
		return false
	}
	defer func() { _ = tx.Rollback() }()
	return uint64(tx.ID()) == m.txid && uint64(tx.Cursor().Bucket().Root()) == m.root &&
		tx.Size() == int64(m.pgid)*m.pageSize
}

// inspection is what inspect found in a file that can be opened.
type inspection struct {
	// crypt is the encryption header, nil for a plain file.
	crypt *cryptMeta
	// checked is the last whole-file check recorded in the file, if
	// checkedOK; its damaged plans stay refused (see checkday.go).
	checked   CheckRecord
	checkedOK bool
	// damaged is what earlier reads found damaged; it stays refused.
	damaged foundDamage
	// head is what else readHead read, nil when the head was read
	// through bbolt (inspectMapped).
	head *headState
}

// headState is the state of the file when readHead read it.
type headState struct {
	// at is the newest meta page.
	at boltMeta
	// schema is the file's schema; allSealed whether its meta bucket
	// holds the mark that sealUnsealed has run.
	schema    uint64
	allSealed bool
}

// inspect checks an existing, non-empty file without ever opening it for
// writing, under a shared lock: first its header by hand, because bbolt's
// guesses about files that are not bolt files are generous, and its free
// list; then the meta bucket and each bucket's first record, read by hand
// too (head.go), or through a read-only bbolt handle when readHead leaves
// the file to bbolt. It reads no other record: each is checked when it is
// read (a damaged one marks the file damaged then, see DB.openValue), and
// the whole file by Check, which sipmote check and the daily check run
// (checkday.go).
func inspect(path string, o options) (found inspection, err error) {
	f, err := os.Open(path)
	if err != nil {
		return found, err
	}
	defer f.Close()
	// Locked first: a program writing the file may reuse the pages its
	// meta page no longer names while they are read.
	lockErr := lockShared(f, o.lockTimeout)
	if lockErr != nil && !errors.Is(lockErr, errHeadFallback) {
		return found, lockErr
	}
	bolty, err := boltMagicIn(f)
	if err != nil {
		return found, err
	}
	if !bolty {
		return found, ErrNotSipmote
	}
	m, whole := newestMeta(f)
	if whole {
		if err := checkFreelist(f, m); err != nil && !(o.salvage && o.readOnly) {
			return found, err
		}
	}
	if whole && lockErr == nil {
		head, err := readHead(f, m)
		if !errors.Is(err, errHeadFallback) {
			if err != nil {
				return found, err
			}
			return head.inspection()
		}
	}
	return inspectMapped(path, o)
}

// inspectMapped reads what inspect reports through a read-only bbolt
// handle: for the files readHead leaves to bbolt.
func inspectMapped(path string, o options) (found inspection, err error) {
	// From here bbolt reads the file through mmap. A damaged file can make
	// it panic, or fault on a page pointer that leads outside the map.
	defer catchCorrupt(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	// The free list is not preloaded: a damaged one makes bbolt panic
	// inside Open, before there is a handle to close, which would leave
	// the file locked until the program ends. Check loads it instead, and
	// turns such a panic into an error.
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{
		ReadOnly: true,
		Timeout:  o.lockTimeout,
	})
	if err != nil {
		return found, boltOpenError(err)
	}
	defer bdb.Close()
	err = bdb.View(func(tx *bolt.Tx) error {
		// A damaged page can make bbolt's own walks loop: a branch that
		// points back up the tree grows a cursor's stack without end. So
		// the top of the tree, which opening reads, is checked by hand
		// first; the whole tree is checked with the whole file (Check).
		if err := checkTreeTop(path, tx.DB().Info().PageSize); err != nil {
			return err
		}
		if _, err := readSchema(tx); err != nil && !errors.Is(err, errEmpty) {
			return err
		}
		if found.crypt, err = readCrypt(tx); err != nil {
			return err
		}
		if found.crypt == nil && anySealed(tx) {
			return fmt.Errorf("%w: %w", ErrCorrupt, ErrDowngraded)
		}
		found.checked, found.checkedOK = readCheckRecord(tx)
		found.damaged = readFoundDamage(tx)
		return nil
	})
	return found, err
}

// anySealed tells whether the file's records are sealed (encrypted). A
// file with such records and no encryption header has lost its header,
// and a plain record must never be written into it. Every record of an
// encrypted file is sealed, so one tells: the home screen's front page,
// which readHead reads the first byte of with the meta bucket's records,
// or in a file without one the first record of each bucket, found at
// the end of its left edge. Either takes the same time for ten plans or
// a hundred thousand; the front page needs no bucket's tree gone down
// (at 10 000 plans, three reads each for the plans and the summaries).
func anySealed(tx *bolt.Tx) bool {
	if meta := metaOf(tx); meta != nil {
		if v := meta.Get([]byte(keyFront)); len(v) > 0 {
			return v[0] == recSealed
		}
	}
	sealed := false
	_ = tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		if string(name) == bucketMeta {
			return nil
		}
		for range 2 { // a bucket, or the first bucket nested in it
			k, v := b.Cursor().First()
			if k == nil {
				return nil
			}
			if v != nil {
				sealed = sealed || len(v) > 0 && v[0] == recSealed
				return nil
			}
			if b = b.Bucket(k); b == nil {
				return nil
			}
		}
		return nil
	})
	return sealed
}

// boltMagic is the marker at the start of each of bbolt's two meta pages:
// after the 16-byte page header, in the machine's byte order (bbolt writes
// its structs as they are in memory).
const boltMagic = 0xED0CDAED

// hasBoltMagic tells whether either meta page of the file carries bbolt's
// marker. The second meta page sits one page in, and the page size is not
// known yet, so every size bbolt allows is tried, as bbolt does.
func hasBoltMagic(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	return boltMagicIn(f)
}

// boltMagicIn is hasBoltMagic of an open file.
func boltMagicIn(f *os.File) (bool, error) {
	var buf [20]byte
	for _, off := range append([]int64{0}, secondMetaOffsets()...) {
		if _, err := f.ReadAt(buf[:], off); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return false, err
		}
		if binary.LittleEndian.Uint32(buf[16:]) == boltMagic ||
			binary.BigEndian.Uint32(buf[16:]) == boltMagic {
			return true, nil
		}
	}
	return false, nil
}

// secondMetaOffsets are the places the second meta page can start: 1 KiB
// to 16 MiB, the page sizes bbolt considers.
func secondMetaOffsets() []int64 {
	var offs []int64
	for i := range 15 {
		offs = append(offs, 1024<<i)
	}
	return offs
}

package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/sipmote/sipmote/outfile"
	bolt "go.etcd.io/bbolt"
)

// ErrAlreadyEncrypted is returned by Encrypt for a file that already is.
var ErrAlreadyEncrypted = errors.New("the database is already encrypted")

// convertBatch is how many records go into one transaction of the copy.
const convertBatch = 1000

// convertHook, when set by a test, is called after each step of Encrypt,
// so that the test can kill the process at a known point.
var convertHook func(step string)

func hook(step string) {
	if convertHook != nil {
		convertHook(step)
	}
}

// EncryptingSuffix names the new file Encrypt writes beside the old one.
const EncryptingSuffix = ".encrypting"

// Encrypt turns the plain file at path into an encrypted one, with a new
// random data key wrapped under pass. It never changes the old file: it
// writes a new one beside it (path + EncryptingSuffix), opens that again
// with the passphrase and compares every record with the old file, and
// only then renames it over the old one. Killed at any point, the old file
// is whole, or the new one is in its place whole; a leftover new file is
// removed by the next run. The old file is held open, and so locked,
// throughout, so no other sipmote writes to it meanwhile.
func Encrypt(path string, pass []byte, kdf *KDFParams) error {
	src, err := Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	if src.Encrypted() {
		return ErrAlreadyEncrypted
	}
	if src.isDamaged() {
		return ErrDamaged
	}
	tmp := path + EncryptingSuffix
	if st, err := os.Lstat(tmp); err == nil {
		if !st.Mode().IsRegular() {
			return &PathError{Path: tmp, Err: ErrSymlink}
		}
		// What an earlier, interrupted run left; the old file is whole.
		if err := os.Remove(tmp); err != nil {
			return &PathError{Path: tmp, Err: err}
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return &PathError{Path: tmp, Err: err}
	}
	dst, err := Open(tmp, WithNewPassphrase(pass, kdf))
	if err != nil {
		return err
	}
	hook("created")
	err = copyRecords(src, dst)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(tmp)
		return err
	}
	hook("copied")
	// Open the new file afresh, as a user would, and compare.
	again, err := Open(tmp, WithPassphrase(func() ([]byte, error) { return slices.Clone(pass), nil }))
	if err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("store: the encrypted copy does not open: %w", err)
	}
	if err := sameRecords(src, again); err != nil {
		again.Close()
		_ = os.Remove(tmp)
		return err
	}
	hook("verified")
	e := TrailEvent{Kind: TrailEncrypted}
	fillEvent(&e)
	err = again.update(func(tx *bolt.Tx) error { return again.appendEvent(tx, fileTrail, e) })
	if cerr := again.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return &PathError{Path: path, Err: err}
	}
	outfile.SyncDir(filepath.Dir(path))
	hook("renamed")
	return nil
}

// record is one stored value, by bucket (as checksums name it) and key.
type record struct {
	bkt   string
	key   []byte
	inner []byte
}

// eachRecord calls fn with the inner bytes of every record outside meta,
// in a fixed order, and tells it each nested bucket's sequence.
func (d *DB) eachRecord(tx *bolt.Tx, fn func(r record) error, seq func(bkt string, n uint64) error) error {
	if err := d.soundFile(tx); err != nil {
		return err
	}
	var visit func(name string, b *bolt.Bucket) error
	visit = func(name string, b *bolt.Bucket) error {
		if err := seq(name, b.Sequence()); err != nil {
			return err
		}
		return forEachRecord(name, b, func(k, v []byte) error {
			if v == nil {
				if nb := b.Bucket(k); nb != nil {
					return visit(name+"/"+string(k), nb)
				}
				return nil
			}
			inner, err := openRecord(d.ring(), name, k, v)
			if err != nil {
				d.markDamaged(name, k)
				return fmt.Errorf("store: %s: %w", name, err)
			}
			return fn(record{name, slices.Clone(k), slices.Clone(inner)})
		})
	}
	for _, name := range []string{bucketPlans, bucketSummaries, bucketDrafts, bucketTrail, bucketTrailIndex} {
		b := bucket(tx, name)
		if b == nil {
			return fmt.Errorf("%w: bucket %s is missing", ErrCorrupt, name)
		}
		if err := visit(name, b); err != nil {
			return err
		}
	}
	return nil
}

// bucketAt finds or makes the bucket a checksum name stands for.
func bucketAt(tx *bolt.Tx, name string) (*bolt.Bucket, error) {
	top, sub, nested := bytes.Cut([]byte(name), []byte("/"))
	b := tx.Bucket(top)
	if b == nil {
		return nil, fmt.Errorf("%w: bucket %s is missing", ErrCorrupt, top)
	}
	if !nested {
		return b, nil
	}
	return b.CreateBucketIfNotExists(sub)
}

// copyRecords copies every record of src into dst, sealed for dst, in
// batches, keeping keys and bucket sequences.
func copyRecords(src, dst *DB) error {
	var batch []record
	seqs := map[string]uint64{}
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := dst.update(func(tx *bolt.Tx) error {
			for _, r := range batch {
				b, err := bucketAt(tx, r.bkt)
				if err != nil {
					return err
				}
				rec, err := sealRecord(dst.ring(), r.bkt, r.key, r.inner)
				if err != nil {
					return err
				}
				if err := putRecord(r.bkt, b, r.key, rec); err != nil {
					return err
				}
			}
			return nil
		})
		batch = batch[:0]
		hook("batch")
		return err
	}
	err := src.view(func(tx *bolt.Tx) error {
		return src.eachRecord(tx, func(r record) error {
			batch = append(batch, r)
			if len(batch) >= convertBatch {
				return flush()
			}
			return nil
		}, func(bkt string, n uint64) error {
			seqs[bkt] = n
			return nil
		})
	})
	if err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	return dst.update(func(tx *bolt.Tx) error {
		for name, n := range seqs {
			b, err := bucketAt(tx, name)
			if err != nil {
				return err
			}
			if err := b.SetSequence(n); err != nil {
				return err
			}
		}
		// The new file's front page is the empty one it was made with,
		// and the summaries' sequence is now the old file's: it would be
		// taken for current. It is made again from the first whole list.
		return bucket(tx, bucketMeta).Delete([]byte(keyFront))
	})
}

// sameRecords compares every record of a and b by content.
func sameRecords(a, b *DB) error {
	collect := func(d *DB) (map[string][]byte, error) {
		m := map[string][]byte{}
		err := d.view(func(tx *bolt.Tx) error {
			return d.eachRecord(tx, func(r record) error {
				m[r.bkt+"\x00"+string(r.key)] = r.inner
				return nil
			}, func(string, uint64) error { return nil })
		})
		return m, err
	}
	ma, err := collect(a)
	if err != nil {
		return err
	}
	mb, err := collect(b)
	if err != nil {
		return err
	}
	if len(ma) != len(mb) {
		return fmt.Errorf("%w: the encrypted copy has %d records, the file %d", ErrCorrupt, len(mb), len(ma))
	}
	for k, v := range ma {
		if !bytes.Equal(v, mb[k]) {
			return fmt.Errorf("%w: a record differs in the encrypted copy", ErrCorrupt)
		}
	}
	return nil
}

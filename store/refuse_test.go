package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// An empty file is never made a database, by any kind of Open: it may be
// a file the user made for something else. It is left empty.
func TestEmptyFileIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sipmote.db")
	write(t, path, nil)
	for _, opts := range [][]Option{nil, {WithReadOnly()}} {
		if _, err := Open(path, opts...); !errors.Is(err, ErrEmptyFile) {
			t.Errorf("Open(%d options) = %v, want ErrEmptyFile", len(opts), err)
		}
	}
	if _, err := Check(path); !errors.Is(err, ErrEmptyFile) {
		t.Errorf("Check = %v, want ErrEmptyFile", err)
	}
	if st, err := os.Stat(path); err != nil || st.Size() != 0 {
		t.Errorf("the empty file was changed: %v", err)
	}
}

// Check (and anything read-only) on a missing file says so and creates
// neither the file nor its folder.
func TestReadOnlyOpenCreatesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nowhere")
	path := filepath.Join(dir, "sipmote.db")
	if _, err := Check(path); !errors.Is(err, ErrNoFile) {
		t.Errorf("Check = %v, want ErrNoFile", err)
	}
	if _, err := Open(path, WithReadOnly()); !errors.Is(err, ErrNoFile) {
		t.Errorf("Open read-only = %v, want ErrNoFile", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the folder was made: %v", err)
	}
}

// An encrypted file whose header was removed is refused as damaged and
// never written to: no plain plan goes into it.
func TestEncryptedFileWithoutHeaderIsDamaged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sipmote.db")
	d, err := Open(path, WithNewPassphrase([]byte("rätt lösenord"), testKDF))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.SavePlan(secretPlan()); err != nil {
		t.Fatal(err)
	}
	d.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte(bucketMeta)).Delete([]byte(keyCrypt)) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := snapshot(t, path)
	for _, opts := range [][]Option{nil, {WithNewPassphrase([]byte("x"), testKDF)}} {
		if _, err := Open(path, opts...); !errors.Is(err, ErrDowngraded) || !errors.Is(err, ErrCorrupt) {
			t.Errorf("Open = %v, want ErrDowngraded", err)
		}
	}
	r, err := Check(path)
	if err != nil || !errors.Is(r.Structure, ErrDowngraded) {
		t.Errorf("Check = %+v, %v; want the missing header named", r, err)
	}
	if !equalBytes(before, snapshot(t, path)) {
		t.Error("the file was written to")
	}
}

func equalBytes(a, b []byte) bool { return string(a) == string(b) }

package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	bolt "go.etcd.io/bbolt"
)

// headFile makes a file of n plans, each with an event in the trail, in
// batches of 50; pass a passphrase to seal it.
func headFile(t *testing.T, n int, pass []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sipmote.db")
	var opts []Option
	if pass != nil {
		opts = append(opts, WithNewPassphrase(pass, testKDF))
	}
	d, err := Open(path, opts...)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for i := 0; i < n; i += 50 {
		var batch []Submission
		for j := i; j < min(n, i+50); j++ {
			p := LargePlan()
			p.ID = model.NewID()
			p.Person.Name = fmt.Sprintf("Person %05d", j)
			batch = append(batch, Submission{ID: p.ID, Plan: p,
				Events: []TrailEvent{{At: fixedTime(), Kind: TrailCreated}}})
		}
		if err := d.SaveBatch(batch); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// headOf reads the file's head by hand, as inspect does.
func headOf(t *testing.T, path string) (inspection, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, ok := newestMeta(f)
	if !ok {
		t.Fatal("no whole meta page")
	}
	h, err := readHead(f, m)
	if err != nil {
		return inspection{}, err
	}
	return h.inspection()
}

// The head read by hand tells what bbolt's reads of the same file tell:
// the same header, last check, damage found and refusals, for files
// whose trees are several pages deep.
func TestHeadReadsWhatBboltReads(t *testing.T) {
	many := headFile(t, 600, nil)
	sealed := headFile(t, 600, []byte("rätt lösenord"))
	headless := headFile(t, 600, []byte("rätt lösenord"))
	rawUpdate(t, headless, func(tx *bolt.Tx) error { return tx.Bucket([]byte(bucketMeta)).Delete([]byte(keyCrypt)) })
	// Without the home screen's front page, whether the file is sealed is
	// read from each bucket's first record, at the end of its left edge.
	frontless := dropFront(t, headFile(t, 600, []byte("rätt lösenord")))
	bare := dropFront(t, headFile(t, 600, []byte("rätt lösenord")))
	rawUpdate(t, bare, func(tx *bolt.Tx) error { return tx.Bucket([]byte(bucketMeta)).Delete([]byte(keyCrypt)) })
	checked := headFile(t, 600, nil)
	if d, err := Open(checked); err != nil {
		t.Fatal(err)
	} else {
		d.markDamaged(bucketPlans, []byte("0a0b0c0d-0000-4000-8000-00000000000f"))
		d.keepDamage()
		if err := d.RecordCheck(CheckRecord{At: fixedTime(), Breaks: 1}); err != nil {
			t.Fatal(err)
		}
		d.Close()
	}
	foreign := filepath.Join(t.TempDir(), "other.db")
	rawUpdate(t, foreign, func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("x"))
		if err != nil {
			return err
		}
		return b.Put([]byte("k"), []byte("v"))
	})
	empty := filepath.Join(t.TempDir(), "empty.db")
	rawUpdate(t, empty, func(*bolt.Tx) error { return nil })
	// A sealed record whose value starts past the first page of its leaf
	// (its key is long): the first byte is read from the file.
	longKey := dropFront(t, headFile(t, 1, nil))
	rawUpdate(t, longKey, func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(bucketPlans)).Put(make([]byte, 5000), []byte{recSealed, 1, 2, 3})
	})
	newer := headFile(t, 1, nil)
	rawUpdate(t, newer, func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(bucketMeta)).Put([]byte(keySchema), binary.BigEndian.AppendUint64(nil, schemaVersion+1))
	})

	// The deep files must make the walks go down branch pages, and their
	// meta bucket must run past its first page (the home screen's front
	// page), so that the records read after it are read with span.
	for _, path := range []string{sealed, checked} {
		rawView(t, path, func(tx *bolt.Tx) {
			if depth := tx.Bucket([]byte(bucketPlans)).Stats().Depth; depth < 2 {
				t.Errorf("the plans bucket is %d deep; the test needs branch pages", depth)
			}
			if tx.Bucket([]byte(bucketMeta)).Stats().LeafOverflowN == 0 {
				t.Error("the meta bucket fits one page; the test needs more")
			}
		})
	}

	for _, c := range []struct {
		name, path string
		want       error
	}{
		{"one plan", headFile(t, 1, nil), nil},
		{"many plans", many, nil},
		{"sealed", sealed, nil},
		{"sealed, header removed", headless, ErrDowngraded},
		{"sealed, no front page", frontless, nil},
		{"sealed, header and front page removed", bare, ErrDowngraded},
		{"check and damage recorded", checked, nil},
		{"another program's file", foreign, ErrNotSipmote},
		{"made by bbolt, empty", empty, nil},
		{"a newer schema", newer, ErrNewerSchema},
		{"a sealed record after a long key, no header", longKey, ErrDowngraded},
	} {
		byHand, errHand := headOf(t, c.path)
		mapped, errMapped := inspectMapped(c.path, options{lockTimeout: time.Second})
		if errHand == nil {
			if want := bboltState(t, c.path); byHand.head == nil || byHand.head.schema != want.schema || byHand.head.allSealed != want.allSealed || byHand.head.at.txid == 0 {
				t.Errorf("%s: by hand %+v, through bbolt %+v", c.name, byHand.head, want)
			}
			byHand.head = nil
		}
		switch {
		case errors.Is(errHand, errHeadFallback):
			t.Errorf("%s: read through bbolt, not by hand", c.name)
		case c.want == nil && (errHand != nil || errMapped != nil):
			t.Errorf("%s: by hand %v, through bbolt %v; want no error", c.name, errHand, errMapped)
		case c.want != nil && (!errors.Is(errHand, c.want) || !errors.Is(errMapped, c.want)):
			t.Errorf("%s: by hand %v, through bbolt %v; want %v", c.name, errHand, errMapped, c.want)
		case !reflect.DeepEqual(byHand, mapped):
			t.Errorf("%s: by hand %+v, through bbolt %+v", c.name, byHand, mapped)
		}
	}
	if f, _ := headOf(t, checked); !f.checkedOK || len(f.damaged.Plans) != 1 {
		t.Errorf("the recorded check and damage were not read: %+v", f)
	}
	if f, _ := headOf(t, sealed); f.crypt == nil {
		t.Error("the encryption header was not read")
	}
}

// In a file without a front page, opening goes down every bucket's left
// edge to find whether the file is sealed: a branch page there that
// points back at itself is refused as damage at once; the walk does not
// loop, and the file is left as it was. (With a front page opening reads
// no bucket's tree, and the first use of the bucket refuses the loop:
// TestBrokenTreeIsRefused.)
func TestHeadRefusesALoop(t *testing.T) {
	for _, name := range []string{bucketPlans, bucketSummaries} {
		path := dropFront(t, headFile(t, 600, nil))
		repoint(t, path, func(tx *bolt.Tx) *bolt.Bucket { return tx.Bucket([]byte(name)) }, 0,
			func(root uint64, _ []uint64) uint64 { return root })
		before := snapshot(t, path)
		err := promptly(t, "Open", func() error {
			_, err := Open(path)
			return err
		})
		if !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: Open = %v, want ErrCorrupt", name, err)
		}
		if !equalBytes(before, snapshot(t, path)) {
			t.Errorf("%s: the file was written to", name)
		}
	}
}

// dropFront removes the home screen's front page from the file at path,
// as an older sipmote's file is without one, and returns path.
func dropFront(t *testing.T, path string) string {
	t.Helper()
	rawUpdate(t, path, func(tx *bolt.Tx) error { return tx.Bucket([]byte(bucketMeta)).Delete([]byte(keyFront)) })
	return path
}

// A head larger than readHead reads is read through bbolt, and the file
// opens as before. A large record of the meta bucket that opening does
// not use is not read at all.
func TestHeadTooLargeIsReadThroughBbolt(t *testing.T) {
	for _, c := range []struct {
		key      string
		fallback bool
	}{
		{keyChecked, true},
		{"zz-not-read", false},
	} {
		path := headFile(t, 2, nil)
		rawUpdate(t, path, func(tx *bolt.Tx) error {
			return tx.Bucket([]byte(bucketMeta)).Put([]byte(c.key), make([]byte, (headPages+2)*os.Getpagesize()))
		})
		if _, err := headOf(t, path); errors.Is(err, errHeadFallback) != c.fallback || err != nil && !c.fallback {
			t.Fatalf("%s: readHead = %v, want it to leave the file to bbolt: %v", c.key, err, c.fallback)
		}
		d, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if l, err := d.List(); err != nil || len(l) != 2 {
			t.Errorf("%s: List = %d plans, %v; want 2", c.key, len(l), err)
		}
		d.Close()
	}
}

// bboltState reads the file's schema and sealed mark through bbolt.
func bboltState(t *testing.T, path string) (s headState) {
	t.Helper()
	rawView(t, path, func(tx *bolt.Tx) {
		s.schema, _ = readSchema(tx)
		s.allSealed = allSealedIn(metaOf(tx))
	})
	return s
}

// A file is read again at opening unless it is as inspect read it.
func TestUnchangedSinceInspected(t *testing.T) {
	path := headFile(t, 3, nil)
	found, err := inspect(path, options{lockTimeout: time.Second})
	if err != nil || found.head == nil {
		t.Fatalf("inspect = %+v, %v", found, err)
	}
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if !d.unchangedSince(found.head.at) {
		t.Error("a file no one wrote is taken as changed")
	}
	p := LargePlan()
	p.ID = model.NewID()
	if err := d.SaveBatch([]Submission{{ID: p.ID, Plan: p}}); err != nil {
		t.Fatal(err)
	}
	if d.unchangedSince(found.head.at) {
		t.Error("a file written since is taken as unchanged")
	}
}

// Opening asks the meta bucket for no record that readHead leaves
// unread (headKeys).
func TestHeadKeysAreAllOpeningReads(t *testing.T) {
	asked := askedKeys{}
	if _, err := (fileHead{meta: asked}).inspection(); err != nil {
		t.Fatal(err)
	}
	if len(asked) < 3 {
		t.Fatalf("opening asked for %d records; the test reads too few", len(asked))
	}
	for k := range asked {
		if !headKeys[k] {
			t.Errorf("opening reads %q, which readHead does not read", k)
		}
	}
}

// askedKeys answers Get as a current sipmote file's meta bucket would
// for its app and schema, and notes every key asked for.
type askedKeys map[string]bool

func (a askedKeys) Get(key []byte) []byte {
	a[string(key)] = true
	switch string(key) {
	case keyApp:
		return []byte(appName)
	case keySchema:
		return binary.BigEndian.AppendUint64(nil, schemaVersion)
	}
	return nil
}

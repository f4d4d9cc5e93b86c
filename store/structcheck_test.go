package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// structFile writes a bbolt file with what a check must walk: buckets in
// buckets, trees of several levels, inline buckets, values on overflow
// pages, and a free list (keys deleted in later transactions).
func structFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	for n := range 40 {
		err := db.Update(func(tx *bolt.Tx) error {
			top, err := tx.CreateBucketIfNotExists([]byte(fmt.Sprintf("top%d", n%3)))
			if err != nil {
				return err
			}
			for i := range 50 {
				k := []byte(fmt.Sprintf("k%03d-%04d", n, i))
				if err := top.Put(k, bytes.Repeat([]byte{byte(i)}, 100+i%7*30)); err != nil {
					return err
				}
			}
			inner, err := top.CreateBucketIfNotExists([]byte(fmt.Sprintf("in%02d", n)))
			if err != nil {
				return err
			}
			if err := inner.Put([]byte("x"), []byte("small: stays inline")); err != nil {
				return err
			}
			if n%5 == 0 {
				if err := top.Put([]byte(fmt.Sprintf("big%02d", n)), bytes.Repeat([]byte("b"), 9000)); err != nil {
					return err
				}
			}
			if n > 0 && n%4 == 0 {
				for i := range 30 {
					if err := top.Delete([]byte(fmt.Sprintf("k%03d-%04d", n-1, i))); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// bothChecks runs bbolt's tx.Check and checkStructure on the file at
// path; ran is false when checkTree refuses the file first (Check then
// looks no further).
func bothChecks(t *testing.T, path string) (bboltBad, oursBad, ran bool) {
	t.Helper()
	rawView(t, path, func(tx *bolt.Tx) {
		if checkTree(path, tx.DB().Info().PageSize) != nil {
			return
		}
		ran = true
		for range tx.Check() {
			bboltBad = true
		}
		err := checkStructure(path, uint64(tx.ID()))
		if err == errNoMeta {
			t.Fatal("no meta page of the read transaction")
		}
		oursBad = err != nil
	})
	return bboltBad, oursBad, ran
}

// structPage is one page of a file in memory.
type structPage struct {
	id, overflow uint64
	flags, count uint16
	b            []byte // from the page's start to the end of the file
}

func pageAt(raw []byte, ps int, id uint64) structPage {
	b := raw[int(id)*ps:]
	return structPage{id: id, flags: binary.LittleEndian.Uint16(b[8:]), count: binary.LittleEndian.Uint16(b[10:]),
		overflow: uint64(binary.LittleEndian.Uint32(b[12:])), b: b}
}

// rawMeta is the meta page bbolt uses, of a file's bytes.
func rawMeta(t *testing.T, raw []byte) boltMeta {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "m")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(raw); err != nil {
		t.Fatal(err)
	}
	m, ok := newestMeta(f)
	if !ok {
		t.Fatal("the file has no whole meta page")
	}
	return m
}

// The check of the file's structure, done on pages read from the file,
// finds what bbolt's tx.Check finds: nothing in a whole file, and each
// of these damages to the free list, the tree and the order of keys.
func TestStructureCheckFindsWhatBboltFinds(t *testing.T) {
	good := structFile(t)
	orig, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	m := rawMeta(t, orig)
	ps := int(m.pageSize)
	fl := pageAt(orig, ps, m.freelist)
	if fl.flags != freelistPageFlag || fl.count < 3 {
		t.Fatalf("the file's free list has %d pages (flags %x): too few to damage", fl.count, fl.flags)
	}
	freeID := func(i int) uint64 { return binary.LittleEndian.Uint64(fl.b[pageHeaderSize+8*i:]) }
	free := map[uint64]bool{}
	for i := range int(fl.count) {
		free[freeID(i)] = true
	}
	var leaf, branch structPage
	for id := uint64(2); id < m.pgid; id++ {
		p := pageAt(orig, ps, id)
		if free[id] {
			continue
		}
		if p.flags == leafPageFlag && p.count >= 5 && leaf.b == nil && id != m.root {
			leaf = p
		}
		if p.flags == branchPageFlag && p.count >= 3 && branch.b == nil {
			branch = p
		}
		id += p.overflow
	}
	if leaf.b == nil || branch.b == nil {
		t.Fatal("the file has no leaf or no branch page to damage")
	}
	le := binary.LittleEndian
	cases := []struct {
		name   string
		damage func(b []byte)
	}{
		{"whole", func([]byte) {}},
		{"a free page listed twice", func(b []byte) {
			le.PutUint64(b[int(m.freelist)*ps+pageHeaderSize+8:], freeID(0))
		}},
		{"a page in use listed as free", func(b []byte) {
			le.PutUint64(b[int(m.freelist)*ps+pageHeaderSize:], m.root)
		}},
		{"a free page left out of the list", func(b []byte) {
			le.PutUint16(b[int(m.freelist)*ps+10:], fl.count-1)
		}},
		{"two keys of a leaf swapped", func(b []byte) {
			p := b[int(leaf.id)*ps:]
			e0, e3 := pageHeaderSize, pageHeaderSize+3*leafElementSize
			k0 := e0 + int(le.Uint32(p[e0+4:]))
			k3 := e3 + int(le.Uint32(p[e3+4:]))
			n := min(le.Uint32(p[e0+8:]), le.Uint32(p[e3+8:]))
			a, c := bytes.Clone(p[k0:k0+int(n)]), bytes.Clone(p[k3:k3+int(n)])
			copy(p[k0:], c)
			copy(p[k3:], a)
		}},
		{"two children of a branch swapped", func(b []byte) {
			p := b[int(branch.id)*ps:]
			a, c := pageHeaderSize+8, pageHeaderSize+leafElementSize+8
			x, y := le.Uint64(p[a:]), le.Uint64(p[c:])
			le.PutUint64(p[a:], y)
			le.PutUint64(p[c:], x)
		}},
		{"a branch names a free page", func(b []byte) {
			le.PutUint64(b[int(branch.id)*ps+pageHeaderSize+8:], freeID(1))
		}},
		{"a page's number is not its place", func(b []byte) {
			le.PutUint64(b[int(leaf.id)*ps:], m.pgid+3)
		}},
	}
	for _, c := range cases {
		b := bytes.Clone(orig)
		c.damage(b)
		path := filepath.Join(t.TempDir(), "d.db")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		theirs, ours, ran := bothChecks(t, path)
		switch {
		case !ran && c.name == "whole":
			t.Errorf("%s: checkTree refuses the whole file", c.name)
		case !ran:
			t.Logf("%s: refused by checkTree already", c.name)
		case theirs != ours:
			t.Errorf("%s: bbolt finds damage: %v, checkStructure: %v", c.name, theirs, ours)
		case ours != (c.name != "whole"):
			t.Errorf("%s: neither finds what is wrong (%v)", c.name, ours)
		}
	}
}

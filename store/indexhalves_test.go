package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// TestIndexHalves: Index reads two ranges of ids at once; every plan
// comes back once, in id order, each with its own entry; a damaged
// summary in either range, on either side of the split, is left out and
// named, in id order.
func TestIndexHalves(t *testing.T) {
	path := t.TempDir() + "/many.db"
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 5333
	batch := make([]Submission, 0, n)
	names := map[string]string{}
	for i := range n {
		p := model.NewPlan(model.Person{Name: fmt.Sprintf("Person %05d", i)}, fixedTime())
		names[p.ID] = p.Person.Name
		batch = append(batch, Submission{ID: p.ID, Plan: p})
	}
	if err := d.SaveBatch(batch); err != nil {
		t.Fatal(err)
	}
	entries, err := d.Index()
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
		if e.Person != names[e.ID] || e.NameKey != string(model.NameKey(names[e.ID])) {
			t.Fatalf("entry %d: %+v, want %q", i, e, names[e.ID])
		}
	}
	all := slices.Sorted(func(yield func(string) bool) {
		for id := range names {
			if !yield(id) {
				return
			}
		}
	})
	if !slices.Equal(ids, all) {
		t.Fatalf("%d entries, want every one of %d once, in id order", len(ids), len(all))
	}
	d.Close()

	// Damage one summary near each end and one on each side of the middle.
	hurt := []string{all[3], all[n/2-1], all[n/2+1], all[n-2]}
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketSummaries))
		for _, id := range hurt {
			v := slices.Clone(b.Get([]byte(id)))
			v[len(v)-1] ^= 0x5a
			if err := b.Put([]byte(id), v); err != nil {
				return err
			}
		}
		return nil
	})
	d, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	entries, err = d.Index()
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Index of a file with damaged summaries: %v, want ErrCorrupt", err)
	}
	for _, id := range hurt {
		if !strings.Contains(err.Error(), id) {
			t.Errorf("the error does not name %s: %v", id, err)
		}
	}
	want := slices.DeleteFunc(slices.Clone(all), func(id string) bool { return slices.Contains(hurt, id) })
	ids = ids[:0]
	for _, e := range entries {
		ids = append(ids, e.ID)
	}
	if !slices.Equal(ids, want) {
		t.Fatalf("%d entries after the damage, want the %d whole ones in id order", len(ids), len(want))
	}
	if got, _ := d.Damaged(); !slices.Equal(got, slices.Sorted(slices.Values(hurt))) {
		t.Errorf("Damaged = %v, want %v", got, hurt)
	}
}

// TestIndexHalfFaults: a summary whose length in its page points far past
// the map makes the read fault; on the goroutine that reads the second
// range of ids it is ErrCorrupt from Index, as on the caller's, not the
// end of the program.
func TestIndexHalfFaults(t *testing.T) {
	path := t.TempDir() + "/many.db"
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 3000
	batch := make([]Submission, 0, n)
	var ids []string
	for i := range n {
		p := model.NewPlan(model.Person{Name: fmt.Sprintf("Person %05d", i)}, fixedTime())
		ids = append(ids, p.ID)
		batch = append(batch, Submission{ID: p.ID, Plan: p})
	}
	if err := d.SaveBatch(batch); err != nil {
		t.Fatal(err)
	}
	d.Close()
	slices.Sort(ids)
	victim := []byte(ids[len(ids)-5]) // read by the second range's goroutine
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	hit := 0
	for off := 0; ; off++ {
		i := bytes.Index(raw[off:], victim)
		if i < 0 {
			break
		}
		off += i
		start := off - off%page
		if binary.LittleEndian.Uint16(raw[start+8:]) != 0x02 { // a leaf page
			continue
		}
		count := int(binary.LittleEndian.Uint16(raw[start+10:]))
		for e := range count {
			el := start + 16 + e*16
			pos := int(binary.LittleEndian.Uint32(raw[el+4:]))
			ksize := int(binary.LittleEndian.Uint32(raw[el+8:]))
			if el+pos == off && ksize == len(victim) {
				binary.LittleEndian.PutUint32(raw[el+12:], 0x7fff0000)
				hit++
			}
		}
	}
	if hit == 0 {
		t.Fatal("found no leaf element of the plan to damage")
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	d, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Index(); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Index of a summary pointing past the map: %v, want ErrCorrupt", err)
	}
}

// TestIndexRanges: the ids are split where both ranges get some; keys
// that are not hex, or all in one first byte, are read in one range or
// split between their first bytes, and every split reads every key once.
func TestIndexRanges(t *testing.T) {
	// Two processors, as on the machines this runs on: with one, Index
	// reads one range.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	tests := []struct {
		keys []string
		mid  string // "" for one range
	}{
		{[]string{"0a", "3b", "9c", "fd"}, "8"},
		{[]string{"0a", "1b"}, "1"},
		{[]string{"a1", "a2"}, ""},
		{[]string{"id-01", "id-02"}, ""},
		{[]string{"Anna", "Zoe"}, "N"},
		{[]string{"x"}, ""},
	}
	for _, tc := range tests {
		path := t.TempDir() + "/r.db"
		b, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []keyRange
		var counted int
		_ = b.Update(func(tx *bolt.Tx) error {
			bk, _ := tx.CreateBucket([]byte("s"))
			for _, k := range tc.keys {
				_ = bk.Put([]byte(k), []byte("v"))
			}
			got = indexRanges(bk)
			for _, r := range got {
				counted += countRange(bk, r)
			}
			return nil
		})
		b.Close()
		if counted != len(tc.keys) {
			t.Errorf("%q: the ranges hold %d keys, want %d", tc.keys, counted, len(tc.keys))
		}
		switch {
		case tc.mid == "" && len(got) != 1:
			t.Errorf("%q: split in %d ranges, want one", tc.keys, len(got))
		case tc.mid != "" && (len(got) != 2 || string(got[0].to) != tc.mid || string(got[1].from) != tc.mid):
			t.Errorf("%q: ranges %q, want split at %q", tc.keys, got, tc.mid)
		}
	}
}

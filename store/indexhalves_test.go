package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// TestIndexHalves: with enough plans for Index to read two halves at once,
// every plan comes back once, in id order, each with its own entry; a
// damaged summary in either half is left out and named, in id order.
func TestIndexHalves(t *testing.T) {
	path := t.TempDir() + "/many.db"
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	n := parallelIndexMin + 333
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
// the map makes the read fault; on the goroutine that reads the first
// half it is ErrCorrupt from Index, as on the caller's, not the end of
// the program.
func TestIndexHalfFaults(t *testing.T) {
	path := t.TempDir() + "/many.db"
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	n := parallelIndexMin + 10
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
	victim := []byte(ids[5]) // read by the first half's goroutine
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

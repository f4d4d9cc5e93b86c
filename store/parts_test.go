package store

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// partsOf returns the keys and values the plans bucket holds for id.
func partsOf(tx *bolt.Tx, id string) (keys, vals [][]byte) {
	c := tx.Bucket([]byte(bucketPlans)).Cursor()
	for k, v := c.Seek([]byte(id)); k != nil && bytes.HasPrefix(k, []byte(id)); k, v = c.Next() {
		keys, vals = append(keys, slices.Clone(k)), append(vals, slices.Clone(v))
	}
	return keys, vals
}

// A record of any length comes back byte for byte, in as many parts as
// it needs and no more, each small enough that four share a page.
func TestPlanPartsRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parts.db")
	id := []byte("0a0b0c0d-0000-4000-8000-000000000001")
	for _, n := range []int{crcLen + 1, partPayload - 1, partPayload, partPayload + 1, 29_000, model.MaxPlanBytes} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			rec := make([]byte, n)
			for i := range rec {
				rec[i] = byte(i * 7)
			}
			rawUpdate(t, path, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucketIfNotExists([]byte(bucketPlans))
				if err != nil {
					return err
				}
				return putPlanRecord(b, id, rec)
			})
			rawView(t, path, func(tx *bolt.Tx) {
				if got := getPlanRecord(tx.Bucket([]byte(bucketPlans)), id); !bytes.Equal(got, rec) {
					t.Fatalf("read back %d bytes, not the %d written", len(got), len(rec))
				}
				keys, vals := partsOf(tx, string(id))
				if want := (n + partPayload - 1) / partPayload; len(keys) != want {
					t.Errorf("%d parts, want %d", len(keys), want)
				}
				for _, v := range vals {
					if 4*(leafElementSize+len(id)+3+len(v))+pageHeaderSize > 4096 {
						t.Fatalf("a part of %d bytes: four do not fit a page", len(v))
					}
				}
				var seen int
				_ = eachPlanRecord(tx.Bucket([]byte(bucketPlans)), func(k, v []byte) error {
					seen++
					if !bytes.Equal(k, id) || !bytes.Equal(v, rec) {
						t.Errorf("the walk gave %q and %d bytes", k, len(v))
					}
					return nil
				})
				if seen != 1 {
					t.Errorf("the walk gave %d records, want 1", seen)
				}
			})
		})
	}
}

// A save with fewer parts than the one before takes the others away: a
// part left over would make the plan fail its checksum, or worse, read.
func TestShorterSaveLeavesNoPart(t *testing.T) {
	d := openTemp(t)
	p := LargePlan()
	if err := d.SavePlan(p); err != nil {
		t.Fatal(err)
	}
	p.Draft.Content.Actions = p.Draft.Content.Actions[:2]
	p.Draft.Content.OwnWords = "Kort."
	if err := d.SavePlan(p); err != nil {
		t.Fatal(err)
	}
	got, err := d.LoadPlan(p.ID)
	if err != nil {
		t.Fatalf("the shorter plan: %v", err)
	}
	if len(got.Draft.Content.Actions) != 2 || got.Draft.Content.OwnWords != "Kort." {
		t.Fatalf("read back %d actions, own words %q", len(got.Draft.Content.Actions), got.Draft.Content.OwnWords)
	}
	var keys int
	_ = d.view(func(tx *bolt.Tx) error {
		k, _ := partsOf(tx, p.ID)
		keys = len(k)
		return nil
	})
	if rec, _ := d.rawPlan(p.ID); keys != (len(rec)+partPayload-1)/partPayload {
		t.Fatalf("%d keys for a record of %d parts", keys, (len(rec)+partPayload-1)/partPayload)
	}
}

// Parts that do not make one save's record make a damaged plan, found as
// any damaged record is: by reading it, and by the whole-file check.
func TestPartsThatDoNotFit(t *testing.T) {
	cases := []struct {
		name  string
		spoil func(b *bolt.Bucket, id []byte, keys, vals [][]byte) error
	}{
		{"a part missing", func(b *bolt.Bucket, _ []byte, keys, _ [][]byte) error { return b.Delete(keys[1]) }},
		{"the last part missing", func(b *bolt.Bucket, _ []byte, keys, _ [][]byte) error { return b.Delete(keys[len(keys)-1]) }},
		{"a part left over", func(b *bolt.Bucket, id []byte, keys, vals [][]byte) error {
			return b.Put(partKey(id, len(keys)), vals[len(vals)-1])
		}},
		{"a part of another save", func(b *bolt.Bucket, _ []byte, keys, vals [][]byte) error {
			v := slices.Clone(vals[2])
			v[len(v)-partTrailer] ^= 1 // its record's checksum
			return b.Put(keys[2], v)
		}},
		{"a part's bytes changed", func(b *bolt.Bucket, _ []byte, keys, vals [][]byte) error {
			v := slices.Clone(vals[1])
			v[10] ^= 1
			return b.Put(keys[1], v)
		}},
		{"two parts swapped", func(b *bolt.Bucket, _ []byte, keys, vals [][]byte) error {
			if err := b.Put(keys[1], vals[2]); err != nil {
				return err
			}
			return b.Put(keys[2], vals[1])
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path, a, other := twoPlans(t)
			rawUpdate(t, path, func(tx *bolt.Tx) error {
				keys, vals := partsOf(tx, a.ID)
				if len(keys) < 3 {
					t.Fatalf("the plan has %d parts; the test needs three", len(keys))
				}
				return c.spoil(tx.Bucket([]byte(bucketPlans)), []byte(a.ID), keys, vals)
			})
			r, err := Check(path)
			if err != nil || !slices.Equal(r.Damaged, []string{a.ID}) {
				t.Fatalf("check: damaged %v, %v; want the plan", r.Damaged, err)
			}
			d, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			if _, err := d.LoadPlan(a.ID); !errors.Is(err, ErrDamagedRecord) {
				t.Fatalf("LoadPlan: %v, want a damaged record", err)
			}
			if _, err := d.LoadPlan(other.ID); err != nil {
				t.Fatalf("the other plan: %v", err)
			}
		})
	}
}

// The reason for parts: typing into plans, saved as it is typed, leaves
// bbolt's free list (read whole at every open for writing) as long as a
// save's pages, not a growing share of the file. Whole records of tens
// of kilobytes left about one page in twenty on it.
func TestFreeListStaysShort(t *testing.T) {
	d := openTemp(t)
	text := strings.Repeat("Vill bo kvar hemma och behöver stöd med maten. ", 40)
	var plans []*model.Plan
	putInBatches(t, d, 2000, 10, func(j int) *model.Plan {
		p := model.NewPlan(model.Person{Name: fmt.Sprintf("Person %06d", j)}, fixedTime())
		p.Draft.Content.Situation, p.Draft.Content.Needs = text, text
		plans = append(plans, p)
		return p
	})
	r := rand.New(rand.NewPCG(1, 2))
	for range 1000 {
		p := plans[r.IntN(len(plans))]
		p.Draft.Content.Notes += strings.Repeat("Ett ord till. ", 1+r.IntN(40))
		if err := d.SavePlan(p); err != nil {
			t.Fatal(err)
		}
	}
	st := d.bolt.Stats()
	if free := st.FreePageN + st.PendingPageN; free > 64 {
		t.Errorf("%d pages on the free list after 1 000 saves; want at most 64", free)
	}
}

// An id typed in part finds its plan across the plan's parts: a plan is
// one match, however many parts it has.
func TestResolveAcrossParts(t *testing.T) {
	d := openTemp(t)
	for _, id := range []string{"aaaa1111-0000-4000-8000-000000000000", "aaaa2222-0000-4000-8000-000000000000", "bbbb1111-0000-4000-8000-000000000000"} {
		p := LargePlan()
		p.ID = id
		if err := d.SavePlan(p); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		prefix, want string
		err          error
	}{
		{"bbbb", "bbbb1111-0000-4000-8000-000000000000", nil},
		{"aaaa1", "aaaa1111-0000-4000-8000-000000000000", nil},
		{"aaaa", "", ErrAmbiguous},
		{"aaaa2222-0000-4000-8000-000000000000", "aaaa2222-0000-4000-8000-000000000000", nil},
		{"cccc", "", ErrNotFound},
	} {
		got, err := d.Resolve(c.prefix)
		if got != c.want || !errors.Is(err, c.err) {
			t.Errorf("Resolve(%q) = %q, %v; want %q, %v", c.prefix, got, err, c.want, c.err)
		}
	}
}

// schema5Fixture is a file as sipmote wrote it at schema 5 (`sipmote demo`
// of that version): every plan whole under its id.
const schema5Fixture = "../testdata/store/schema5.db"

// Opening a schema-5 file keeps its plans in parts, byte for byte the
// records they were, so their checksums, seals and the trail's record
// hashes still hold; a read-only look before the migration reads the
// whole records as they are.
func TestMigrate5to6(t *testing.T) {
	t.Setenv("SIPMOTE_KEY_DIR", t.TempDir())
	path := filepath.Join(t.TempDir(), "old.db")
	copyFile(t, schema5Fixture, path)
	before := map[string][]byte{}
	var plans []*model.Plan
	ro, err := Open(path, WithReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	sums, err := ro.List()
	if err != nil || len(sums) != 3 {
		t.Fatalf("the schema-5 file lists %d plans, %v", len(sums), err)
	}
	for _, s := range sums {
		p, err := ro.LoadPlan(s.ID)
		if err != nil {
			t.Fatalf("read-only, before migrating: %v", err)
		}
		plans = append(plans, p)
		if before[s.ID], err = ro.rawPlan(s.ID); err != nil {
			t.Fatal(err)
		}
	}
	ro.Close()

	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plans {
		got, err := d.LoadPlan(p.ID)
		if err != nil || !reflect.DeepEqual(got, p) {
			t.Fatalf("plan after migrating: %v", err)
		}
		if raw, _ := d.rawPlan(p.ID); !bytes.Equal(raw, before[p.ID]) {
			t.Error("the record's bytes changed in the migration")
		}
	}
	d.Close()
	rawView(t, path, func(tx *bolt.Tx) {
		v, _ := readSchema(tx)
		if v != 6 {
			t.Errorf("schema %d after opening, want 6", v)
		}
		_ = tx.Bucket([]byte(bucketPlans)).ForEach(func(k, _ []byte) error {
			if _, _, ok := splitPartKey(k); !ok {
				t.Errorf("a whole record is left under %q", k)
			}
			return nil
		})
	})
	r, err := Check(path)
	if err != nil || !r.WholeButSeals() {
		t.Fatalf("check after migrating: %+v, %v", r, err)
	}
}

// A whole record put beside a plan's parts, as an older sipmote's file
// held it (say, an old copy put back by hand), is found by the check:
// no save of schema 6 leaves one.
func TestWholeRecordBesideParts(t *testing.T) {
	path, a, _ := twoPlans(t)
	var old []byte
	rawView(t, path, func(tx *bolt.Tx) { old = slices.Clone(getPlanRecord(tx.Bucket([]byte(bucketPlans)), []byte(a.ID))) })
	rawUpdate(t, path, func(tx *bolt.Tx) error { return tx.Bucket([]byte(bucketPlans)).Put([]byte(a.ID), old) })
	r, err := Check(path)
	if err != nil || !slices.Contains(r.Damaged, a.ID) {
		t.Fatalf("check: damaged %v, %v; want the plan with a whole record beside its parts", r.Damaged, err)
	}
}

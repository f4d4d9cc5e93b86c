package store

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// openPlans is the whole index in name order, open plans only: what the
// front page must agree with.
func openPlans(t *testing.T, d *DB) (open []model.ListEntry, all int) {
	t.Helper()
	full, err := d.Index()
	if err != nil {
		t.Fatal(err)
	}
	model.SortEntries(full)
	for _, e := range full {
		if e.Status != model.StatusClosed {
			open = append(open, e)
		}
	}
	return open, len(full)
}

// rebuildFront does what the service does after reading the whole index
// when the front page was not current.
func rebuildFront(t *testing.T, d *DB) {
	t.Helper()
	full, st, err := d.IndexFront(nil)
	if err != nil {
		t.Fatal(err)
	}
	model.SortEntries(full)
	if err := d.PutHomeFront(full, len(full), st); err != nil {
		t.Fatal(err)
	}
}

// TestHomeFrontKept: after every write, the front page gives the first
// open plans of the whole index in its order, with their own list lines
// and the number of plans, for plans made, renamed into and out of it,
// closed, saved one by one and in batches, and far more than it holds.
// When plans leaving it leave it too short it is dropped, and made again
// from the index as the service does.
func TestHomeFrontKept(t *testing.T) {
	d := openTemp(t)
	rng := rand.New(rand.NewPCG(30, 2026))
	first := []string{"Anna", "Åsa", "Örjan", "Bo", "bo", "Zelda", "Ärla", "Cecilia", "Oskar", "Ali"}
	name := func() string { return fmt.Sprintf("%s %03d", first[rng.IntN(len(first))], rng.IntN(400)) }
	var open []*model.Plan
	pick := func() *model.Plan { return open[rng.IntN(len(open))] }
	rebuilt, checked := 0, 0
	check := func(step int) {
		t.Helper()
		want, all := openPlans(t, d)
		// All it holds is the first open plans, or every one of them.
		var f *front
		_ = d.bolt.View(func(tx *bolt.Tx) error { f = d.readFront(tx); return nil })
		if f != nil {
			if len(f.items) > len(want) || f.complete && len(f.items) != len(want) {
				t.Fatalf("step %d: front page holds %d plans (complete %v) of %d open", step, len(f.items), f.complete, len(want))
			}
			for i, it := range f.items {
				if it.id != want[i].ID || it.key != want[i].NameKey {
					t.Fatalf("step %d: front page's plan %d of %d is not the index's", step, i, len(f.items))
				}
			}
		}
		full, st, err := d.IndexFront(nil)
		if err != nil {
			t.Fatal(err)
		}
		model.SortEntries(full)
		if st.Current != (f != nil) || f != nil && !st.Agrees(full, all) {
			t.Fatalf("step %d: a front page kept by the writes does not agree with the index", step)
		}
		for _, n := range []int{1, 17, FrontRows} {
			entries, rows, count, ok := d.HomeFront(n)
			if !ok {
				// Only a front page left too short is dropped.
				rebuildFront(t, d)
				rebuilt++
				if entries, rows, count, ok = d.HomeFront(n); !ok {
					t.Fatalf("step %d: no front page for %d rows even after it was made again", step, n)
				}
			}
			checked++
			w := want[:min(n, len(want))]
			if len(entries) != len(w) || len(rows) != len(w) || count != all {
				t.Fatalf("step %d, %d rows: front page has %d entries, %d lines, %d plans; want %d, %d plans", step, n, len(entries), len(rows), count, len(w), all)
			}
			for i := range w {
				if entries[i] != w[i] || rows[i].ID != w[i].ID || rows[i].Person != w[i].Person {
					t.Fatalf("step %d, row %d: front page has %+v (line %q), whole index %+v", step, i, entries[i], rows[i].Person, w[i])
				}
			}
		}
	}
	check(0)
	for step := 1; step <= 450; step++ {
		switch r := rng.IntN(100); {
		case r < 40 || len(open) < 5:
			p := model.NewPlan(model.Person{Name: name()}, fixedTime())
			if err := d.SavePlan(p); err != nil {
				t.Fatal(err)
			}
			open = append(open, p)
		case r < 75:
			p := pick()
			p.Person.Name = name()
			if err := d.SavePlan(p); err != nil {
				t.Fatal(err)
			}
		case r < 85:
			i := rng.IntN(len(open))
			p := open[i]
			p.Status = model.StatusClosed
			if err := d.SavePlan(p); err != nil {
				t.Fatal(err)
			}
			open = append(open[:i], open[i+1:]...)
		default:
			var batch []Submission
			for range 6 {
				p := model.NewPlan(model.Person{Name: name()}, fixedTime())
				if rng.IntN(2) == 0 {
					p = pick()
					p.Person.Name = name()
				} else {
					open = append(open, p)
				}
				batch = append(batch, Submission{ID: p.ID, Plan: p})
			}
			if err := d.SaveBatch(batch); err != nil {
				t.Fatal(err)
			}
		}
		check(step)
	}
	if len(open) <= frontCap {
		t.Fatalf("only %d open plans: the front page never had to leave plans out", len(open))
	}
	if rebuilt*10 > checked {
		t.Fatalf("front page made again %d times in %d readings: the writes do not keep it", rebuilt, checked)
	}
	// The first plans renamed to the end of the list, one by one: the
	// front page runs short and is made again.
	rebuilt = 0
	for i := range frontCap {
		want, _ := openPlans(t, d)
		for _, p := range open {
			if p.ID == want[0].ID {
				p.Person.Name = fmt.Sprintf("Öst %03d", i)
				if err := d.SavePlan(p); err != nil {
					t.Fatal(err)
				}
			}
		}
		check(1000 + i)
	}
	if rebuilt == 0 {
		t.Fatal("a front page run short was still used")
	}
}

// TestHomeFrontNotBelieved: a front page that is not current, or whose
// lines do not match it, or that was changed, is not used: the home
// screen then reads the whole index.
func TestHomeFrontNotBelieved(t *testing.T) {
	mk := func(t *testing.T) (*DB, []*model.Plan) {
		d := openTemp(t)
		var plans []*model.Plan
		for i := range 5 {
			p := model.NewPlan(model.Person{Name: fmt.Sprintf("Person %d", i)}, fixedTime())
			if err := d.SavePlan(p); err != nil {
				t.Fatal(err)
			}
			plans = append(plans, p)
		}
		if _, _, _, ok := d.HomeFront(3); !ok {
			t.Fatal("no front page in a file written by this sipmote")
		}
		return d, plans
	}
	write := func(t *testing.T, d *DB, fn func(tx *bolt.Tx) error) {
		t.Helper()
		if err := d.bolt.Update(fn); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, d *DB, plans []*model.Plan)
		// used: its lines are all still right, so the first frame may
		// show it, without the new plan, until the whole index comes.
		used bool
	}{
		{"a summary written as an older sipmote writes it", func(t *testing.T, d *DB, plans []*model.Plan) {
			// No sequence moved on: only the line itself can tell.
			p := plans[0]
			p.Person.Name = "Ändrad Utan Framsida"
			raw, err := d.sealValue(bucketSummaries, []byte(p.ID), p.Summarise())
			if err != nil {
				t.Fatal(err)
			}
			write(t, d, func(tx *bolt.Tx) error { return bucket(tx, bucketSummaries).Put([]byte(p.ID), raw) })
		}, false},
		{"a new first plan written as an older sipmote writes it", func(t *testing.T, d *DB, plans []*model.Plan) {
			p := model.NewPlan(model.Person{Name: "Aaron Först"}, fixedTime())
			raw, err := d.sealValue(bucketSummaries, []byte(p.ID), p.Summarise())
			if err != nil {
				t.Fatal(err)
			}
			write(t, d, func(tx *bolt.Tx) error { return bucket(tx, bucketSummaries).Put([]byte(p.ID), raw) })
		}, true},
		{"summaries moved on without it", func(t *testing.T, d *DB, plans []*model.Plan) {
			write(t, d, func(tx *bolt.Tx) error {
				_, err := bucket(tx, bucketSummaries).NextSequence()
				return err
			})
		}, false},
		{"a byte of it changed", func(t *testing.T, d *DB, plans []*model.Plan) {
			write(t, d, func(tx *bolt.Tx) error {
				meta := bucket(tx, bucketMeta)
				raw := bytes.Clone(meta.Get([]byte(keyFront)))
				raw[len(raw)/2] ^= 0x20
				return meta.Put([]byte(keyFront), raw)
			})
		}, false},
		{"made again with a checksum but without the key", func(t *testing.T, d *DB, plans []*model.Plan) {
			f := &front{complete: true, items: []frontItem{{string(model.NameKey("Aaa Falsk")), plans[4].ID}}}
			write(t, d, func(tx *bolt.Tx) error {
				f.seq, f.count = bucket(tx, bucketSummaries).Sequence(), 5
				raw, err := sealRecord(keyring{}, bucketMeta, []byte(keyFront), f.encode())
				if err != nil {
					return err
				}
				raw[0] = recAuth // claims this user's HMAC it does not have
				return bucket(tx, bucketMeta).Put([]byte(keyFront), raw)
			})
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, plans := mk(t)
			agrees := func() bool {
				full, st, err := d.IndexFront(nil)
				if err != nil {
					t.Fatal(err)
				}
				model.SortEntries(full)
				return st.Agrees(full, len(full))
			}
			if !agrees() {
				t.Fatal("a front page kept by the writes does not agree with the index")
			}
			tc.change(t, d, plans)
			if entries, _, _, ok := d.HomeFront(3); ok != tc.used {
				t.Fatalf("front page used %v, want %v: %+v", ok, tc.used, entries)
			}
			if agrees() {
				t.Fatal("a front page that is not right agrees with the index: it would not be made again")
			}
			// The whole index is still read, and makes it again.
			rebuildFront(t, d)
			if _, _, _, ok := d.HomeFront(3); !ok && tc.name != "a byte of it changed" {
				t.Fatal("not made again from the whole index")
			}
		})
	}
}

// TestHomeFrontEncrypted: an encrypted file keeps its front page sealed
// like its records, and it is read back only with the key.
func TestHomeFrontEncrypted(t *testing.T) {
	path := t.TempDir() + "/sip.db"
	d, err := Open(path, WithNewPassphrase([]byte("rätt lösen"), testKDF))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Östen Hemlig", "Anna Hemlig"} {
		if err := d.SavePlan(model.NewPlan(model.Person{Name: n}, fixedTime())); err != nil {
			t.Fatal(err)
		}
	}
	entries, _, count, ok := d.HomeFront(FrontRows)
	if !ok || count != 2 || len(entries) != 2 || entries[0].Person != "Anna Hemlig" {
		t.Fatalf("front page of an encrypted file: ok %v, %d plans, %+v", ok, count, entries)
	}
	var raw []byte
	_ = d.bolt.View(func(tx *bolt.Tx) error {
		raw = bytes.Clone(bucket(tx, bucketMeta).Get([]byte(keyFront)))
		return nil
	})
	if len(raw) == 0 || raw[0] != recSealed || bytes.Contains(raw, model.NameKey("Anna Hemlig")[:6]) {
		t.Fatalf("front page not sealed: %q", raw)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestHomeFrontEdges: a plan that sorts just before the front page's last
// plan goes in (and the last goes out), one after it stays out, and the
// number of plans counts new plans only.
func TestHomeFrontEdges(t *testing.T) {
	d := openTemp(t)
	var batch []Submission
	for i := range frontCap + 10 {
		p := model.NewPlan(model.Person{Name: fmt.Sprintf("P %03d", i)}, fixedTime())
		batch = append(batch, Submission{ID: p.ID, Plan: p})
	}
	if err := d.SaveBatch(batch); err != nil {
		t.Fatal(err)
	}
	items := func() []string {
		var f *front
		_ = d.bolt.View(func(tx *bolt.Tx) error { f = d.readFront(tx); return nil })
		if f == nil {
			t.Fatal("no front page")
		}
		var names []string
		for _, it := range f.items {
			for _, s := range batch {
				if s.ID == it.id {
					names = append(names, s.Plan.Person.Name)
				}
			}
		}
		if f.count != uint64(len(batch)) {
			t.Fatalf("front page counts %d plans, there are %d", f.count, len(batch))
		}
		return names
	}
	add := func(name string) {
		p := model.NewPlan(model.Person{Name: name}, fixedTime())
		batch = append(batch, Submission{ID: p.ID, Plan: p})
		if err := d.SavePlan(p); err != nil {
			t.Fatal(err)
		}
	}
	if got := items(); len(got) != frontCap || got[frontCap-1] != "P 127" {
		t.Fatalf("front page of %d plans ends %q", len(got), got[len(got)-1])
	}
	add("P 126x")
	if got := items(); len(got) != frontCap || got[frontCap-2] != "P 126" || got[frontCap-1] != "P 126x" {
		t.Fatalf("after a plan just before its last: ends %q", got[len(got)-3:])
	}
	add("P 127")
	if got := items(); got[frontCap-1] != "P 126x" {
		t.Fatalf("a plan after its last went in: ends %q", got[len(got)-3:])
	}
	// Saving a plan again is not a new plan.
	batch[0].Plan.Person.Name = "P 000 igen"
	if err := d.SavePlan(batch[0].Plan); err != nil {
		t.Fatal(err)
	}
	if got := items(); got[0] != "P 000 igen" {
		t.Fatalf("renamed first plan: front page begins %q", got[0])
	}
	// What is typed into a plan, or a name written in other capitals,
	// does not move it in the list: the front page is not written again.
	raw := func() (seq uint64, b []byte) {
		_ = d.bolt.View(func(tx *bolt.Tx) error {
			seq, b = bucket(tx, bucketSummaries).Sequence(), bytes.Clone(bucket(tx, bucketMeta).Get([]byte(keyFront)))
			return nil
		})
		return seq, b
	}
	seq, before := raw()
	p := batch[0].Plan
	p.Person.Name = "p 000 IGEN"
	p.Draft.Content.Needs = "Stöd med maten."
	if err := d.SavePlan(p); err != nil {
		t.Fatal(err)
	}
	if seq2, after := raw(); seq2 != seq || !bytes.Equal(before, after) {
		t.Fatalf("a save that moves nothing wrote the front page (sequence %d to %d)", seq, seq2)
	}
	if entries, rows, _, ok := d.HomeFront(1); !ok || entries[0].Person != "p 000 IGEN" || rows[0].Person != "p 000 IGEN" {
		t.Fatalf("the first line after it: %v %+v", ok, entries)
	}
}

// TestHomeFrontAfterEncrypt: encrypting a file from before front pages
// (its summaries' sequence never moved) copies its plans into a new file
// made with an empty front page; that page must not be taken for the
// list ("no plans yet" on a file of plans). Nor is any front page that
// says there are no plans where there are some.
func TestHomeFrontAfterEncrypt(t *testing.T) {
	path := t.TempDir() + "/sip.db"
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Anna Gammal", "Bo Gammal"} {
		if err := d.SavePlan(model.NewPlan(model.Person{Name: n}, fixedTime())); err != nil {
			t.Fatal(err)
		}
	}
	// As an older sipmote left it: no front page, no sequence.
	if err := d.bolt.Update(func(tx *bolt.Tx) error {
		if err := bucket(tx, bucketSummaries).SetSequence(0); err != nil {
			return err
		}
		return bucket(tx, bucketMeta).Delete([]byte(keyFront))
	}); err != nil {
		t.Fatal(err)
	}
	d.Close()
	if err := Encrypt(path, []byte("lösen"), testKDF); err != nil {
		t.Fatal(err)
	}
	d, err = Open(path, WithPassphrase(pass("lösen")))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if entries, _, count, ok := d.HomeFront(FrontRows); ok {
		t.Fatalf("an encrypted copy's front page was used: %d plans, %+v", count, entries)
	}
	// A front page claiming an empty file, current by its sequence.
	if err := d.update(func(tx *bolt.Tx) error { return d.startFront(tx) }); err != nil {
		t.Fatal(err)
	}
	if entries, _, count, ok := d.HomeFront(FrontRows); ok {
		t.Fatalf("a front page of no plans was used on a file of two: %d plans, %+v", count, entries)
	}
	rebuildFront(t, d)
	if entries, _, count, ok := d.HomeFront(FrontRows); !ok || count != 2 || len(entries) != 2 {
		t.Fatalf("front page made again: %v, %d plans, %+v", ok, count, entries)
	}
}

// TestCheckSeesFrontPage: sipmote check reads the front page too. A whole
// one is said to be so; one whose seal fails fails the check, and one
// that is only out of date (an older sipmote added a plan) does not.
func TestCheckSeesFrontPage(t *testing.T) {
	path := t.TempDir() + "/sip.db"
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Bo Ek", "Anna Ek"} {
		if err := d.SavePlan(model.NewPlan(model.Person{Name: n}, fixedTime())); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()
	check := func(want FrontCheck, ok bool) {
		t.Helper()
		r, err := Check(path)
		if err != nil {
			t.Fatal(err)
		}
		if r.Front != want || r.OK() != ok {
			t.Fatalf("check: front page %d, ok %v; want %d, %v", r.Front, r.OK(), want, ok)
		}
	}
	check(FrontWhole, true)
	// A plan as an older sipmote adds it: sealed with this user's key,
	// but no sequence moved and no front page kept.
	d, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	p := model.NewPlan(model.Person{Name: "Aaron Först"}, fixedTime())
	raw, err := d.sealValue(bucketSummaries, []byte(p.ID), p.Summarise())
	d.Close()
	if err != nil {
		t.Fatal(err)
	}
	rawUpdate(t, path, func(tx *bolt.Tx) error { return tx.Bucket([]byte(bucketSummaries)).Put([]byte(p.ID), raw) })
	check(FrontStale, true)
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		meta := tx.Bucket([]byte(bucketMeta))
		v := bytes.Clone(meta.Get([]byte(keyFront)))
		v[len(v)/2] ^= 0x01
		return meta.Put([]byte(keyFront), v)
	})
	check(FrontDamaged, false)
}

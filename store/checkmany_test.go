package store

import (
	"fmt"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// The whole-file check gives bbolt's map back as it goes and keeps only
// a hash and two links of each event for the file's chain. Among many
// plans (more records and events than lie between two give-backs) it
// still finds a damaged record, a damaged event and the breaks it makes
// in both chains, and the newest event cut off.
func TestCheckFindsDamageAmongManyPlans(t *testing.T) {
	keyDir(t)
	d := openTemp(t)
	base := model.NewPlan(model.Person{Name: "Tolvan Tolvansson", PNR: "19121212-1212"}, fixedTime())
	const plans, perTx = 600, 50
	id := func(i int) string { return fmt.Sprintf("%08x-0000-4000-8000-000000000000", i) }
	for i := 0; i < plans; i += perTx {
		if err := d.update(func(tx *bolt.Tx) error {
			for j := i; j < i+perTx; j++ {
				p := *base
				p.ID, p.Person.Name = id(j), fmt.Sprintf("Person %05d", j)
				rec, err := d.encodePlan(&p)
				if err != nil {
					return err
				}
				if err := rec.put(tx, d); err != nil {
					return err
				}
				for _, k := range []string{TrailCreated, TrailOpened} {
					if err := d.appendEvent(tx, p.ID, TrailEvent{Kind: k, At: fixedTime()}); err != nil {
						return err
					}
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	path := d.Path()
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := Check(path)
	if err != nil || !r.OK() || r.Events != 2*plans || r.Records < 4*plans {
		t.Fatalf("the whole file: %d records, %d events, OK %v, %v", r.Records, r.Events, r.OK(), err)
	}
	if !r.SeenKept {
		t.Fatalf("the first check kept no link: %v", r.SeenErr)
	}
	head := r.Head

	damaged, eventOf := id(299), id(451)
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		plansB := tx.Bucket([]byte(bucketPlans))
		v := slices.Clone(getPlanRecord(plansB, []byte(damaged)))
		v[len(v)/2] ^= 0x5a
		if err := putPlanRecord(plansB, []byte(damaged), v); err != nil {
			return err
		}
		// The second event of another plan: its own chain ends there, and
		// the file's chain breaks at the event after it.
		owner := tx.Bucket([]byte(bucketTrail)).Bucket([]byte(eventOf))
		ev := slices.Clone(owner.Get(seqKey(2)))
		ev[len(ev)/2] ^= 0x5a
		if err := owner.Put(seqKey(2), ev); err != nil {
			return err
		}
		// The newest event, cut off with its entry in the file's chain.
		return cutNewestEvent(tx)
	})
	r, err = Check(path)
	if err != nil {
		t.Fatal(err)
	}
	// A plan's damaged event counts as damage to that plan too.
	if !slices.Equal(r.Damaged, []string{damaged, eventOf}) {
		t.Errorf("Damaged = %v, want [%s %s]", r.Damaged, damaged, eventOf)
	}
	if r.CutOff != 1 {
		t.Errorf("CutOff = %d, want 1 (the newest event is gone)", r.CutOff)
	}
	if r.Structure != nil || r.Events != 2*plans-1 {
		t.Errorf("Structure %v, %d events", r.Structure, r.Events)
	}
	// The damaged event in its plan's chain, and the event after it in
	// the file's chain, whose link points at it.
	fseq := uint64(2*451 + 2)
	want := []ChainBreak{
		{Chain: "", Seq: fseq + 1, Code: BreakLink},
		{Chain: eventOf, Seq: 2, Code: BreakDamaged},
	}
	if len(r.Breaks) != len(want) {
		t.Fatalf("Breaks = %+v, want %+v", r.Breaks, want)
	}
	for i, w := range want {
		if b := r.Breaks[i]; b.Chain != w.Chain || b.Seq != w.Seq || b.Code != w.Code {
			t.Errorf("break %d = %+v, want %+v", i, b, w)
		}
	}
	if r.Breaks[0].At.IsZero() {
		t.Errorf("the file chain's break has no time: %+v", r.Breaks[0])
	}
	if r.Head == "" || r.Head == head {
		t.Errorf("Head %q, before the cut %q: want the hash of the event now newest", r.Head, head)
	}
}

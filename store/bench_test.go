package store

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/internal/turns"
	"github.com/sipmote/sipmote/model"
)

// BenchmarkSaveLargePlan saves LargePlan with its summary, one fsynced
// transaction per iteration. Compare with BenchmarkBoltPutBaseline: the
// target is at most 1.5 times its time. Its x-put is that ratio measured
// in turns (turns.Ratio), on the same file system.
func BenchmarkSaveLargePlan(b *testing.B) {
	d := openTemp(b)
	p := LargePlan()
	save := func() {
		if err := d.SavePlan(p); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		save()
	}
	b.ReportMetric(turns.Ratio(save, barePut(b), 21, 20), "x-put")
}

// BenchmarkBoltPutBaseline is the floor for BenchmarkSaveLargePlan: a bare
// bbolt Put and commit of as many bytes as the encoded plan and summary, on
// the same file system.
func BenchmarkBoltPutBaseline(b *testing.B) {
	put := barePut(b)
	for b.Loop() {
		put()
	}
}

// barePut returns one bare bbolt Put and commit, in a file of its own, of
// as many bytes as LargePlan's record and summary.
func barePut(b *testing.B) func() {
	p := LargePlan()
	rec, err := (&DB{}).encodePlan(p)
	if err != nil {
		b.Fatal(err)
	}
	val := make([]byte, len(rec.plan)+len(rec.summary))
	db, err := bolt.Open(filepath.Join(b.TempDir(), "bare.db"), 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if err := db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucket([]byte("b"))
		return err
	}); err != nil {
		b.Fatal(err)
	}
	key := []byte(p.ID)
	b.SetBytes(int64(len(val)))
	return func() {
		if err := db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("b")).Put(key, val)
		}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkList100k lists 100 000 plans. The target is 100 ms.
func BenchmarkList100k(b *testing.B) {
	const n = 100_000
	d := manySummaries(b, n)
	for b.Loop() {
		list, err := d.List()
		if err != nil {
			b.Fatal(err)
		}
		if len(list) != n {
			b.Fatalf("listed %d plans, want %d", len(list), n)
		}
	}
}

// BenchmarkSoundSummaries100k reads the summaries' page tree by hand, as
// their first use in a program does (treeguard.go), for 100 000 plans; its
// x-list is that time over a List's, taken in turns.
func BenchmarkSoundSummaries100k(b *testing.B) {
	d := manySummaries(b, 100_000)
	sound := func() {
		if err := d.view(func(tx *bolt.Tx) error { return d.soundBucket(tx, tx.Bucket([]byte(bucketSummaries)), false) }); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		sound()
	}
	list := func() {
		if _, err := d.List(); err != nil {
			b.Fatal(err)
		}
	}
	// Each against the list that follows it: the machine's speed
	// drifts, so only times taken together are compared.
	ratios := make([]float64, 5)
	for i := range ratios {
		start := time.Now()
		sound()
		mid := time.Now()
		list()
		ratios[i] = float64(mid.Sub(start)) / float64(time.Since(mid))
	}
	slices.Sort(ratios)
	b.ReportMetric(ratios[len(ratios)/2], "x-list")
}

// manySummaries makes a file of n plans, written in transactions of
// 10 000 records each.
func manySummaries(b *testing.B, n int) *DB {
	const batch = 10_000
	d := openTemp(b)
	start := time.Now()
	base := model.NewPlan(model.Person{Name: "Tolvan Tolvansson", PNR: "19121212-1212"}, fixedTime())
	base.Draft.Meeting.Date = "2025-03-20"
	base.Draft.Content.FollowUp.Date = "2025-06-12"
	base.Draft.Consent.ValidUntil = "2026-03-01"
	base.Draft.Ticks = map[string]bool{"before.consent": true, "before.summons": true}
	putInBatches(b, d, n, batch, func(j int) *model.Plan {
		p := *base
		p.ID = fmt.Sprintf("%08x-0000-4000-8000-000000000000", j)
		p.Person.Name = fmt.Sprintf("Person %d", j)
		return &p
	})
	b.Logf("set-up of %d plans took %v", n, time.Since(start))
	b.ResetTimer()
	return d
}

// putInBatches saves n plans, plan(i) for each, batch plans to a
// transaction, as a file written many plans at a time grows.
func putInBatches(tb testing.TB, d *DB, n, batch int, plan func(i int) *model.Plan) {
	tb.Helper()
	for i := 0; i < n; i += batch {
		recs := make([]planRecord, 0, batch)
		for j := i; j < min(n, i+batch); j++ {
			rec, err := d.encodePlan(plan(j))
			if err != nil {
				tb.Fatal(err)
			}
			recs = append(recs, rec)
		}
		if err := d.update(func(tx *bolt.Tx) error {
			for _, r := range recs {
				if err := r.put(tx, d); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			tb.Fatal(err)
		}
	}
}

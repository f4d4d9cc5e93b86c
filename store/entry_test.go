package store

import (
	"encoding/binary"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// appendSummary2 is the summary format 2 encoder as it was, to make files
// of schema 4.
func appendSummary2(b []byte, s *model.Summary) []byte {
	b = append(b, summaryFormat2)
	for _, str := range [...]string{s.ID, s.Person, s.PNRMasked, string(s.Status), string(s.Variant), s.MeetingDate, s.NextFollowUp, s.ConsentUntil} {
		b = appendString(b, str)
	}
	b = binary.AppendVarint(b, int64(s.Version))
	var flags byte
	if s.HasDraft {
		flags |= flagHasDraft
	}
	if s.ConsentGone {
		flags |= flagConsentGone
	}
	b = append(b, flags)
	b = binary.AppendUvarint(b, uint64(len(s.Ticks)))
	for _, t := range s.Ticks {
		b = appendString(b, t)
	}
	b = binary.AppendUvarint(b, uint64(len(s.Dates)))
	for _, d := range s.Dates {
		b = appendString(b, d.Kind)
		b = appendString(b, d.Date)
		b = appendString(b, d.What)
		b = binary.AppendUvarint(b, uint64(max(d.Open, 0)))
	}
	tb, _ := s.UpdatedAt.AppendBinary(nil)
	return appendBytes(b, tb)
}

// TestIndexEntries: each plan's index entry is its summary's id, name,
// masked personnummer, status and withdrawn consent, with the name's
// Swedish sort key; whole summaries come back in the order asked.
func TestIndexEntries(t *testing.T) {
	d := openTemp(t)
	a := fullPlan()
	b := model.NewPlan(model.Person{Name: "Åsa Öberg", PNR: "19121212-1212"}, fixedTime())
	c := LargePlan()
	for _, p := range []*model.Plan{a, b, c} {
		if err := d.SavePlan(p); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := d.Index()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]model.ListEntry{}
	for _, p := range []*model.Plan{a, b, c} {
		s := p.Summarise()
		want[p.ID] = s.Entry()
	}
	if len(entries) != 3 {
		t.Fatalf("%d entries, want 3", len(entries))
	}
	for _, e := range entries {
		if !reflect.DeepEqual(e, want[e.ID]) {
			t.Errorf("entry %+v, want %+v", e, want[e.ID])
		}
	}
	if e := want[b.ID]; e.Person != "Åsa Öberg" || e.NameKey != string(model.NameKey("åsa öberg")) || e.PNRMasked == "" {
		t.Errorf("entry of Åsa Öberg: %+v", e)
	}
	sums, err := d.Summaries([]string{c.ID, "nobody", a.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != 2 || !reflect.DeepEqual(sums[0], c.Summarise()) || !reflect.DeepEqual(sums[1], a.Summarise()) {
		t.Errorf("summaries: %+v", sums)
	}
}

// TestReadEntryDamaged: every cut of a summary record gives an error, not
// a panic or a wrong entry.
func TestReadEntryDamaged(t *testing.T) {
	s := fullPlan().Summarise()
	for _, b := range [][]byte{appendSummary(nil, &s), appendSummary2(nil, &s)} {
		var whole model.ListEntry
		if err := readEntry(b, &whole); err != nil || whole != s.Entry() {
			t.Fatalf("whole record: %+v, %v", whole, err)
		}
		for n := range len(b) - 1 {
			var e model.ListEntry
			err := readEntry(b[:n], &e)
			if err == nil && b[0] == summaryFormat2 {
				t.Errorf("format 2 cut at %d read as %+v", n, e)
			}
			// Format 3 reads only its first part: a cut after it still
			// gives the whole entry, never a wrong one.
			if err == nil && e != whole {
				t.Errorf("format 3 cut at %d read as %+v", n, e)
			}
		}
	}
}

// TestMigrate4to5: a file of schema 4 has its summaries written again in
// format 3, sealed as they were (authenticated by the user's record key),
// and lists the same; the index comes from the new first part.
func TestMigrate4to5(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sip.db")
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	plans := []*model.Plan{fullPlan(), LargePlan(), model.NewPlan(model.Person{Name: "Örjan Ek"}, fixedTime())}
	for _, p := range plans {
		if err := d.SavePlan(p); err != nil {
			t.Fatal(err)
		}
	}
	before, err := d.List()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	if err := d.update(func(tx *bolt.Tx) error {
		sums := bucket(tx, bucketSummaries)
		for _, s := range before {
			raw, err := sealRecord(d.ring(), bucketSummaries, []byte(s.ID), appendSummary2(nil, &s))
			if err != nil {
				return err
			}
			kinds[s.ID] = sealKind(d.ring(), raw)
			if err := sums.Put([]byte(s.ID), raw); err != nil {
				return err
			}
		}
		return putSchema(bucket(tx, bucketMeta), 4)
	}); err != nil {
		t.Fatal(err)
	}
	d.Close()

	d, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	after, err := d.List()
	if err != nil || !reflect.DeepEqual(after, before) {
		t.Fatalf("after the migration the list is %+v, %v", after, err)
	}
	if err := d.view(func(tx *bolt.Tx) error {
		return bucket(tx, bucketSummaries).ForEach(func(k, v []byte) error {
			inner, err := openRecord(d.ring(), bucketSummaries, k, v)
			if err != nil || inner[0] != summaryFormat || sealKind(d.ring(), v) != kinds[string(k)] {
				t.Errorf("summary %s: format %x, sealed %s (was %s), %v", k, inner[0], sealKind(d.ring(), v), kinds[string(k)], err)
			}
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	if kinds[plans[0].ID] != "user" {
		t.Errorf("the test's summaries are sealed %q, want the user's record key", kinds[plans[0].ID])
	}
	entries, err := d.Index()
	if err != nil || len(entries) != 3 {
		t.Fatalf("index: %d, %v", len(entries), err)
	}
}

// BenchmarkMigrate4to5_10k is the one-time rewrite of 10 000 summaries
// when a file of schema 4 is first opened by this version (Open included).
func BenchmarkMigrate4to5_10k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "sip.db")
	d, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 10_000; i += 1000 {
		var batch []Submission
		for j := i; j < i+1000; j++ {
			p := model.NewPlan(model.Person{Name: "Person " + strconv.Itoa(j), PNR: "19121212-1212"}, fixedTime())
			batch = append(batch, Submission{ID: p.ID, Plan: p})
		}
		if err := d.SaveBatch(batch); err != nil {
			b.Fatal(err)
		}
	}
	old, err := d.List()
	if err != nil {
		b.Fatal(err)
	}
	d.Close()
	for b.Loop() {
		b.StopTimer()
		d, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := d.update(func(tx *bolt.Tx) error {
			sums := bucket(tx, bucketSummaries)
			for _, s := range old {
				raw, err := sealRecord(d.ring(), bucketSummaries, []byte(s.ID), appendSummary2(nil, &s))
				if err != nil {
					return err
				}
				if err := sums.Put([]byte(s.ID), raw); err != nil {
					return err
				}
			}
			return putSchema(bucket(tx, bucketMeta), 4)
		}); err != nil {
			b.Fatal(err)
		}
		d.Close()
		b.StartTimer()
		d, err = Open(path)
		if err != nil {
			b.Fatal(err)
		}
		d.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/migration")
}

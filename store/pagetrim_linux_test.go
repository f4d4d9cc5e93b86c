//go:build linux

package store

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// mappedKB is how much of the file at path is resident in this process
// through its memory maps, from /proc/self/smaps.
func mappedKB(t *testing.T, path string) int {
	t.Helper()
	raw, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	kb, in := 0, false
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Fields(line)
		if len(f) >= 5 && strings.Contains(f[0], "-") {
			in = f[len(f)-1] == path
			continue
		}
		if in && len(f) == 3 && f[0] == "Rss:" {
			n, _ := strconv.Atoi(f[1])
			kb += n
		}
	}
	return kb
}

// A walk over every plan's summary keeps little of the file mapped,
// although the summaries lie all through it. The file is written as a
// real one grows, a few plans a transaction, so that the summaries'
// pages are scattered among the plans'; a plain walk first shows that
// they are (it maps most of the file).
func TestSummaryWalkGivesPagesBack(t *testing.T) {
	d := openTemp(t)
	base := model.NewPlan(model.Person{Name: "Tolvan Tolvansson", PNR: "19121212-1212"}, fixedTime())
	// Some text, as a real plan has: a plan's parts take pages of their
	// own between the summaries'.
	base.Draft.Content.Situation = strings.Repeat("Bor hemma och vill ha stöd med maten. ", 60)
	const plans, perTx = 10000, 10
	for i := 0; i < plans; i += perTx {
		if err := d.update(func(tx *bolt.Tx) error {
			for j := i; j < i+perTx; j++ {
				p := *base
				p.ID = fmt.Sprintf("%08x-0000-4000-8000-000000000000", j)
				p.Person.Name = fmt.Sprintf("Person %05d", j)
				rec, err := d.encodePlan(&p)
				if err != nil {
					return err
				}
				if err := rec.put(tx, d); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	path := d.Path()
	// Untrimmed: bbolt's own walk, as the store walked before.
	var plain int
	if err := d.bolt.View(func(tx *bolt.Tx) error {
		giveBack(tx)
		c := tx.Bucket([]byte(bucketSummaries)).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			_ = v[len(v)-1]
		}
		plain = mappedKB(t, path)
		giveBack(tx)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	const most = 4 << 10 // KB: about two give-backs' worth
	if plain < 3*most {
		t.Fatalf("a plain walk mapped only %d KB of the file: the test's summaries are not scattered enough to show anything", plain)
	}
	peak, n := 0, 0
	if err := d.EachSummary(func(s *model.Summary) error {
		if n++; n%100 == 0 {
			peak = max(peak, mappedKB(t, path))
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n != plans {
		t.Fatalf("walked %d summaries, want %d", n, plans)
	}
	if peak > most {
		t.Errorf("the walk kept up to %d KB of the file mapped (a plain walk: %d KB); want at most %d KB", peak, plain, most)
	}
	if after := mappedKB(t, path); after > most {
		t.Errorf("after the walk %d KB of the file is still mapped", after)
	}
	t.Logf("mapped by a plain walk %d KB, by EachSummary at most %d KB", plain, peak)

	// List, which the home screen read, gives its pages back too, and
	// returns every summary.
	list, err := d.List()
	if err != nil || len(list) != plans {
		t.Fatalf("List: %d summaries, %v", len(list), err)
	}
	if after := mappedKB(t, path); after > most {
		t.Errorf("after List %d KB of the file is still mapped", after)
	}
	// The whole-file check reads every page, and keeps none of them.
	if _, err := d.Check(); err != nil {
		t.Fatal(err)
	}
	if after := mappedKB(t, path); after > most {
		t.Errorf("after Check %d KB of the file is still mapped", after)
	}
	// So does Index, which the home screen reads now.
	idx, err := d.Index()
	if err != nil || len(idx) != plans {
		t.Fatalf("Index: %d entries, %v", len(idx), err)
	}
	if after := mappedKB(t, path); after > most {
		t.Errorf("after Index %d KB of the file is still mapped", after)
	}
}

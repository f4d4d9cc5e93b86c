package service

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/internal/turns"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// manyPlans makes a database of n plans of some ten kilobytes each, in
// transactions of a thousand, and returns its path.
func manyPlans(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "sip.db")
	svc, err := Open(path, Options{RecoveryDirs: []string{filepath.Join(tb.TempDir(), "rec")}})
	if err != nil {
		tb.Fatal(err)
	}
	text := strings.Repeat("Vill bo kvar hemma och behöver stöd med maten. ", 40)
	for i := 0; i < n; i += 10 {
		var batch []store.Submission
		for j := i; j < min(n, i+10); j++ {
			p := model.NewPlan(model.Person{Name: fmt.Sprintf("Person %06d", j)}, testNow)
			p.Draft.Content.Situation, p.Draft.Content.Needs, p.Draft.Content.OwnWords = text, text, text
			for k := range 5 {
				p.Draft.Content.Actions = append(p.Draft.Content.Actions, model.Action{ID: model.NewID(),
					What: fmt.Sprintf("Insats %d: stöd i vardagen", k), Responsible: "Karin Holm"})
			}
			batch = append(batch, store.Submission{ID: p.ID, Plan: p})
		}
		if err := svc.db.SaveBatch(batch); err != nil {
			tb.Fatal(err)
		}
	}
	if err := svc.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

func benchOpen(b *testing.B, n int) {
	path := manyPlans(b, n)
	o := Options{RecoveryDirs: []string{filepath.Join(b.TempDir(), "rec")}}
	open := func() {
		svc, err := Open(path, o)
		if err != nil {
			b.Fatal(err)
		}
		svc.Close()
	}
	b.ResetTimer()
	for b.Loop() {
		open()
	}
	if n == 1 {
		return
	}
	// The same ratio, measured in turns: on a shared machine the speed of
	// both opens drifts from one second to the next, so two benchmarks run
	// one after the other can differ by a tenth where the code does not.
	// Rounds of opens of each file in turn give each round's ratio of the
	// two times, and the metric is their median. A round's time is the
	// whole round's, as ns/op is, so that the garbage an open leaves is
	// paid for in it (a median of single opens would leave out the opens
	// that paid for the collection).
	one := manyPlans(b, 1)
	openOne := func() {
		svc, err := Open(one, o)
		if err != nil {
			b.Fatal(err)
		}
		svc.Close()
	}
	b.ReportMetric(turns.Ratio(open, openOne, 21, 200), "x-open1")
}

// BenchmarkOpen1 opens and closes a database of one plan: the floor for
// BenchmarkOpen10k, which should take at most 1.5 times as long.
func BenchmarkOpen1(b *testing.B) { benchOpen(b, 1) }

// BenchmarkOpen10k opens and closes a database of 10 000 plans: opening
// reads no record, so it does not grow with the plans. Its x-open1 is
// its ratio to BenchmarkOpen1 measured in turns (turns.Ratio).
func BenchmarkOpen10k(b *testing.B) { benchOpen(b, 10_000) }

package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/bigfile"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// tenThousand makes a database of 10 000 plans once per benchmark.
func tenThousand(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "sip.db")
	svc, err := service.Open(path, service.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for i := range 10_000 {
		if err := svc.Create(context.Background(), model.NewPlan(model.Person{Name: fmt.Sprintf("Person %05d", i)}, fixedNow)); err != nil {
			b.Fatal(err)
		}
	}
	if err := svc.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkStoreList10k opens the file and lists its 10 000 plans.
func BenchmarkStoreList10k(b *testing.B) {
	path := tenThousand(b)
	b.ResetTimer()
	for b.Loop() {
		svc, err := service.Open(path, service.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if sums, err := svc.List(context.Background()); err != nil || len(sums) != 10_000 {
			b.Fatal(len(sums), err)
		}
		svc.Close()
	}
}

// BenchmarkHomeFirstFrame10k is what the program does before its first
// frame: open, list, build the home screen and draw it.
func BenchmarkHomeFirstFrame10k(b *testing.B) {
	path := tenThousand(b)
	b.ResetTimer()
	for b.Loop() {
		svc, err := service.Open(path, service.Options{})
		if err != nil {
			b.Fatal(err)
		}
		m := New(Options{Service: svc, Lang: model.Swedish, Now: func() time.Time { return fixedNow }})
		if v := m.View(); v.Content == "" {
			b.Fatal("no frame")
		}
		svc.Close()
	}
}

// BenchmarkHomeOpen100k is the home screen's opening with 100 000 plans
// in a real file: the service opens the file, the root reads the list and
// the first rows' lines and draws the first frame (what is due comes
// after it, in a tea.Cmd, and is not in it).
func BenchmarkHomeOpen100k(b *testing.B) {
	path := bigfile.Make(b, 100_000)
	o := service.Options{RecoveryDirs: []string{filepath.Join(b.TempDir(), "rec")}}
	b.ResetTimer()
	for b.Loop() {
		svc, err := service.Open(path, o)
		if err != nil {
			b.Fatal(err)
		}
		m := New(Options{Service: svc, Lang: model.Swedish, Now: func() time.Time { return bigfile.Now }})
		if v := m.View(); !strings.Contains(v.Content, "Anna Andersson 0 ") {
			b.Fatalf("no plan on the first frame:\n%s", v.Content)
		}
		_ = m.Close()
		svc.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/open")
}

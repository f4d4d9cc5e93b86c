package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

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

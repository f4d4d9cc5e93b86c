package service

import (
	"context"
	"fmt"
	"testing"

	"github.com/sipmote/sipmote/internal/pgtest"
	"github.com/sipmote/sipmote/model"
)

// BenchmarkPgHomeOpen100k is the home screen's reading at start on
// PostgreSQL with 100 000 plans: the index of every plan in name order
// and the lines of the first rows (service.Open included).
func BenchmarkPgHomeOpen100k(b *testing.B) {
	dsn := pgtest.DSN(b)
	svc, err := Open(dsn, Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for i := 0; i < 100_000; i += 1000 {
		var plans []*model.Plan
		for j := i; j < i+1000; j++ {
			plans = append(plans, model.NewPlan(model.Person{Name: fmt.Sprintf("Person %06d", 100_000-j), PNR: "19121212-1212"}, testNow))
		}
		if err := svc.CreateMany(ctx, plans); err != nil {
			b.Fatal(err)
		}
	}
	svc.Close()
	for b.Loop() {
		svc, err := Open(dsn, Options{})
		if err != nil {
			b.Fatal(err)
		}
		entries, err := svc.HomeIndex(ctx)
		if err != nil || len(entries) != 100_000 || entries[0].Person != "Person 000001" {
			b.Fatal(len(entries), err)
		}
		ids := make([]string, 0, 160)
		for _, e := range entries[:160] {
			ids = append(ids, e.ID)
		}
		if rows, err := svc.HomeRows(ctx, ids); err != nil || len(rows) != 160 {
			b.Fatal(len(rows), err)
		}
		svc.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/open")
}

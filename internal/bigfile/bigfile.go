// Package bigfile makes a real sipmote database file of many made-up
// plans for tests and benchmarks of more than one package: the home
// screen with 100 000 plans, the first frame of the whole program. It
// writes through the service, a thousand plans to a transaction
// (service.CreateMany), so that 100 000 plans take seconds, not the
// minutes of one fsynced Create each.
package bigfile

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// Now is the instant the plans are made at.
var Now = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

var (
	first = []string{"Anna", "Björn", "Åsa", "Erik", "Örjan", "Maria", "Lars", "Ängel", "Zara", "Olle"}
	last  = []string{"Andersson", "Öberg", "Nilsson", "Åberg", "Karlsson", "Svensson", "Ek"}
)

// Name is the name of plan i: first names and surnames that many share,
// with å, ä and ö, and a number that makes it the only one.
func Name(i int) string {
	return fmt.Sprintf("%s %s %d", first[i%len(first)], last[(i/len(first))%len(last)], i)
}

// Plan is made-up plan i. One in ten is closed and one in a hundred and
// one had its consent withdrawn; the drafts of the others were last
// touched on different days, so that some are due.
func Plan(i int) *model.Plan {
	made := Now.AddDate(0, 0, -(i % 90))
	p := model.NewPlan(model.Person{Name: Name(i), PNR: fmt.Sprintf("19%02d%02d%02d-%04d", 40+i%60, 1+i%12, 1+i%28, i%10000)}, made)
	p.Draft.Meeting.Secretary = "Ali Rahimi"
	p.Draft.Content.Situation = "Vill bo kvar hemma och behöver stöd med maten."
	switch {
	case i%101 == 7:
		_ = p.Close(model.Closure{Reason: model.CloseConsentGone, Date: made.Format(time.DateOnly), DraftDiscarded: true}, made)
	case i%10 == 3:
		_ = p.Close(model.Closure{Reason: model.CloseGoalsMet, Date: made.Format(time.DateOnly), DraftDiscarded: true, Text: "Målen är nådda."}, made)
	}
	return p
}

// Make writes n plans (Plan(0) to Plan(n-1)) to a new file in a folder of
// tb's own and returns its path.
func Make(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "sip.db")
	svc, err := service.Open(path, service.Options{Now: func() time.Time { return Now }, RecoveryDirs: []string{filepath.Join(tb.TempDir(), "rec")}})
	if err != nil {
		tb.Fatal(err)
	}
	const batch = 1000
	plans := make([]*model.Plan, 0, batch)
	for i := 0; i < n; i += batch {
		plans = plans[:0]
		for j := i; j < min(n, i+batch); j++ {
			plans = append(plans, Plan(j))
		}
		if err := svc.CreateMany(context.Background(), plans); err != nil {
			tb.Fatal(err)
		}
	}
	if err := svc.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

package service

import (
	"context"
	"testing"
	"time"
)

// TestCheckDailyRunsOnceADay: the whole-file check runs when none is
// recorded or the last is a day old, and is recorded in the file.
func TestCheckDailyRunsOnceADay(t *testing.T) {
	now := testNow
	svc := openTest(t, Options{Now: func() time.Time { return now }})
	newPlan(t, svc, "Maja Lind")
	if _, ok := svc.LastCheck(); ok {
		t.Fatal("a check is recorded in a new file")
	}
	for _, step := range []struct {
		after time.Duration
		ran   bool
	}{{0, true}, {time.Hour, false}, {22 * time.Hour, false}, {2 * time.Hour, true}, {-48 * time.Hour, true}} {
		now = now.Add(step.after)
		rec, ran, err := svc.CheckDaily(context.Background())
		if err != nil || ran != step.ran || !rec.OK() {
			t.Fatalf("at %v: CheckDaily = %+v, ran %v, %v; want ran %v", now, rec, ran, err, step.ran)
		}
		if last, ok := svc.LastCheck(); !ok || (ran && !last.At.Equal(now)) {
			t.Fatalf("at %v: the recorded check is %+v %v", now, last, ok)
		}
	}
}

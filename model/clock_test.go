package model

import (
	"testing"
	"time"
)

func TestClockCountsOnlyOpenStepsAfterStart(t *testing.T) {
	v := &Version{}
	if v.TickStep("a", time.Second) {
		t.Fatal("a tick before the start counted")
	}
	now := time.Date(2026, 11, 25, 13, 0, 0, 0, time.UTC)
	v.StartMeeting(now)
	v.TickStep("a", 30*time.Second)
	v.TickStep("b", 20*time.Second)
	if v.TickStep("b", 2*time.Hour) {
		t.Error("a two-hour gap (program closed, laptop asleep) counted")
	}
	if got := v.Elapsed(); got != 50*time.Second {
		t.Errorf("elapsed %v, want 50s", got)
	}
	v.StartMeeting(now.Add(time.Hour))
	if !v.Meeting.StartedAt.Equal(now) {
		t.Error("a second start moved the start")
	}
	v.Agenda["a"] = StepState{Done: true, Seconds: v.Agenda["a"].Seconds}
	v.UndoStart()
	if v.Started() || v.Elapsed() != 0 {
		t.Errorf("undo left started=%v elapsed=%v", v.Started(), v.Elapsed())
	}
	if !v.Agenda["a"].Done {
		t.Error("undo lost a step ticked done")
	}
}

func TestBudgetsShrinkInProportion(t *testing.T) {
	steps := []StepTime{{"a", 10}, {"b", 30}, {"c", 40}, {"d", 20}}
	planned := 100 * time.Minute
	min := func(n int) int { return n * 60 }
	cases := []struct {
		name string
		used map[string]int
		cur  int
		want []float64 // Now, in minutes
	}{
		{"on time", map[string]int{"a": min(10)}, 1, []float64{10, 30, 40, 20}},
		{"early start leaves shares alone", map[string]int{"a": min(2)}, 1, []float64{10, 30, 40, 20}},
		// a took 20 instead of 10: 80 left for 90 planned.
		{"a past step overran", map[string]int{"a": min(20)}, 1, []float64{10, 30 * 80 / 90.0, 40 * 80 / 90.0, 20 * 80 / 90.0}},
		// b runs 15 over: c and d share 100-10-45 = 45 instead of 60.
		{"the current step runs over", map[string]int{"a": min(10), "b": min(45)}, 1, []float64{10, 30, 30, 15}},
		{"all time gone", map[string]int{"a": min(10), "b": min(95)}, 1, []float64{10, 30, 0, 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := &Version{Agenda: map[string]StepState{}}
			for id, s := range c.used {
				v.Agenda[id] = StepState{Seconds: s}
			}
			got := Budgets(planned, steps, c.cur, v)
			for i, w := range c.want {
				want := time.Duration(w * float64(time.Minute))
				if d := got[i].Now - want; d > time.Second || d < -time.Second {
					t.Errorf("step %s: %v, want %v", steps[i].ID, got[i].Now, want)
				}
				if got[i].Shrunk() != (want < got[i].Planned-time.Second) {
					t.Errorf("step %s: shrunk=%v", steps[i].ID, got[i].Shrunk())
				}
			}
		})
	}
}

// TestStartTakesTheRealTime: the plan keeps the booked time when the
// meeting starts near it, and takes the real date and time otherwise, so
// that the print says when the meeting was held.
func TestStartTakesTheRealTime(t *testing.T) {
	at := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, time.Local)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	for _, tt := range []struct {
		name              string
		date, start       string
		now               string
		wantDate, wantTim string
		wantWas           string
	}{
		{"on time", "2026-11-30", "17:00", "2026-11-30 17:04", "2026-11-30", "17:00", ""},
		{"a little early", "2026-11-30", "17:00", "2026-11-30 16:50", "2026-11-30", "17:00", ""},
		{"much earlier", "2026-11-30", "17:00", "2026-11-30 16:16", "2026-11-30", "16:16", "2026-11-30 17:00"},
		{"late", "2026-11-30", "09:00", "2026-11-30 10:05", "2026-11-30", "10:05", "2026-11-30 09:00"},
		{"another day", "2026-12-02", "13:00", "2026-11-30 13:00", "2026-11-30", "13:00", "2026-12-02 13:00"},
		{"no time booked", "2026-11-30", "", "2026-11-30 14:10", "2026-11-30", "14:10", "2026-11-30"},
		{"nothing booked", "", "", "2026-11-30 14:10", "2026-11-30", "14:10", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v := &Version{Meeting: Meeting{Date: tt.date, Start: tt.start}}
			was := v.StartMeeting(at(tt.now))
			if v.Meeting.Date != tt.wantDate || v.Meeting.Start != tt.wantTim || was != tt.wantWas {
				t.Errorf("got %s %s (was %q), want %s %s (was %q)", v.Meeting.Date, v.Meeting.Start, was, tt.wantDate, tt.wantTim, tt.wantWas)
			}
			if again := v.StartMeeting(at(tt.now).Add(time.Hour)); again != "" || v.Meeting.Start != tt.wantTim {
				t.Errorf("a second start changed the time to %s", v.Meeting.Start)
			}
		})
	}
}

// TestUndoStartPutsTheBookingBack: a false start that took the real time
// is taken back with the booked date and time.
func TestUndoStartPutsTheBookingBack(t *testing.T) {
	v := &Version{Meeting: Meeting{Date: "2026-11-30", Start: "09:00"}}
	now := time.Date(2026, 11, 30, 17, 10, 0, 0, time.Local)
	if was := v.StartMeeting(now); was == "" || v.Meeting.Start != "17:10" {
		t.Fatalf("the start kept the booking: %s (was %q)", v.Meeting.Start, was)
	}
	v.UndoStart()
	if v.Meeting.Date != "2026-11-30" || v.Meeting.Start != "09:00" || v.Meeting.Booked != nil {
		t.Errorf("after undo %s %s (booked %+v), want the booking 2026-11-30 09:00", v.Meeting.Date, v.Meeting.Start, v.Meeting.Booked)
	}
	// A start near the booking keeps it, and its undo changes nothing.
	v.StartMeeting(time.Date(2026, 11, 30, 9, 5, 0, 0, time.Local))
	v.UndoStart()
	if v.Meeting.Start != "09:00" {
		t.Errorf("undo of a start on time changed the time to %s", v.Meeting.Start)
	}
}

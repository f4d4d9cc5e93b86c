package model

import (
	"testing"
	"time"
)

// TestNextMeetingSlot: a new plan's meeting is the next full hour, on
// the day that hour falls on.
func TestNextMeetingSlot(t *testing.T) {
	loc := time.FixedZone("CET", 3600)
	for _, tc := range []struct {
		now         time.Time
		date, clock string
	}{
		{time.Date(2026, 12, 7, 14, 23, 0, 0, loc), "2026-12-07", "15:00"},
		{time.Date(2026, 12, 7, 10, 0, 0, 0, loc), "2026-12-07", "11:00"},
		{time.Date(2026, 12, 31, 23, 30, 0, 0, loc), "2027-01-01", "00:00"},
	} {
		if d, c := NextMeetingSlot(tc.now); d != tc.date || c != tc.clock {
			t.Errorf("%v: %s %s, want %s %s", tc.now, d, c, tc.date, tc.clock)
		}
	}
}

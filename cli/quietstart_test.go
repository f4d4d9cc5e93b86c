package cli

import (
	"runtime/debug"
	"testing"
	"time"
)

// gcSetting reads the collector's percent and memory limit without
// changing them.
func gcSetting() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

func TestQuietStartWaitsThenRestores(t *testing.T) {
	wasPercent, wasLimit := gcSetting()
	t.Cleanup(func() {
		debug.SetGCPercent(wasPercent)
		debug.SetMemoryLimit(wasLimit)
	})
	for _, early := range []bool{true, false} {
		restore := quietStart()
		if p, l := gcSetting(); p != -1 || l != min(wasLimit, quietLimit) {
			t.Fatalf("while starting: percent %d, limit %d; want -1 and %d", p, l, min(wasLimit, quietLimit))
		}
		if early {
			restore() // the screens ended before quietFor
		} else {
			time.Sleep(quietFor + 100*time.Millisecond)
		}
		if p, l := gcSetting(); p != wasPercent || l != wasLimit {
			t.Errorf("after the start (ended early: %v): percent %d, limit %d; want %d and %d", early, p, l, wasPercent, wasLimit)
		}
		restore() // a second call changes nothing
		if p, l := gcSetting(); p != wasPercent || l != wasLimit {
			t.Errorf("after a second restore: percent %d, limit %d", p, l)
		}
	}
}

// A lower limit the user set (GOMEMLIMIT) is kept while starting.
func TestQuietStartKeepsALowerLimit(t *testing.T) {
	wasPercent, wasLimit := gcSetting()
	t.Cleanup(func() {
		debug.SetGCPercent(wasPercent)
		debug.SetMemoryLimit(wasLimit)
	})
	debug.SetMemoryLimit(quietLimit / 2)
	restore := quietStart()
	if _, l := gcSetting(); l != quietLimit/2 {
		t.Errorf("limit while starting %d, want the user's %d", l, quietLimit/2)
	}
	restore()
	if _, l := gcSetting(); l != quietLimit/2 {
		t.Errorf("limit after %d, want the user's %d", l, quietLimit/2)
	}
}

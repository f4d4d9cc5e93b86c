package cli

import (
	"runtime"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestHangupWatchEnds: the goroutine that waits for the terminal to hang
// up ends when the screens have ended, however often they are opened; and
// while it watches, a hang-up ends the program.
func TestHangupWatchEnds(t *testing.T) {
	quitOnHangup(func() {})() // the signal package's own loop starts once
	before := runtime.NumGoroutine()
	for range 20 {
		quitOnHangup(func() {})()
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines after 20 runs of the screens, %d before", after, before)
	}

	var quits atomic.Int32
	stop := quitOnHangup(func() { quits.Add(1) })
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for quits.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	stop()
	if quits.Load() != 1 {
		t.Errorf("a hang-up quit the program %d times, want once", quits.Load())
	}
}

package cli

import (
	"runtime/debug"
	"sync"
	"time"
)

// Starting the screens allocates a few megabytes in small pieces (the
// checklists, the first list of plans, the first frame), and with the
// collector's usual setting that starts three or four collections of a
// heap that is all still in use, on the same two cores that draw the first
// frame. While the first frame is made the collector waits instead, unless
// the heap reaches quietLimit; then the usual setting comes back.

// quietFor is how long the collector waits at most: the screens' first
// frame is out by then (ui's firstFrameWait takes the same moment).
const quietFor = 150 * time.Millisecond

// quietLimit is the most memory the runtime may hold meanwhile; past it
// the collector runs to keep it under that. The first frame of 10 000
// plans leaves a heap of about 13 MB (9 MB of it still in use).
const quietLimit = 48 << 20

// quietStart lets the collector wait until quietFor has passed or the
// heap reaches quietLimit, and returns a function that puts the usual
// setting back at once (called when the screens end sooner). A setting
// the user gave (GOGC=off, GOMEMLIMIT) is kept.
func quietStart() (restore func()) {
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(-1) // -1 reads it without a change
	debug.SetMemoryLimit(min(limit, quietLimit))
	back := sync.OnceFunc(func() {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
	})
	t := time.AfterFunc(quietFor, back)
	return func() {
		t.Stop()
		back()
	}
}

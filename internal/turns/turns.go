// Package turns measures one piece of code against another in turns, for
// the benchmarks that report a ratio to a baseline: on a shared machine
// the speed of both drifts from one second to the next (fsync's most of
// all), so two benchmarks run one after the other can differ by a third
// where the code does not.
package turns

import (
	"slices"
	"time"
)

// Ratio times n calls of f, then n of base, rounds times, and returns the
// median over the rounds of f's time over base's. A round's time is the
// whole round's, so that the garbage a call leaves is paid for in it.
func Ratio(f, base func(), rounds, n int) float64 {
	timed := func(g func()) time.Duration {
		start := time.Now()
		for range n {
			g()
		}
		return time.Since(start)
	}
	ratios := make([]float64, rounds)
	for r := range ratios {
		a := timed(f)
		ratios[r] = float64(a) / float64(timed(base))
	}
	slices.Sort(ratios)
	return ratios[rounds/2]
}

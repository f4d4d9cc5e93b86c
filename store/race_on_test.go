//go:build race

package store

// raceOn: the race detector slows Argon2 many times over, so timings are
// only logged under it.
const raceOn = true

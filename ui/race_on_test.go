//go:build race

package ui

// raceOn: the race detector slows the program several times over, so
// timing bounds are checked in the plain build only.
const raceOn = true

package store

import (
	"cmp"

	bolt "go.etcd.io/bbolt"
)

// bbolt reads the file through a memory map. On each page read, Linux
// also maps the pages around it that are already in the page cache (its
// fault-around: 64 KiB at a time), so a walk over every plan's summary,
// whose pages lie scattered through the file, left most of the file
// resident in the process: 17 MB of the 33 MB file of 10 000 plans, for
// summaries that fill 2.6 MB. That was a third of `sipmote list`'s memory,
// and the home screen's.

// Giving pages back has a price: a page read again after it faults
// again, and mapping the 64 KiB around it is most of a fault's cost. A
// walk that gives back every 512 summaries costs about a fifth more CPU
// time than one that keeps everything mapped.

// trimRecords is how many records a walk reads between two give-backs:
// about 35 pages of summaries, which map about 2 MB around them.
const trimRecords = 512

// trimIndexRecords is the same for the home screen's index, which its
// first frame waits for: seldom enough to cost little with 10 000 plans,
// often enough that 100 000 do not map the whole file.
const trimIndexRecords = 4096

// pageTrim gives a walk's pages of the map back every so many records it
// reads (every, trimRecords when 0), and at its end. It belongs to one
// read transaction; a walk calls read for each record and end before the
// transaction ends.
type pageTrim struct {
	tx       *bolt.Tx
	every, n int
}

// read counts one record read, and gives the pages back every so often.
func (t *pageTrim) read() {
	t.n++
	if t.n%cmp.Or(t.every, trimRecords) == 0 {
		giveBack(t.tx)
	}
}

// end gives back what a long walk mapped since its last give-back; a walk
// too short to have given back any leaves its few pages be.
func (t *pageTrim) end() {
	if t.n >= cmp.Or(t.every, trimRecords) {
		giveBack(t.tx)
	}
}

// The whole-file check's walks read every record, so each would leave
// the whole file mapped (pagetrim_linux.go): 21 to 34 MB of a file of
// 10 000 plans, on top of the screens' own when the daily check runs.
// They give the pages back every so many records: the records in the
// order they lie in the file, the trail's events (each plan's chain, then
// the file's chain, which jumps from plan to plan), and the plans with
// their newest event and summary, three places in the file for each.
const (
	checkTrimRecords = 256
	checkTrimEvents  = 32
	checkTrimPlans   = 32
)

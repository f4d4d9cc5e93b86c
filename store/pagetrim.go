package store

import bolt "go.etcd.io/bbolt"

// bbolt reads the file through a memory map. On each page read, Linux
// also maps the pages around it that are already in the page cache (its
// fault-around: 64 KiB at a time), so a walk over every plan's summary,
// whose pages lie scattered through the file, left most of the file
// resident in the process: 17 MB of the 33 MB file of 10 000 plans, for
// summaries that fill 2.6 MB. That was a third of `sipmote list`'s memory,
// and the home screen's.

// trimRecords is how many records a walk reads between two give-backs:
// about 35 pages of summaries, which map about 2 MB around them.
const trimRecords = 512

// pageTrim gives a walk's pages of the map back every trimRecords records
// it reads, and at its end. It belongs to one read transaction; a walk
// calls read for each record and end before the transaction ends.
type pageTrim struct {
	tx *bolt.Tx
	n  int
}

// read counts one record read, and gives the pages back every trimRecords.
func (t *pageTrim) read() {
	t.n++
	if t.n%trimRecords == 0 {
		giveBack(t.tx)
	}
}

// end gives back what a long walk mapped since its last give-back; a walk
// too short to have given back any leaves its few pages be.
func (t *pageTrim) end() {
	if t.n >= trimRecords {
		giveBack(t.tx)
	}
}

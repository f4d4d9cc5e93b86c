package store

import (
	"cmp"
	"slices"
	"time"
)

// TrailRecord is one sealed trail event as an engine keeps it when its
// place in the database's order is a column beside the record (as on
// PostgreSQL) rather than a sealed pointer (the file's trailindex). The
// event itself carries both its numbers, so a record moved to another
// place fails its check.
type TrailRecord struct {
	Owner        string
	Seq, FileSeq uint64
	Raw          []byte
}

// TrailCheck is what VerifyTrail found.
type TrailCheck struct {
	Events int
	Breaks []ChainBreak
	Head   string
	// Damaged are the owners (plan ids, or FileTrailOwner) of events that
	// fail their checksum or seal.
	Damaged []string
}

// VerifyTrail checks every owner's chain and the database's chain over
// recs, which are in the database's order (by FileSeq), as Check does for
// the file: an event changed, removed or slipped in shows as a break.
func (c *Codec) VerifyTrail(recs []TrailRecord) TrailCheck {
	var r TrailCheck
	r.Events = len(recs)
	brk := func(chain string, seq uint64, at time.Time, code, problem string) {
		if chain == fileTrail {
			chain = ""
		}
		r.Breaks = append(r.Breaks, ChainBreak{Chain: chain, Seq: seq, At: at, Code: code, Problem: problem})
	}
	events := make([]TrailEvent, len(recs))
	hashes := make([]string, len(recs))
	ok := make([]bool, len(recs))
	for i, rec := range recs {
		e, h, err := c.OpenEvent(rec.Owner, rec.Seq, rec.Raw)
		if err != nil {
			brk(rec.Owner, rec.Seq, time.Time{}, BreakDamaged, "the event is damaged")
			r.Damaged = append(r.Damaged, rec.Owner)
			continue
		}
		events[i], hashes[i], ok[i] = e, h, true
	}
	// Each owner's chain, in its own order.
	order := make([]int, len(recs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := cmp.Compare(recs[a].Owner, recs[b].Owner); c != 0 {
			return c
		}
		return cmp.Compare(recs[a].Seq, recs[b].Seq)
	})
	prev, owner := "", ""
	for n, i := range order {
		rec, e := recs[i], events[i]
		first := n == 0 || rec.Owner != owner
		owner = rec.Owner
		if !ok[i] {
			prev = ""
			continue
		}
		switch {
		case e.Seq != rec.Seq:
			brk(owner, rec.Seq, e.At, BreakNumber, "the event's number does not match its place")
		case first && e.Prev != "":
			brk(owner, rec.Seq, e.At, BreakLink, "events before this one are missing")
		case !first && e.Prev != prev:
			brk(owner, rec.Seq, e.At, BreakLink, "the event before this one was changed or removed")
		}
		prev = hashes[i]
	}
	// The database's chain, in the order of logging.
	prev = ""
	for i, rec := range recs {
		if !ok[i] {
			prev = ""
			continue
		}
		e := events[i]
		switch {
		case e.FileSeq != rec.FileSeq:
			brk(fileTrail, rec.FileSeq, e.At, BreakNumber, "the event's place in the database does not match")
		case i == 0 && e.FilePrev != "":
			brk(fileTrail, rec.FileSeq, e.At, BreakLink, "events before this one are missing")
		case i > 0 && e.FilePrev != prev:
			brk(fileTrail, rec.FileSeq, e.At, BreakLink, "the event before this one in the database was changed or removed")
		}
		prev = hashes[i]
		r.Head = prev
	}
	slices.SortFunc(r.Breaks, func(a, b ChainBreak) int {
		if c := cmp.Compare(a.Chain, b.Chain); c != 0 {
			return c
		}
		return cmp.Compare(a.Seq, b.Seq)
	})
	return r
}

package store

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"

	"github.com/sipmote/sipmote/model"
)

// RecordHash is the hash a trail event carries of the plan's records
// written with it, the plan and its list summary: of the stored bytes, as
// an engine keeps them, so that either put back alone is found.
func RecordHash(plan, summary []byte) string {
	h := sha256.New()
	h.Write(binary.BigEndian.AppendUint64(nil, uint64(len(plan))))
	h.Write(plan)
	h.Write(summary)
	return hex.EncodeToString(h.Sum(nil))
}

// StampRecord marks each of events, written in one transaction with plan
// p stored as planRaw (and its summary as summaryRaw), with the record's hash and p's UpdatedAt. Every
// engine calls it where a plan and its events are written together, so
// that check can tell when a plan's record is older than its trail says
// (an old record put back). Events carried from another database keep
// what they had.
func StampRecord(events []TrailEvent, planRaw, summaryRaw []byte, p *model.Plan) {
	if p == nil || planRaw == nil {
		return
	}
	h := RecordHash(planRaw, summaryRaw)
	for i := range events {
		if !events[i].Carried {
			events[i].Record, events[i].RecordAt = h, p.UpdatedAt
		}
	}
}

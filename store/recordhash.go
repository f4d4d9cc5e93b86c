package store

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/sipmote/sipmote/model"
)

// RecordHash is the hash a trail event carries of the plan record written
// with it: of the stored bytes, as an engine keeps them.
func RecordHash(raw []byte) string {
	h := sha256.Sum256(raw)
	return hex.EncodeToString(h[:])
}

// StampRecord marks each of events, written in one transaction with plan
// p stored as planRaw, with the record's hash and p's UpdatedAt. Every
// engine calls it where a plan and its events are written together, so
// that check can tell when a plan's record is older than its trail says
// (an old record put back). Events carried from another database keep
// what they had.
func StampRecord(events []TrailEvent, planRaw []byte, p *model.Plan) {
	if p == nil || planRaw == nil {
		return
	}
	h := RecordHash(planRaw)
	for i := range events {
		if !events[i].Carried {
			events[i].Record, events[i].RecordAt = h, p.UpdatedAt
		}
	}
}

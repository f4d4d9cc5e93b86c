package store

import (
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// migrate5to6 keeps every plan's record in parts (parts.go). The record's
// bytes are not opened or changed, so a damaged one stays as damaged as
// it was, and the trail's record hashes still hold.
func migrate5to6(tx *bolt.Tx, _ keyring) error {
	plans := bucket(tx, bucketPlans)
	if plans == nil {
		return fmt.Errorf("%w: a bucket is missing", ErrCorrupt)
	}
	// Collected first (wholeRecords): bbolt forbids changing a bucket
	// while iterating it.
	for _, id := range wholeRecords(plans) {
		v := plans.Get(id)
		if v == nil {
			continue // a bucket: none belongs here
		}
		if err := putPlanRecord(plans, id, slices.Clone(v)); err != nil {
			return err
		}
	}
	return nil
}

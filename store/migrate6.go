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
	// Collected first: bbolt forbids changing a bucket while iterating it.
	var ids [][]byte
	err := plans.ForEach(func(k, v []byte) error {
		if _, _, part := splitPartKey(k); !part && v != nil {
			ids = append(ids, slices.Clone(k))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := putPlanRecord(plans, id, slices.Clone(plans.Get(id))); err != nil {
			return err
		}
	}
	return nil
}

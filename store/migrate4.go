package store

import (
	"crypto/cipher"
	"errors"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// migrate3to4 rewrites every plan in plan format 3 and its list line in
// summary format 2, so that a file opens unchanged in meaning: decoding
// upgrades the plan (model.Plan.Upgrade turns "none" into a follow-up
// state, "awaiting" into planned, the plan's ticks into the current
// version's, the closure's names into a list to tick), and the new
// summary carries the dates `due` watches. Records are sealed again with
// the file's key when it is encrypted. A damaged plan is left as it is,
// for `sipmote check` and rescue to report; its old summary stays
// readable (readSummary still reads format 1).
func migrate3to4(tx *bolt.Tx, aead cipher.AEAD) error {
	plans, sums := bucket(tx, bucketPlans), bucket(tx, bucketSummaries)
	if plans == nil || sums == nil {
		return fmt.Errorf("%w: a bucket is missing", ErrCorrupt)
	}
	type rec struct{ k, plan, sum []byte }
	var out []rec
	err := plans.ForEach(func(k, v []byte) error {
		inner, err := openRecord(keyring{aead: aead}, bucketPlans, k, v)
		if errors.Is(err, ErrDamagedRecord) {
			return nil
		}
		if err != nil {
			return err
		}
		var p model.Plan
		if err := decode(inner, &p); err != nil {
			return nil // undecodable: left for check and rescue
		}
		key := slices.Clone(k)
		pb, err := encode(&p)
		if err != nil {
			return err
		}
		sb, err := encode(p.Summarise())
		if err != nil {
			return err
		}
		if pb, err = sealRecord(keyring{aead: aead}, bucketPlans, key, pb); err != nil {
			return err
		}
		if sb, err = sealRecord(keyring{aead: aead}, bucketSummaries, key, sb); err != nil {
			return err
		}
		out = append(out, rec{key, pb, sb})
		return nil
	})
	if err != nil {
		return err
	}
	// Written after the walk: bbolt forbids changing a bucket while
	// iterating it.
	for _, r := range out {
		if err := plans.Put(r.k, r.plan); err != nil {
			return err
		}
		if err := sums.Put(r.k, r.sum); err != nil {
			return err
		}
	}
	return nil
}

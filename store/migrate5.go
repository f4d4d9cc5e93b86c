package store

import (
	"errors"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// migrate4to5 writes every summary again in summary format 3, which
// begins with the home screen's index and carries the name's sort key, so
// that the list is not collated again at every start. Each summary is
// made from the stored summary, not the plan: nothing in it changes but
// its layout, and the plans are not read.
//
// A summary is sealed again as it was: with the file's key when the file
// is encrypted, with the user's record key when that key authenticated
// it. One authenticated by another record key (another machine's) is left
// in its old format, which is still read (its index is then made at each
// reading): sealing it with this user's key would vouch for a record this
// user's key never proved. A damaged summary is left for check and rescue.
func migrate4to5(tx *bolt.Tx, k keyring) error {
	sums := bucket(tx, bucketSummaries)
	if sums == nil {
		return fmt.Errorf("%w: a bucket is missing", ErrCorrupt)
	}
	type rec struct{ k, v []byte }
	var out []rec
	err := sums.ForEach(func(key, v []byte) error {
		ring := k
		switch sealKind(k, v) {
		case "other":
			return nil
		case "none":
			ring = keyring{} // plain stays plain; sealUnsealed decides
		}
		inner, err := openRecord(k, bucketSummaries, key, v)
		if errors.Is(err, ErrDamagedRecord) || errors.Is(err, ErrEncrypted) {
			return nil
		}
		if err != nil {
			return err
		}
		if len(inner) > 0 && inner[0] == summaryFormat {
			return nil
		}
		var s model.Summary
		if decode(inner, &s) != nil {
			return nil // undecodable: left for check and rescue
		}
		raw, err := sealRecord(ring, bucketSummaries, key, appendSummary(nil, &s))
		if err != nil {
			return err
		}
		out = append(out, rec{slices.Clone(key), raw})
		return nil
	})
	if err != nil {
		return err
	}
	// Written after the walk: bbolt forbids changing a bucket while
	// iterating it.
	for _, r := range out {
		if err := sums.Put(r.k, r.v); err != nil {
			return err
		}
	}
	return nil
}

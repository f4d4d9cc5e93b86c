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
		raw, changed, err := upgradeSummary(k, key, v)
		if changed {
			out = append(out, rec{slices.Clone(key), raw})
		}
		return err
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

// upgradeSummary gives the summary record raw, kept under key, in summary
// format 3, sealed as it was (see migrate4to5). changed is false for a
// record already in that format and for one that is left as it is.
func upgradeSummary(k keyring, key, raw []byte) ([]byte, bool, error) {
	ring := k
	switch sealKind(k, raw) {
	case "other":
		return nil, false, nil
	case "none":
		ring = keyring{} // plain stays plain; sealUnsealed decides
	}
	inner, err := openRecord(k, bucketSummaries, key, raw)
	if errors.Is(err, ErrDamagedRecord) || errors.Is(err, ErrEncrypted) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if len(inner) > 0 && inner[0] == summaryFormat {
		return nil, false, nil
	}
	var s model.Summary
	if decode(inner, &s) != nil {
		return nil, false, nil // undecodable: left for check and rescue
	}
	out, err := sealRecord(ring, bucketSummaries, key, appendSummary(nil, &s))
	if err != nil {
		return nil, false, err
	}
	return out, true, nil
}

// UpgradeSummary is upgradeSummary for an engine that keeps its records
// elsewhere (PostgreSQL's migration to the summaries' format 3).
func (c *Codec) UpgradeSummary(id string, raw []byte) (out []byte, changed bool, err error) {
	return upgradeSummary(c.ring(), []byte(id), raw)
}

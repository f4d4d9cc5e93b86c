package store

import (
	"encoding/binary"
	"fmt"
	"slices"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// migrate2to3 puts every record of a schema-2 file in its checksummed
// envelope and chains the trail. A schema-2 file is never encrypted, so
// the envelopes are plain.
func migrate2to3(tx *bolt.Tx) error {
	for _, name := range []string{bucketPlans, bucketSummaries, bucketDrafts} {
		if err := rewrap(bucket(tx, name), name); err != nil {
			return err
		}
	}
	idx, err := tx.CreateBucketIfNotExists([]byte(bucketTrailIndex))
	if err != nil {
		return err
	}
	return chainOldTrail(bucket(tx, bucketTrail), idx)
}

// rewrap replaces every value of b by its envelope. Values are collected
// first: bbolt does not allow changing a bucket while walking it.
func rewrap(b *bolt.Bucket, name string) error {
	if b == nil {
		return fmt.Errorf("%w: bucket %s is missing", ErrCorrupt, name)
	}
	type kv struct{ k, v []byte }
	var all []kv
	err := b.ForEach(func(k, v []byte) error {
		if v != nil {
			all = append(all, kv{slices.Clone(k), slices.Clone(v)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, r := range all {
		rec, err := sealRecord(keyring{}, name, r.k, r.v)
		if err != nil {
			return err
		}
		if err := b.Put(r.k, rec); err != nil {
			return err
		}
	}
	return nil
}

// chainOldTrail gives the events of a schema-2 trail their numbers and
// links. The file's order is by time; each plan keeps its own order within
// it even where the clock went backwards.
func chainOldTrail(tb, idx *bolt.Bucket) error {
	if tb == nil {
		return fmt.Errorf("%w: bucket %s is missing", ErrCorrupt, bucketTrail)
	}
	type ev struct {
		owner string
		key   []byte
		e     TrailEvent
	}
	var all []ev
	byOwner := map[string][]int{}
	err := tb.ForEach(func(owner, v []byte) error {
		b := tb.Bucket(owner)
		if v != nil || b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var e TrailEvent
			if err := decode(v, &e); err != nil {
				return fmt.Errorf("trail %s: %w", owner, err)
			}
			e.Seq = binary.BigEndian.Uint64(k)
			byOwner[string(owner)] = append(byOwner[string(owner)], len(all))
			all = append(all, ev{string(owner), slices.Clone(k), e})
			return nil
		})
	})
	if err != nil {
		return err
	}
	// Sort the positions by time, then hand each plan its own events in
	// its own order at the positions it got.
	order := make([]int, len(all))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return all[order[a]].e.At.Before(all[order[b]].e.At) })
	next := map[string]int{}
	for pos, i := range order {
		o := all[i].owner
		order[pos] = byOwner[o][next[o]]
		next[o]++
	}
	last := map[string]string{}
	filePrev := ""
	for n, i := range order {
		r := &all[i]
		r.e.Plan, r.e.FileSeq = r.owner, uint64(n+1)
		r.e.Prev, r.e.FilePrev = last[r.owner], filePrev
		inner, err := encode(r.e)
		if err != nil {
			return err
		}
		h := eventHash(inner)
		last[r.owner], filePrev = h, h
		rec, err := sealRecord(keyring{}, trailBucket(r.owner), r.key, inner)
		if err != nil {
			return err
		}
		if err := tb.Bucket([]byte(r.owner)).Put(r.key, rec); err != nil {
			return err
		}
		ptrInner, err := encode(trailPointer{Owner: r.owner, Seq: r.e.Seq})
		if err != nil {
			return err
		}
		fkey := seqKey(r.e.FileSeq)
		ptr, err := sealRecord(keyring{}, bucketTrailIndex, fkey, ptrInner)
		if err != nil {
			return err
		}
		if err := idx.Put(fkey, ptr); err != nil {
			return err
		}
	}
	return idx.SetSequence(uint64(len(all)))
}

package store

import (
	"slices"

	bolt "go.etcd.io/bbolt"
)

// allSealedIn tells whether the meta bucket holds the mark that
// sealUnsealed has run.
func allSealedIn(meta metaGetter) bool { return meta != nil && meta.Get([]byte(keyAllSealed)) != nil }

// sealUnsealed gives every plain record of a plain file without a seal
// ('S', written by an older sipmote or where there was no record key) the
// user's HMAC, once, the first time the file is opened for writing with a
// record key. The records' bytes stay as they are, so the trail's chains
// still hold. From then on a record without a seal in the file is one
// whose seal someone removed, and check says so. A file with damaged
// records is left as it is (it is written no more).
//
// That it was done is kept in the file (keyAllSealed), so that opening
// does not read every record again: the next open reads one key. A write
// that leaves a record without a seal (where there is no record key)
// takes the mark away in its own transaction (see update).
//
// known is whether the mark is in the file, when opening has read it
// already (nil: read it here).
func (d *DB) sealUnsealed(known *bool) error {
	if d.mac == nil || d.aead != nil || d.isDamaged() {
		return nil
	}
	done := false
	if known != nil {
		done = *known
	} else {
		_ = d.read(func(tx *bolt.Tx) error {
			done = allSealedIn(metaOf(tx))
			return nil
		})
	}
	if done {
		return nil
	}
	found := false
	if err := d.view(d.soundFile); err != nil {
		return err
	}
	_ = d.view(func(tx *bolt.Tx) error {
		eachRecord(tx, func(_ string, _, v []byte) bool {
			found = len(v) > 0 && v[0] == recPlain
			return !found
		})
		return nil
	})
	markDone := func(tx *bolt.Tx) error { return bucket(tx, bucketMeta).Put([]byte(keyAllSealed), []byte{1}) }
	if !found {
		return d.update(markDone)
	}
	return d.update(func(tx *bolt.Tx) error {
		type rec struct {
			bkt      string
			key, raw []byte
		}
		var recs []rec
		eachRecord(tx, func(bkt string, k, v []byte) bool {
			if len(v) > 0 && v[0] == recPlain && checkRecord(bkt, k, v) {
				recs = append(recs, rec{bkt, slices.Clone(k), slices.Clone(v)})
			}
			return true
		})
		for _, r := range recs {
			sealed, err := sealRecord(d.ring(), r.bkt, r.key, r.raw[1:len(r.raw)-crcLen])
			if err != nil {
				return err
			}
			b, err := bucketAt(tx, r.bkt)
			if err != nil {
				return err
			}
			if err := putRecord(r.bkt, b, r.key, sealed); err != nil {
				return err
			}
		}
		return markDone(tx)
	})
}

// keyAllSealed in the meta bucket says every record of a plain file has
// its seal (sealUnsealed has run and nothing unsealed was written since).
const keyAllSealed = "all_sealed"

// eachRecord calls fn with every record outside meta, named by its bucket
// as checksums name it, until fn returns false.
func eachRecord(tx *bolt.Tx, fn func(bkt string, k, v []byte) bool) {
	more := true
	var visit func(name string, b *bolt.Bucket)
	visit = func(name string, b *bolt.Bucket) {
		_ = forEachRecord(name, b, func(k, v []byte) error {
			if !more {
				return nil
			}
			if v == nil {
				if nb := b.Bucket(k); nb != nil {
					visit(name+"/"+string(k), nb)
				}
				return nil
			}
			more = fn(name, k, v)
			return nil
		})
	}
	_ = tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		if string(name) != bucketMeta && more {
			visit(string(name), b)
		}
		return nil
	})
}

package store

import (
	"slices"

	bolt "go.etcd.io/bbolt"
)

// AdoptSeals seals anew, with this user's record key, every record of a
// plain file that carries another key's seal or none, and returns how
// many it sealed. It is what restoring a backup on another computer does,
// once, before the restored file gets its name: the author's key stays on
// the computer where the file was written, so nothing here can show those
// records unchanged, and without this every later check here would count
// them as sealed by someone else. From then on a change made without this
// key shows here: trust on first use, as for a file of an older sipmote
// (sealUnsealed). Whether a file may be adopted is the caller's to decide
// (Restore adopts only a file with no record of this key).
//
// The records' bytes stay as they are, so the trail's chains and the
// hashes of records its events carry still hold. It writes in batches: a
// file of many plans is not one transaction the size of the file.
func (d *DB) AdoptSeals() (int, error) {
	if d.mac == nil || d.aead != nil {
		return 0, nil // an encrypted file is sealed with its own key; no key, nothing to seal with
	}
	if err := d.Writable(); err != nil {
		return 0, err
	}
	type place struct{ bkt, key string }
	var todo []place
	if err := d.view(d.soundFile); err != nil {
		return 0, err
	}
	err := d.view(func(tx *bolt.Tx) error {
		eachRecord(tx, func(bkt string, k, v []byte) bool {
			if kind := sealKind(d.ring(), v); kind == "none" || kind == "other" {
				todo = append(todo, place{bkt, string(k)})
			}
			return true
		})
		return nil
	})
	if err != nil {
		return 0, err
	}
	done := 0
	for batch := range slices.Chunk(todo, 1000) {
		err := d.update(func(tx *bolt.Tx) error {
			for _, p := range batch {
				b, err := bucketAt(tx, p.bkt)
				if err != nil {
					return err
				}
				raw := getRecord(p.bkt, b, []byte(p.key))
				inner, ok := foreignInner(raw, p.bkt, []byte(p.key))
				if !ok {
					return ErrDamagedRecord
				}
				sealed, err := sealRecord(d.ring(), p.bkt, []byte(p.key), inner)
				if err != nil {
					return err
				}
				if err := putRecord(p.bkt, b, []byte(p.key), sealed); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return done, err
		}
		done += len(batch)
	}
	return done, d.update(func(tx *bolt.Tx) error { return bucket(tx, bucketMeta).Put([]byte(keyAllSealed), []byte{1}) })
}

// foreignInner is the inner bytes of raw, a whole record stored under
// bkt/key that carries no seal ('S') or another key's ('A'), which cannot
// be proved here; ok is false for anything else.
func foreignInner(raw []byte, bkt string, key []byte) (inner []byte, ok bool) {
	if !checkRecord(bkt, key, raw) {
		return nil, false
	}
	body := raw[1 : len(raw)-crcLen]
	switch raw[0] {
	case recPlain:
		return slices.Clone(body), true
	case recAuth:
		return slices.Clone(body[macIDLen : len(body)-macLen]), true
	}
	return nil, false
}

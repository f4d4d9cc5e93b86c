package store

import (
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
)

// Every value outside the meta bucket is stored in an envelope that lets
// each read tell a whole record from a damaged one (schema 3 on):
//
//	plain:     'S' inner crc32c
//	encrypted: 'E' nonce(24) sealed(inner)+tag crc32c
//
// The checksum covers the bucket's name and the key as well as the bytes
// before it, so a record copied under another plan's id does not pass
// either. CRC-32C is not a defence against someone who means harm (that is
// what the trail's hash chain and encryption are for); it is for the
// flipped bit, the torn page, the editor that saved over the file, and it
// costs almost nothing, so it is checked on every read and, for the whole
// file, on every Open. An encrypted record is also sealed with
// XChaCha20-Poly1305, with the bucket and key as associated data.
const (
	recPlain  byte = 'S'
	recSealed byte = 'E'
	crcLen         = 4
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ErrDamagedRecord marks one record whose checksum or seal does not match:
// the rest of the file may be whole. It wraps ErrCorrupt.
var ErrDamagedRecord = fmt.Errorf("%w: a record fails its checksum", ErrCorrupt)

// recordSum is the checksum of a record stored under bkt/key.
func recordSum(bkt string, key, body []byte) uint32 {
	c := crc32.Update(0, castagnoli, []byte(bkt))
	c = crc32.Update(c, castagnoli, []byte{0})
	c = crc32.Update(c, castagnoli, key)
	c = crc32.Update(c, castagnoli, []byte{0})
	return crc32.Update(c, castagnoli, body)
}

// sealRecord wraps inner for storing under bkt/key: with aead when the
// file is encrypted, else in plain with a checksum.
func sealRecord(aead cipher.AEAD, bkt string, key, inner []byte) ([]byte, error) {
	var out []byte
	if aead == nil {
		out = make([]byte, 0, 1+len(inner)+crcLen)
		out = append(out, recPlain)
		out = append(out, inner...)
	} else {
		ns := aead.NonceSize()
		out = make([]byte, 1+ns, 1+ns+len(inner)+aead.Overhead()+crcLen)
		out[0] = recSealed
		if _, err := rand.Read(out[1 : 1+ns]); err != nil {
			return nil, err
		}
		out = aead.Seal(out, out[1:1+ns], inner, associated(bkt, key))
	}
	return binary.BigEndian.AppendUint32(out, recordSum(bkt, key, out)), nil
}

// checkRecord tells whether raw is an intact envelope for bkt/key, without
// opening a seal: Open uses it on every record, key or no key.
func checkRecord(bkt string, key, raw []byte) bool {
	if len(raw) < 1+crcLen || raw[0] != recPlain && raw[0] != recSealed {
		return false
	}
	body := raw[:len(raw)-crcLen]
	return binary.BigEndian.Uint32(raw[len(body):]) == recordSum(bkt, key, body)
}

// openRecord checks raw and returns the inner bytes. A plain record in an
// encrypted file is refused as damaged: it cannot have been written by
// sipmote, and accepting it would let anyone with the file add records.
func openRecord(aead cipher.AEAD, bkt string, key, raw []byte) ([]byte, error) {
	if !checkRecord(bkt, key, raw) {
		return nil, ErrDamagedRecord
	}
	body := raw[1 : len(raw)-crcLen]
	switch {
	case aead == nil && raw[0] == recPlain:
		return body, nil
	case aead == nil:
		return nil, ErrEncrypted
	case raw[0] != recSealed:
		return nil, ErrDamagedRecord
	}
	ns := aead.NonceSize()
	if len(body) < ns+aead.Overhead() {
		return nil, ErrDamagedRecord
	}
	inner, err := aead.Open(nil, body[:ns], body[ns:], associated(bkt, key))
	if err != nil {
		return nil, ErrDamagedRecord
	}
	return inner, nil
}

func associated(bkt string, key []byte) []byte {
	ad := make([]byte, 0, len(bkt)+1+len(key))
	ad = append(ad, bkt...)
	ad = append(ad, 0)
	return append(ad, key...)
}

// trailBucket is the name a plan's trail bucket goes by in checksums.
func trailBucket(planID string) string { return bucketTrail + "/" + planID }

// put seals v's encoding and stores it; get reads one back into v. Both
// name the bucket as the checksum does.
func (d *DB) sealValue(bkt string, key []byte, v any) ([]byte, error) {
	inner, err := encode(v)
	if err != nil {
		return nil, err
	}
	return sealRecord(d.aead, bkt, key, inner)
}

// openValue decodes a stored record into v. A damaged record marks the
// file as damaged, so nothing more is written to it.
func (d *DB) openValue(bkt string, key, raw []byte, v any) error {
	inner, err := openRecord(d.aead, bkt, key, raw)
	if err != nil {
		if errors.Is(err, ErrDamagedRecord) {
			d.markDamaged(bkt, key)
		}
		return err
	}
	return decode(inner, v)
}

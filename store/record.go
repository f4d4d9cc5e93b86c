package store

import (
	"crypto/hmac"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
)

// Every value outside the meta bucket is stored in an envelope that lets
// each read tell a whole record from a damaged one (schema 3 on):
//
//	plain:         'S' inner crc32c
//	authenticated: 'A' keyid(8) inner hmac(32) crc32c
//	encrypted:     'E' nonce(24) sealed(inner)+tag crc32c
//
// The checksum covers the bucket's name and the key as well as the bytes
// before it, so a record copied under another plan's id does not pass
// either. CRC-32C is not a defence against someone who means harm; it is
// for the flipped bit, the torn page, the editor that saved over the file,
// and it costs almost nothing, so it is checked on every read and, for the
// whole file, on every Open. Against harm, a record is authenticated with
// a key the file does not hold (see keys.go): an encrypted one is sealed
// with XChaCha20-Poly1305, with the bucket and key as associated data; a
// plain one written where the user has a record key carries an HMAC of
// its bucket, key and bytes ('A'). 'S' records are from before that, or
// from a machine without a key.
const (
	recPlain  byte = 'S'
	recAuth   byte = 'A'
	recSealed byte = 'E'
	crcLen         = 4
	macIDLen       = 8
	macLen         = 32
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ErrDamagedRecord marks one record whose checksum or seal does not match:
// the rest of the file may be whole. It wraps ErrCorrupt.
var ErrDamagedRecord = fmt.Errorf("%w: a record fails its checksum", ErrCorrupt)

// ErrChangedRecord marks a record whose checksum is right but whose
// authentication is not: someone changed it and made its checksum again.
// It wraps ErrDamagedRecord.
var ErrChangedRecord = fmt.Errorf("%w: a record's seal does not match (it was changed)", ErrDamagedRecord)

// recordSum is the checksum of a record stored under bkt/key.
func recordSum(bkt string, key, body []byte) uint32 {
	c := crc32.Update(0, castagnoli, []byte(bkt))
	c = crc32.Update(c, castagnoli, []byte{0})
	c = crc32.Update(c, castagnoli, key)
	c = crc32.Update(c, castagnoli, []byte{0})
	return crc32.Update(c, castagnoli, body)
}

// sealRecord wraps inner for storing under bkt/key: sealed with the data
// key when the file is encrypted, else with an HMAC under the record key
// when there is one, else in plain with a checksum only.
func sealRecord(k keyring, bkt string, key, inner []byte) ([]byte, error) {
	var out []byte
	switch {
	case k.aead != nil:
		aead := k.aead
		ns := aead.NonceSize()
		out = make([]byte, 1+ns, 1+ns+len(inner)+aead.Overhead()+crcLen)
		out[0] = recSealed
		if _, err := rand.Read(out[1 : 1+ns]); err != nil {
			return nil, err
		}
		out = aead.Seal(out, out[1:1+ns], inner, associated(bkt, key))
	case k.mac != nil:
		out = make([]byte, 0, 1+macIDLen+len(inner)+macLen+crcLen)
		out = append(out, recAuth)
		out = append(out, k.mac.id[:]...)
		out = append(out, inner...)
		out = append(out, k.mac.sum(bkt, key, inner)...)
	default:
		out = make([]byte, 0, 1+len(inner)+crcLen)
		out = append(out, recPlain)
		out = append(out, inner...)
	}
	return binary.BigEndian.AppendUint32(out, recordSum(bkt, key, out)), nil
}

// checkRecord tells whether raw is an intact envelope for bkt/key, without
// opening a seal: Open uses it on every record, key or no key.
func checkRecord(bkt string, key, raw []byte) bool {
	if len(raw) < 1+crcLen || raw[0] != recPlain && raw[0] != recSealed && raw[0] != recAuth {
		return false
	}
	if raw[0] == recAuth && len(raw) < 1+macIDLen+macLen+crcLen {
		return false
	}
	body := raw[:len(raw)-crcLen]
	return binary.BigEndian.Uint32(raw[len(body):]) == recordSum(bkt, key, body)
}

// openRecord checks raw and returns the inner bytes. A plain or
// authenticated record in an encrypted file is refused as damaged: it
// cannot have been written by sipmote, and accepting it would let anyone
// with the file add records. An authenticated record whose HMAC under the
// record key fails is ErrChangedRecord; one of another key (another
// machine's) is read, unproved.
func openRecord(k keyring, bkt string, key, raw []byte) ([]byte, error) {
	if !checkRecord(bkt, key, raw) {
		return nil, ErrDamagedRecord
	}
	body := raw[1 : len(raw)-crcLen]
	switch {
	case raw[0] == recSealed && k.aead == nil:
		return nil, ErrEncrypted
	case raw[0] != recSealed && k.aead != nil:
		return nil, ErrDamagedRecord
	case raw[0] == recPlain:
		return body, nil
	case raw[0] == recAuth:
		id, inner, mac := body[:macIDLen], body[macIDLen:len(body)-macLen], body[len(body)-macLen:]
		if k.mac != nil && string(id) == string(k.mac.id[:]) && !hmac.Equal(mac, k.mac.sum(bkt, key, inner)) {
			return nil, ErrChangedRecord
		}
		return inner, nil
	}
	aead := k.aead
	ns := aead.NonceSize()
	if len(body) < ns+aead.Overhead() {
		return nil, ErrDamagedRecord
	}
	inner, err := aead.Open(nil, body[:ns], body[ns:], associated(bkt, key))
	if err != nil {
		return nil, ErrChangedRecord
	}
	return inner, nil
}

// sealKind says how a record is authenticated: by the file's key, by the
// record key k holds, by another record key, or not at all.
func sealKind(k keyring, raw []byte) string {
	switch {
	case len(raw) == 0:
		return "none"
	case raw[0] == recSealed:
		return "file"
	case raw[0] == recAuth && k.mac != nil && len(raw) > macIDLen && string(raw[1:1+macIDLen]) == string(k.mac.id[:]):
		return "user"
	case raw[0] == recAuth:
		return "other"
	}
	return "none"
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
	return sealRecord(d.ring(), bkt, key, inner)
}

// openValue decodes a stored record into v. A damaged record marks the
// file as damaged, so nothing more is written to it.
func (d *DB) openValue(bkt string, key, raw []byte, v any) error {
	inner, err := openRecord(d.ring(), bkt, key, raw)
	if err != nil {
		if errors.Is(err, ErrDamagedRecord) {
			d.markDamaged(bkt, key)
		}
		return err
	}
	return decode(inner, v)
}

// ring is the keys the file's records are sealed with.
func (d *DB) ring() keyring { return keyring{aead: d.aead, mac: d.mac} }

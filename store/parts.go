package store

import (
	"bytes"
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Plans are kept in parts (schema 6 on). A plan's record is tens of
// kilobytes, and bbolt keeps a value that big on a run of pages of its
// own. The run one save frees is rarely the length the next save needs,
// so about one page in twenty ended up on bbolt's free list, which bbolt
// reads and indexes whole at every open for writing: opening a file of
// 10 000 plans took half as long again as opening a file of one. Parts of
// under a kilobyte sit several to a page, every page freed is a single
// page that the next save takes again, and the free list stays as long as
// one save's pages.
//
// A part's key is the plan's id, a zero byte and the part's number (two
// bytes, big-endian), so that a plan's parts follow each other in the
// bucket, in order. Its value is its share of the record followed by a
// trailer: the record's checksum (its last four bytes) and the number of
// parts (two bytes). The record is byte for byte what schema 5 stored
// whole, with its checksum, seal and MAC: the parts are put together
// before it is opened, so a part lost, left over or from another save
// makes a record that fails its checksum like any damaged one. The
// trailer lets a walk of the file's pages (salvage.go) put together the
// parts of one save from among the older copies on freed pages. The
// first part begins with the record's first byte, which tells a sealed
// record from a plain one (anySealed, firstSealed).
const (
	// partPayload is a part's share of the record: four parts, with
	// their keys and trailers, fill less than a 4 KiB page, which is
	// as many as bbolt leaves on a page it does not split.
	partPayload = 940
	partTrailer = crcLen + 2
	// partFill is the plans bucket's fill when a save splits a page:
	// parts are written together, so full pages waste less of the file.
	partFill = 0.9
	// maxParts is the most parts a record can have; model.MaxPlanBytes
	// takes about 1 100.
	maxParts = 1<<16 - 1
)

// partsSchema is the first schema that keeps plans in parts.
const partsSchema = 6

// wholeRecords returns the keys of the plans bucket that are no part's:
// a plan's whole record, as schema 5 kept it.
func wholeRecords(b *bolt.Bucket) [][]byte {
	var out [][]byte
	_ = b.ForEach(func(k, _ []byte) error {
		if _, _, ok := splitPartKey(k); !ok {
			out = append(out, bytes.Clone(k))
		}
		return nil
	})
	return out
}

// partKey is the key of the plan id's part i.
func partKey(id []byte, i int) []byte {
	k := make([]byte, 0, len(id)+3)
	k = append(k, id...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint16(k, uint16(i))
}

// splitPartKey returns the plan id and part number of a part's key; ok
// is false for any other key (a whole record, written before schema 6).
func splitPartKey(k []byte) (id []byte, i int, ok bool) {
	if len(k) < 4 || k[len(k)-3] != 0 {
		return nil, 0, false
	}
	return k[:len(k)-3], int(binary.BigEndian.Uint16(k[len(k)-2:])), true
}

// partTrail returns a part's share of its record, the record's checksum
// and the number of parts; ok is false for a value too short to be one.
func partTrail(v []byte) (share []byte, sum uint32, n int, ok bool) {
	if len(v) < partTrailer {
		return nil, 0, 0, false
	}
	t := v[len(v)-partTrailer:]
	return v[:len(v)-partTrailer], binary.BigEndian.Uint32(t), int(binary.BigEndian.Uint16(t[crcLen:])), true
}

// recordParts cuts rec into the values of its parts.
func recordParts(rec []byte) [][]byte {
	n := max(1, (len(rec)+partPayload-1)/partPayload)
	var sum [crcLen]byte
	copy(sum[crcLen-min(crcLen, len(rec)):], rec[max(0, len(rec)-crcLen):])
	// One allocation for all of them: bbolt keeps a value it is given
	// until the transaction ends.
	buf := make([]byte, 0, len(rec)+n*partTrailer)
	parts := make([][]byte, n)
	for i := range parts {
		at := len(buf)
		buf = append(buf, rec[min(len(rec), i*partPayload):min(len(rec), (i+1)*partPayload)]...)
		buf = append(buf, sum[:]...)
		buf = binary.BigEndian.AppendUint16(buf, uint16(n))
		parts[i] = buf[at:len(buf):len(buf)]
	}
	return parts
}

// brokenRecord stands for a plan whose parts do not make one record
// (one missing, one left over, or one of another save): it fails every
// record's checksum, so the plan is damaged as any other record is.
var brokenRecord = []byte{}

// joinParts puts a plan's parts together: vals are the values of the
// keys from its part 0 on, in key order, and nums their part numbers.
func joinParts(nums []int, vals [][]byte, into []byte) []byte {
	into = into[:0]
	want, sum := -1, uint32(0)
	for i, v := range vals {
		share, s, n, ok := partTrail(v)
		if !ok || nums[i] != i || (want >= 0 && (n != want || s != sum)) {
			return brokenRecord
		}
		want, sum = n, s
		into = append(into, share...)
	}
	if want != len(vals) || len(into) == 0 {
		return brokenRecord
	}
	return into
}

// getPlanRecord returns the plan record kept under id, put together from
// its parts (or whole, in a file from before schema 6), or nil when
// there is none. A plan whose parts do not fit is brokenRecord.
func getPlanRecord(b *bolt.Bucket, id []byte) []byte {
	c := b.Cursor()
	k, v := c.Seek(id)
	if k == nil {
		return nil
	}
	if bytes.Equal(k, id) {
		return v
	}
	var nums []int
	var vals [][]byte
	for ; k != nil; k, v = c.Next() {
		kid, i, ok := splitPartKey(k)
		if !ok || !bytes.Equal(kid, id) {
			break
		}
		nums, vals = append(nums, i), append(vals, v)
	}
	if len(vals) == 0 {
		return nil
	}
	return joinParts(nums, vals, nil)
}

// eachPlanRecord calls fn with every plan's id and record, in id order,
// put together as getPlanRecord does. The record passed is valid only
// until fn returns. An error from fn stops the walk and is returned.
func eachPlanRecord(b *bolt.Bucket, fn func(id, rec []byte) error) error {
	var (
		cur  []byte
		nums []int
		vals [][]byte
		buf  []byte
	)
	flush := func() error {
		if cur == nil {
			return nil
		}
		buf = joinParts(nums, vals, buf)
		err := fn(cur, buf)
		if len(buf) == 0 {
			buf = nil // brokenRecord is shared: never append to it
		}
		cur, nums, vals = nil, nums[:0], vals[:0]
		return err
	}
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		id, i, ok := splitPartKey(k)
		if !ok {
			if err := flush(); err != nil {
				return err
			}
			if v == nil {
				continue // a bucket: none belongs here
			}
			if err := fn(k, v); err != nil {
				return err
			}
			continue
		}
		if cur != nil && !bytes.Equal(cur, id) {
			if err := flush(); err != nil {
				return err
			}
		}
		cur = id
		nums, vals = append(nums, i), append(vals, v)
	}
	return flush()
}

// putPlanRecord keeps rec as the plan id's record: its parts, and no
// part or whole record of an earlier save beside them. A save of the same
// number of parts or more (most saves) finds nothing to take away with
// two lookups; it does not walk the plan's parts.
func putPlanRecord(b *bolt.Bucket, id, rec []byte) error {
	parts := recordParts(rec)
	if len(parts) > maxParts {
		return berrors.ErrValueTooLarge
	}
	b.FillPercent = partFill
	var stale [][]byte
	c := b.Cursor()
	if k, _ := c.Seek(id); bytes.Equal(k, id) {
		stale = append(stale, bytes.Clone(k)) // schema 5's whole record
	}
	for k, _ := c.Seek(partKey(id, len(parts))); k != nil; k, _ = c.Next() {
		kid, _, ok := splitPartKey(k)
		if !ok || !bytes.Equal(kid, id) {
			break
		}
		stale = append(stale, bytes.Clone(k))
	}
	for _, k := range stale {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	for i, p := range parts {
		if err := b.Put(partKey(id, i), p); err != nil {
			return err
		}
	}
	return nil
}

// Records by bucket, as checksums name them: the plans bucket's put
// together from their parts, every other bucket's as bbolt keeps them.

// forEachRecord is b.ForEach for the bucket named name (a nested
// bucket's record is nil, as bbolt passes it).
func forEachRecord(name string, b *bolt.Bucket, fn func(k, v []byte) error) error {
	if name == bucketPlans {
		return eachPlanRecord(b, fn)
	}
	return b.ForEach(fn)
}

// getRecord is b.Get for the bucket named name.
func getRecord(name string, b *bolt.Bucket, k []byte) []byte {
	if name == bucketPlans {
		return getPlanRecord(b, k)
	}
	return b.Get(k)
}

// putRecord is b.Put for the bucket named name.
func putRecord(name string, b *bolt.Bucket, k, v []byte) error {
	if name == bucketPlans {
		return putPlanRecord(b, k, v)
	}
	return b.Put(k, v)
}

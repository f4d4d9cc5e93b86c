package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt reads its free list when a file is opened for writing, and a
// damaged free list makes it panic there, before there is a handle to
// close (which would leave the file locked until the program ends). So
// Open reads the free list by hand first, from the file as bbolt wrote it,
// and refuses a file whose free list bbolt could not read. It reads three
// pages at most (the two meta pages and the list), not the whole file:
// the time does not grow with the plans.

// The layout of bbolt's pages (go.etcd.io/bbolt/internal/common, and see
// salvage.go): a 16-byte page header (id, flags, count, overflow), and in
// a meta page the meta fields after it, in the machine's byte order.
const (
	freelistPageFlag = 0x10
	noFreelist       = ^uint64(0)
	// metaSumLen is the length of the meta fields the checksum covers:
	// magic, version, page size, flags, root bucket (page, sequence),
	// free list page, high-water page, transaction id.
	metaSumLen = 4*4 + 8*2 + 8*3
)

// boltMeta is what Open needs of a meta page.
type boltMeta struct {
	pageSize       int64
	root           uint64
	freelist, pgid uint64
	txid           uint64
}

// readMeta reads and checks the meta page at off; ok is false when it does
// not hold a whole meta.
func readMeta(f *os.File, off int64) (m boltMeta, ok bool) {
	var buf [pageHeaderSize + metaSumLen + 8]byte
	if _, err := f.ReadAt(buf[:], off); err != nil {
		return m, false
	}
	b := buf[pageHeaderSize:]
	ne := binary.NativeEndian
	h := fnv.New64a()
	_, _ = h.Write(b[:metaSumLen])
	if ne.Uint32(b) != boltMagic || h.Sum64() != ne.Uint64(b[metaSumLen:]) {
		return m, false
	}
	m.pageSize = int64(ne.Uint32(b[8:]))
	m.root = ne.Uint64(b[16:])
	m.freelist, m.pgid, m.txid = ne.Uint64(b[32:]), ne.Uint64(b[40:]), ne.Uint64(b[48:])
	return m, m.pageSize >= 512
}

// newestMeta reads the meta page bbolt opens the file at: the whole one
// of the later transaction. ok is false when neither is whole; bbolt
// refuses such a file on its own.
func newestMeta(f *os.File) (m boltMeta, ok bool) {
	var metas []boltMeta
	if m, ok := readMeta(f, 0); ok {
		metas = append(metas, m)
		if m1, ok := readMeta(f, m.pageSize); ok {
			metas = append(metas, m1)
		}
	} else {
		for _, off := range secondMetaOffsets() {
			if m1, ok := readMeta(f, off); ok && m1.pageSize == off {
				metas = append(metas, m1)
				break
			}
		}
	}
	if len(metas) == 0 {
		return m, false
	}
	m = metas[0]
	if len(metas) == 2 && metas[1].txid > m.txid {
		m = metas[1]
	}
	return m, true
}

// checkFreelist reads the free list the meta page m names and tells
// whether bbolt can load it.
func checkFreelist(f *os.File, m boltMeta) error {
	if m.freelist == noFreelist {
		return nil
	}
	bad := fmt.Errorf("%w: the database's free list is damaged", ErrCorrupt)
	if m.freelist < 2 || m.freelist >= m.pgid {
		return bad
	}
	// One read takes the page's header and, up to 2 000 pages long, the
	// whole list: it grows with the file (8 kB at 10 000 plans), and each
	// read is a system call. The buffer is fixed, as what opening
	// allocates is collected at every open; a longer list is read on in
	// blocks of it.
	var buf [16 << 10]byte
	off := int64(m.freelist) * m.pageSize
	n, err := f.ReadAt(buf[:], off)
	if n < pageHeaderSize+8 || err != nil && !errors.Is(err, io.EOF) {
		return bad
	}
	ne := binary.NativeEndian
	flags, count, overflow := ne.Uint16(buf[8:]), uint64(ne.Uint16(buf[10:])), uint64(ne.Uint32(buf[12:]))
	start := int64(pageHeaderSize)
	if count == 0xFFFF {
		count, start = ne.Uint64(buf[pageHeaderSize:]), pageHeaderSize+8
	}
	room := (overflow + 1) * uint64(m.pageSize)
	if flags&freelistPageFlag == 0 || m.freelist+overflow >= m.pgid || count > (room-uint64(start))/8 {
		return bad
	}
	have := buf[start:n]
	for at, end := off+start, off+start+int64(count)*8; at < end; {
		b := have[:min(int64(len(have)), end-at)&^7]
		if len(b) == 0 {
			b = buf[:min(int64(len(buf)), end-at)]
			if _, err := f.ReadAt(b, at); err != nil {
				return bad
			}
		}
		for i := 0; i < len(b); i += 8 {
			if id := ne.Uint64(b[i:]); id < 2 || id >= m.pgid {
				return bad
			}
		}
		at += int64(len(b))
		have = nil
	}
	return nil
}

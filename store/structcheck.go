package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// checkStructure is bbolt's own check (tx.Check) done on the file read
// with ReadAt, page by page, instead of through bbolt's map of it:
//   - no page of the free list is listed twice;
//   - every page of every bucket's tree is reached once (with its
//     overflow), lies below the high-water mark, is a branch or a leaf,
//     and is not free;
//   - the keys of every bucket's tree are in order, each page's between
//     the keys its parent gives it;
//   - every page below the high-water mark is reached or free.
//
// tx.Check reads every page through the map, and Linux maps 64 KiB (a
// file written in large blocks: 2 MB) around each page read, so it left
// the whole file resident in the program for as long as it ran: 21 to 34
// MB of a file of 10 000 plans, in the home screen when the daily check
// ran. This reads each page into a buffer and keeps nothing mapped.
//
// It follows tx.Check step for step (go.etcd.io/bbolt tx_check.go,
// v1.5.0) and finds the same; it differs only where tx.Check would fault
// on a page outside the file, which this reports as an error. It checks
// the tree of the meta page of transaction txid (the read transaction
// the rest of the check runs in); errNoMeta when neither meta page is of
// that transaction. checkTree must have passed first: the tree has no
// loops and no page outside the file.
func checkStructure(path string, txid uint64) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	readRandomly(f)
	m, ok := metaOfTx(f, txid)
	if !ok {
		return errNoMeta
	}
	st, err := f.Stat()
	if err != nil {
		return err
	}
	c := structWalk{f: f, ps: m.pageSize, hwm: m.pgid}
	size := max(uint64(st.Size()/m.pageSize), m.pgid) + 1
	c.reach = pageMarks{set: make(pageSet, (size+63)/64)}
	c.freed = pageMarks{set: make(pageSet, (size+63)/64)}
	synced := m.freelist != noFreelist
	if synced {
		if err := c.readFreelist(m.freelist); err != nil {
			return err
		}
	}
	c.reach.add(0)
	c.reach.add(1)
	if synced {
		p, err := c.page(m.freelist, 0)
		if err != nil {
			return err
		}
		for i := uint64(0); i <= uint64(binary.LittleEndian.Uint32(p[12:])); i++ {
			c.reach.add(m.freelist + i)
		}
	}
	if err := c.bucket(m.root, 0); err != nil {
		return err
	}
	if c.bad != nil {
		return c.bad
	}
	if synced {
		// Without a stored free list bbolt counts every page nothing
		// reaches as free, so none can be unreachable.
		for i := uint64(0); i < c.hwm; i++ {
			if !c.reach.has(i) && !c.freed.has(i) {
				return fmt.Errorf("page %d: unreachable unfreed", i)
			}
		}
	}
	return nil
}

// errNoMeta: the file's meta pages are not of the transaction checked.
var errNoMeta = errors.New("store: no meta page of this transaction")

// metaOfTx reads the whole meta page of transaction txid.
func metaOfTx(f *os.File, txid uint64) (boltMeta, bool) {
	m0, ok0 := readMeta(f, 0)
	if ok0 && m0.txid == txid {
		return m0, true
	}
	offs := secondMetaOffsets()
	if ok0 {
		offs = []int64{m0.pageSize}
	}
	for _, off := range offs {
		if m1, ok := readMeta(f, off); ok && m1.pageSize == off && m1.txid == txid {
			return m1, true
		}
	}
	return boltMeta{}, false
}

// pageMarks is a set of page numbers: a bit each below the file's end,
// a map above it (only a damaged file names such pages).
type pageMarks struct {
	set   pageSet
	extra map[uint64]bool
}

func (m *pageMarks) has(id uint64) bool {
	if id/64 < uint64(len(m.set)) {
		return m.set.has(id)
	}
	return m.extra[id]
}

func (m *pageMarks) add(id uint64) {
	if id/64 < uint64(len(m.set)) {
		m.set.add(id)
		return
	}
	if m.extra == nil {
		m.extra = map[uint64]bool{}
	}
	m.extra[id] = true
}

type structWalk struct {
	f            *os.File
	ps           int64
	hwm          uint64
	reach, freed pageMarks
	// bufs holds a page for each depth of the walk: a page's keys stay
	// readable while its children are read.
	bufs [][]byte
	// bad is the first inconsistency found.
	bad error
}

func (c *structWalk) fail(format string, a ...any) {
	if c.bad == nil {
		c.bad = fmt.Errorf(format, a...)
	}
}

// page reads page id with its overflow into the buffer of depth.
func (c *structWalk) page(id uint64, depth int) ([]byte, error) {
	for len(c.bufs) <= depth {
		c.bufs = append(c.bufs, nil)
	}
	if depth > maxTreeDepth*2 {
		return nil, fmt.Errorf("%w: the page tree is broken (too deep)", ErrCorrupt)
	}
	var h [pageHeaderSize]byte
	if id > uint64(1<<62)/uint64(c.ps) {
		return nil, fmt.Errorf("page %d: outside the file", id)
	}
	off := int64(id) * c.ps
	if _, err := c.f.ReadAt(h[:], off); err != nil {
		return nil, fmt.Errorf("page %d: cannot be read: %w", id, err)
	}
	n := (int64(binary.LittleEndian.Uint32(h[12:])) + 1) * c.ps
	if int64(cap(c.bufs[depth])) < n {
		c.bufs[depth] = make([]byte, n)
	}
	b := c.bufs[depth][:n]
	if _, err := c.f.ReadAt(b, off); err != nil {
		return nil, fmt.Errorf("page %d: cannot be read: %w", id, err)
	}
	return b, nil
}

// readFreelist marks the pages the free list names, as bbolt loads it.
func (c *structWalk) readFreelist(id uint64) error {
	p, err := c.page(id, 0)
	if err != nil {
		return err
	}
	le := binary.LittleEndian
	if le.Uint16(p[8:]) != freelistPageFlag {
		return fmt.Errorf("page %d: not a free list", id)
	}
	count, start := uint64(le.Uint16(p[10:])), uint64(pageHeaderSize)
	if count == 0xFFFF {
		count, start = le.Uint64(p[pageHeaderSize:]), pageHeaderSize+8
	}
	if count > (uint64(len(p))-start)/8 {
		return fmt.Errorf("page %d: the free list runs past its page", id)
	}
	for i := range count {
		fid := le.Uint64(p[start+8*i:])
		if c.freed.has(fid) {
			return fmt.Errorf("page %d: already freed", fid)
		}
		c.freed.add(fid)
	}
	return nil
}

// bucket checks the tree of the bucket whose root page is root, then the
// buckets in it (tx.recursivelyCheckBucket). An inline bucket (root 0)
// has no pages of its own, and bbolt does not look into it.
func (c *structWalk) bucket(root uint64, depth int) error {
	if root == 0 {
		return nil
	}
	var kids []uint64
	if _, err := c.tree(root, nil, nil, depth, &kids); err != nil {
		return err
	}
	for _, k := range kids {
		if err := c.bucket(k, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// tree checks the page id of a bucket's tree and the pages under it: that
// each is reached once and may be (verifyPageReachable), and that its
// keys are at least minKey and below maxKey (nil: no bound) and in order
// (recursivelyCheckPageKeyOrderInternal). It returns a copy of the
// greatest key under the page, and adds the root pages of the buckets its
// leaves hold to kids.
func (c *structWalk) tree(id uint64, minKey, maxKey []byte, depth int, kids *[]uint64) ([]byte, error) {
	p, err := c.page(id, depth)
	if err != nil {
		return nil, err
	}
	le := binary.LittleEndian
	hid, flags, count := le.Uint64(p), le.Uint16(p[8:]), int(le.Uint16(p[10:]))
	overflow := uint64(le.Uint32(p[12:]))
	if hid > c.hwm {
		c.fail("page %d: out of bounds: %d", hid, c.hwm)
	}
	for i := uint64(0); i <= overflow; i++ {
		if c.reach.has(hid + i) {
			c.fail("page %d: multiple references", hid+i)
		}
		c.reach.add(hid + i)
	}
	if c.freed.has(hid) {
		c.fail("page %d: reachable freed", hid)
	} else if flags != branchPageFlag && flags != leafPageFlag {
		c.fail("page %d: invalid type", hid)
	}
	if pageHeaderSize+count*leafElementSize > len(p) {
		return nil, fmt.Errorf("page %d: more elements than the page holds", id)
	}
	key := func(i int) ([]byte, error) {
		at := pageHeaderSize + i*leafElementSize
		pos, ksize := le.Uint32(p[at:]), le.Uint32(p[at+4:])
		if flags == leafPageFlag {
			pos, ksize = le.Uint32(p[at+4:]), le.Uint32(p[at+8:])
		}
		start, end := uint64(at)+uint64(pos), uint64(at)+uint64(pos)+uint64(ksize)
		if end > uint64(len(p)) {
			return nil, fmt.Errorf("page %d: a key runs past its page", id)
		}
		return p[start:end], nil
	}
	var maxIn []byte
	switch flags {
	case branchPageFlag:
		running := minKey
		for i := range count {
			k, err := key(i)
			if err != nil {
				return nil, err
			}
			c.keyOrder(i, k, running, maxKey)
			upper := maxKey
			if i < count-1 {
				if upper, err = key(i + 1); err != nil {
					return nil, err
				}
			}
			child := le.Uint64(p[pageHeaderSize+i*leafElementSize+8:])
			if maxIn, err = c.tree(child, k, upper, depth+1, kids); err != nil {
				return nil, err
			}
			running = maxIn
		}
		return maxIn, nil
	case leafPageFlag:
		running := minKey
		for i := range count {
			k, err := key(i)
			if err != nil {
				return nil, err
			}
			c.keyOrder(i, k, running, maxKey)
			running = k
			at := pageHeaderSize + i*leafElementSize
			if le.Uint32(p[at:])&bucketLeafFlag == 0 {
				continue
			}
			v := uint64(at) + uint64(le.Uint32(p[at+4:])) + uint64(le.Uint32(p[at+8:]))
			if v+bucketHeader > uint64(len(p)) {
				return nil, fmt.Errorf("page %d: a bucket's header is out of its page", id)
			}
			if root := le.Uint64(p[v:]); root != 0 {
				*kids = append(*kids, root)
			}
		}
		if count > 0 {
			return bytes.Clone(running), nil
		}
	}
	return maxIn, nil
}

// keyOrder is bbolt's verifyKeyOrder: key, the i-th on its page, comes
// after prev (the key before it, or the least its page may hold) and
// before maxKey.
func (c *structWalk) keyOrder(i int, key, prev, maxKey []byte) {
	if i == 0 && prev != nil && bytes.Compare(prev, key) > 0 {
		c.fail("the first key on a page is below its parent's")
	}
	if i > 0 && bytes.Compare(prev, key) >= 0 {
		c.fail("a key is not above the one before it")
	}
	if maxKey != nil && bytes.Compare(key, maxKey) >= 0 {
		c.fail("a key is not below the next key of its parent")
	}
}

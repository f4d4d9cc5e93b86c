package store

import (
	"encoding/binary"
	"fmt"
	"os"
)

// checkTree walks the file's page tree by hand, reading the pages from
// the file, and refuses (ErrCorrupt) a tree bbolt could not walk safely: a
// page reached twice (a loop), a page past the end of the file or past
// its own overflow, a page of the wrong kind, or a tree deeper than any
// real one. It looks at page headers, branch elements and bucket headers
// only, never at a record's content.
func checkTree(path string, pageSize int) error { return walkTree(path, pageSize, 0) }

// topPages and topDepth bound what checkTreeTop looks at: the root's
// tree and the top-level buckets' first pages, which is what opening a
// file reads.
const (
	topPages = 32
	topDepth = 2
)

// checkTreeTop checks the top of the page tree as checkTree checks all of
// it, and stops there: opening a file takes the same time for ten plans
// or a hundred thousand. The rest is checked with the whole file.
func checkTreeTop(path string, pageSize int) error { return walkTree(path, pageSize, topPages) }

// walkTree checks the page tree, at most budget pages of it, no deeper
// than topDepth (0: all of it).
func walkTree(path string, pageSize, budget int) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	ps := int64(pageSize)
	if ps <= 0 {
		return fmt.Errorf("%w: no page size", ErrCorrupt)
	}
	root, ok := rootOfMeta(f, ps)
	if !ok {
		return nil // bbolt's own open has judged the meta pages
	}
	w := treeWalk{f: f, ps: ps, pages: st.Size() / ps, seen: make(pageSet, (st.Size()/ps+63)/64), budget: budget}
	// Every page is read with ReadAt. A map of the file would keep all of
	// it resident in the process while the whole walk (the check) lasts,
	// since Linux maps 64 KiB around each page read (pagetrim.go): 25 MB
	// of the home screen's peak with 10 000 plans when the daily check
	// ran. Opening's few pages of the top cost less read than mapped too:
	// mapping and unmapping a file of 10 000 plans took longer than the
	// reads, and grew with the file (BenchmarkOpen10k). Without
	// read-ahead: the pages it would read in together are kept in large
	// blocks, and Linux maps a whole block into a program that reads one
	// page of it through bbolt's map (2 MB, not 64 KiB).
	readRandomly(f)
	return w.page(root, 0)
}

type treeWalk struct {
	f     *os.File
	ps    int64
	pages int64
	seen  pageSet
	buf   []byte
	// budget, when not 0, is how many pages (and inline bucket pages) to
	// look at; visits counts them.
	budget, visits int
	// leafHeads: a leaf page's header is all that is read of it, its
	// elements are not looked into (soundBucket, for a bucket that holds
	// no buckets).
	leafHeads bool
}

// spent counts one more page visited and tells whether the budget is
// used up.
func (w *treeWalk) spent() bool {
	w.visits++
	return w.budget > 0 && w.visits > w.budget
}

func (w *treeWalk) readAt(b []byte, off int64) (int, error) { return w.f.ReadAt(b, off) }

// maxTreeDepth is deeper than any real file's tree: buckets inside
// buckets (trail/plan) times a B+tree of millions of records.
const maxTreeDepth = 64

func (w *treeWalk) bad(what string) error {
	return fmt.Errorf("%w: the page tree is broken (%s)", ErrCorrupt, what)
}

func (w *treeWalk) page(id uint64, depth int) error {
	if w.spent() || w.budget > 0 && depth > topDepth {
		return nil
	}
	switch {
	case depth > maxTreeDepth:
		return w.bad("too deep")
	case id < 2 || int64(id) >= w.pages:
		return w.bad("a page outside the file")
	case w.seen.has(id):
		return w.bad("a page reached twice")
	}
	w.seen.add(id)
	var h [pageHeaderSize]byte
	if _, err := w.readAt(h[:], int64(id)*w.ps); err != nil {
		return w.bad("a page cannot be read")
	}
	overflow := int64(binary.LittleEndian.Uint32(h[12:]))
	if int64(id)+overflow >= w.pages {
		return w.bad("a page runs past the end of the file")
	}
	if flags := binary.LittleEndian.Uint16(h[8:]); w.leafHeads && flags == leafPageFlag {
		return nil
	}
	// One buffer serves every page: elements copies out what it needs
	// before it goes deeper.
	n := (overflow + 1) * w.ps
	if int64(cap(w.buf)) < n {
		w.buf = make([]byte, n)
	}
	buf := w.buf[:n]
	if _, err := w.readAt(buf, int64(id)*w.ps); err != nil {
		return w.bad("a page cannot be read")
	}
	return w.elements(buf, depth)
}

// elements checks the children of one page (or inline bucket page) p.
// p may be the walk's shared buffer: the children are listed (and inline
// pages copied) before any is visited.
func (w *treeWalk) elements(p []byte, depth int) error {
	kids, inline, err := w.children(p)
	if err != nil {
		return err
	}
	if len(inline) > 0 && depth >= maxTreeDepth {
		return w.bad("too deep")
	}
	for _, in := range inline {
		if w.spent() {
			return nil
		}
		if err := w.elements(in, depth+1); err != nil {
			return err
		}
	}
	for _, id := range kids {
		if err := w.page(id, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// children lists the pages one page points at, and copies of the inline
// bucket pages it holds.
func (w *treeWalk) children(p []byte) (kids []uint64, inline [][]byte, err error) {
	if len(p) < pageHeaderSize {
		return nil, nil, w.bad("a short page")
	}
	flags := binary.LittleEndian.Uint16(p[8:])
	count := int(binary.LittleEndian.Uint16(p[10:]))
	if pageHeaderSize+count*leafElementSize > len(p) {
		return nil, nil, w.bad("more elements than the page holds")
	}
	switch flags {
	case branchPageFlag:
		kids = make([]uint64, 0, count)
		for i := range count {
			at := pageHeaderSize + i*leafElementSize
			kids = append(kids, binary.LittleEndian.Uint64(p[at+8:]))
		}
	case leafPageFlag:
		for i := range count {
			at := pageHeaderSize + i*leafElementSize
			if binary.LittleEndian.Uint32(p[at:])&bucketLeafFlag == 0 {
				continue
			}
			pos := int(binary.LittleEndian.Uint32(p[at+4:]))
			ksize := int(binary.LittleEndian.Uint32(p[at+8:]))
			vsize := int(binary.LittleEndian.Uint32(p[at+12:]))
			start := at + pos + ksize
			if pos < 0 || ksize < 0 || vsize < bucketHeader || start < 0 || start+vsize > len(p) || start+vsize < start {
				return nil, nil, w.bad("a bucket's header is out of its page")
			}
			val := p[start : start+vsize]
			if root := binary.LittleEndian.Uint64(val); root != 0 {
				kids = append(kids, root)
			} else {
				inline = append(inline, append([]byte(nil), val[bucketHeader:]...))
			}
		}
	default:
		return nil, nil, w.bad("a page of the wrong kind")
	}
	return kids, inline, nil
}

// rootOfMeta reads the root page's number from the newer meta page that
// carries bbolt's marker.
func rootOfMeta(f *os.File, ps int64) (uint64, bool) {
	var best, txid uint64
	found := false
	for _, off := range []int64{0, ps} {
		var m [pageHeaderSize + 64]byte
		if _, err := f.ReadAt(m[:], off); err != nil {
			continue
		}
		body := m[pageHeaderSize:]
		if binary.LittleEndian.Uint32(body) != boltMagic {
			continue
		}
		if tx := binary.LittleEndian.Uint64(body[48:]); !found || tx > txid {
			best, txid, found = binary.LittleEndian.Uint64(body[16:]), tx, true
		}
	}
	return best, found
}

// pageSet is a set of page numbers below a bound given when it is made:
// a bit each (a map of 8 000 pages took 5 MB to build).
type pageSet []uint64

func (s pageSet) has(id uint64) bool { return id/64 < uint64(len(s)) && s[id/64]&(1<<(id%64)) != 0 }
func (s pageSet) add(id uint64)      { s[id/64] |= 1 << (id % 64) }

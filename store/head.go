package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// Opening a file needs little of it: the meta bucket's records (the app,
// the schema, the encryption header, the last check, the damage found)
// and whether the file's records are sealed (see anySealed): the first
// byte of the home screen's front page, or, in a file without one, the
// first record of each other bucket. readHead reads just those pages
// with plain reads, under a shared lock as bbolt's read-only open takes,
// before bbolt maps the file for writing. Mapping the file a first time,
// read-only, to read them cost more than the reads, and the cost grew with the file: making the
// map, faulting its pages in and unmapping it again took 60 µs more for
// a file of 10 000 plans than for one plan (BenchmarkOpen10k). A page
// read by hand cannot fault either, and each is checked as the whole-file
// check checks it (pagetree.go), so a damaged head is refused with the
// same clear error.

// headPages bounds the pages readHead reads. A file whose head needs
// more, which no file sipmote writes does, is read through bbolt.
const headPages = 64

// errHeadFallback: readHead leaves the file to bbolt's reads (inspect's
// mapped path): a head larger than headPages, or a system where the
// lock is bbolt's alone to take.
var errHeadFallback = errors.New("store: the file's head is read through bbolt")

// fileHead is what opening needs of an existing file.
type fileHead struct {
	// meta holds the meta bucket's records named in headKeys; nil when
	// there is none.
	meta metaGetter
	// empty: the file holds no bucket at all (bbolt made it, we did not).
	empty bool
	// sealed: the front page, or the first record of some bucket but
	// meta, is sealed (anySealed).
	sealed bool
	// at is the newest meta page, which the head was read from.
	at boltMeta
}

// metaRecords is the meta bucket read by hand; it answers Get as the
// bucket does for the keys in headKeys (a nested bucket's key has no
// value).
type metaRecords map[string][]byte

// headKeys are the meta bucket's records that opening reads (schemaIn,
// cryptIn, checkRecordIn, foundDamageIn, allSealedIn). The others are left
// unread, but for the first byte of the home screen's front page
// (homefront.go), which tells whether the file is sealed: the page is most
// of the bucket once a file holds a hundred plans, three pages of it, and
// was a third of what opening read of a file of 10 000 plans.
var headKeys = map[string]bool{keyApp: true, keySchema: true, keyCrypt: true, keyChecked: true, keyDamaged: true, keyAllSealed: true}

// longestHeadKey is the length of the longest key in headKeys.
var longestHeadKey = func() (n int64) {
	for k := range headKeys {
		n = max(n, int64(len(k)))
	}
	return n
}()

func (m metaRecords) Get(key []byte) []byte { return m[string(key)] }

// inspection reads what inspect reports from the head, as inspectMapped
// reads it from bbolt's transaction.
func (h fileHead) inspection() (found inspection, err error) {
	meta := h.meta
	state := &headState{at: h.at}
	if meta != nil {
		if state.schema, err = schemaIn(meta); err != nil {
			return found, err
		}
	} else if err := noMetaBucket(h.empty); !errors.Is(err, errEmpty) {
		return found, err
	}
	if found.crypt, err = cryptIn(meta); err != nil {
		return found, err
	}
	if found.crypt == nil && h.sealed {
		return found, fmt.Errorf("%w: %w", ErrCorrupt, ErrDowngraded)
	}
	found.checked, found.checkedOK = checkRecordIn(meta)
	found.damaged = foundDamageIn(meta)
	state.allSealed = allSealedIn(meta)
	found.head = state
	return found, nil
}

// headReader reads pages of the file one by one, each at most once.
type headReader struct {
	f  *os.File
	ps int64
	// pages is the meta page's high-water mark: no page in use is at or
	// past it.
	pages uint64
	seen  map[uint64]bool
	read  int
	// front is the first byte of the meta bucket's front page (keyFront),
	// nil when there is none.
	front []byte
}

// readHead reads the head of the file whose newest meta page is m.
func readHead(f *os.File, m boltMeta) (h fileHead, err error) {
	r := headReader{f: f, ps: m.pageSize, pages: m.pgid, seen: map[uint64]bool{}}
	h.empty, h.at = true, m
	type edge struct {
		root   uint64
		inline []byte
	}
	var others []edge
	err = r.records(m.root, nil, 0, func(name, v []byte, flags uint32) error {
		h.empty = false
		if flags&bucketLeafFlag == 0 {
			return r.bad("a record outside any bucket")
		}
		root, inline, err := r.bucketOf(v)
		if err != nil {
			return err
		}
		if string(name) == bucketMeta {
			meta := metaRecords{}
			h.meta = meta
			return r.wanted(root, inline, 1, meta)
		}
		others = append(others, edge{root, inline})
		return nil
	})
	if err != nil || r.front != nil {
		h.sealed = len(r.front) > 0 && r.front[0] == recSealed
		return h, err
	}
	// No front page (a file an older sipmote wrote last, or one just
	// converted): the way down each bucket's left edge, a few pages each.
	for _, e := range others {
		sealed, err := r.firstSealed(e.root, e.inline)
		if err != nil {
			return h, err
		}
		h.sealed = h.sealed || sealed
	}
	return h, nil
}

func (r *headReader) bad(what string) error {
	return fmt.Errorf("%w: the page tree is broken (%s)", ErrCorrupt, what)
}

// How much of a page load reads: all of it with its overflow, its first
// page (for wanted, which reads the values it needs with span), or the
// start of it (for the way down a tree's left edge, firstSealed: a
// page's header, first element and, in a leaf, the first value's first
// byte lie there unless the page holds an uncommon number of elements; a
// short read costs less than a page copied and collected, and a few
// allocate nothing new).
const (
	readWhole = -1
	readFirst = 0
	readEdge  = 512
)

// load reads page id as much as n says; span reads the rest of a value
// a caller needs.
func (r *headReader) load(id uint64, n int64) (headPage, error) {
	switch {
	case id < 2 || id >= r.pages:
		return headPage{}, r.bad("a page outside the file")
	case r.seen[id]:
		return headPage{}, r.bad("a page reached twice")
	case r.read >= headPages:
		return headPage{}, errHeadFallback
	}
	r.seen[id] = true
	size := r.ps
	if n > 0 {
		size = min(n, r.ps)
	}
	b := make([]byte, size)
	if _, err := r.f.ReadAt(b, int64(id)*r.ps); err != nil {
		return headPage{}, r.bad("a page cannot be read")
	}
	overflow := uint64(binary.LittleEndian.Uint32(b[12:]))
	switch {
	case id+overflow >= r.pages:
		return headPage{}, r.bad("a page runs past the end of the file")
	case n != readWhole:
		r.read++
	case r.read+int(overflow)+1 > headPages:
		return headPage{}, errHeadFallback
	default:
		r.read += int(overflow) + 1
		if overflow > 0 {
			b = append(b, make([]byte, int64(overflow)*r.ps)...)
			if _, err := r.f.ReadAt(b[r.ps:], int64(id+1)*r.ps); err != nil {
				return headPage{}, r.bad("a page cannot be read")
			}
		}
	}
	return r.parse(b, id, int64(overflow+1)*r.ps)
}

// bucketOf reads a bucket's value: its root page, or its inline page.
func (r *headReader) bucketOf(v []byte) (root uint64, inline []byte, err error) {
	if len(v) < bucketHeader {
		return 0, nil, r.bad("a bucket's header is out of its page")
	}
	if root = binary.LittleEndian.Uint64(v); root == 0 {
		inline = v[bucketHeader:]
		if len(inline) < pageHeaderSize {
			return 0, nil, r.bad("a short page")
		}
	}
	return root, inline, nil
}

// headPage is one page read: its kind and its elements, bounds checked.
// b may hold only the first of its pages; size is the whole page's.
type headPage struct {
	b     []byte
	id    uint64
	size  int64
	flags uint16
	count int
}

// page reads the page root (load's n), or parses the inline page.
func (r *headReader) page(root uint64, inline []byte, n int64) (headPage, error) {
	if inline == nil {
		return r.load(root, n)
	}
	if len(inline) < pageHeaderSize {
		return headPage{}, r.bad("a short page")
	}
	return r.parse(inline, 0, int64(len(inline)))
}

func (r *headReader) parse(b []byte, id uint64, size int64) (headPage, error) {
	p := headPage{b: b, id: id, size: size, flags: binary.LittleEndian.Uint16(b[8:]), count: int(binary.LittleEndian.Uint16(b[10:]))}
	switch {
	case int64(pageHeaderSize+p.count*leafElementSize) > size || p.count > 0 && pageHeaderSize+leafElementSize > len(b):
		return p, r.bad("more elements than the page holds")
	case p.flags != leafPageFlag && p.flags != branchPageFlag:
		return p, r.bad("a page of the wrong kind")
	}
	return p, nil
}

// child is the page the i-th element of a branch page points at.
func (p headPage) child(i int) uint64 {
	return binary.LittleEndian.Uint64(p.b[pageHeaderSize+i*leafElementSize+8:])
}

// element is the i-th element of a leaf page: its flags, and where its
// key and value lie in the whole page (the sizes are unsigned, so each
// starts no earlier than the one before); ok is false when they run past
// its end.
func (p headPage) element(i int) (flags uint32, kAt, vAt, vEnd int64, ok bool) {
	e := p.b[pageHeaderSize+i*leafElementSize:]
	le := binary.LittleEndian
	kAt = int64(pageHeaderSize+i*leafElementSize) + int64(le.Uint32(e[4:]))
	vAt = kAt + int64(le.Uint32(e[8:]))
	vEnd = vAt + int64(le.Uint32(e[12:]))
	return le.Uint32(e), kAt, vAt, vEnd, vEnd <= p.size
}

// leaf is the i-th element of a leaf page read whole; ok is false when it
// does not fit its page.
func (p headPage) leaf(i int) (k, v []byte, flags uint32, ok bool) {
	flags, kAt, vAt, vEnd, ok := p.element(i)
	if !ok || vEnd > int64(len(p.b)) {
		return nil, nil, 0, false
	}
	return p.b[kAt:vAt], p.b[vAt:vEnd], flags, true
}

// span is the bytes from, to of the whole page p: from the part read, or
// from the file past it.
func (r *headReader) span(p headPage, from, to int64) ([]byte, error) {
	if to <= int64(len(p.b)) {
		return p.b[from:to], nil
	}
	b := make([]byte, to-from)
	if _, err := r.f.ReadAt(b, int64(p.id)*r.ps+from); err != nil {
		return nil, r.bad("a page cannot be read")
	}
	return b, nil
}

// walk calls fn with each leaf element of the bucket rooted at root (or
// inline), in order, reading each page as much as n says (load).
func (r *headReader) walk(root uint64, inline []byte, depth int, n int64, fn func(p headPage, i int) error) error {
	if depth > maxTreeDepth {
		return r.bad("too deep")
	}
	p, err := r.page(root, inline, n)
	if err != nil {
		return err
	}
	if pageHeaderSize+p.count*leafElementSize > len(p.b) {
		// Elements past the part read (its first page): never in a file
		// sipmote writes.
		return errHeadFallback
	}
	for i := range p.count {
		if p.flags == branchPageFlag {
			err = r.walk(p.child(i), nil, depth+1, n, fn)
		} else {
			err = fn(p, i)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// records calls fn with each record of the bucket rooted at root (or
// inline), in order.
func (r *headReader) records(root uint64, inline []byte, depth int, fn func(k, v []byte, flags uint32) error) error {
	return r.walk(root, inline, depth, readWhole, func(p headPage, i int) error {
		k, v, flags, ok := p.leaf(i)
		if !ok {
			return r.bad("a record out of its page")
		}
		return fn(k, v, flags)
	})
}

// wanted reads into the records of the bucket rooted at root (or inline)
// whose keys are in headKeys, and no other value. It reads each page's
// first page, then, with span, a key past it and a wanted value past it
// (in one read when the value is small).
func (r *headReader) wanted(root uint64, inline []byte, depth int, into metaRecords) error {
	return r.walk(root, inline, depth, readFirst, func(p headPage, i int) error {
		flags, kAt, vAt, vEnd, ok := p.element(i)
		switch {
		case !ok:
			return r.bad("a record out of its page")
		case flags&bucketLeafFlag != 0:
			return nil
		case vAt-kAt > maxKeySize:
			return r.bad("a key longer than bbolt allows")
		}
		// A key that may be wanted is read with its value when that is
		// small: past the first page (after the front page) it is one
		// read, not two.
		end := vAt
		if vAt-kAt <= longestHeadKey && vEnd-vAt <= r.ps {
			end = vEnd
		}
		kv, err := r.span(p, kAt, end)
		if err != nil {
			return err
		}
		k, v := kv[:vAt-kAt], kv[vAt-kAt:]
		if string(k) == keyFront && vEnd > vAt {
			// Its first byte only: the page is most of the bucket.
			if end == vEnd {
				r.front = v[:1]
				return nil
			}
			r.front, err = r.span(p, vAt, vAt+1)
			return err
		}
		if !headKeys[string(k)] {
			return nil
		}
		if end != vEnd {
			if vEnd-vAt > headPages*r.ps {
				return errHeadFallback
			}
			if v, err = r.span(p, vAt, vEnd); err != nil {
				return err
			}
		}
		into[string(k)] = append([]byte(nil), v...)
		return nil
	})
}

// maxKeySize is bbolt's longest key.
const maxKeySize = 32768

// firstSealed tells whether the bucket's first record is sealed, looking
// into the first bucket nested in it when the first record is a bucket,
// as anySealed does through bbolt's cursor. It reads no page's overflow:
// the first byte of a record is all it needs of it.
func (r *headReader) firstSealed(root uint64, inline []byte) (bool, error) {
	for nested, depth := 0, 0; ; depth++ {
		if depth > maxTreeDepth {
			return false, r.bad("too deep")
		}
		p, err := r.page(root, inline, readEdge)
		if err != nil || p.count == 0 {
			return false, err
		}
		if p.flags == branchPageFlag {
			root, inline = p.child(0), nil
			continue
		}
		flags, _, vAt, vEnd, ok := p.element(0)
		switch {
		case !ok:
			return false, r.bad("a record out of its page")
		case flags&bucketLeafFlag == 0:
			first, err := r.span(p, vAt, min(vAt+1, vEnd))
			return err == nil && len(first) == 1 && first[0] == recSealed, err
		case nested == 1:
			return false, nil
		case vEnd-vAt > r.ps:
			return false, r.bad("a bucket's header is out of its page")
		}
		nested++
		v, err := r.span(p, vAt, vEnd)
		if err != nil {
			return false, err
		}
		if root, inline, err = r.bucketOf(v); err != nil {
			return false, err
		}
	}
}

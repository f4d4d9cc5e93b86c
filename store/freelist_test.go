package store

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// checkFreelist reads a free list longer than its buffer in blocks, and
// a short one at the end of the file in one read; it refuses an id out of
// the file wherever it lies.
func TestCheckFreelistReadsEveryBlock(t *testing.T) {
	const ps, long = 4096, 5000 // three blocks of the buffer
	list := func(n, bad int, id uint64) string {
		pages := (pageHeaderSize + 8*n + ps - 1) / ps
		b := make([]byte, (2+pages)*ps) // the list is the file's last page
		p := b[2*ps:]
		ne := binary.NativeEndian
		ne.PutUint16(p[8:], freelistPageFlag)
		ne.PutUint16(p[10:], uint16(n))
		ne.PutUint32(p[12:], uint32(pages-1))
		for i := range n {
			ne.PutUint64(p[pageHeaderSize+8*i:], uint64(10+i))
		}
		if bad >= 0 {
			ne.PutUint64(p[pageHeaderSize+8*bad:], id)
		}
		path := filepath.Join(t.TempDir(), "f.db")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	m := boltMeta{pageSize: ps, freelist: 2, pgid: 8000}
	for _, c := range []struct {
		name string
		path string
		ok   bool
	}{
		{"whole", list(long, -1, 0), true},
		{"short, at the end of the file", list(100, -1, 0), true},
		{"short, an id past the file", list(100, 99, 8000), false},
		{"the last id past the file", list(long, long-1, 8000), false},
		{"an id in the second block is a meta page", list(long, 3000, 1), false},
		{"an id in the first read is 0", list(long, 0, 0), false},
	} {
		f, err := os.Open(c.path)
		if err != nil {
			t.Fatal(err)
		}
		err = checkFreelist(f, m)
		f.Close()
		if (err == nil) != c.ok || err != nil && !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: checkFreelist = %v", c.name, err)
		}
	}
}

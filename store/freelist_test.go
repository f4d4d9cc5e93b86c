package store

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// checkFreelist reads a free list longer than its buffer in blocks, and
// refuses an id out of the file wherever it lies.
func TestCheckFreelistReadsEveryBlock(t *testing.T) {
	const ps, n = 4096, 1500 // three blocks of the buffer
	list := func(bad int, id uint64) string {
		b := make([]byte, 8*ps)
		p := b[2*ps:]
		ne := binary.NativeEndian
		ne.PutUint16(p[8:], freelistPageFlag)
		ne.PutUint16(p[10:], n)
		ne.PutUint32(p[12:], 2)
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
	m := boltMeta{pageSize: ps, freelist: 2, pgid: 2000}
	for _, c := range []struct {
		name string
		path string
		ok   bool
	}{
		{"whole", list(-1, 0), true},
		{"the last id past the file", list(n-1, 2000), false},
		{"an id in the second block is a meta page", list(600, 1), false},
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

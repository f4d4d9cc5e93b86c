package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// makeDB creates a sipmote database at path with a few plans in it.
func makeDB(t *testing.T, path string) {
	t.Helper()
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for i := range 5 {
		p := LargePlan()
		p.ID = strings.Repeat(string(rune('a'+i)), 8)
		if err := d.SavePlan(p); err != nil {
			t.Fatal(err)
		}
		if err := d.Log(p.ID, TrailEvent{Kind: TrailCreated}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOpenLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sipmote.db")
	first, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	// bbolt's flock belongs to the open file, not the process, so a second
	// Open in the same process is refused just as another sipmote would be.
	start := time.Now()
	second, err := Open(path)
	if took := time.Since(start); took >= 2*time.Second {
		t.Errorf("second Open took %v, want under 2 s", took)
	}
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: err = %v, want ErrLocked", err)
	}
	if second != nil {
		t.Fatal("second Open returned a DB")
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	third, err := Open(path)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	third.Close()
}

func TestOpenLockTimeoutOption(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sipmote.db")
	first, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	start := time.Now()
	_, err = Open(path, WithLockTimeout(100*time.Millisecond))
	if took := time.Since(start); !errors.Is(err, ErrLocked) || took > time.Second {
		t.Errorf("Open = %v after %v, want ErrLocked quickly", err, took)
	}
}

// The files Open must refuse, and must leave byte for byte as they were.
func TestOpenRefuses(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	for _, tc := range []struct {
		name string
		make func(t *testing.T, path string)
		want error
	}{
		{"text file", func(t *testing.T, path string) {
			write(t, path, []byte("Tolvan Tolvansson, 19121212-1212\n"))
		}, ErrNotSipmote},
		{"random bytes", func(t *testing.T, path string) { write(t, path, random(64<<10)) }, ErrNotSipmote},
		{"one page of zeros", func(t *testing.T, path string) { write(t, path, make([]byte, 4096)) }, ErrNotSipmote},
		{"someone else's bolt file", func(t *testing.T, path string) {
			rawUpdate(t, path, func(tx *bolt.Tx) error {
				_, err := tx.CreateBucket([]byte("other"))
				return err
			})
		}, ErrNotSipmote},
		{"bolt file with a foreign meta bucket", func(t *testing.T, path string) {
			rawUpdate(t, path, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket([]byte(bucketMeta))
				if err != nil {
					return err
				}
				return b.Put([]byte(keyApp), []byte("other"))
			})
		}, ErrNotSipmote},
		{"newer schema", func(t *testing.T, path string) {
			makeDB(t, path)
			rawUpdate(t, path, func(tx *bolt.Tx) error {
				return putSchema(bucket(tx, bucketMeta), schemaVersion+1)
			})
		}, ErrNewerSchema},
		{"schema missing", func(t *testing.T, path string) {
			makeDB(t, path)
			rawUpdate(t, path, func(tx *bolt.Tx) error {
				return bucket(tx, bucketMeta).Delete([]byte(keySchema))
			})
		}, ErrCorrupt},
		{"both meta pages damaged", func(t *testing.T, path string) {
			makeDB(t, path)
			b := read(t, path)
			ps := os.Getpagesize()
			for _, off := range []int{0, ps} {
				b[off+40] ^= 0xff // inside the meta, after the magic
			}
			write(t, path, b)
		}, ErrCorrupt},
		{"data pages damaged", func(t *testing.T, path string) {
			makeDB(t, path)
			b := read(t, path)
			ps := os.Getpagesize()
			copy(b[2*ps:], random(len(b)-2*ps))
			write(t, path, b)
		}, ErrCorrupt},
		{"truncated", func(t *testing.T, path string) {
			makeDB(t, path)
			b := read(t, path)
			write(t, path, b[:3*os.Getpagesize()])
		}, ErrCorrupt},
		{"directory", func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
		}, ErrNotSipmote},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sipmote.db")
			tc.make(t, path)
			before := snapshot(t, path)
			d, err := Open(path)
			if err == nil {
				d.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			// The file's path is the user's own, and a temporary one's
			// random digits may hold "1212": only the rest is looked at.
			if msg := strings.ReplaceAll(err.Error(), path, "PATH"); strings.Contains(msg, "Tolvan") || strings.Contains(msg, "1212") {
				t.Errorf("error %q carries personal data", err)
			}
			if after := snapshot(t, path); !bytes.Equal(before, after) {
				t.Error("the refused file was changed")
			}
		})
	}
}

// Damage to any single page is refused with ErrCorrupt at Open when it
// breaks the structure of the file, and otherwise found when the damaged
// record is read. Never a crash, and never a write to a refused file.
func TestOpenDamagedPage(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	makeDB(t, good)
	orig := read(t, good)
	ps := os.Getpagesize()
	refused := 0
	for pg := 2; pg < len(orig)/ps; pg++ {
		for _, keepHeader := range []bool{false, true} {
			b := bytes.Clone(orig)
			from := pg * ps
			if keepHeader {
				from += 16
			}
			for i := from; i < (pg+1)*ps; i++ {
				b[i] = byte(i*7 + pg)
			}
			path := filepath.Join(dir, "damaged.db")
			write(t, path, b)
			d, err := Open(path)
			if err != nil {
				if !errors.Is(err, ErrCorrupt) {
					t.Errorf("page %d: err = %v, want ErrCorrupt", pg, err)
				}
				if !bytes.Equal(read(t, path), b) {
					t.Errorf("page %d: the refused file was changed", pg)
				}
				refused++
				continue
			}
			// bbolt keeps no checksums of data pages, so damage inside a
			// stored value is found only when that record is read. Reading
			// must then fail cleanly, never crash.
			list, err := d.List()
			if err != nil && !errors.Is(err, ErrCorrupt) {
				t.Errorf("page %d: List: %v", pg, err)
			}
			for _, s := range list {
				// A damaged key is a missing plan.
				if _, err := d.LoadPlan(s.ID); err != nil && !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrNotFound) {
					t.Errorf("page %d: LoadPlan: %v", pg, err)
				}
			}
			d.Close()
		}
	}
	t.Logf("%d of %d damaged files refused", refused, 2*(len(orig)/ps-2))
	if refused == 0 {
		t.Error("no damage was noticed")
	}
}

func TestOpenInitialises(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func(t *testing.T, path string)
	}{
		{"missing", func(t *testing.T, path string) {}},
		{"bolt file without buckets", func(t *testing.T, path string) {
			rawUpdate(t, path, func(*bolt.Tx) error { return nil })
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sipmote.db")
			tc.make(t, path)
			d, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			if err := d.SavePlan(LargePlan()); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// Opening a database that needs nothing done does not write to it.
func TestReopenDoesNotWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sipmote.db")
	makeDB(t, path)
	before := snapshot(t, path)
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.List(); err != nil {
		t.Fatal(err)
	}
	d.Close()
	if !bytes.Equal(before, snapshot(t, path)) {
		t.Error("Open and List changed the file")
	}
}

func TestDefaultPath(t *testing.T) {
	home := func() (string, error) { return "/home/tolvan", nil }
	noHome := func() (string, error) { return "", errors.New("no home") }
	for _, tc := range []struct {
		goos string
		env  map[string]string
		home func() (string, error)
		want string
	}{
		{"linux", nil, home, "/home/tolvan/.local/share/sipmote/sipmote.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "/data"}, home, "/data/sipmote/sipmote.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "relative"}, home, "/home/tolvan/.local/share/sipmote/sipmote.db"},
		{"freebsd", nil, home, "/home/tolvan/.local/share/sipmote/sipmote.db"},
		{"darwin", nil, home, "/home/tolvan/Library/Application Support/sipmote/sipmote.db"},
		{"darwin", map[string]string{"XDG_DATA_HOME": "/data"}, home, "/data/sipmote/sipmote.db"},
		{"windows", map[string]string{"LocalAppData": "/c/Users/t/AppData/Local"}, home, "/c/Users/t/AppData/Local/sipmote/sipmote.db"},
		{"windows", nil, home, "/home/tolvan/AppData/Local/sipmote/sipmote.db"},
		{"linux", nil, noHome, ""},
	} {
		getenv := func(k string) string { return tc.env[k] }
		got, err := defaultPath(tc.goos, getenv, tc.home)
		if tc.want == "" {
			if err == nil {
				t.Errorf("%s %v: got %q, want an error", tc.goos, tc.env, got)
			}
			continue
		}
		if err != nil || got != filepath.FromSlash(tc.want) {
			t.Errorf("%s %v: got %q, %v; want %q", tc.goos, tc.env, got, err, tc.want)
		}
	}
}

func TestResolvePath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data")
	t.Setenv(EnvDB, "")
	for _, tc := range []struct{ flag, env, want string }{
		{"/flag.db", "/env.db", "/flag.db"},
		{"", "/env.db", "/env.db"},
		{"", "", filepath.FromSlash("/data/sipmote/sipmote.db")},
	} {
		t.Setenv(EnvDB, tc.env)
		if got, err := ResolvePath(tc.flag); err != nil || got != tc.want {
			t.Errorf("ResolvePath(%q) with %s=%q = %q, %v; want %q", tc.flag, EnvDB, tc.env, got, err, tc.want)
		}
	}
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// snapshot is the file's bytes and modification time, or for a directory
// its mode and time.
func snapshot(t *testing.T, path string) []byte {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	out := binary.BigEndian.AppendUint64(nil, uint64(st.ModTime().UnixNano()))
	out = binary.BigEndian.AppendUint32(out, uint32(st.Mode()))
	if st.Mode().IsRegular() {
		out = append(out, read(t, path)...)
	}
	return out
}

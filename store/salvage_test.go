package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// rootPage is the page number of the file's root bucket, from its newest
// meta page.
func rootPage(t *testing.T, raw []byte) (pgid uint64, ps int) {
	t.Helper()
	ps = guessPageSize(raw)
	var best, txid uint64
	for _, off := range []int{0, ps} {
		m := raw[off+pageHeaderSize:]
		if tx := binary.LittleEndian.Uint64(m[48:]); tx >= txid {
			txid, best = tx, binary.LittleEndian.Uint64(m[16:])
		}
	}
	return best, ps
}

// A file whose root page is damaged cannot be walked by bbolt, yet every
// plan in it is whole: Rescue reads the pages one by one and copies every
// plan (its newest copy), its trail and a draft newer than the plan, plain
// and encrypted alike.
func TestRescueWithDamagedRoot(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		t.Run(fmt.Sprintf("encrypted=%v", encrypted), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "sip.db")
			var opts []Option
			if encrypted {
				opts = append(opts, WithNewPassphrase([]byte("lösen"), testKDF))
			}
			d, err := Open(path, opts...)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{}
			for i := range 12 {
				p := LargePlan()
				p.ID = fmt.Sprintf("%08d-0000-4000-8000-000000000000", i)
				for rev := range 3 {
					p.Draft.Content.Situation = fmt.Sprintf("plan %d revision %d", i, rev)
					p.UpdatedAt = time.Date(2026, 11, 1, 10, rev, 0, 0, time.UTC)
					if err := d.SavePlan(p); err != nil {
						t.Fatal(err)
					}
				}
				want[p.ID] = p.Draft.Content.Situation
				if err := d.Log(p.ID, TrailEvent{Kind: TrailCreated}); err != nil {
					t.Fatal(err)
				}
			}
			first := fmt.Sprintf("%08d-0000-4000-8000-000000000000", 0)
			// Long enough that the drafts' bucket has a page of its own
			// rather than living inside the root page damaged below.
			typed := "typed after the save " + strings.Repeat("och sedan ", 400)
			if err := d.SaveEditorDraft(first, EditorDraft{Field: "situation", Text: typed, SavedAt: time.Date(2026, 11, 1, 11, 0, 0, 0, time.UTC)}); err != nil {
				t.Fatal(err)
			}
			d.Close()

			raw := read(t, path)
			root, ps := rootPage(t, raw)
			for i := int(root)*ps + pageHeaderSize; i < int(root+1)*ps; i++ {
				raw[i] ^= 0x5a
			}
			write(t, path, raw)
			var ro []Option
			if encrypted {
				ro = append(ro, WithPassphrase(pass("lösen")))
			}
			if _, err := rescueTree(path, filepath.Join(dir, "tree.db"), ro); err == nil {
				t.Fatal("bbolt walked a file with a damaged root; the test damages the wrong page")
			}
			out := filepath.Join(dir, "rescued.db")
			rep, err := Rescue(path, out, ro...)
			if err != nil {
				t.Fatalf("Rescue: %v", err)
			}
			if !rep.PageWalk || rep.Plans != len(want) || rep.Events < len(want) {
				t.Errorf("report %+v; want a page walk with %d plans and their events", rep, len(want))
			}
			if !bytes.Equal(read(t, path), raw) {
				t.Error("Rescue changed the old file")
			}
			n, err := Open(out, ro...)
			if err != nil {
				t.Fatal(err)
			}
			defer n.Close()
			for id, text := range want {
				p, err := n.LoadPlan(id)
				if err != nil {
					t.Fatalf("plan %s: %v", id, err)
				}
				if p.Draft.Content.Situation != text {
					t.Errorf("plan %s: %q, want its newest copy %q", id, p.Draft.Content.Situation, text)
				}
				if tr, _ := n.Trail(id); len(tr) == 0 || tr[0].Kind != TrailCreated {
					t.Errorf("plan %s: trail %+v", id, tr)
				}
			}
			if ed, ok, err := n.LoadEditorDraft(first); err != nil || !ok || ed.Text != typed {
				t.Errorf("the draft newer than its plan: %+v %v %v", ed, ok, err)
			}
			n.Close()
			if r, err := Check(out, ro...); err != nil || !r.OK() {
				t.Errorf("the rescued file: %+v %v", r, err)
			}
		})
	}
}

// One byte changed anywhere in the root page: Rescue still copies every
// plan, whether bbolt notices the damage or is led astray by it.
func TestRescueAfterAByteOfTheRootChanged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sip.db")
	makeDB(t, path)
	orig := read(t, path)
	root, ps := rootPage(t, orig)
	tried := 0
	for off := pageHeaderSize - 8; off < 400; off += 7 {
		tried++
		raw := bytes.Clone(orig)
		raw[int(root)*ps+off] ^= 0xff
		write(t, path, raw)
		out := filepath.Join(dir, fmt.Sprintf("rescued-%d.db", off))
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		rep, err := Rescue(path, out)
		runtime.ReadMemStats(&ms)
		if ms.TotalAlloc-before > 256<<20 {
			t.Errorf("byte %d of the root: Rescue allocated %d MB", off, (ms.TotalAlloc-before)>>20)
		}
		if errors.Is(err, ErrNewerSchema) {
			// The schema number itself was changed upwards: the file
			// reads as one from a newer sipmote, which is told to the
			// user rather than copied into an older layout.
			continue
		}
		if err != nil {
			t.Errorf("byte %d of the root: %v", off, err)
			continue
		}
		if rep.Plans != 5 {
			t.Errorf("byte %d of the root: %d plans rescued, want 5 (%+v)", off, rep.Plans, rep)
		}
	}
	t.Logf("%d single-byte changes to the root page", tried)
}

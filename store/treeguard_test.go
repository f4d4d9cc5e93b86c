package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// bucketRootPage reads the file and finds in it the root page of the bucket
// find gives, which must be a branch page.
func bucketRootPage(t *testing.T, path string, find func(tx *bolt.Tx) *bolt.Bucket) (raw, page []byte, root uint64) {
	t.Helper()
	var ps int64
	rawView(t, path, func(tx *bolt.Tx) {
		root, ps = uint64(find(tx).Root()), int64(tx.DB().Info().PageSize)
	})
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page = raw[int64(root)*ps:]
	if binary.LittleEndian.Uint16(page[8:]) != branchPageFlag {
		t.Fatal("the bucket's root is not a branch page")
	}
	return raw, page, root
}

// rootKids are the children of the bucket's root page.
func rootKids(t *testing.T, path string, find func(tx *bolt.Tx) *bolt.Bucket) []uint64 {
	t.Helper()
	_, p, _ := bucketRootPage(t, path, find)
	kids := make([]uint64, binary.LittleEndian.Uint16(p[10:]))
	for k := range kids {
		kids[k] = binary.LittleEndian.Uint64(p[pageHeaderSize+k*leafElementSize+8:])
	}
	return kids
}

// repoint makes the i-th child of the branch page at the root of the
// bucket find gives point at the page to picks, given the root and the
// root's children.
func repoint(t *testing.T, path string, find func(tx *bolt.Tx) *bolt.Bucket, i int, to func(root uint64, kids []uint64) uint64) {
	t.Helper()
	kids := rootKids(t, path, find)
	if len(kids) <= i {
		t.Fatalf("the bucket's root has %d children, want more than %d", len(kids), i)
	}
	raw, p, root := bucketRootPage(t, path, find)
	binary.LittleEndian.PutUint64(p[pageHeaderSize+i*leafElementSize+8:], to(root, kids))
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

// promptly runs fn and ends the whole test binary if it has not
// returned in ten seconds: a walk round a loop never returns, and its
// cursor's stack grows while it runs, so the test must not wait for it.
func promptly(t *testing.T, what string, fn func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		// Panicking here would run the test's deferred Close, which
		// waits for the walk's transaction: for ever, while the walk eats
		// the machine's memory. A panic on a goroutine of its own ends
		// the program at once.
		go func() { panic(what + " has not returned after 10 s: it walks a loop in the page tree") }()
		select {}
	}
}

// A page tree broken past a bucket's left edge, which opening does not
// read, is found by the first use of the bucket: a walk of all of it or a
// single record's way down returns ErrCorrupt at once instead of going
// round the loop for ever (or overflowing the stack, which ends the
// program), and the file is taken for damaged and not written to, not
// even to record that. A page reached twice without a loop (a plan listed
// twice) is refused the same way.
func TestBrokenTreeIsRefused(t *testing.T) {
	toRoot := func(root uint64, _ []uint64) uint64 { return root }
	toFirst := func(_ uint64, kids []uint64) uint64 { return kids[0] }
	// Each use is given the largest plan id: its way down goes through
	// the root's last child.
	uses := []struct {
		name, bucket string
		use          func(d *DB, last string) error
	}{
		{"List", bucketSummaries, func(d *DB, _ string) error { _, err := d.List(); return err }},
		{"Index", bucketSummaries, func(d *DB, _ string) error { _, err := d.Index(); return err }},
		{"EachSummary", bucketSummaries, func(d *DB, _ string) error {
			return d.EachSummary(func(*model.Summary) error { return nil })
		}},
		{"Summaries", bucketSummaries, func(d *DB, last string) error { _, err := d.Summaries([]string{last}); return err }},
		{"LoadPlan", bucketPlans, func(d *DB, last string) error { _, err := d.LoadPlan(last); return err }},
		{"Export", bucketPlans, func(d *DB, _ string) error {
			return d.Export(ExportFuncs{Plan: func(*model.Plan) error { return nil }})
		}},
	}
	for _, c := range []struct {
		name  string
		child int
		to    func(root uint64, kids []uint64) uint64
	}{
		{"first child is the root", 0, toRoot},
		{"second child is the root", 1, toRoot},
		{"last child is the root", -1, toRoot},
		{"last child is the first", -1, toFirst},
	} {
		for _, u := range uses {
			t.Run(c.name+"/"+u.name, func(t *testing.T) {
				path := headFile(t, 100, nil)
				in := func(tx *bolt.Tx) *bolt.Bucket { return tx.Bucket([]byte(u.bucket)) }
				var last string
				rawView(t, path, func(tx *bolt.Tx) {
					k, _ := tx.Bucket([]byte(bucketPlans)).Cursor().Last()
					if id, _, ok := splitPartKey(k); ok {
						k = id
					}
					last = string(k)
				})
				child := c.child
				if child < 0 {
					child = len(rootKids(t, path, in)) - 1
				}
				repoint(t, path, in, child, c.to)
				before := snapshot(t, path)
				d, err := Open(path)
				if err != nil {
					t.Fatalf("Open = %v; the left edge is whole and should open", err)
				}
				defer d.Close()
				for _, turn := range []string{"", " again"} {
					err = promptly(t, u.name+turn, func() error { return u.use(d, last) })
					if !errors.Is(err, ErrCorrupt) || !d.isDamaged() {
						t.Errorf("%s%s = %v, file damaged %v; want ErrCorrupt and damaged", u.name, turn, err, d.isDamaged())
					}
				}
				if err := d.Writable(); !errors.Is(err, ErrDamaged) {
					t.Errorf("Writable on a broken file = %v, want ErrDamaged", err)
				}
				p := LargePlan()
				p.ID = model.NewID()
				if err := d.SavePlan(p); !errors.Is(err, ErrDamaged) {
					t.Errorf("SavePlan on a broken file = %v, want ErrDamaged", err)
				}
				if !equalBytes(before, snapshot(t, path)) {
					t.Error("the file was written to")
				}
			})
		}
	}
}

// The home screen's first frame reads the lines of the first plans one
// by one: on a broken tree it gives up at once (ok false, as for any
// front page it cannot use) and the file is taken for damaged.
func TestHomeFrontRefusesABrokenTree(t *testing.T) {
	path := headFile(t, 100, nil)
	summaries := func(tx *bolt.Tx) *bolt.Bucket { return tx.Bucket([]byte(bucketSummaries)) }
	repoint(t, path, summaries, 1, func(root uint64, _ []uint64) uint64 { return root })
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var ok bool
	_ = promptly(t, "HomeFront", func() error { _, _, _, ok = d.HomeFront(100); return nil })
	if ok || !d.isDamaged() {
		t.Errorf("HomeFront ok = %v, file damaged %v; want false and damaged", ok, d.isDamaged())
	}
}

// A plan's trail is a bucket of its own inside the trail's: a loop in its
// tree is refused when that trail is read or written to, and by Export,
// which reads every event through it; the file is not written to.
func TestBrokenTrailIsRefused(t *testing.T) {
	for _, walk := range []string{"Trail", "Log", "Export"} {
		t.Run(walk, func(t *testing.T) {
			path := headFile(t, 2, nil)
			p := LargePlan()
			p.ID = model.NewID()
			events := make([]TrailEvent, 300)
			for i := range events {
				events[i] = TrailEvent{At: fixedTime(), Kind: TrailOpened, Section: fmt.Sprintf("avsnitt-%d", i), OSUser: "handlaggare"}
			}
			func() {
				d, err := Open(path)
				if err != nil {
					t.Fatal(err)
				}
				defer d.Close()
				if err := d.SaveBatch([]Submission{{ID: p.ID, Plan: p, Events: events}}); err != nil {
					t.Fatal(err)
				}
			}()
			trail := func(tx *bolt.Tx) *bolt.Bucket { return tx.Bucket([]byte(bucketTrail)).Bucket([]byte(p.ID)) }
			repoint(t, path, trail, 1, func(root uint64, _ []uint64) uint64 { return root })
			before := snapshot(t, path)
			d, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			err = promptly(t, walk, func() error {
				switch walk {
				case "Trail":
					_, err := d.Trail(p.ID)
					return err
				case "Log":
					return d.Log(p.ID, TrailEvent{At: fixedTime(), Kind: TrailOpened})
				}
				return d.Export(ExportFuncs{Event: func(string, TrailEvent) error { return nil }})
			})
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("%s = %v, want ErrCorrupt", walk, err)
			}
			if !equalBytes(before, snapshot(t, path)) {
				t.Error("the file was written to")
			}
		})
	}
}

// Rescue leaves a tree with a loop to the page walk and still copies
// every plan.
func TestRescueWalksPagesPastALoop(t *testing.T) {
	path := headFile(t, 100, nil)
	repoint(t, path, func(tx *bolt.Tx) *bolt.Bucket { return tx.Bucket([]byte(bucketSummaries)) }, 1,
		func(root uint64, _ []uint64) uint64 { return root })
	dst := path + ".rescued"
	var rep *RescueReport
	err := promptly(t, "Rescue", func() (err error) {
		rep, err = Rescue(path, dst)
		return err
	})
	if err != nil {
		t.Fatalf("Rescue = %v", err)
	}
	if rep.Plans != 100 {
		t.Errorf("Rescue copied %d plans, want 100", rep.Plans)
	}
}

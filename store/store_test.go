package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

func TestFixtures(t *testing.T) {
	assertNoZero(t, fullPlan())
	assertNoZero(t, fullSummary())
	p := LargePlan()
	v := p.Draft
	if n := len(v.Meeting.Participants); n != 15 {
		t.Errorf("participants = %d, want 15", n)
	}
	if n := len(v.Content.Goals); n != 10 {
		t.Errorf("goals = %d, want 10", n)
	}
	if n := len(v.Content.Actions); n != 60 {
		t.Errorf("actions = %d, want 60", n)
	}
	if n := textBytes(p); n < 19_990 || n > 20_000 {
		t.Errorf("text = %d bytes, want 20 kB", n)
	}
}

func TestPlanRoundTrip(t *testing.T) {
	d := openTemp(t)
	for _, tc := range []struct {
		name string
		plan *model.Plan
	}{
		{"every field", fullPlan()},
		{"large", LargePlan()},
		{"new", model.NewPlan(model.Person{Name: "Tolvan Tolvansson"}, fixedTime())},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := d.SavePlan(tc.plan); err != nil {
				t.Fatal(err)
			}
			got, err := d.LoadPlan(tc.plan.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.plan) {
				t.Errorf("plan changed on the way through the store")
			}
			list, err := d.List()
			if err != nil {
				t.Fatal(err)
			}
			var found bool
			for _, s := range list {
				if s.ID == tc.plan.ID {
					found = true
					if !reflect.DeepEqual(s, tc.plan.Summarise()) {
						t.Errorf("summary = %+v, want %+v", s, tc.plan.Summarise())
					}
				}
			}
			if !found {
				t.Errorf("plan not listed")
			}
		})
	}
}

func TestSavePlanReplaces(t *testing.T) {
	d := openTemp(t)
	p := LargePlan()
	for i := range 3 {
		p.Person.Name = fmt.Sprintf("Name %d", i)
		if err := d.SavePlan(p); err != nil {
			t.Fatal(err)
		}
	}
	list, err := d.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Person != "Name 2" {
		t.Errorf("list = %+v, want one plan with the last name", list)
	}
}

func TestBadCalls(t *testing.T) {
	d := openTemp(t)
	for _, tc := range []struct {
		name string
		err  error
		want error
	}{
		{"save nil", d.SavePlan(nil), ErrNoID},
		{"save without id", d.SavePlan(&model.Plan{}), ErrNoID},
		{"load missing", func() error { _, err := d.LoadPlan("nope"); return err }(), ErrNotFound},
		{"load empty", func() error { _, err := d.LoadPlan(""); return err }(), ErrNotFound},
		{"draft without id", d.SaveEditorDraft("", EditorDraft{}), ErrNoID},
		{"clear without id", d.ClearEditorDraft(""), ErrNoID},
		{"log without id", d.Log("", TrailEvent{Kind: TrailOpened}), ErrNoID},
		{"log bad kind", d.Log("x", TrailEvent{Kind: "read the notes aloud"}), ErrBadEvent},
	} {
		if !errors.Is(tc.err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, tc.err, tc.want)
		}
	}
}

func TestFileModes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix modes")
	}
	dir := filepath.Join(t.TempDir(), "a", "sipmote")
	path := filepath.Join(dir, "sipmote.db")
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	for _, tc := range []struct {
		path string
		want os.FileMode
	}{{dir, 0o700}, {filepath.Dir(dir), 0o700}, {path, 0o600}} {
		st, err := os.Stat(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Mode().Perm(); got != tc.want {
			t.Errorf("%s: mode %v, want %v", tc.path, got, tc.want)
		}
	}

	// A file someone made readable to others is made private again.
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	d, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("reopened file has mode %v, want 0600", st.Mode().Perm())
	}
}

func TestResolve(t *testing.T) {
	d := openTemp(t)
	for _, id := range []string{
		"aaaa1111-0000-4000-8000-000000000000",
		"aaaa2222-0000-4000-8000-000000000000",
		"bbbb1111-0000-4000-8000-000000000000",
		"cc", "ccdd",
	} {
		p := model.NewPlan(model.Person{Name: "Tolvan Tolvansson"}, fixedTime())
		p.ID = id
		if err := d.SavePlan(p); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		prefix, want string
		err          error
	}{
		{"aaaa1", "aaaa1111-0000-4000-8000-000000000000", nil},
		{"AAAA2", "aaaa2222-0000-4000-8000-000000000000", nil},
		{" b ", "bbbb1111-0000-4000-8000-000000000000", nil},
		{"bbbb1111-0000-4000-8000-000000000000", "bbbb1111-0000-4000-8000-000000000000", nil},
		{"cc", "cc", nil}, // a full id wins over a longer one it prefixes
		{"ccd", "ccdd", nil},
		{"aaaa", "", ErrAmbiguous},
		{"a", "", ErrAmbiguous},
		{"d", "", ErrNotFound},
		{"0", "", ErrNotFound},
		{"zzzz", "", ErrNotFound},
		{"", "", ErrNoID},
		{"Tolvan", "", ErrNotFound},
	} {
		got, err := d.Resolve(tc.prefix)
		if got != tc.want || !errors.Is(err, tc.err) {
			t.Errorf("Resolve(%q) = %q, %v; want %q, %v", tc.prefix, got, err, tc.want, tc.err)
		}
		if err != nil && strings.Contains(err.Error(), "Tolvan") {
			t.Errorf("Resolve(%q): error %q repeats the input", tc.prefix, err)
		}
	}
}

func TestListEmpty(t *testing.T) {
	d := openTemp(t)
	list, err := d.List()
	if err != nil || len(list) != 0 {
		t.Errorf("List() = %v, %v; want none", list, err)
	}
}

func TestEditorDraft(t *testing.T) {
	d := openTemp(t)
	const id = "plan-1"
	if _, ok, err := d.LoadEditorDraft(id); ok || err != nil {
		t.Fatalf("draft before saving: ok=%v err=%v", ok, err)
	}
	want := EditorDraft{Field: "content.situation", Text: "Tolvan bor ensam.\nHan vill…", Cursor: 12, SavedAt: fixedTime()}
	if err := d.SaveEditorDraft(id, want); err != nil {
		t.Fatal(err)
	}
	got, ok, err := d.LoadEditorDraft(id)
	if err != nil || !ok || !reflect.DeepEqual(got, want) {
		t.Fatalf("LoadEditorDraft = %+v, %v, %v; want %+v", got, ok, err, want)
	}
	if _, ok, _ := d.LoadEditorDraft("plan-2"); ok {
		t.Errorf("another plan has the draft")
	}
	for range 2 { // clearing twice is fine
		if err := d.ClearEditorDraft(id); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok, err := d.LoadEditorDraft(id); ok || err != nil {
		t.Errorf("draft after clearing: ok=%v err=%v", ok, err)
	}
}

func TestTrail(t *testing.T) {
	d := openTemp(t)
	kinds := []string{TrailCreated, TrailOpened, TrailChanged, TrailFinalised, TrailPrinted, TrailExported, TrailClosed, TrailImported}
	const n = 300
	for i := range n {
		// A clock going backwards must not reorder the trail.
		e := TrailEvent{At: fixedTime().Add(-time.Duration(i) * time.Second), Kind: kinds[i%len(kinds)], Section: fmt.Sprint(i), Secretary: "Person 2"}
		if err := d.Log("plan-a", e); err != nil {
			t.Fatal(err)
		}
		if i%10 == 0 {
			if err := d.Log("plan-b", TrailEvent{Kind: TrailOpened}); err != nil {
				t.Fatal(err)
			}
		}
	}
	got, err := d.Trail("plan-a")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("trail has %d events, want %d", len(got), n)
	}
	for i, e := range got {
		if e.Section != fmt.Sprint(i) || e.Kind != kinds[i%len(kinds)] || e.OSUser == "" {
			t.Fatalf("event %d = %+v", i, e)
		}
	}
	b, err := d.Trail("plan-b")
	if err != nil || len(b) != n/10 {
		t.Fatalf("plan-b trail: %d events, %v", len(b), err)
	}
	if b[0].At.IsZero() || b[0].OSUser != CurrentOSUser() {
		t.Errorf("Log did not fill in time and user: %+v", b[0])
	}
	if none, err := d.Trail("plan-c"); err != nil || len(none) != 0 {
		t.Errorf("empty trail = %v, %v", none, err)
	}
}

func TestCurrentOSUser(t *testing.T) {
	if CurrentOSUser() == "" {
		t.Error("CurrentOSUser is empty")
	}
}

// A full disk gives a *SaveError that says so without quoting the plan, and
// leaves what was saved before intact.
func TestSaveErrorDiskFull(t *testing.T) {
	d := openTemp(t, withMaxSize(1<<20))
	small := LargePlan()
	if err := d.SavePlan(small); err != nil {
		t.Fatal(err)
	}
	big := LargePlan()
	big.Draft.Content.Notes = strings.Repeat("Tolvan Tolvansson ", 200_000)
	err := d.SavePlan(big)
	var se *SaveError
	if !errors.As(err, &se) || !se.DiskFull() {
		t.Fatalf("err = %v, want a disk-full *SaveError", err)
	}
	if strings.Contains(err.Error(), "Tolvan") {
		t.Errorf("error %q carries personal data", err)
	}
	got, err := d.LoadPlan(small.ID)
	if err != nil || !reflect.DeepEqual(got, small) {
		t.Errorf("the plan saved before is gone or changed: %v", err)
	}
}

func TestListSkipsDamagedSummary(t *testing.T) {
	d := openTemp(t)
	for _, id := range []string{"a", "b", "c"} {
		p := LargePlan()
		p.ID = id
		if err := d.SavePlan(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.update(func(tx *bolt.Tx) error {
		return bucket(tx, bucketSummaries).Put([]byte("b"), []byte{summaryFormat, 0xff})
	}); err != nil {
		t.Fatal(err)
	}
	list, err := d.List()
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "(b)") {
		t.Errorf("err = %v, want ErrCorrupt naming b", err)
	}
	if len(list) != 2 || list[0].ID != "a" || list[1].ID != "c" {
		t.Errorf("list = %+v, want a and c", list)
	}
}

// TestClosedPlanIsReadOnly: once a closed plan is stored, no save through
// SavePlan or the Saver can change it.
func TestClosedPlanIsReadOnly(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "sip.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	p := model.Demo(now)
	if err := db.SavePlan(p); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(model.Closure{Reason: model.CloseGoalsMet, Date: "2026-11-25", DraftDiscarded: true}, now); err != nil {
		t.Fatal(err)
	}
	if err := db.SavePlan(p); err != nil {
		t.Fatalf("closing save refused: %v", err)
	}
	// Ticking who has been told is the one change kept.
	if err := p.SetTold(1, true); err != nil {
		t.Fatal(err)
	}
	if err := db.SavePlan(p); err != nil {
		t.Fatalf("ticking who was told: %v", err)
	}
	p.Person.Name = "Someone Else"
	if err := db.SavePlan(p); !errors.Is(err, ErrClosedPlan) {
		t.Fatalf("changing a closed plan: err = %v, want ErrClosedPlan", err)
	}
	s := NewSaver(db, 10*time.Millisecond, nil)
	s.Submit(p.Clone(), nil)
	if err := s.Flush(); !errors.Is(err, ErrClosedPlan) {
		t.Errorf("saver on a closed plan: err = %v", err)
	}
	s.Close()
	got, err := db.LoadPlan(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Person.Name != "Maja Lind" || got.Status != model.StatusClosed || !got.Closure.Tell[1].Told {
		t.Errorf("stored closed plan changed: %q %s", got.Person.Name, got.Status)
	}
}

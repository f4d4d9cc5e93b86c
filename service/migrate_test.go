package service

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/pgtest"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// TestMigrateThereAndBack copies a file with plans of every kind, their
// versions, an open field, a form and the trail to PostgreSQL and from
// there to a new file, encrypted and not: each copy holds the same, both
// sides check whole, and the trail ends in the same link.
func TestMigrateThereAndBack(t *testing.T) {
	kdf := store.KDFParams{Time: 1, MemKiB: 64, Threads: 1}
	for _, enc := range []bool{false, true} {
		name := map[bool]string{false: "plain", true: "encrypted"}[enc]
		t.Run(name, func(t *testing.T) {
			o := Options{RecoveryDirs: []string{t.TempDir()}}
			if enc {
				o.Passphrase = func() ([]byte, error) { return []byte("lösen"), nil }
			}
			file := filepath.Join(t.TempDir(), "sip.db")
			var opts []store.Option
			if enc {
				opts = append(opts, store.WithNewPassphrase([]byte("lösen"), &kdf))
			}
			db, err := store.Open(file, opts...)
			if err != nil {
				t.Fatal(err)
			}
			fill(t, db)
			db.Close()

			dsn := pgtest.DSN(t)
			rep, err := Migrate(file, dsn, o)
			if err != nil {
				t.Fatalf("to PostgreSQL: %v (%+v)", err, rep)
			}
			if rep.Plans != 3 || rep.Drafts != 1 || rep.Forms != 1 || rep.Events < 5 || rep.Head == "" {
				t.Errorf("report: %+v", rep)
			}
			back := filepath.Join(t.TempDir(), "back.db")
			if _, err := Migrate(dsn, back, o); err != nil {
				t.Fatalf("back to a file: %v", err)
			}
			// A target that holds anything is refused and left as it is.
			if _, err := Migrate(file, dsn, o); !errors.Is(err, store.ErrNotEmpty) {
				t.Errorf("into a full database: %v", err)
			}
			if _, err := Migrate(file, file, o); !errors.Is(err, store.ErrNotEmpty) {
				t.Errorf("into itself: %v", err)
			}
			a, b, c := openAny(t, file, o), openAny(t, dsn, o), openAny(t, back, o)
			if b.Encrypted() != enc || c.Encrypted() != enc {
				t.Errorf("encrypted: %v %v", b.Encrypted(), c.Encrypted())
			}
			sameContent(t, a, b)
			sameContent(t, a, c)

		})
	}
}

func fill(t *testing.T, db store.Store) {
	t.Helper()
	for _, p := range model.DemoPlans(testNow) {
		if err := db.SavePlanLogged(p, store.TrailEvent{Kind: store.TrailCreated, Secretary: "Ali"}); err != nil {
			t.Fatal(err)
		}
		if err := db.Log(p.ID, store.TrailEvent{Kind: store.TrailViewed, Section: "diff"}); err != nil {
			t.Fatal(err)
		}
	}
	p := model.Demo(testNow)
	if err := db.SaveEditorDraft(p.ID, store.EditorDraft{Field: "needs", Text: "Mat", Cursor: 3, SavedAt: testNow}); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveForm("newplan", map[string]string{"name": "Olle"}, testNow); err != nil {
		t.Fatal(err)
	}
	if err := db.LogFile(store.TrailEvent{Kind: store.TrailListed, Count: 3}); err != nil {
		t.Fatal(err)
	}
}

func openAny(t *testing.T, path string, o Options) store.Store {
	t.Helper()
	db, err := openStore(path, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// sameContent compares everything two databases hold, event for event, except
// the events migrate itself added at their ends.
func sameContent(t *testing.T, a, b store.Store) {
	t.Helper()
	dump := func(db store.Store) map[string]string {
		m := map[string]string{}
		add := func(k string, v any) error {
			j, err := json.Marshal(v)
			m[k] = string(j)
			return err
		}
		err := db.Export(store.ExportFuncs{
			Plan:  func(p *model.Plan) error { return add("plan "+p.ID, p) },
			Draft: func(id string, ed store.EditorDraft) error { return add("draft "+id, ed) },
			Form: func(name string, at time.Time, v json.RawMessage) error {
				return add("form "+name, []any{at, v})
			},
			Event: func(owner string, e store.TrailEvent) error {
				if e.Section == "migrate" {
					return nil
				}
				return add(owner+" event "+fmt.Sprint(e.FileSeq), e)
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	da, db := dump(a), dump(b)
	if !reflect.DeepEqual(da, db) {
		for k, v := range da {
			if db[k] != v {
				t.Errorf("%s differs:\n%s\n%s", k, v, db[k])
			}
		}
		t.Fatalf("%d and %d items", len(da), len(db))
	}
	if len(da) < 12 {
		t.Fatalf("only %d items compared", len(da))
	}
}

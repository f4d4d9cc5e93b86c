package store

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// schema1Fixture is a database as sipmote wrote it at schema 1: meta and
// plans only. It is committed so that the migration is tested against a
// real old file, not one made by today's code on the fly.
const schema1Fixture = "../testdata/store/schema1.db"

// envWriteFixtures makes TestWriteSchema1Fixture (re)write the fixture:
//
//	SIPMOTE_WRITE_FIXTURES=1 go test -run TestWriteSchema1Fixture ./store/
const envWriteFixtures = "SIPMOTE_WRITE_FIXTURES"

// schema1Plans are the plans in the fixture. Made up, like all fixtures.
func schema1Plans() []*model.Plan {
	a := model.NewPlan(model.Person{Name: "Tolvan Tolvansson", PNR: "19121212-1212"}, fixedTime())
	a.ID = "11111111-1111-4111-8111-111111111111"
	b := fullPlan()
	b.ID = "22222222-2222-4222-8222-222222222222"
	b.Closure = nil
	c := LargePlan()
	c.ID = "33333333-3333-4333-8333-333333333333"
	c.Person = model.Person{Name: "Testa Testsson"}
	return []*model.Plan{a, b, c}
}

// writeSchema1 writes plans in the schema-1 layout.
func writeSchema1(path string, plans []*model.Plan) error {
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		return err
	}
	defer b.Close()
	return b.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucket([]byte(bucketMeta))
		if err != nil {
			return err
		}
		if err := meta.Put([]byte(keyApp), []byte(appName)); err != nil {
			return err
		}
		if err := putSchema(meta, 1); err != nil {
			return err
		}
		pb, err := tx.CreateBucket([]byte(bucketPlans))
		if err != nil {
			return err
		}
		for _, p := range plans {
			v, err := encode(p)
			if err != nil {
				return err
			}
			if err := pb.Put([]byte(p.ID), v); err != nil {
				return err
			}
		}
		return nil
	})
}

func TestWriteSchema1Fixture(t *testing.T) {
	if os.Getenv(envWriteFixtures) == "" {
		t.Skip("set " + envWriteFixtures + "=1 to rewrite " + schema1Fixture)
	}
	if err := os.MkdirAll(filepath.Dir(schema1Fixture), 0o755); err != nil {
		t.Fatal(err)
	}
	_ = os.Remove(schema1Fixture)
	if err := writeSchema1(schema1Fixture, schema1Plans()); err != nil {
		t.Fatal(err)
	}
}

func TestMigrateSchema1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sipmote.db")
	copyFile(t, schema1Fixture, path)
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()

	var version uint64
	if err := d.view(func(tx *bolt.Tx) error {
		version, err = readSchema(tx)
		return err
	}); err != nil || version != schemaVersion {
		t.Fatalf("schema after migration = %d, %v; want %d", version, err, schemaVersion)
	}
	if got, want := bucketNames(t, d), freshBucketNames(t); !slices.Equal(got, want) {
		t.Errorf("buckets = %q, want %q as in a new file", got, want)
	}

	list, err := d.List()
	if err != nil {
		t.Fatal(err)
	}
	want := schema1Plans()
	if len(list) != len(want) {
		t.Fatalf("listed %d plans, want %d", len(list), len(want))
	}
	for i, s := range list {
		p, err := d.LoadPlan(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		wantName := want[i].Person.Name
		if want[i].ContentHidden() {
			wantName = "" // withdrawn consent: the list shows no name
		}
		if s.ID != want[i].ID || s.Person != wantName {
			t.Errorf("plan %d: %s %q, want %s %q", i, s.ID, s.Person, want[i].ID, want[i].Person.Name)
		}
		if !reflect.DeepEqual(s, p.Summarise()) {
			t.Errorf("plan %d: summary %+v, want %+v", i, s, p.Summarise())
		}
		// The plans are stored in the present format: no old field left.
		raw, err := d.rawPlan(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, old := range []string{`"present":`, `"goal_id":`, `"none":`, `"notify":`, `"status":"awaiting"`} {
			if strings.Contains(string(raw), old) {
				t.Errorf("plan %d is stored with the old field %s", i, old)
			}
		}
		for _, v := range p.Versions {
			if f := v.Content.FollowUp; f.State == "" && f.Date != "" {
				t.Errorf("plan %d: a follow-up with a date has no state", i)
			}
		}
	}

	// The new buckets work.
	if err := d.Log(want[0].ID, TrailEvent{Kind: TrailOpened}); err != nil {
		t.Error(err)
	}
	if err := d.SaveEditorDraft(want[0].ID, EditorDraft{Text: "x"}); err != nil {
		t.Error(err)
	}
}

func TestMigrationsReachSchema(t *testing.T) {
	if n := len(migrations()); n != schemaVersion-1 {
		t.Errorf("%d migrations for schema %d", n, schemaVersion)
	}
}

func bucketNames(t *testing.T, d *DB) []string {
	t.Helper()
	var names []string
	if err := d.view(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			names = append(names, string(name))
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	return names
}

func freshBucketNames(t *testing.T) []string {
	return bucketNames(t, openTemp(t))
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

// rawPlan is the stored bytes of a plan, as the file holds them.
func (d *DB) rawPlan(id string) ([]byte, error) {
	var out []byte
	err := d.view(func(tx *bolt.Tx) error {
		out = append([]byte{}, getPlanRecord(bucket(tx, bucketPlans), []byte(id))...)
		return nil
	})
	return out, err
}

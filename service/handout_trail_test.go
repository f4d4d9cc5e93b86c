package service

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/smalldisk"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/outfile"
	"github.com/sipmote/sipmote/printout"
	"github.com/sipmote/sipmote/store"
)

// An export or a print to a file that cannot be written is no event in
// the trail; one whose writing fails after the event gets a second event
// that says nothing came of it; and one the trail cannot take writes
// nothing at all.
func TestRefusedFileIsNoExportInTheTrail(t *testing.T) {
	svc := openTest(t, Options{Device: func([]byte, string, string) (printout.Result, error) {
		t.Error("a print to a file reached the printer")
		return printout.Result{}, nil
	}})
	ctx := context.Background()
	p := newPlan(t, svc, "Vera Sund")
	dir := t.TempDir()
	taken := filepath.Join(dir, "taken.json")
	os.WriteFile(taken, []byte("someone's file"), 0o600)
	json := ExportOptions{Format: FormatJSON}
	cases := []struct {
		name, file string
		force      bool
		want       error
	}{
		{"the name is taken", taken, false, outfile.ErrExists},
		{"the folder is missing", filepath.Join(dir, "nodir", "x.json"), false, fs.ErrNotExist},
		{"the folder is missing, with force", filepath.Join(dir, "nodir", "x.json"), true, fs.ErrNotExist},
	}
	for _, tc := range cases {
		o := json
		o.File, o.Force = tc.file, tc.force
		var fe *FileError
		if err := svc.Export(ctx, nil, p, p.Current(), o); !errors.As(err, &fe) || !errors.Is(err, tc.want) {
			t.Errorf("%s: export gave %v, want %v", tc.name, err, tc.want)
		}
		if _, err := svc.Print(ctx, p, p.Draft, PrintOptions{Lang: model.Swedish, File: tc.file, Force: tc.force}); !errors.As(err, &fe) || !errors.Is(err, tc.want) {
			t.Errorf("%s: print gave %v, want %v", tc.name, err, tc.want)
		}
		if n := countKind(t, svc, p.ID, store.TrailExported) + countKind(t, svc, p.ID, store.TrailPrinted); n != 0 {
			t.Fatalf("%s: %d events for files never written", tc.name, n)
		}
	}
	if b, _ := os.ReadFile(taken); string(b) != "someone's file" {
		t.Fatal("the taken file was changed")
	}
	// Written: one event each.
	o := json
	o.File = filepath.Join(dir, "vera.json")
	if err := svc.Export(ctx, nil, p, p.Current(), o); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Print(ctx, p, p.Draft, PrintOptions{Lang: model.Swedish, File: filepath.Join(dir, "vera.pdf")}); err != nil {
		t.Fatal(err)
	}
	if e, pr := countKind(t, svc, p.ID, store.TrailExported), countKind(t, svc, p.ID, store.TrailPrinted); e != 1 || pr != 1 {
		t.Fatalf("written: %d exported, %d printed events", e, pr)
	}
	// Out to a pipe nobody reads: recorded, then said to have failed.
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	defer w.Close()
	if err := svc.Export(ctx, w, p, p.Current(), json); err == nil {
		t.Fatal("an export to a closed pipe went through")
	}
	tr, _ := svc.db.Trail(p.ID)
	last := tr[len(tr)-1]
	if last.Kind != store.TrailExported || last.Section != model.TrailNotWritten {
		t.Fatalf("last event after a failed write: %+v", last)
	}
	if got := model.TrailLabel(model.English, last.Kind, last.Section); got != "exported (failed, nothing was written)" {
		t.Errorf("label %q", got)
	}
}

// A file on a real full disk: the folder is there and the name free, so
// the export is recorded; the write then fails and a second event says so.
// With the database's disk full instead, nothing is written anywhere.
func TestExportToAFullDisk(t *testing.T) {
	full := smalldisk.Mount(t, "1m")
	svc := openTest(t, Options{})
	ctx := context.Background()
	p := newPlan(t, svc, "Vera Sund")
	free := smalldisk.Fill(t, full)
	defer free()
	o := ExportOptions{Format: FormatJSON, File: filepath.Join(full, "vera.json")}
	err := svc.Export(ctx, nil, p, p.Current(), o)
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("export to a full disk: %v", err)
	}
	if msg := ErrorText(model.English, err); !strings.Contains(msg, "the disk is full") {
		t.Errorf("message %q", msg)
	}
	var sections []string
	tr, _ := svc.db.Trail(p.ID)
	for _, e := range tr {
		if e.Kind == store.TrailExported {
			sections = append(sections, e.Section)
		}
	}
	if !slices.Equal(sections, []string{"", model.TrailNotWritten}) {
		t.Errorf("export events %q, want one and its failure", sections)
	}
	if names, _ := filepath.Glob(filepath.Join(full, "*.json*")); len(names) != 0 {
		t.Errorf("left on the full disk: %v", names)
	}

	// The database's own disk full: the trail cannot take the event, so
	// no file is made.
	dbDir := smalldisk.Mount(t, "1m")
	db, err := Open(filepath.Join(dbDir, "sip.db"), Options{Now: func() time.Time { return testNow },
		RecoveryDirs: []string{filepath.Join(t.TempDir(), "recovery")}})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q := newPlan(t, db, "Vera Sund")
	freeDB := smalldisk.Fill(t, dbDir)
	defer freeDB()
	outDir := t.TempDir()
	refused := false
	for i := 0; i < 400 && !refused; i++ {
		o := ExportOptions{Format: FormatJSON, File: filepath.Join(outDir, "q.json"), Force: true}
		switch err := db.Export(ctx, nil, q, q.Current(), o); {
		case errors.Is(err, ErrUnrecorded):
			refused = true
		case err != nil:
			t.Fatalf("export: %v", err)
		default:
			os.Remove(o.File)
		}
	}
	if !refused {
		t.Fatal("the full disk never refused the trail event")
	}
	if names, _ := os.ReadDir(outDir); len(names) != 0 {
		t.Errorf("an export the trail did not take left %v", names)
	}
}

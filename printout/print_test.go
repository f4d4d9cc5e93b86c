package printout

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// fakeCUPS puts stand-ins for lp and lpstat on PATH. lp saves what it is
// sent in dir/job.pdf and its arguments in dir/args; it fails when fail is
// set. lpstat reports def as the default printer, or no printer at all.
func fakeCUPS(t *testing.T, def string, fail bool) string {
	t.Helper()
	dir := t.TempDir()
	lp := "#!/bin/sh\necho \"$@\" > " + dir + "/args\ncat > " + dir + "/job.pdf\n"
	if fail {
		lp += "echo 'lp: The printer or class does not exist.' >&2\nexit 1\n"
	}
	lpstat := "#!/bin/sh\necho 'no system default destination'\n"
	if def != "" {
		lpstat = "#!/bin/sh\ncase \"$1\" in\n-d) echo 'system default destination: " + def + "';;\n-p) echo 'printer " + def + " is idle.  enabled since now';;\nesac\n"
	}
	for name, body := range map[string]string{"lp": lp, "lpstat": lpstat} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// The shell tools the stand-ins use come after them.
	t.Setenv("PATH", dir+string(os.PathListSeparator)+"/usr/bin"+string(os.PathListSeparator)+"/bin")
	return dir
}

func TestPrint(t *testing.T) {
	pdf := []byte("%PDF-1.4 test")
	tests := []struct {
		name    string
		def     string // default printer lpstat reports
		noLP    bool
		fail    bool
		printer string
		want    Result
		wantErr error
	}{
		{name: "default printer", def: "kontoret", want: Result{Printed: true, Printer: "kontoret"}},
		{name: "given printer", printer: "mottagningen", want: Result{Printed: true, Printer: "mottagningen"}},
		{name: "no printer: saved", want: Result{Path: "plan.pdf"}},
		{name: "no lp: saved", noLP: true, want: Result{Path: "plan.pdf"}},
		{name: "default printer refuses: saved", def: "kontoret", fail: true, want: Result{Path: "plan.pdf"}},
		{name: "given printer refuses", printer: "mottagningen", fail: true, wantErr: ErrLP},
		{name: "given printer without lp", noLP: true, printer: "mottagningen", wantErr: ErrNoLP},
		{name: "printer name like an option", printer: "-h", wantErr: ErrLP},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cups string
			if tt.noLP {
				t.Setenv("PATH", t.TempDir())
			} else {
				cups = fakeCUPS(t, tt.def, tt.fail)
			}
			out := t.TempDir()
			path := filepath.Join(out, "plan.pdf")
			got, err := Print(pdf, tt.printer, path)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err %v, want %v", err, tt.wantErr)
			}
			if tt.wantErr != nil {
				return
			}
			if tt.want.Path != "" {
				tt.want.Path = path
			}
			if got != tt.want {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			if got.Printed {
				job, err := os.ReadFile(filepath.Join(cups, "job.pdf"))
				if err != nil || !bytes.Equal(job, pdf) {
					t.Errorf("lp got %q, %v", job, err)
				}
				args, _ := os.ReadFile(filepath.Join(cups, "args"))
				if !bytes.Contains(args, []byte("-d "+got.Printer)) || !bytes.Contains(args, []byte("-t SIP")) {
					t.Errorf("lp was called with %q", args)
				}
				if entries, _ := os.ReadDir(out); len(entries) != 0 {
					t.Errorf("a print left %d files behind", len(entries))
				}
				return
			}
			checkSaved(t, got.Path, pdf)
		})
	}
}

func checkSaved(t *testing.T, path string, want []byte) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("%s has mode %v, want 0600", path, st.Mode().Perm())
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
		t.Errorf("%s holds %q", path, got)
	}
}

func TestPrintNeverOverwrites(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	dir := t.TempDir()
	path := filepath.Join(dir, "sip-ML-v1-2026-11-30.pdf")
	want := []string{path,
		filepath.Join(dir, "sip-ML-v1-2026-11-30-2.pdf"),
		filepath.Join(dir, "sip-ML-v1-2026-11-30-3.pdf")}
	for i, w := range want {
		pdf := []byte{byte('a' + i)}
		got, err := Print(pdf, "", path)
		if err != nil {
			t.Fatal(err)
		}
		if got.Path != w || got.Printed {
			t.Fatalf("print %d went to %+v, want %s", i+1, got, w)
		}
		checkSaved(t, w, pdf)
	}
	if _, err := Print(nil, "", path); !errors.Is(err, ErrNoPDF) {
		t.Errorf("an empty PDF: %v", err)
	}
}

func TestDefaultFileName(t *testing.T) {
	p := samplePlan()
	draft := model.Version{Number: 2}
	tests := []struct {
		name string
		p    *model.Plan
		v    *model.Version
		want string
	}{
		{"finalised", p, &p.Versions[0], "sip-ML-v1-2026-11-30.pdf"},
		{"current", p, nil, "sip-ML-v1-2026-11-30.pdf"},
		{"no meeting date", p, &draft, "sip-ML-v2-" + time.Now().Format(model.DateLayout) + ".pdf"},
		{"odd name", &model.Plan{Person: model.Person{Name: "Åsa ../ Öst"}}, &model.Version{Number: 1, Meeting: model.Meeting{Date: "2026-11-30"}}, "sip-ÅÖ-v1-2026-11-30.pdf"},
		{"nothing", nil, nil, "sip-x-v1-" + time.Now().Format(model.DateLayout) + ".pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DefaultFileName(tt.p, tt.v); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

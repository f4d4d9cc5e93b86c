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

// fakeCUPSWith puts stand-ins for lp and lpstat on PATH. lp saves what it is
// sent in dir/job.pdf and its arguments in dir/args; it fails when fail is
// set. lpstat reports def as the default printer, or no printer at all.
// Other, when set without def, is a printer CUPS knows of but that is not
// the default.
func fakeCUPSWith(t *testing.T, def, other string, fail bool) string {
	t.Helper()
	dir := t.TempDir()
	lp := "#!/bin/sh\necho \"$@\" > " + dir + "/args\ncat > " + dir + "/job.pdf\n"
	if fail {
		lp += "echo 'lp: The printer or class does not exist.' >&2\nexit 1\n"
	}
	lpstat := "#!/bin/sh\necho 'no system default destination'\n"
	if def != "" {
		lpstat = "#!/bin/sh\ncase \"$1\" in\n-d) echo 'system default destination: " + def + "';;\n-p) echo 'printer " + def + " is idle.  enabled since now';;\nesac\n"
	} else if other != "" {
		lpstat = "#!/bin/sh\ncase \"$1\" in\n-d) echo 'no system default destination';;\n-p) echo 'printer " + other + " is idle.  enabled since now';;\nesac\n"
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
		other   string // a printer lpstat -p lists, not the default
		noLP    bool
		fail    bool
		printer string
		want    Result
		wantErr error
	}{
		{name: "default printer", def: "kontoret", want: Result{Printed: true, Printer: "kontoret"}},
		{name: "given printer", printer: "mottagningen", want: Result{Printed: true, Printer: "mottagningen"}},
		{name: "no printer: saved", want: Result{Path: "plan.pdf", NoPrinter: true}},
		{name: "a printer but no default: saved, never sent to it", other: "korridoren", want: Result{Path: "plan.pdf", NoPrinter: true}},
		{name: "no lp: saved", noLP: true, want: Result{Path: "plan.pdf", NoPrinter: true}},
		{name: "default printer refuses: saved", def: "kontoret", fail: true,
			want: Result{Path: "plan.pdf", Printer: "kontoret", Refused: "lp: The printer or class does not exist."}},
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
				cups = fakeCUPSWith(t, tt.def, tt.other, tt.fail)
			}
			docs := t.TempDir()
			t.Setenv("XDG_DOCUMENTS_DIR", docs)
			out := filepath.Join(docs, "sipmote")
			path := filepath.Join(out, "plan.pdf")
			got, err := Print(pdf, tt.printer, "plan.pdf")
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
			if cups != "" && !tt.fail {
				if _, err := os.Stat(filepath.Join(cups, "job.pdf")); err == nil {
					t.Error("a printer was sent the job")
				}
			}
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
	t.Setenv("XDG_DOCUMENTS_DIR", t.TempDir())
	dir := filepath.Join(os.Getenv("XDG_DOCUMENTS_DIR"), "sipmote")
	path := filepath.Join(dir, "sip-ML-v1-2026-11-30.pdf")
	want := []string{path,
		filepath.Join(dir, "sip-ML-v1-2026-11-30-2.pdf"),
		filepath.Join(dir, "sip-ML-v1-2026-11-30-3.pdf")}
	for i, w := range want {
		pdf := []byte{byte('a' + i)}
		got, err := Print(pdf, "", "sip-ML-v1-2026-11-30.pdf")
		if err != nil {
			t.Fatal(err)
		}
		if got.Path != w || got.Printed {
			t.Fatalf("print %d went to %+v, want %s", i+1, got, w)
		}
		checkSaved(t, w, pdf)
	}
	if _, err := Print(nil, "", "x.pdf"); !errors.Is(err, ErrNoPDF) {
		t.Errorf("an empty PDF: %v", err)
	}
}

// TestSaveDir: a PDF no printer took goes to the documents folder the
// desktop names, in a sipmote folder only its owner can open; never to
// the folder the program was started from.
func TestSaveDir(t *testing.T) {
	tests := []struct {
		name     string
		docsEnv  string // XDG_DOCUMENTS_DIR; "" unset
		userDirs string // user-dirs.dirs; "" none
		want     string // relative to HOME
	}{
		{"environment", "ENV", "XDG_DOCUMENTS_DIR=\"$HOME/Dokument\"\n", "env/sipmote"},
		{"user-dirs.dirs", "", "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Skrivbord\"\nXDG_DOCUMENTS_DIR=\"$HOME/Dokument\"\n", "Dokument/sipmote"},
		{"user-dirs.dirs without one", "", "XDG_DOCUMENTS_DIR=\"$HOME/\"\n", "Documents/sipmote"},
		{"nothing set", "", "", "Documents/sipmote"},
		{"relative environment ignored", "rel/docs", "", "Documents/sipmote"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			t.Setenv("HOME", home)
			t.Setenv("XDG_CONFIG_HOME", "")
			env := tt.docsEnv
			if env == "ENV" {
				env = filepath.Join(home, "env")
			}
			t.Setenv("XDG_DOCUMENTS_DIR", env)
			if tt.userDirs != "" {
				os.MkdirAll(filepath.Join(home, ".config"), 0o700)
				os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte(tt.userDirs), 0o600)
			}
			cwd := t.TempDir()
			t.Chdir(cwd)
			got, err := SaveDir()
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(home, tt.want); got != want {
				t.Errorf("got %s, want %s", got, want)
			}
			st, err := os.Stat(got)
			if err != nil || st.Mode().Perm() != 0o700 {
				t.Errorf("%s: %v, mode %v; want a folder with mode 0700", got, err, st.Mode().Perm())
			}
			if entries, _ := os.ReadDir(cwd); len(entries) != 0 {
				t.Errorf("the current folder got %d entries", len(entries))
			}
		})
	}
	// A sipmote folder that exists open to others is closed again.
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DOCUMENTS_DIR", "")
	os.MkdirAll(filepath.Join(home, "Documents", "sipmote"), 0o755)
	dir, err := SaveDir()
	if st, _ := os.Stat(dir); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("an existing folder keeps mode %v (%v)", st.Mode().Perm(), err)
	}
	// No home at all: an error, not the current folder.
	t.Setenv("HOME", "")
	if _, err := SaveDir(); !errors.Is(err, ErrNoSaveDir) {
		t.Errorf("without a home: %v", err)
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
		{"odd name", &model.Plan{Person: model.Person{Name: "Åsa ../ Öst"}}, &model.Version{Number: 1, Meeting: model.Meeting{Date: "2026-11-30"}}, "sip-AO-v1-2026-11-30.pdf"},
		// Plain letters only: the file is mailed and copied to shares.
		{"marks", &model.Plan{Person: model.Person{Name: "Émile Øystein Åsa Johansson-Berglund"}}, &model.Version{Number: 1, Meeting: model.Meeting{Date: "2026-12-10"}}, "sip-EOAJ-v1-2026-12-10.pdf"},
		{"not latin", &model.Plan{Person: model.Person{Name: "Иван Łukasz"}}, &model.Version{Number: 1, Meeting: model.Meeting{Date: "2026-12-10"}}, "sip-L-v1-2026-12-10.pdf"},
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

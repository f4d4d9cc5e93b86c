package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/service"
)

type runner struct {
	t  *testing.T
	db string
}

func newCLI(t *testing.T) *runner {
	return &runner{t: t, db: filepath.Join(t.TempDir(), "sip.db")}
}

// run runs a command in-process with the test's database.
func (c *runner) run(args ...string) (stdout, stderr string, code int) {
	var o, e bytes.Buffer
	code = Run(append(args, "--db", c.db), strings.NewReader(""), &o, &e)
	return o.String(), e.String(), code
}

func (c *runner) ok(args ...string) string {
	c.t.Helper()
	out, errOut, code := c.run(args...)
	if code != 0 {
		c.t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return out
}

func TestNewListExportImport(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--person", "Åsa Öberg", "--pnr", "8904123455", "--date", "2026-12-01", "--time", "09:30"))
	if len(id) != 36 {
		t.Fatalf("new printed %q, want an id", id)
	}
	c.ok("new", "--person", "Bertil Ek")

	var rows []map[string]any
	if err := json.Unmarshal([]byte(c.ok("list", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("list has %d rows", len(rows))
	}
	for _, r := range rows {
		if r["person"] == "Åsa Öberg" && r["pnr_masked"] != "19890412-****" {
			t.Errorf("personnummer not masked: %v", r["pnr_masked"])
		}
	}
	if out := c.ok("list"); strings.Contains(out, "3455") {
		t.Errorf("list shows the last four digits:\n%s", out)
	}

	// A unique prefix works; the export is the whole plan.
	js := c.ok("export", id[:5], "--format", "json")
	if !strings.Contains(js, `"format": "sipmote-plan"`) || !strings.Contains(js, "19890412-3455") {
		t.Fatalf("export json:\n%s", js)
	}
	md := c.ok("export", id[:5], "--format", "md")
	if !strings.Contains(md, "Åsa Öberg") || !strings.Contains(md, "Samordnad individuell plan") {
		t.Errorf("export md:\n%s", md)
	}

	// Import makes a new plan from the export.
	file := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(file, []byte(js), 0o600); err != nil {
		t.Fatal(err)
	}
	// The same person has a plan at work here: refused, unless --anyway.
	if _, e, code := c.run("import", file); code != 1 || !strings.Contains(e, "Det finns redan en plan som inte är avslutad för det personnumret ("+id[:8]+")") {
		t.Errorf("import of the same person: %d %s", code, e)
	}
	newID := strings.TrimSpace(c.ok("import", file, "--anyway"))
	if newID == id || len(newID) != 36 {
		t.Errorf("import printed %q", newID)
	}
	if n := strings.Count(c.ok("list"), "Åsa Öberg"); n != 2 {
		t.Errorf("after import the list has %d Åsa, want 2", n)
	}
}

func TestCLIErrors(t *testing.T) {
	c := newCLI(t)
	c.ok("new", "--person", "A")
	c.ok("new", "--person", "B")
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"format":"sipmote-plan","format_version":1,"plan":{"person":{"name":"X","pnr":"19890412-3456"},"status":"draft"}}`), 0o600)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"bad pnr sv", []string{"new", "--person", "X", "--pnr", "19890412-3456"}, "Personnumret är inte giltigt"},
		{"bad pnr en", []string{"new", "--person", "X", "--pnr", "123", "--lang", "en"}, "personal identity number is not valid"},
		{"no person en", []string{"new", "--lang", "en"}, "--person is needed: the person's name"},
		{"no person sv", []string{"new"}, "--person behövs"},
		{"bad date", []string{"new", "--person", "X", "--date", "2026-13-01"}, "finns inte i kalendern"},
		{"bad date form", []string{"new", "--person", "X", "--date", "1/12/2026"}, "ÅÅÅÅ-MM-DD"},
		{"same chair", []string{"new", "--person", "X", "--chair", "Kim", "--secretary", "kim", "--lang", "en"}, "must not be the same person"},
		{"unknown plan", []string{"export", "zzzz"}, "planen finns inte"},
		{"bad format", []string{"export", "", "--format", "pdf"}, "ange planens id"},
		{"import path", []string{"import", bad, "--lang", "en"}, "plan.person.pnr"},
		{"unknown command", []string{"frobnicate"}, "okänt kommando"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, code := c.run(tc.args...)
			if code == 0 {
				t.Fatalf("exit 0 for %v", tc.args)
			}
			if !strings.Contains(errOut, tc.want) {
				t.Errorf("stderr %q lacks %q", errOut, tc.want)
			}
		})
	}
	// The failed import changed nothing.
	if n := strings.Count(c.ok("list"), "\n"); n != 3 {
		t.Errorf("list has %d lines after failed commands, want header + 2", n)
	}
}

func TestAmbiguousPrefix(t *testing.T) {
	c := newCLI(t)
	for range 20 {
		c.ok("new", "--person", "P")
	}
	if _, _, code := c.run("export", "", "--format", "md"); code == 0 {
		t.Fatal("empty id accepted")
	}
	// With 20 random ids, some one-character prefix is shared.
	_, errOut, code := c.run("export", firstSharedPrefix(t, c), "--lang", "en")
	if code == 0 || !strings.Contains(errOut, "several plans") {
		t.Errorf("ambiguous prefix: exit %d, %q", code, errOut)
	}
}

func firstSharedPrefix(t *testing.T, c *runner) string {
	var rows []map[string]any
	json.Unmarshal([]byte(c.ok("list", "--json")), &rows)
	seen := map[string]bool{}
	for _, r := range rows {
		p := r["id"].(string)[:1]
		if seen[p] {
			return p
		}
		seen[p] = true
	}
	t.Skip("no shared prefix in this draw")
	return ""
}

func TestDemoDueDiff(t *testing.T) {
	c := newCLI(t)
	out := c.ok("demo")
	id := strings.Fields(out)[0]
	due := c.ok("due", "--json")
	var items []map[string]any
	if err := json.Unmarshal([]byte(due), &items); err != nil || len(items) == 0 {
		t.Fatalf("due after demo: %v %s", err, due)
	}
	diff := c.ok("diff", id[:8], "--lang", "en")
	if !strings.Contains(diff, "version 1 to version 2") {
		t.Errorf("diff:\n%s", diff)
	}
	help, _, code := c.run("--help")
	if code != 0 || !strings.Contains(help, "sipmote") {
		t.Errorf("--help: %d %q", code, help)
	}
	_ = time.Now
}

// The database is made 0600, and sipmote's own folder for it (the default
// place, the only folder sipmote makes for it) 0700.
func TestDatabaseFileMode(t *testing.T) {
	t.Setenv("SIPMOTE_DB", "")
	t.Setenv("XDG_DATA_HOME", filepath.Join(t.TempDir(), "data"))
	c := newCLI(t)
	var err error
	if c.db, err = service.ResolvePath(""); err != nil {
		t.Fatal(err)
	}
	var o, e bytes.Buffer
	if code := Run([]string{"new", "--person", "A"}, strings.NewReader(""), &o, &e); code != 0 {
		t.Fatalf("new in the default place: exit %d: %s", code, e.String())
	}
	st, err := os.Stat(c.db)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("db mode %v", st.Mode().Perm())
	}
	dst, _ := os.Stat(filepath.Dir(c.db))
	if dst.Mode().Perm() != 0o700 {
		t.Errorf("dir mode %v", dst.Mode().Perm())
	}
}

// TestEasyReadCommands: the easy-read page as an export, in the person's
// own language when the plan names one, by choice, or left out.
func TestEasyReadCommands(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--person", "Aino Virtanen", "--language", "fi", "--date", "2026-12-01"))
	if got := c.ok("export", id, "--format", "easyread"); !strings.HasPrefix(got, "# Minun suunnitelmani\n") ||
		!strings.Contains(got, "Suunnitelmani tapaaminen oli 1. joulukuuta 2026.") {
		t.Errorf("the person's own language is not used:\n%s", got)
	}
	if got := c.ok("export", id, "--format", "easyread", "--easy-read", "sv"); !strings.HasPrefix(got, "# Min plan\n") {
		t.Errorf("--easy-read sv:\n%s", got)
	}
	if got := c.ok("export", id, "--format", "easyread", "--lang", "en", "--easy-read", "en"); !strings.HasPrefix(got, "# My plan\n") {
		t.Errorf("--easy-read en:\n%s", got)
	}
	_, errOut, code := c.run("export", id, "--format", "easyread", "--easy-read", "so")
	if code == 0 || !strings.Contains(errOut, "en, fi, sv") {
		t.Errorf("an unknown language: exit %d, %q", code, errOut)
	}
	// A language's name is read as the form reads it (TestNewLanguage);
	// what is neither a name nor a code is refused.
	if _, _, code := c.run("new", "--person", "X", "--language", "fin ska"); code == 0 {
		t.Error("a language that is no code was taken")
	}
	needTool(t, "pdftotext")
	dir := t.TempDir()
	read := func(args ...string) string {
		pdf := filepath.Join(dir, fmt.Sprint(len(args), args[len(args)-1], ".pdf"))
		c.ok(append([]string{"print", id, "-o", pdf}, args...)...)
		txt, err := exec.Command("pdftotext", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return string(txt)
	}
	if got := read("--copies", "-1"); !strings.Contains(got, "Minun suunnitelmani") {
		t.Error("the print lacks the Finnish easy-read page")
	}
	if got := read("--easy-read", "off"); strings.Contains(got, "Minun suunnitelmani") || strings.Contains(got, "Min plan") {
		t.Error("--easy-read off still prints the page")
	}
}

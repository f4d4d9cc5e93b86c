package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostile are names that try to act on the terminal, one per kind of
// sequence. Printing any of them raw would retitle, clear or hijack it.
var hostile = map[string]string{
	"osc-title":   "Anna\x1b]0;pwned\aBerg",
	"osc-st":      "Anna\x1b]2;pwned\x1b\\Berg",
	"osc52":       "Anna\x1b]52;c;cm0gLXJm\aBerg",
	"hyperlink":   "Anna\x1b]8;;https://evil.example/\x1b\\Berg\x1b]8;;\x1b\\",
	"clear":       "Anna\x1b[2JBerg",
	"csi8bit":     "Anna\u009b2JBerg",
	"dcs":         "Anna\x1bPq#0\x1b\\Berg",
	"c0":          "Anna\a\b\rBerg",
	"c1":          "Anna\u0085\u009dBerg",
	"apc-pm-sos":  "Anna\x1b_x\x1b\\\x1b^y\x1b\\\x1bXz\x1b\\Berg",
	"reset-short": "Anna\x1bcBerg",
}

// noControls fails if out holds any byte a terminal acts on.
func noControls(t *testing.T, what, out string) {
	t.Helper()
	for i, r := range out {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f {
			t.Errorf("%s: control %U at byte %d in output:\n%q", what, r, i, out)
			return
		}
	}
}

func TestCommandsPrintNoControlSequences(t *testing.T) {
	for kind, name := range hostile {
		t.Run(kind, func(t *testing.T) {
			c := newCLI(t)
			// A demo plan with versions, its name replaced through import,
			// the way a hostile file would arrive.
			id := strings.Fields(c.ok("demo"))[0]
			js := c.ok("export", id, "--format", "json")
			js = withName(t, js, name)
			file := filepath.Join(t.TempDir(), "plan.json")
			if err := os.WriteFile(file, []byte(js), 0o600); err != nil {
				t.Fatal(err)
			}
			newID := strings.TrimSpace(c.ok("import", file, "--anyway")) // the demo person has a plan here
			c.ok("new", "--person", name)
			for _, args := range [][]string{
				{"list"}, {"due"}, {"due", "--days", "9999"}, {"diff", newID},
				{"export", newID, "--format", "md"}, {"export", newID, "--format", "txt"},
				{"close", newID, "--reason", "goals_met"},
			} {
				out, errOut, _ := c.run(args...)
				noControls(t, strings.Join(args, " "), out+errOut)
			}
			// An error message echoing what was typed is cleaned too.
			_, errOut, _ := c.run(name)
			noControls(t, "unknown command", errOut)
			// A local checklist is file text.
			dir := t.TempDir()
			ini := "[before hostile]\ntext.sv = " + name + "\ntext.en = " + name + "\n"
			if err := os.WriteFile(filepath.Join(dir, "before.ini"), []byte(ini), 0o600); err != nil {
				t.Fatal(err)
			}
			out, errOut, _ := c.run("checklists", "show", "--checklists", dir)
			noControls(t, "checklists show", out+errOut)
			if !strings.Contains(out, "Anna") {
				t.Errorf("checklists show lost the text around the sequence:\n%s", out)
			}
		})
	}
}

// withName puts name as the person's name in a JSON export.
func withName(t *testing.T, js, name string) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(js), &m); err != nil {
		t.Fatal(err)
	}
	person, ok := m["plan"].(map[string]any)["person"].(map[string]any)
	if !ok {
		t.Fatalf("no person in the export")
	}
	person["name"] = name
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestOutputFilesAreNewAndPrivate(t *testing.T) {
	c := newCLI(t)
	id := strings.Fields(c.ok("demo"))[0]
	dir := t.TempDir()
	out := filepath.Join(dir, "plan.md")
	c.ok("export", id, "--format", "md", "-o", out)
	st, err := os.Lstat(out)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("export -o: %v %v", st, err)
	}
	// An existing file is refused, and kept as it was.
	if err := os.WriteFile(out, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := c.run("export", id, "--format", "md", "-o", out, "--lang", "en")
	if code == 0 || !strings.Contains(errOut, "--force") {
		t.Errorf("existing file: exit %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(out); string(b) != "mine" {
		t.Errorf("the existing file was changed")
	}
	// --force replaces it with a new private file.
	c.ok("export", id, "--format", "md", "-o", out, "--force")
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o600 {
		t.Errorf("after --force mode %v", st.Mode().Perm())
	}
	// A symlink is never followed, not even with --force.
	target := filepath.Join(dir, "target")
	os.WriteFile(target, []byte("target"), 0o644)
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"print", id, "-o", link}, {"print", id, "-o", link, "--force"},
		{"export", id, "--format", "json", "-o", link, "--force"},
	} {
		if _, errOut, code := c.run(append(args, "--lang", "en")...); code == 0 || !strings.Contains(errOut, "symbolic link") {
			t.Errorf("%v: exit %d %q", args, code, errOut)
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "target" {
		t.Errorf("written through the link")
	}
}

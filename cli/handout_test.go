package cli

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// TestHandoutIsTheLastFinalisedVersion: print, export and copies without
// --version take the last finalised version, as the home screen's p does,
// and say so in one line naming the open draft and how to take it; a plan
// never finalised gives its draft, with no such line (tryout2 #50).
func TestHandoutIsTheLastFinalisedVersion(t *testing.T) {
	c := newCLI(t)
	fresh := strings.TrimSpace(c.ok("new", "--person", "Nora Ny"))
	// The demo plan: version 1 finalised, its follow-up (version 2) open.
	follow := importPlan(t, c, model.Demo(time.Now()))
	const note = "Det här är version 1, den senast fastställda. Utkastet som skrivs nu är version 2: lägg till --version 2 för det."

	cases := []struct {
		name, id string
		args     []string
		paper    string // the version line of the paper taken
		note     bool
	}{
		{"follow-up open", follow, nil, "Version:          1, fastställd", true},
		{"draft asked for", follow, []string{"--version", "2"}, "Version:          2, utkast", false},
		{"first version asked for", follow, []string{"--version", "1"}, "Version:          1, fastställd", false},
		{"never finalised", fresh, nil, "Version:          1, utkast", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := c.run(append([]string{"export", tc.id, "--format", "txt"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("export: exit %d: %s", code, errOut)
			}
			if !strings.Contains(out, tc.paper) {
				t.Errorf("export gave a paper without %q:\n%.400s", tc.paper, out)
			}
			if strings.Contains(out, note) {
				t.Errorf("the note went into the exported text")
			}
			if got := strings.Contains(errOut, note); got != tc.note {
				t.Errorf("export's note shown %v, want %v: %q", got, tc.note, errOut)
			}
			cp := c.ok(append([]string{"copies", tc.id}, tc.args...)...)
			if got := strings.Contains(cp, note); got != tc.note {
				t.Errorf("copies' note shown %v, want %v:\n%s", got, tc.note, cp)
			}
			pdf := filepath.Join(t.TempDir(), "plan.pdf")
			pr := c.ok(append([]string{"print", tc.id, "-o", pdf}, tc.args...)...)
			if got := strings.Contains(pr, note); got != tc.note {
				t.Errorf("print's note shown %v, want %v:\n%s", got, tc.note, pr)
			}
			needTool(t, "pdftotext")
			txt, err := exec.Command("pdftotext", pdf, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			want := "(fastställd)"
			if strings.Contains(tc.paper, "utkast") {
				want = "(utkast)"
			}
			if !strings.Contains(string(txt), want) || strings.Contains(tc.paper, "2,") != strings.Contains(string(txt), "Version 2 ") {
				t.Errorf("the PDF is not the version of %q:\n%.300s", tc.paper, txt)
			}
		})
	}

	// In English the line says the same.
	_, errOut, _ := c.run("export", follow, "--format", "md", "--lang", "en")
	if !strings.Contains(errOut, "This is version 1, the last finalised one. The draft being written is version 2: add --version 2 for it.") {
		t.Errorf("export --lang en says %q", errOut)
	}
}

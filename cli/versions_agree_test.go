package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// importPlan stores p as a new plan through `import` and gives its id.
func importPlan(t *testing.T, c *runner, p *model.Plan) string {
	t.Helper()
	js, err := model.EncodeExport(p)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(file, js, 0o600); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(c.ok("import", file, "--anyway")) // a fixture: the same person may have a plan here
}

// lineWith is the last line of text that holds s, or "".
func lineWith(text, s string) string {
	line := ""
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			line = l
		}
	}
	return line
}

// TestVersionNumbersAgree: a version's number means the same in list,
// list --json, findings, the home screen and the paper. The draft being
// written is the next version: a new plan is at "1 (utkast)", not 0, and
// after finalising a follow-up the plan is at "2 (fastställd)".
func TestVersionNumbersAgree(t *testing.T) {
	c := newCLI(t)
	now := time.Now()
	fresh := strings.TrimSpace(c.ok("new", "--person", "Nora Ny"))
	// The demo plan has version 1 finalised and its follow-up, version 2,
	// being written.
	follow := importPlan(t, c, model.Demo(now))
	done := model.Demo(now)
	done.Person.Name = "Ove Klar"
	// What the follow-up meeting decides: to go on, and when to meet next.
	done.Draft.Review.Decision = "revise"
	done.Draft.Content.FollowUp = done.Versions[0].Content.FollowUp
	day, err := time.Parse(model.DateLayout, done.Draft.Meeting.Date)
	if err != nil {
		t.Fatal(err)
	}
	done.Draft.Content.FollowUp.Date = day.AddDate(0, 3, 0).Format(model.DateLayout)
	if _, err := done.Finalise(model.Options{Now: now}); err != nil {
		t.Fatalf("the demo's follow-up does not finalise: %v", err)
	}
	final := importPlan(t, c, done)

	cases := []struct {
		id, person string
		cell       string // the list's version cell
		number     int
		draft      bool
		finalised  int
		findings   string
		paper      string // the paper's version line
	}{
		{fresh, "Nora Ny", "1 (utkast)", 1, true, 0, "version 1 (utkast)", "1, utkast"},
		{follow, "Maja Lind (exempel)", "2 (utkast)", 2, true, 1, "version 2 (utkast)", "2, utkast"},
		{final, "Ove Klar", "2 (fastställd)", 2, false, 2, "version 2 (fastställd)", "2, fastställd"},
	}
	list := c.ok("list")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(c.ok("list", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		if line := lineWith(list, tc.id[:8]); !strings.Contains(line, tc.cell) {
			t.Errorf("list shows %s as %q, want the version %q", tc.person, line, tc.cell)
		}
		for _, r := range rows {
			if r["id"] != tc.id {
				continue
			}
			if r["version"] != float64(tc.number) || r["has_draft"] != tc.draft || r["finalised_versions"] != float64(tc.finalised) {
				t.Errorf("list --json for %s: %v, want version %d, has_draft %v, finalised_versions %d", tc.person, r, tc.number, tc.draft, tc.finalised)
			}
		}
		out, _, _ := c.run("findings", tc.id)
		if first, _, _ := strings.Cut(out, "\n"); first != tc.id[:8]+": "+tc.findings {
			t.Errorf("findings for %s begins %q, want %q", tc.person, first, tc.id[:8]+": "+tc.findings)
		}
		var rep struct{ Version int }
		js, _, _ := c.run("findings", tc.id, "--json")
		if err := json.Unmarshal([]byte(js), &rep); err != nil || rep.Version != tc.number {
			t.Errorf("findings --json for %s: version %d (%v), want %d", tc.person, rep.Version, err, tc.number)
		}
		// Without --version export takes the last finalised version
		// (TestHandoutIsTheLastFinalisedVersion); the number asks for the
		// version the plan is at.
		txt := c.ok("export", tc.id, "--format", "txt", "--version", strconv.Itoa(tc.number))
		if want := "Version:          " + tc.paper; !strings.Contains(txt, want) {
			t.Errorf("the paper of %s does not say %q", tc.person, want)
		}
	}

	// The PDF's footer names the version on every page.
	needTool(t, "pdftotext")
	pdf := filepath.Join(t.TempDir(), "plan.pdf")
	c.ok("print", follow, "-o", pdf, "--version", "2")
	txt, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(txt), "Version 2 (utkast)") {
		t.Errorf("the PDF does not name version 2 (utkast):\n%.600s", txt)
	}

	// The home screen, in a real terminal, shows the same cells.
	needTool(t, "tmux")
	bin := buildBinary(t)
	tm := startTmux(t, 100, 30, bin, "--db", c.db)
	screen := tm.waitFor("Ove Klar", 10*time.Second)
	for _, tc := range cases {
		if line := lineWith(screen, tc.person[:6]); !strings.Contains(line, tc.cell) {
			t.Errorf("the home screen shows %s as %q, want the version %q", tc.person, line, tc.cell)
		}
	}
}

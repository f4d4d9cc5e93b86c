package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// demoMaja creates the sample plans and returns Maja's id (finalised).
func demoMaja(t *testing.T, c *runner) string {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(c.ok("demo")), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[1] == "Maja" {
			return f[0]
		}
	}
	t.Fatal("no Maja in the demo")
	return ""
}

// TestCopiesCapped: a huge --copies is refused at once with a message that
// names the cap, and no file is written; the cap itself still prints.
func TestCopiesCapped(t *testing.T) {
	c := newCLI(t)
	id := demoMaja(t, c)
	pdf := filepath.Join(t.TempDir(), "x.pdf")
	type res struct {
		errOut string
		code   int
	}
	done := make(chan res, 1)
	go func() {
		_, e, code := c.run("print", id, "--version", "1", "-o", pdf, "--copies", "20000", "--lang", "en")
		done <- res{e, code}
	}()
	select {
	case r := <-done:
		if r.code == 0 || !strings.Contains(r.errOut, "at most 50") {
			t.Errorf("--copies 20000: exit %d, %q", r.code, r.errOut)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("--copies 20000 was not refused; still printing after 5 s")
	}
	if _, err := os.Stat(pdf); err == nil {
		t.Error("a PDF was written for a refused --copies")
	}
	c.ok("print", id, "--version", "1", "-o", pdf, "--copies", "50")
	if _, err := os.Stat(pdf); err != nil {
		t.Errorf("--copies 50 wrote no PDF: %v", err)
	}
}

// TestImportRefusesOverLimits: import refuses a field longer than the
// editor holds and a plan larger than the size limit, each with a message
// that names the place and the limit, and creates nothing.
func TestImportRefusesOverLimits(t *testing.T) {
	c := newCLI(t)
	now := time.Now()
	long := model.Demo(now)
	long.Draft.Content.OwnWords = strings.Repeat("å", 50_001)
	large := model.Demo(now)
	for i := range 120 { // 120 × 40 000 characters: about 5 MB
		large.Draft.Content.Goals = append(large.Draft.Content.Goals, model.Goal{ID: fmt.Sprintf("g%d", i), Text: strings.Repeat("x", 40_000)})
	}
	cases := []struct {
		name string
		plan *model.Plan
		want []string
	}{
		{"long field", long, []string{"plan.draft.content.own_words", "at most 50000 characters"}},
		{"large plan", large, []string{"The plan is 4.", "MB; at most 1 MB"}},
	}
	dir := t.TempDir()
	for _, tc := range cases {
		data, err := model.EncodeExport(tc.plan)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "plan.json")
		if err := os.WriteFile(file, data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, errOut, code := c.run("import", file, "--lang", "en")
		if code == 0 {
			t.Errorf("%s: accepted", tc.name)
		}
		for _, w := range tc.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%s: message lacks %q: %s", tc.name, w, errOut)
			}
		}
	}
	if out := c.ok("list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("a refused import created a plan:\n%s", out)
	}
}

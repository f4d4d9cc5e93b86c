package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// `sipmote findings` lists errors and warnings apart, each with its
// section, and exits non-zero while there are errors.
func TestFindingsCommand(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--person", "Åsa Öberg", "--date", "2026-12-01"))
	out, _, code := c.run("findings", id[:8], "--lang", "en")
	if code != 1 {
		t.Fatalf("a new plan has errors: exit %d\n%s", code, out)
	}
	for _, w := range []string{"Errors to fix before the plan can be finalised", "[Needs]", "Write the person's needs", "[Consent]"} {
		if !strings.Contains(out, w) {
			t.Errorf("findings lack %q:\n%s", w, out)
		}
	}
	js, _, code := c.run("findings", id, "--json")
	var rep struct {
		Errors, Warnings []struct{ Severity, Path, Section, Message string }
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil || code != 1 {
		t.Fatalf("json: %v, exit %d\n%s", err, code, js)
	}
	found := false
	for _, f := range rep.Errors {
		if f.Severity != "error" {
			t.Errorf("an error listed as %s", f.Severity)
		}
		if f.Path == "content.needs" && f.Section == "needs" {
			found = true
		}
	}
	if !found {
		t.Errorf("content.needs not among the errors: %+v", rep.Errors)
	}
	for _, f := range rep.Warnings {
		if f.Severity != "warning" {
			t.Errorf("a warning listed as %s", f.Severity)
		}
	}

	// The demo's closed plan's last version passes: exit 0.
	demo := c.ok("demo")
	var closed string
	for _, line := range strings.Split(demo, "\n") {
		if strings.Contains(line, "Gunnar Ek") {
			closed = strings.Fields(line)[0]
		}
	}
	if out, errOut, code := c.run("findings", closed); code != 0 {
		t.Errorf("the closed demo plan: exit %d\n%s%s", code, out, errOut)
	}
}

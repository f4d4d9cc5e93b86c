package cli

import (
	"strings"
	"testing"
)

// Closing refuses to drop a follow-up draft unless told to, and says so;
// the explanation is kept and the people to tell are listed.
func TestCloseDiscardDraft(t *testing.T) {
	c := newCLI(t)
	out := c.ok("demo")
	id := strings.Fields(out)[0] // Maja: a follow-up draft is open
	_, errOut, code := c.run("close", id, "--reason", "moved", "--text", "Flyttar till Umeå", "--lang", "en")
	if code == 0 || !strings.Contains(errOut, "--discard-draft") || !strings.Contains(errOut, "Nothing was changed") {
		t.Fatalf("close with a draft: exit %d: %s", code, errOut)
	}
	if js := c.ok("export", id, "--format", "json"); strings.Contains(js, `"status": "closed"`) {
		t.Fatal("a refused close changed the plan")
	}
	got := c.ok("close", id, "--reason", "moved", "--text", "Flyttar till Umeå", "--discard-draft", "--lang", "en")
	for _, w := range []string{"Flyttar till Umeå", "[ ] Maja Lind", "Ali Rahimi (Psykiatriska öppenvårdsmottagningen)"} {
		if !strings.Contains(got, w) {
			t.Errorf("close output lacks %q:\n%s", w, got)
		}
	}
	md := c.ok("export", id, "--format", "md")
	if i := strings.Index(md, "Planen är avslutad"); i < 0 || i > strings.Index(md, "Deltagare") || !strings.Contains(md, "Flyttar till Umeå") {
		t.Errorf("the export does not open on the closure:\n%s", md[:min(len(md), 800)])
	}
}

package cli

import (
	"strings"
	"testing"

	"github.com/sipmote/sipmote/service"
)

// TestHintsKeepTheFlags: a command line a command prints for the user to
// give next carries the --db and --lang the user gave, so that following
// it opens the same file in the same language (tryout42b #14).
func TestHintsKeepTheFlags(t *testing.T) {
	c := newCLI(t)
	db := shellQuote(service.Shown(c.db))
	out := c.ok("demo", "--lang", "en")
	if want := "Open them with: sipmote --db " + db + " --lang en\n"; !strings.HasSuffix(out, want) {
		t.Errorf("demo ends %q, want %q", out[max(0, len(out)-120):], want)
	}
	out = c.ok("demo", "--lang", "en")
	if want := "Another set: sipmote demo --db " + db + " --lang en --again"; !strings.Contains(out, want) {
		t.Errorf("a second demo says %q, want %q", out, want)
	}
	first := strings.TrimSpace(c.ok("new", "--person", "Karin Lindqvist", "--pnr", "19680412-3385"))
	_, errOut, _ := c.run("new", "--person", "Karin Lindqvist", "--pnr", "19680412-3385", "--lang", "en")
	if want := "Open it with: sipmote meeting " + first[:8] + " --db " + db + " --lang en."; !strings.Contains(errOut, want) {
		t.Errorf("new says %q, want %q", errOut, want)
	}
	// Swedish given as the default is not written out.
	_, errOut, _ = c.run("new", "--person", "Karin Lindqvist", "--pnr", "19680412-3385")
	if want := "Öppna den med: sipmote meeting " + first[:8] + " --db " + db + "."; !strings.Contains(errOut, want) {
		t.Errorf("new says %q, want %q", errOut, want)
	}
}

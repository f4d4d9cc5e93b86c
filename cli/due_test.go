package cli

import (
	"strings"
	"testing"
)

// `due` looks four weeks ahead by default.
func TestDueDefaultWindow(t *testing.T) {
	c := newCLI(t)
	c.ok("new", "--person", "A") // due reads a database that is there
	out := c.ok("due", "--lang", "en")
	if !strings.Contains(out, "28 days") {
		t.Errorf("due: %q", out)
	}
}

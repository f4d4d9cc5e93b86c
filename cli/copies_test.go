package cli

import (
	"strings"
	"testing"
)

// demoIDs creates the demo plans and returns Maja's and Elias's ids.
func demoIDs(t *testing.T, c *runner) (maja, elias string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(c.ok("demo")), "\n") {
		f := strings.Fields(line)
		if len(f) > 1 && f[1] == "Maja" {
			maja = f[0]
		}
		if len(f) > 1 && f[1] == "Elias" {
			elias = f[0]
		}
	}
	if maja == "" || elias == "" {
		t.Fatal("demo ids not found")
	}
	return maja, elias
}

// TestSummonsBooksTheInterpreter: the summons list names the people and
// asks for the interpreter, never summoning the interpreter as a person.
func TestSummonsBooksTheInterpreter(t *testing.T) {
	c := newCLI(t)
	_, elias := demoIDs(t, c)
	out := c.ok("summons", elias)
	if !strings.Contains(out, "Boka tolk: finska") || strings.Contains(out, "Aino Virtanen") ||
		!strings.Contains(out, "Anna Nyström, vårdnadshavare, mamma") {
		t.Errorf("summons:\n%s", out)
	}
	out = c.ok("summons", elias, "--lang", "en")
	if !strings.Contains(out, "Book an interpreter: finska") {
		t.Errorf("summons in English:\n%s", out)
	}
}

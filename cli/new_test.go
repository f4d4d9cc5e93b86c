package cli

import (
	"strings"
	"testing"
)

// TestNewRefusesAPersonnummerInUse: new with the personnummer of a plan
// not yet closed names that plan's id and how to open it, makes nothing,
// and makes the plan with --anyway; a closed plan's number is free
// (tryout2 #52).
func TestNewRefusesAPersonnummerInUse(t *testing.T) {
	c := newCLI(t)
	first := strings.TrimSpace(c.ok("new", "--person", "Karin Lindqvist", "--pnr", "19680412-3385"))
	cases := []struct {
		name string
		args []string
		ok   bool
	}{
		{"same number, another name", []string{"--person", "Anna-Karin Lindqvist", "--pnr", "196804123385"}, false},
		{"ten digits", []string{"--person", "Karin Lindqvist", "--pnr", "680412-3385"}, false},
		{"anyway", []string{"--person", "Anna-Karin Lindqvist", "--pnr", "19680412-3385", "--anyway"}, true},
		{"another number", []string{"--person", "Karin Lindqvist", "--pnr", "19680412-3393"}, true},
	}
	plans := 1
	for _, tc := range cases {
		out, errOut, code := c.run(append([]string{"new"}, tc.args...)...)
		if tc.ok {
			plans++
			if code != 0 {
				t.Errorf("%s: exit %d: %s", tc.name, code, errOut)
			}
			continue
		}
		if code == 0 || out != "" {
			t.Errorf("%s: exit %d, printed %q; want a refusal", tc.name, code, out)
		}
		for _, want := range []string{"redan en plan", "sipmote meeting " + first[:8], "--anyway", "Ingen ny plan skapades"} {
			if !strings.Contains(errOut, want) {
				t.Errorf("%s: the message lacks %q: %s", tc.name, want, errOut)
			}
		}
		if strings.Contains(errOut, "Lindqvist") {
			t.Errorf("%s: the message names the person: %s", tc.name, errOut)
		}
	}
	if n := strings.Count(c.ok("list"), "Lindqvist"); n != plans {
		t.Errorf("%d plans listed, want %d", n, plans)
	}
	// The look-up is in the trail of the plan it found.
	if !strings.Contains(c.ok("trail", first), "samma personnummer i en ny plan") {
		t.Errorf("the look-up is not in the found plan's trail")
	}
	// Once the plan is closed, a new plan for the person is how it goes.
	c2 := newCLI(t)
	old := strings.TrimSpace(c2.ok("new", "--person", "Karin Lindqvist", "--pnr", "19680412-3385"))
	c2.ok("close", old, "--reason", "no_need")
	c2.ok("new", "--person", "Karin Lindqvist", "--pnr", "19680412-3385")
}

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

// TestNewLanguage: --language reads a code or a language's name as the
// new-plan form does, and says when the easy-read page has no words in
// it, instead of falling back to Swedish on paper without a word
// (tryout2 #26).
func TestNewLanguage(t *testing.T) {
	c := newCLI(t)
	cases := []struct {
		given, stored string // stored "" when refused
		note          bool
	}{
		{"fi", "fi", false},
		{"finska", "fi", false},
		{"Somaliska", "so", true},
		{"zz", "zz", true},
		{"svenska!", "", false},
		{"x", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.given, func(t *testing.T) {
			out, errOut, code := c.run("new", "--person", "Ida Ek", "--language", tc.given)
			if tc.stored == "" {
				if code == 0 || !strings.Contains(errOut, "språkets namn eller en kod") {
					t.Errorf("exit %d, %q; want a refusal", code, errOut)
				}
				return
			}
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			js := c.ok("export", strings.TrimSpace(out), "--format", "json")
			if !strings.Contains(js, `"language": "`+tc.stored+`"`) {
				t.Errorf("stored as:\n%.300s\nwant %q", js, tc.stored)
			}
			if got := strings.Contains(errOut, "den lättlästa sidan finns inte på språket "+tc.stored); got != tc.note {
				t.Errorf("note %v, want %v: %q", got, tc.note, errOut)
			}
		})
	}
}

package cli

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// TestVersion: sipmote --version says which program and version it is.
func TestVersion(t *testing.T) {
	var o, e bytes.Buffer
	if code := Run([]string{"--version"}, strings.NewReader(""), &o, &e); code != 0 {
		t.Fatalf("exit %d: %s", code, e.String())
	}
	if !strings.HasPrefix(o.String(), "sipmote ") || len(strings.TrimSpace(o.String())) <= len("sipmote") {
		t.Errorf("--version printed %q", o.String())
	}
}

// TestEnglishHelpIsEnglish: the usage in English has no Swedish
// placeholders (NAMN, ÅÅÅÅ-MM-DD, FIL …), for the program and every command.
func TestEnglishHelpIsEnglish(t *testing.T) {
	swedish := regexp.MustCompile(`[ÅÄÖ]|\b(NAMN|FIL|MAPP|SÖKVÄG|FRÅN|TILL|KOD|NYFIL|TT)\b`)
	help := func(args ...string) string {
		var o, e bytes.Buffer
		Run(append(args, "--lang", "en"), strings.NewReader(""), &o, &e)
		return o.String() + e.String()
	}
	out := help("--help")
	if loc := swedish.FindStringIndex(out); loc != nil {
		t.Errorf("English usage has %q:\n%s", out[loc[0]:loc[1]], out)
	}
	for _, c := range commands() {
		if c.name == "" {
			continue
		}
		if out := help(c.name, "--help"); swedish.MatchString(out) {
			t.Errorf("sipmote %s --help in English:\n%s", c.name, out)
		}
	}
	if sv := help("--help"); !strings.Contains(sv, "--version") {
		t.Errorf("the usage does not name --version")
	}
}

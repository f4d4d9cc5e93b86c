package cli

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestClosedPlanPrintsAsACopy: a closed plan printed again must not come
// out as a new set of originals to sign (tryout 42a, 9: 31 pages, each with
// signature lines). By default it is one copy of its last version, marked
// closed on every page, with no line to sign and no "Original till"; named
// copies are printed when asked for, marked the same way.
func TestClosedPlanPrintsAsACopy(t *testing.T) {
	needTool(t, "pdftotext")
	c := newCLI(t)
	var closed string
	for _, line := range strings.Split(strings.TrimSpace(c.ok("demo")), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[1] == "Gunnar" {
			closed = f[0]
		}
	}
	if closed == "" {
		t.Fatal("the closed sample plan is not there")
	}
	text := func(args ...string) string {
		t.Helper()
		pdf := filepath.Join(t.TempDir(), "p.pdf")
		c.ok(append([]string{"print", closed, "-o", pdf}, args...)...)
		out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		return string(out)
	}
	signLine := regexp.MustCompile(`Datum: _{4,}|Skriver under senare|Will sign later|Date: _{4,}`)
	for _, tc := range []struct {
		lang, mark, original, copyFor string
	}{
		{"sv", "AVSLUTAD – kopia, skrivs inte under", "Original till", "AVSLUTAD – kopia till Maria Falk"},
		{"en", "CLOSED – copy, not to be signed", "Original for", "CLOSED – copy for Maria Falk"},
	} {
		got := text("--lang", tc.lang)
		pages := strings.Split(strings.TrimRight(got, "\f\n"), "\f")
		for i, p := range pages {
			if !strings.Contains(p, tc.mark) {
				t.Errorf("%s: page %d is not marked %q:\n%s", tc.lang, i+1, tc.mark, p)
			}
		}
		if n := strings.Count(got, map[string]string{"sv": "Sida 1 av", "en": "Page 1 of"}[tc.lang]); n != 1 {
			t.Errorf("%s: %d papers, want one copy", tc.lang, n)
		}
		if strings.Contains(got, tc.original) && !strings.Contains(got, "originalet") {
			t.Errorf("%s: a new original is printed:\n%s", tc.lang, got)
		}
		if signLine.MatchString(got) {
			t.Errorf("%s: the closed plan's copy has lines to sign:\n%s", tc.lang, got)
		}
		named := text("--lang", tc.lang, "--copies-for", "Maria Falk")
		if !strings.Contains(named, tc.copyFor) || signLine.MatchString(named) {
			t.Errorf("%s: a named copy of the closed plan is not %q without lines to sign:\n%s", tc.lang, tc.copyFor, named)
		}
	}
}

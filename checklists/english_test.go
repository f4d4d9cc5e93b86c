package checklists

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEnglishWordsAreEnglish: the English text of the default agenda and
// checklists uses the words a British or American social worker uses:
// confidentiality, not secrecy (bar the Act's official name); the
// personal identity number, not "personnummer"; SIP-kollen only as the
// name in brackets after what it is.
func TestEnglishWordsAreEnglish(t *testing.T) {
	files, err := filepath.Glob("defaults/*.ini")
	if err != nil || len(files) == 0 {
		t.Fatalf("no default files: %v", err)
	}
	swedish := regexp.MustCompile(`(?i)\bsecrecy\b(?: act)?|personnummer|samordningsnummer|\bLIX\b|\(?SIP-kollen\)?`)
	allowed := map[string]bool{"secrecy act": true, "(sip-kollen)": true}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			key, value, ok := strings.Cut(line, "=")
			if !ok || !strings.HasSuffix(strings.TrimSpace(key), ".en") {
				continue
			}
			for _, w := range swedish.FindAllString(value, -1) {
				if !allowed[strings.ToLower(w)] {
					t.Errorf("%s:%d: English text says %q: %s", f, i+1, w, strings.TrimSpace(value))
				}
			}
		}
	}
}

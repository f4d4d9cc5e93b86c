package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// When --accessible cannot be remembered, the user is told so in their
// language, with the file's name, and not with the system's English error.
func TestAccessibleChoiceNotKeptIsSaidPlainly(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SIPMOTE_CONFIG_DIR", filepath.Join(file, "sipmote"))
	t.Setenv("SIPMOTE_ACCESSIBLE", "")
	var o, e bytes.Buffer
	Run([]string{"--accessible", "--version"}, strings.NewReader(""), &o, &e)
	got := e.String()
	if !strings.Contains(got, "valet kunde inte sparas till nästa gång ("+filepath.Join(file, "sipmote", "settings.json")+" gick inte att skriva)") {
		t.Errorf("stderr %q", got)
	}
	if strings.Contains(got, "not a directory") || strings.Contains(got, "mkdir") {
		t.Errorf("stderr shows the system's error text: %q", got)
	}
}

package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestScreensWithoutATerminal: the full-screen program started where there
// is no terminal (a pipe, no controlling terminal) says so in the user's
// language and names --accessible, instead of Go's English error about
// /dev/tty, and creates no database while at it.
func TestScreensWithoutATerminal(t *testing.T) {
	bin := buildBinary(t)
	for _, tc := range []struct {
		lang, want string
	}{
		{"sv", "programmet behöver en terminal"},
		{"en", "the program needs a terminal"},
	} {
		db := filepath.Join(t.TempDir(), "x.db")
		cmd := exec.Command(bin, "--db", db, "--accessible=false", "--lang", tc.lang)
		cmd.Stdin = strings.NewReader(":avsluta\n")
		cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+t.TempDir(), "SIPMOTE_ACCESSIBLE=")
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true} // no controlling terminal
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Fatalf("%s: started without a terminal:\n%s", tc.lang, out)
		}
		if !strings.Contains(string(out), tc.want) || !strings.Contains(string(out), "--accessible") || strings.Contains(string(out), "TTY") {
			t.Errorf("%s: %q", tc.lang, out)
		}
		if _, err := os.Stat(db); err == nil {
			t.Errorf("%s: a database was created for screens that could not start", tc.lang)
		}
	}
}

package cli

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// makeReadOnly makes the file at path impossible to write for this
// process: its mode for an ordinary user, the immutable flag for root
// (whom a mode does not stop). It is undone when the test ends.
func makeReadOnly(t *testing.T, path string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(path, 0o400); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(path, 0o600) })
		return
	}
	needTool(t, "chattr")
	if out, err := exec.Command("chattr", "+i", path).CombinedOutput(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("chattr +i: %v %s", err, out)
		}
		t.Skipf("this file system takes no immutable flag: %v %s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("chattr", "-i", path).Run() })
}

// A database file that may be read but not written is not called
// "permission denied": a write says the file is read-only and that
// nothing was written, and a reading, which the access trail cannot
// record, says that this is why nothing is shown and how to read it (a
// copy records the reading in its own trail). check works on it as it is,
// and the file is not changed by any of it.
func TestReadOnlyDatabaseFile(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--person", "Rut Läsare"))
	before, err := os.ReadFile(c.db)
	if err != nil {
		t.Fatal(err)
	}
	makeReadOnly(t, c.db)
	for _, args := range [][]string{{"list"}, {"export", id, "--format", "md"}, {"findings", id}, {"trail", id}} {
		out, e, code := c.run(args...)
		if code == 0 || out != "" || !strings.Contains(e, "databasfilen "+c.db+" är skrivskyddad. sipmote för in varje läsning") ||
			!strings.Contains(e, "kopiera den till en egen mapp och läs kopian med --db") {
			t.Errorf("%v on a read-only file: exit %d, stdout %q, stderr %q", args, code, out, e)
		}
		if strings.Contains(e, "sipmote: sipmote") || strings.Contains(e, "behörighet") {
			t.Errorf("%v: the message blames permissions or doubles the name: %q", args, e)
		}
	}
	for _, args := range [][]string{{"new", "--person", "Nils Ny"}, {"close", id, "--reason", "other", "--text", "flyttat", "--discard-draft"}} {
		out, e, code := c.run(append(args, "--lang", "en")...)
		if code == 0 || !strings.Contains(e, "the database file "+c.db+" is read-only (it can be read but not written), so nothing was written.") {
			t.Errorf("%v on a read-only file: exit %d, stdout %q, stderr %q", args, code, out, e)
		}
	}
	if out, e, code := c.run("check", "--lang", "en"); code != 0 || !strings.Contains(out, "Everything is whole.") {
		t.Errorf("check on a read-only file: exit %d, %q %q", code, out, e)
	}
	after, err := os.ReadFile(c.db)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the read-only file was changed")
	}
}

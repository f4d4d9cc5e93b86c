package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/termsafe"
)

// check and rescue on a missing or an empty file say so plainly and make
// nothing; list refuses an empty file instead of making it a database.
func TestMissingAndEmptyFiles(t *testing.T) {
	dir := t.TempDir()
	c := &runner{t: t, db: filepath.Join(dir, "nowhere", "sip.db")}
	for _, args := range [][]string{{"check"}, {"rescue", filepath.Join(dir, "new.db")}} {
		_, e, code := c.run(append(args, "--lang", "en")...)
		if code == 0 || !strings.Contains(e, "there is no database file there. Nothing was created.") {
			t.Errorf("%v on a missing file: exit %d %q", args, code, e)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "nowhere")); !os.IsNotExist(err) {
		t.Errorf("a folder was made for the missing file: %v", err)
	}
	c.db = filepath.Join(dir, "empty.db")
	if err := os.WriteFile(c.db, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"check"}, {"rescue", filepath.Join(dir, "new.db")}, {"list"}} {
		_, e, code := c.run(append(args, "--lang", "en")...)
		if code == 0 || !strings.Contains(e, "the file is empty; if it is new, remove it") {
			t.Errorf("%v on an empty file: exit %d %q", args, code, e)
		}
	}
	if st, err := os.Stat(c.db); err != nil || st.Size() != 0 {
		t.Errorf("the empty file was changed: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "new.db")); !os.IsNotExist(err) {
		t.Errorf("rescue made a new file: %v", err)
	}
}

// A name holding bidi controls is listed with its letters in their stored
// order: no format control reaches the terminal.
func TestListDropsBidiControls(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--person", "Maja \u202eLind\u202c \u2067Berg\u2069"))
	out := c.ok("list")
	if strings.ContainsFunc(out, termsafe.IsFormat) || !strings.Contains(out, "Maja Lind Berg") {
		t.Errorf("list: %q", out)
	}
	// The export keeps them, as \u escapes.
	if exp := c.ok("export", id, "--format", "json"); !strings.Contains(exp, `Maja \u202eLind\u202c \u2067Berg\u2069`) {
		t.Errorf("the export lost the name's controls")
	}
}

// check says which key it checked with: this user's record key for a
// plain file, and on another computer (no key) that it cannot prove the
// file unchanged.
func TestCheckNamesTheKey(t *testing.T) {
	c := newCLI(t)
	c.ok("demo")
	if o := c.ok("check", "--lang", "en"); !strings.Contains(o, "Key: your own record key on this computer") {
		t.Errorf("check:\n%s", o)
	}
	t.Setenv("SIPMOTE_KEY_DIR", filepath.Join(t.TempDir(), "elsewhere"))
	if o := c.ok("check", "--lang", "en"); !strings.Contains(o, "Key: none.") || !strings.Contains(o, "only the computer with the key can show that") {
		t.Errorf("check on another computer:\n%s", o)
	}
}

// check says the newest link is kept for the next check only when it was:
// a key folder others can read is not used, and check says so.
func TestCheckKeepsTheLinkOnlyWhenItSaysSo(t *testing.T) {
	c := newCLI(t)
	c.ok("demo")
	dir := filepath.Join(t.TempDir(), "open")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SIPMOTE_KEY_DIR", dir)
	o := c.ok("check")
	if _, err := os.Stat(filepath.Join(dir, "seen.json")); err == nil {
		t.Fatal("the link was kept in a folder others can read")
	}
	if strings.Contains(o, "sparas nu") || !strings.Contains(o, "kunde inte sparas till nästa kontroll") {
		t.Errorf("check with a key folder it does not use:\n%s", o)
	}
	// The folder's problem is said once, on the key's line; the link's
	// line refers to it (issue 27: it said the sentence twice).
	if n := strings.Count(o, "är inte privat för dig"); n != 1 || !strings.Contains(o, "av samma skäl") {
		t.Errorf("the key folder's problem said %d times, want once and referred to:\n%s", n, o)
	}
	if o := c.ok("check", "--lang", "en"); strings.Count(o, dir) != 1 || !strings.Contains(o, "for the same reason") {
		t.Errorf("in English, the key folder named %d times, want once:\n%s", strings.Count(o, dir), o)
	}

	// In a private folder it is kept, says so, and the next check uses it.
	t.Setenv("SIPMOTE_KEY_DIR", filepath.Join(t.TempDir(), "private"))
	if o := c.ok("check", "--lang", "en"); !strings.Contains(o, "is kept now") || strings.Contains(o, "could not be kept") {
		t.Errorf("first check:\n%s", o)
	}
	if o := c.ok("check", "--lang", "en"); !strings.Contains(o, "nothing removed since the check of") {
		t.Errorf("second check did not find the kept link:\n%s", o)
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// demoMaja creates the sample plans and returns Maja's id (finalised).
func demoMaja(t *testing.T, c *cli) string {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(c.ok("demo")), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[1] == "Maja" {
			return f[0]
		}
	}
	t.Fatal("no Maja in the demo")
	return ""
}

// TestCopiesCapped: a huge --copies is refused at once with a message that
// names the cap, and no file is written; the cap itself still prints.
func TestCopiesCapped(t *testing.T) {
	c := newCLI(t)
	id := demoMaja(t, c)
	pdf := filepath.Join(t.TempDir(), "x.pdf")
	type res struct {
		errOut string
		code   int
	}
	done := make(chan res, 1)
	go func() {
		_, e, code := c.run("print", id, "--version", "1", "-o", pdf, "--copies", "20000", "--lang", "en")
		done <- res{e, code}
	}()
	select {
	case r := <-done:
		if r.code == 0 || !strings.Contains(r.errOut, "at most 50") {
			t.Errorf("--copies 20000: exit %d, %q", r.code, r.errOut)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("--copies 20000 was not refused; still printing after 5 s")
	}
	if _, err := os.Stat(pdf); err == nil {
		t.Error("a PDF was written for a refused --copies")
	}
	c.ok("print", id, "--version", "1", "-o", pdf, "--copies", "50")
	if _, err := os.Stat(pdf); err != nil {
		t.Errorf("--copies 50 wrote no PDF: %v", err)
	}
}

package cli

import (
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/pgtest"
)

// TestMeetingOnPostgresKilled is a meeting on a shared PostgreSQL database
// in a real terminal: a name typed, the program killed with -9. Another
// sipmote asking for the plan meanwhile is told that it is open elsewhere;
// within 30 s of the kill the plan opens again, with the name.
func TestMeetingOnPostgresKilled(t *testing.T) {
	needTool(t, "tmux")
	dsn := pgtest.DSN(t)
	bin := buildBinary(t)
	out, err := exec.Command(bin, "new", "--db", dsn, "--person", "Maja Lind", "--pnr", "198904123455",
		"--chair", "Karin Holm", "--secretary", "Ali Rahimi").Output()
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	id := strings.TrimSpace(string(out))

	a := startTmux(t, 80, 24, bin, "meeting", id[:6], "--db", dsn)
	a.waitFor("Rum och teknik", 10*time.Second)
	a.keys("C-n")
	a.waitFor("Ny deltagare", 10*time.Second)
	a.keys("-l", "Sara Ekström")
	a.waitFor("Sara Ekström", 5*time.Second)
	a.waitFor("sparat", 5*time.Second)

	b := startTmux(t, 80, 24, "sh", "-c", bin+" meeting "+id[:6]+" --db '"+dsn+"'; sleep 60")
	s := b.waitFor("öppen i ett annat sipmote", 10*time.Second)
	// The home screen's message line shows it as a sentence of its own.
	if !strings.Contains(s, "Planen är öppen i ett annat sipmote") {
		t.Errorf("the hold is not told as a sentence:\n%s", s)
	}
	if strings.Contains(s, "Ekström") {
		t.Errorf("the other program opened the held plan:\n%s", s)
	}

	if err := syscall.Kill(a.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	killed := time.Now()
	for {
		c := startTmux(t, 80, 24, "sh", "-c", bin+" meeting "+id[:6]+" --db '"+dsn+"'; sleep 60")
		// At 80 columns the reopened field may scroll its start away
		// (ui's matter): the surname is enough.
		s := c.waitForAny(10*time.Second, "Ekström", "öppen i ett annat sipmote")
		if strings.Contains(s, "Ekström") {
			t.Logf("open again %v after the kill", time.Since(killed).Round(time.Second))
			return
		}
		if time.Since(killed) > 30*time.Second {
			t.Fatalf("still held 30 s after the kill:\n%s", s)
		}
		_ = exec.Command("tmux", "kill-session", "-t", c.session).Run()
		time.Sleep(2 * time.Second)
	}
}

// waitForAny polls the screen until it shows one of wants.
func (tm *tmux) waitForAny(timeout time.Duration, wants ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		s := tm.capture()
		for _, w := range wants {
			if strings.Contains(s, w) {
				return s
			}
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed any of %q; it shows:\n%s", wants, s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// needTool skips when a tool is missing on a developer's machine, and fails
// in CI, where .ci/run installs it: a skipped test never counts as passed.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required in CI but not installed", name)
		}
		t.Skipf("%s not installed", name)
	}
}

// buildBinary builds sipmote once per test into a temporary folder.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "sipmote")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/sipmote/sipmote").CombinedOutput()
	if err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

type tmux struct {
	t       *testing.T
	session string
	seen    bool // the first screen has been seen (see waitFor)
}

func startTmux(t *testing.T, w, h int, argv ...string) *tmux {
	t.Helper()
	s := "sipmote-e2e-" + strconv.Itoa(os.Getpid()) + "-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	args := []string{"new-session", "-d", "-s", s, "-x", strconv.Itoa(w), "-y", strconv.Itoa(h)}
	// A tmux server already running gives its own session the environment
	// it was started with, not this test's: name the test's key folder
	// and settings folders (testkeys), or the program in the terminal would seal its records
	// with another key than the commands the test runs beside it.
	for _, name := range []string{"SIPMOTE_KEY_DIR", "SIPMOTE_CONFIG_DIR", "SIPMOTE_ACCESSIBLE", "SIPMOTE_DB"} {
		args = append(args, "-e", name+"="+os.Getenv(name))
	}
	args = append(append(args, "--"), argv...)
	cmd := exec.Command("tmux", args...)
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "TERM=xterm-256color")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	tm := &tmux{t: t, session: s}
	t.Cleanup(func() { _ = exec.Command("tmux", "kill-session", "-t", s).Run() })
	return tm
}

func (tm *tmux) keys(keys ...string) {
	args := append([]string{"send-keys", "-t", tm.session}, keys...)
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		tm.t.Fatalf("send-keys: %v\n%s", err, out)
	}
}

func (tm *tmux) capture() string {
	out, _ := exec.Command("tmux", "capture-pane", "-p", "-t", tm.session).Output()
	return string(out)
}

// waitFor polls the screen until it shows want, or fails after timeout.
func (tm *tmux) waitFor(want string, timeout time.Duration) string {
	tm.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		s := tm.capture()
		if strings.Contains(s, want) {
			if !tm.seen {
				// A person looks at the first screen before typing; keys
				// that come with it are taken as typed before it and
				// ignored (ui/firstframe.go).
				tm.seen = true
				time.Sleep(350 * time.Millisecond)
			}
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q; it shows:\n%s", want, s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (tm *tmux) pid() int {
	out, err := exec.Command("tmux", "display-message", "-p", "-t", tm.session, "#{pane_pid}").Output()
	if err != nil {
		tm.t.Fatal(err)
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		tm.t.Fatal(err)
	}
	return n
}

// TestKillLosesNothing types a participant's name into a new meeting, kills
// the program with SIGKILL a second later, starts it again and finds the
// name on screen.
func TestKillLosesNothing(t *testing.T) {
	needTool(t, "tmux")
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "sip.db")
	out, err := exec.Command(bin, "new", "--db", db, "--person", "Maja Lind", "--pnr", "198904123455",
		"--chair", "Karin Holm", "--secretary", "Ali Rahimi").Output()
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	id := strings.TrimSpace(string(out))

	tm := startTmux(t, 120, 40, bin, "meeting", id[:6], "--db", db)
	// A new meeting opens on the room; the next step is the introductions.
	tm.waitFor("Rum och teknik", 10*time.Second)
	tm.keys("C-n")
	tm.waitFor("Ny deltagare", 10*time.Second)
	tm.keys("-l", "Sara Ekström")
	tm.waitFor("Sara Ekström", 5*time.Second)
	time.Sleep(time.Second)
	if err := syscall.Kill(tm.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)

	tm2 := startTmux(t, 120, 40, bin, "meeting", id[:6], "--db", db)
	s := tm2.waitFor("Sara Ekström", 10*time.Second)
	if !strings.Contains(s, "Deltagare") {
		t.Errorf("did not return to the participants:\n%s", s)
	}
}

// TestTinyTerminal shows the make-it-larger message instead of a broken
// screen, and recovers when the window grows.
func TestTinyTerminal(t *testing.T) {
	needTool(t, "tmux")
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "sip.db")
	tm := startTmux(t, 50, 12, bin, "--db", db, "--lang", "en")
	tm.waitFor("too small", 10*time.Second)
	if err := exec.Command("tmux", "resize-window", "-t", tm.session, "-x", "80", "-y", "24").Run(); err != nil {
		t.Fatal(err)
	}
	tm.waitFor("Press n to create", 10*time.Second)
}

// TestHangupSaves closes the terminal (SIGHUP) right after typing: the
// program must save the last keys before it exits.
func TestHangupSaves(t *testing.T) {
	needTool(t, "tmux")
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "sip.db")
	out, err := exec.Command(bin, "new", "--db", db, "--person", "Maja Lind").Output()
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	id := strings.TrimSpace(string(out))
	tm := startTmux(t, 100, 30, bin, "meeting", id, "--db", db, "--lang", "en")
	tm.waitFor("Room and equipment", 10*time.Second)
	tm.keys("C-n")
	tm.waitFor("New participant", 10*time.Second)
	tm.keys("-l", "Eva Lindqvist")
	tm.waitFor("Eva Lindqvist", 5*time.Second) // not the placeholder "e.g. Eva Lind"
	if err := syscall.Kill(tm.pid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		js, err := exec.Command(bin, "export", id, "--db", db).Output()
		if err == nil {
			if !strings.Contains(string(js), "Eva Lindqvist") {
				t.Fatalf("the name typed just before SIGHUP is not saved")
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("database still locked 5 s after SIGHUP: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

package cli

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNewPlanFormSurvivesKill types two fields of the new-plan form, waits
// 2.5 s, kills the program with SIGKILL, starts it again and finds the form
// offered back, with both fields as typed.
func TestNewPlanFormSurvivesKill(t *testing.T) {
	needTool(t, "tmux")
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "sip.db")
	tm := startTmux(t, 100, 30, bin, "--db", db, "--lang", "en")
	tm.waitFor("Press n", 10*time.Second)
	tm.keys("n")
	tm.waitFor("New SIP", 5*time.Second)
	tm.keys("-l", "Maja Lind")
	tm.keys("Tab")
	tm.keys("-l", "19890412-3455")
	tm.waitFor("19890412-3455", 5*time.Second)
	time.Sleep(2500 * time.Millisecond)
	if err := syscall.Kill(tm.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)

	tm2 := startTmux(t, 100, 30, bin, "--db", db, "--lang", "en")
	tm2.waitFor("form begun earlier is kept", 10*time.Second)
	tm2.keys("n")
	s := tm2.waitFor("Maja Lind", 5*time.Second)
	if !strings.Contains(s, "19890412-3455") {
		t.Errorf("the personnummer typed before the kill is not back:\n%s", s)
	}
}

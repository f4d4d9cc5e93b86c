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

	"github.com/sipmote/sipmote/internal/smalldisk"
)

// TestSigtermOnFullDiskWritesRecovery is the disk-full case as a user
// meets it, with the real program on a real full file system: a long
// paste that the database cannot take, the save error on screen, then
// SIGTERM (a logout, a shutdown, kill). The program tries again for a few
// seconds, writes the plan to a recovery file in the runtime folder and
// says exactly where once the screen is gone. With space again, the next
// start offers the file first, a deliberate r then y puts the text back,
// and the file is gone.
func TestSigtermOnFullDiskWritesRecovery(t *testing.T) {
	bin, fd := fullDiskMeeting(t)
	tm, run, db, id := fd.tm, fd.run, fd.db, fd.id
	pid := programPID(t, tm)
	start := time.Now()
	if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	s := tm.waitFor("EXIT=", 20*time.Second)
	took := time.Since(start)
	if took < 3*time.Second {
		t.Errorf("gave up the database after %v; it should try for a few seconds", took)
	}
	files, _ := filepath.Glob(filepath.Join(run, "sipmote", "*.sipmote-recovery"))
	if len(files) != 1 {
		t.Fatalf("recovery files %v; the terminal shows:\n%s", files, s)
	}
	flat := strings.ReplaceAll(s, "\n", "")
	for _, want := range []string{"EXIT=1", "saving what was typed last", "could not be saved in the database", "disk is full", files[0], "offers to put it back"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the last message does not say %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "Maja") || strings.Contains(s, "everything typed is saved") {
		t.Errorf("the message names the person or claims the text is saved:\n%s", s)
	}
	st, err := os.Stat(files[0])
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("the recovery file: %v %v", st.Mode(), err)
	}
	if st, err := os.Stat(filepath.Dir(files[0])); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("the recovery folder: %v %v", st.Mode(), err)
	}

	// With space again the next start offers it before anything else.
	fd.free()
	tm2 := startTmux(t, 80, 24, "env", "XDG_RUNTIME_DIR="+run, bin, "--db", db, "--lang", "en")
	tm2.waitFor("recovery file", 10*time.Second)
	tm2.waitFor("Maja Lind", 5*time.Second)
	time.Sleep(800 * time.Millisecond) // the offer takes keys once it can have been read
	tm2.keys("r")
	tm2.waitFor("Press y for yes", 5*time.Second)
	time.Sleep(800 * time.Millisecond)
	tm2.keys("y")
	tm2.waitFor("back in the database", 10*time.Second)
	tm2.keys("q")
	time.Sleep(500 * time.Millisecond)

	if files, _ := filepath.Glob(filepath.Join(run, "sipmote", "*.sipmote-recovery")); len(files) != 0 {
		t.Errorf("the recovery file is still there: %v", files)
	}
	exp, err := exec.Command(bin, "export", id, "--db", db, "--format", "json").Output()
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	if !strings.Contains(string(exp), "Mötet hålls i kommunhuset, rum 3") {
		t.Errorf("the pasted text is not in the database after putting it back")
	}
}

// TestHangupOnFullDiskWritesRecovery closes the terminal window (tmux
// kills the session: SIGHUP) while the database cannot take the last
// paste: nobody is left to read a message, so the recovery file is what
// counts, and the next start offers it.
func TestHangupOnFullDiskWritesRecovery(t *testing.T) {
	bin, fd := fullDiskMeeting(t)
	pid := programPID(t, fd.tm)
	if err := exec.Command("tmux", "kill-session", "-t", fd.tm.session).Run(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(20 * time.Second); syscall.Kill(pid, 0) == nil; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("sipmote still runs 20 s after the terminal closed")
		}
	}
	files, _ := filepath.Glob(filepath.Join(fd.run, "sipmote", "*.sipmote-recovery"))
	if len(files) != 1 {
		t.Fatalf("recovery files after SIGHUP: %v", files)
	}
	fd.free()
	tm := startTmux(t, 80, 24, "env", "XDG_RUNTIME_DIR="+fd.run, bin, "--db", fd.db, "--lang", "en")
	tm.waitFor("recovery file", 10*time.Second)
	tm.waitFor("Maja Lind", 5*time.Second)
}

// fullDisk is a meeting of the real program whose database is on a full
// file system, with a paste on screen that the database could not take.
type fullDisk struct {
	tm          *tmux
	run, db, id string
	free        func()
}

// fullDiskMeeting starts it: the program runs under a shell in tmux that
// stays after it, so that what the program printed last, after the
// screen is gone, can be read off the terminal.
func fullDiskMeeting(t *testing.T) (string, fullDisk) {
	t.Helper()
	needTool(t, "tmux")
	bin := buildBinary(t)
	disk := smalldisk.Mount(t, "2m")
	run := t.TempDir() // the runtime folder, on another file system
	db := filepath.Join(disk, "sip.db")
	out, err := exec.Command(bin, "new", "--db", db, "--person", "Maja Lind", "--chair", "Karin Holm", "--secretary", "Ali Rahimi").Output()
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	id := strings.TrimSpace(string(out))
	script := `env XDG_RUNTIME_DIR="$1" "$0" meeting "$2" --db "$3" --lang en; echo "EXIT=$?"; sleep 120`
	tm := startTmux(t, 80, 24, "sh", "-c", script, bin, run, id, db)
	tm.waitFor("Room and equipment", 10*time.Second)
	// Tab on to the meeting's place, however many fields come first (the
	// meeting opens off the person's name).
	for i := 0; i < 10 && !strings.Contains(tm.capture(), "› Place"); i++ {
		tm.keys("Tab")
		time.Sleep(300 * time.Millisecond)
	}
	tm.waitFor("› Place", 5*time.Second)
	free := smalldisk.Fill(t, disk)

	paste := filepath.Join(t.TempDir(), "paste.txt")
	text := strings.Repeat("Mötet hålls i kommunhuset, rum 3, med hörslinga. ", 800)
	if err := os.WriteFile(paste, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	buf := "sipmote-e2e-" + filepath.Base(run)
	if out, err := exec.Command("tmux", "load-buffer", "-b", buf, paste).CombinedOutput(); err != nil {
		t.Fatalf("load-buffer: %v %s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("tmux", "delete-buffer", "-b", buf).Run() })
	if out, err := exec.Command("tmux", "paste-buffer", "-p", "-b", buf, "-t", tm.session).CombinedOutput(); err != nil {
		t.Fatalf("paste-buffer: %v %s", err, out)
	}
	tm.waitFor("COULD NOT SAVE", 10*time.Second)
	// It stays: no look at the screen in the next two seconds shows
	// "saving…" or "saved" in its place.
	for range 10 {
		time.Sleep(200 * time.Millisecond)
		if s := tm.capture(); !strings.Contains(s, "COULD NOT SAVE") {
			t.Fatalf("the save error went from the screen while the disk is full:\n%s", s)
		}
	}

	return bin, fullDisk{tm: tm, run: run, db: db, id: id, free: free}
}

// programPID is the pid of sipmote under the shell in the tmux pane.
func programPID(t *testing.T, tm *tmux) int {
	t.Helper()
	shell := tm.pid()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		kids, _ := os.ReadFile(filepath.Join("/proc", strconv.Itoa(shell), "task", strconv.Itoa(shell), "children"))
		for _, f := range strings.Fields(string(kids)) {
			if comm, _ := os.ReadFile("/proc/" + f + "/comm"); strings.TrimSpace(string(comm)) == "sipmote" {
				n, err := strconv.Atoi(f)
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
		}
	}
	t.Fatal("no sipmote process under the pane's shell")
	return 0
}

package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestUnmarkedPasteInTmux pastes 11 000 characters into the situation with
// tmux paste-buffer without -p, so the terminal does not mark the paste and
// the program reads it as single keys, then ctrl+q at once. The paste and
// the ctrl+q after it land within 3 s, the program's resident memory stays
// under 150 MB, and the plan holds the text whole and in order.
func TestUnmarkedPasteInTmux(t *testing.T) {
	needTool(t, "tmux")
	bin := buildBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "sip.db")
	out, err := exec.Command(bin, "new", "--db", db, "--person", "Maja Lind").Output()
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	id := strings.TrimSpace(string(out))
	text := string([]rune(strings.Repeat("Hon sover dåligt men samtalen med kuratorn hjälper. ", 220))[:11_000])
	file := filepath.Join(dir, "paste.txt")
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	tm := startTmux(t, 80, 24, bin, "meeting", id, "--db", db, "--lang", "en")
	tm.waitFor("Room and equipment", 10*time.Second)
	tm.keys("C-g")
	tm.waitFor("Go to section", 5*time.Second)
	tm.keys("4")
	tm.waitFor("Current situation", 5*time.Second)
	buf := tm.session + "-paste"
	if out, err := exec.Command("tmux", "load-buffer", "-b", buf, file).CombinedOutput(); err != nil {
		t.Fatalf("load-buffer: %v\n%s", err, out)
	}
	pid := tm.pid()
	start := time.Now()
	if out, err := exec.Command("tmux", "paste-buffer", "-d", "-b", buf, "-t", tm.session).CombinedOutput(); err != nil {
		t.Fatalf("paste-buffer: %v\n%s", err, out)
	}
	tm.keys("C-q")
	tm.waitFor("Plans", 30*time.Second)
	took := time.Since(start)
	status, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		t.Fatal(err)
	}
	var hwm int
	for _, l := range strings.Split(string(status), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			hwm, _ = strconv.Atoi(f[1])
		}
	}
	t.Logf("unmarked paste of 11 000 characters and ctrl+q: %v, %d MB resident at peak", took, hwm>>10)
	if took > 3*time.Second {
		t.Errorf("the paste and the ctrl+q after it took %v, want at most 3 s", took)
	}
	if hwm == 0 || hwm > 150<<10 {
		t.Errorf("resident memory at peak %d kB, want under 150 MB", hwm)
	}
	tm.keys("q")
	time.Sleep(500 * time.Millisecond)
	got, err := exec.Command(bin, "export", id, "--db", db, "--format", "txt").CombinedOutput()
	if err != nil {
		t.Fatalf("export: %v\n%s", err, got)
	}
	flat := strings.Join(strings.Fields(string(got)), " ")
	if !strings.Contains(flat, strings.TrimSpace(text)) {
		t.Errorf("the plan does not hold the pasted text whole and in order:\n%s", got)
	}
}

// TestMarkedPasteKeepsParagraphs pastes a text of paragraphs with tmux
// paste-buffer -p, a paste marked as every modern terminal marks it, into
// Current situation. tmux, like xterm, ends each line of a paste with a
// carriage return alone; the field keeps the line breaks, as enter and an
// unmarked paste do, and the plan holds the paragraphs.
func TestMarkedPasteKeepsParagraphs(t *testing.T) {
	needTool(t, "tmux")
	bin := buildBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "sip.db")
	out, err := exec.Command(bin, "new", "--db", db, "--person", "Maja Lind").Output()
	if err != nil {
		t.Fatalf("new: %v", err)
	}
	id := strings.TrimSpace(string(out))
	text := "Maja bor ensam sedan i våras.\n\nHon vill börja sjunga i kör igen.\nMamma hjälper till med handlingen."
	file := filepath.Join(dir, "paste.txt")
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	tm := startTmux(t, 80, 24, bin, "meeting", id, "--db", db, "--lang", "en")
	tm.waitFor("Room and equipment", 10*time.Second)
	tm.keys("C-g")
	tm.waitFor("Go to section", 5*time.Second)
	tm.keys("4")
	tm.waitFor("Current situation", 5*time.Second)
	buf := tm.session + "-paste"
	if out, err := exec.Command("tmux", "load-buffer", "-b", buf, file).CombinedOutput(); err != nil {
		t.Fatalf("load-buffer: %v\n%s", err, out)
	}
	if out, err := exec.Command("tmux", "paste-buffer", "-p", "-d", "-b", buf, "-t", tm.session).CombinedOutput(); err != nil {
		t.Fatalf("paste-buffer: %v\n%s", err, out)
	}
	tm.waitFor("handlingen.", 5*time.Second)
	tm.keys("C-q")
	tm.waitFor("Plans", 10*time.Second)
	tm.keys("q")
	time.Sleep(500 * time.Millisecond)
	got, err := exec.Command(bin, "export", id, "--db", db, "--format", "json").CombinedOutput()
	if err != nil {
		t.Fatalf("export: %v\n%s", err, got)
	}
	var doc struct {
		Plan struct {
			Draft struct {
				Content struct {
					Situation string `json:"situation"`
				} `json:"content"`
			} `json:"draft"`
		} `json:"plan"`
	}
	if err := json.Unmarshal(got, &doc); err != nil {
		t.Fatalf("export json: %v\n%s", err, got)
	}
	if s := doc.Plan.Draft.Content.Situation; s != text {
		t.Errorf("the marked paste's paragraphs are lost:\n got %q\nwant %q", s, text)
	}
}

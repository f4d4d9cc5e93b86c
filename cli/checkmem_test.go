package cli

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/bigfile"
	"github.com/sipmote/sipmote/service"
)

// procMB reads a field of /proc/pid/status (VmHWM, VmRSS) in MB.
func procMB(t *testing.T, pid int, field string) float64 {
	t.Helper()
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatalf("the program ended: %v", err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return float64(kb) / 1024
		}
	}
	t.Fatalf("no %s in /proc/%d/status", field, pid)
	return 0
}

// cpuTicks is the CPU time process pid has used, in clock ticks.
func cpuTicks(t *testing.T, pid int) string {
	t.Helper()
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Fatalf("the program ended: %v", err)
	}
	// After the command's name in parentheses: state is field 3, utime
	// and stime fields 14 and 15.
	f := strings.Fields(string(raw[strings.LastIndexByte(string(raw), ')')+1:]))
	if len(f) < 13 {
		t.Fatalf("/proc/%d/stat: %q", pid, raw)
	}
	return f[11] + "+" + f[12]
}

// TestHomeMemoryWithDailyCheck10k starts the built program at 80×24 in
// tmux on a new file of 10 000 plans, whose whole-file check is due (none
// was ever recorded), and follows its peak resident memory (VmHWM) from
// the start, through the daily check that begins two seconds after the
// first frame, to after scrolling and a search: issue 30 wants at most 60
// MB. The check must have run (it is recorded in the file).
//
// It reads /proc, so it runs on Linux only; about 10 s.
func TestHomeMemoryWithDailyCheck10k(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads the program's memory from /proc")
	}
	needTool(t, "tmux")
	const limit = 60.0
	bin := buildBinary(t)
	db := bigfile.Make(t, 10_000)
	t.Setenv("SIPMOTE_DB", db)
	tm := startTmux(t, 80, 24, bin)
	tm.waitFor("Anna", 20*time.Second)
	pid := tm.pid()
	if comm, _ := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid)); strings.TrimSpace(string(comm)) != "sipmote" {
		t.Fatalf("the terminal's process is %q, not sipmote", comm)
	}
	time.Sleep(time.Second)
	atStart := procMB(t, pid, "VmHWM")
	// The check starts 2 s after the first frame and takes about 1 s of
	// CPU: sample until the program has been idle for half a second.
	var during float64
	idle, last := 0, cpuTicks(t, pid)
	for start := time.Now(); time.Since(start) < 3*time.Second || idle < 5; {
		during = max(during, procMB(t, pid, "VmRSS"))
		time.Sleep(100 * time.Millisecond)
		if now := cpuTicks(t, pid); now == last {
			idle++
		} else {
			idle, last = 0, now
		}
		if time.Since(start) > time.Minute {
			t.Fatal("the program was not idle for a minute after its start")
		}
	}
	withCheck, after := procMB(t, pid, "VmHWM"), procMB(t, pid, "VmRSS")
	tm.keys("PageDown", "PageDown", "PageDown", "End", "Home", "Down", "Down", "/", "5", "0", "0")
	tm.waitFor("Sök: 500", 5*time.Second)
	time.Sleep(time.Second)
	withSearch := procMB(t, pid, "VmHWM")
	t.Logf("10 000 plans: peak %.1f MB at start, %.1f MB with the daily check (%.1f MB sampled while it ran, %.1f MB after), %.1f MB after scrolling and a search",
		atStart, withCheck, during, after, withSearch)
	tm.keys("Escape", "q")
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if _, err := os.Stat(fmt.Sprintf("/proc/%d", pid)); err != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the program did not end; it shows:\n%s", tm.capture())
		}
	}
	svc, err := service.Open(db, service.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec, ran := svc.LastCheck()
	_ = svc.Close()
	if !ran || !rec.OK() {
		t.Fatalf("the daily check did not run while measured (recorded: %v, %+v)", ran, rec)
	}
	if withSearch > limit {
		t.Errorf("the home screen's peak resident memory was %.1f MB, want at most %.0f MB", withSearch, limit)
	}
}

package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/internal/smalldisk"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// realSaves delivers the session's real save results to the screen, as
// the program does: the test harness drops the meeting's own waits, so a
// second view of the same session listens in its place.
type realSaves struct {
	t   *testing.T
	m   *Model
	spy *service.View
}

func listenToSaves(t *testing.T, m *Model) *realSaves {
	spy := m.session.Attach()
	t.Cleanup(spy.Detach)
	return &realSaves{t, m, spy}
}

// tick runs one save tick, calls between (if not nil) and hands the next
// save result to the screen; it returns that result.
func (r *realSaves) tick(between func()) *service.Saved {
	r.t.Helper()
	send(r.m, meeting.SaveTickMsg{Owner: r.m.meeting.Owner()})
	if between != nil {
		between()
	}
	deadline := time.After(5 * time.Second)
	for {
		select {
		case e := <-r.spy.Events():
			if e.Saved != nil {
				send(r.m, meeting.SessionMsg{Owner: r.m.meeting.Owner(), Event: e})
				return e.Saved
			}
		case <-deadline:
			r.t.Fatal("no save result within 5 s")
		}
	}
}

// statusLine is the meeting's bottom status line.
func statusLine(m *Model) string {
	lines := strings.Split(strings.TrimRight(screenText(m), "\n"), "\n")
	if len(lines) < 2 {
		return ""
	}
	return lines[len(lines)-2]
}

// On a real full disk the save error stays on the status line through
// ticks and typing until a save succeeds; leaving then writes the plan to
// a recovery file, named on the home screen; the next start offers it
// first, keys typed ahead do not answer, and a deliberate r then y puts
// the text back in the database.
func TestFullDiskErrorStaysThenRecoveryOffered(t *testing.T) {
	now := fakeConfirmClock(t)
	disk := smalldisk.Mount(t, "2m")
	run := t.TempDir()
	t.Setenv("XDG_RUNTIME_DIR", run)
	svc, err := service.Open(filepath.Join(disk, "sip.db"), service.Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	m := newTestModel(t, svc, model.English, 120, 40)
	newMeeting(t, m, "Karin Holm", "Ali Rahimi")
	if m.screen != screenMeeting {
		t.Fatalf("no meeting:\n%s", screenText(m))
	}
	planID := m.session.PlanID()
	saves := listenToSaves(t, m)
	inEdit(m, func() { m.meeting.GoSection(model.SectionSituation) })
	free := smalldisk.Fill(t, disk)
	text := strings.Repeat("Behöver hjälp med maten och med att komma ut. ", 1000)
	send(m, tea.PasteMsg{Content: text})
	if got := livePlan(m).Draft.Content.Situation; !strings.Contains(got, "Behöver hjälp") {
		t.Fatalf("the paste did not reach the situation: %q", got[:min(len(got), 40)])
	}
	failed := 0
	stays := func(when string) {
		t.Helper()
		if s := statusLine(m); failed > 0 && (!strings.Contains(s, "COULD NOT SAVE") || strings.Contains(s, "saving")) {
			t.Fatalf("%s while saves fail the status line says %q", when, s)
		}
	}
	for range 6 {
		r := saves.tick(func() { stays("at a save tick") })
		if r.Err == nil {
			if failed > 0 {
				t.Fatal("a save succeeded on the full disk")
			}
			continue
		}
		failed++
		if s := statusLine(m); !strings.Contains(s, "COULD NOT SAVE") || !strings.Contains(s, "disk is full") {
			t.Fatalf("after a failed save the status line says %q", s)
		}
		// The line under it says the reason whole, within the window.
		if lines := strings.Split(strings.TrimRight(screenText(m), "\n"), "\n"); !strings.Contains(lines[len(lines)-1], "The disk is full; free some space. The text is still here") {
			t.Fatalf("the line under the status line does not give the reason whole: %q", lines[len(lines)-1])
		}
		typeText(m, "x")
		stays("after typing")
	}
	if failed < 3 {
		t.Fatalf("only %d of 6 saves failed on the full disk", failed)
	}

	// Leave: the question names the recovery folder; yes writes the file.
	press(m, "ctrl+q")
	q := screenText(m)
	if !strings.Contains(q, "NOT saved") || !strings.Contains(q, "recovery file") || !strings.Contains(strings.ReplaceAll(q, "\n", ""), "sipmote") {
		t.Fatalf("the question does not say where the text goes:\n%s", q)
	}
	*now = now.Add(time.Second)
	press(m, "y")
	waitFor(t, m, func() bool { return strings.Contains(m.home.Message, ".sipmote-recovery") })
	files, _ := filepath.Glob(filepath.Join(run, "sipmote", "*.sipmote-recovery"))
	if len(files) != 1 || !strings.Contains(m.home.Message, files[0]) {
		t.Fatalf("files %v; the home screen says %q", files, m.home.Message)
	}

	// Quitting says it again, once the screen is gone.
	closed, _ := m.Shutdown(0, nil)
	if len(closed) != 1 || closed[0].Outcome != service.OutcomeRecovered || closed[0].Recovery != files[0] {
		t.Fatalf("Shutdown after leaving reports %+v", closed)
	}

	// The next start, with space again: the offer comes first.
	free()
	m2 := newTestModel(t, svc, model.English, 60, 16)
	s := screenText(m2)
	if m2.screen != screenRecover || !strings.Contains(s, "Maja Lind") || !strings.Contains(s, "r put back") {
		t.Fatalf("no offer at start:\n%s", s)
	}
	assertFits(t, s, 60, 16)
	press(m2, "r", "y") // typed ahead, before the screen could be read
	if m2.screen != screenRecover || m2.recover.Ask != nil {
		t.Fatalf("type-ahead answered the offer:\n%s", screenText(m2))
	}
	*now = now.Add(time.Second)
	press(m2, "r")
	if m2.recover == nil || m2.recover.Ask == nil {
		t.Fatalf("r did not ask:\n%s", screenText(m2))
	}
	assertFits(t, screenText(m2), 60, 16)
	*now = now.Add(time.Second)
	press(m2, "y")
	waitFor(t, m2, func() bool { return m2.screen == screenHome })
	if !strings.Contains(m2.home.Message, "back in the database") {
		t.Errorf("home says %q", m2.home.Message)
	}
	p, err := svc.Load(context.Background(), planID)
	if err != nil || !strings.Contains(p.Draft.Content.Situation, text) {
		t.Fatalf("the text is not back in the database (err %v)", err)
	}
	if files, _ := filepath.Glob(filepath.Join(run, "sipmote", "*.sipmote-recovery")); len(files) != 0 {
		t.Errorf("the recovery file is still there: %v", files)
	}
}

// waitFor drains the answers of running commands until cond holds.
func waitFor(t *testing.T, m *Model, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("never came:\n%s", screenText(m))
		}
		drainPending(m)
	}
}

func assertFits(t *testing.T, s string, w, h int) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > h {
		t.Errorf("%d lines in a %d-line window:\n%s", len(lines), h, s)
	}
	for _, l := range lines {
		if n := len([]rune(l)); n > w {
			t.Errorf("a line of %d in a %d-wide window: %q", n, w, l)
		}
	}
}

// A damaged recovery file is offered as damaged: it cannot be put back,
// only thrown away or left; esc leaves it for the next start, in Swedish.
func TestDamagedRecoveryOfferedAndLeft(t *testing.T) {
	now := fakeConfirmClock(t)
	svc := openTestDB(t)
	dir := svc.RecoveryDir()
	if err := os.MkdirAll(dir, 0o700); err != nil { // Open has made it, verifying it
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "sipmote-12345678-20261130-160000.sipmote-recovery")
	if err := os.WriteFile(bad, []byte("SIPMOTE-RECOVERY 1\n\x00\x00\x00\x02{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, svc, model.Swedish, 80, 24)
	s := screenText(m)
	if m.screen != screenRecover || !strings.Contains(s, "skadad") || strings.Contains(s, "lägg tillbaka") {
		t.Fatalf("the damaged file is not offered as damaged:\n%s", s)
	}
	*now = now.Add(time.Second)
	press(m, "r")
	if m.recover.Ask != nil {
		t.Fatal("r asks to put back a damaged file")
	}
	press(m, "esc")
	if m.screen != screenHome || !strings.Contains(m.home.Message, "erbjuds igen") {
		t.Fatalf("esc did not leave it for later:\n%s", screenText(m))
	}
	if _, err := os.Stat(bad); err != nil {
		t.Fatalf("the damaged file was touched: %v", err)
	}
	// Thrown away at the next start, after a deliberate yes.
	m2 := newTestModel(t, svc, model.Swedish, 80, 24)
	*now = now.Add(time.Second)
	press(m2, "x")
	if m2.recover == nil || m2.recover.Ask == nil || !strings.Contains(screenText(m2), "går förlorat") {
		t.Fatalf("x did not ask:\n%s", screenText(m2))
	}
	*now = now.Add(time.Second)
	press(m2, "j")
	waitFor(t, m2, func() bool { return m2.screen == screenHome })
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("the file is still there: %v", err)
	}
}

package share

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"
)

// join dials as role with its code and opens a screen of w×h.
func join(t *testing.T, s *Server, role Role, w, h int) (*gossh.Client, *screen) {
	t.Helper()
	c, err := dial(s, string(role), s.Code(role), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	sc := &screen{sess: sess, hit: make(chan struct{}, 1)}
	sess.Stdout, sess.Stderr = sc, sc
	sc.in, _ = sess.StdinPipe()
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	return c, sc
}

// ended waits for the device's session to end.
func (sc *screen) ended(t *testing.T) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- sc.sess.Wait() }()
	select {
	case <-done:
	case <-time.After(8 * time.Second):
		t.Fatalf("the device is still connected: %q", sc.text())
	}
}

// TestEachRoleHasItsCap: eight room screens do not take the chair's place;
// a ninth room screen and a third chair are told why, in Swedish, without
// the program's inner names.
func TestEachRoleHasItsCap(t *testing.T) {
	s, _ := startTest(t, nil)
	for i := range DefaultMaxClients {
		_, sc := join(t, s, RoleRoom, 80, 24)
		sc.waitFor(t, "HELLO room", 5*time.Second)
		_ = i
	}
	_, chair := join(t, s, RoleChair, 80, 24)
	chair.waitFor(t, "HELLO chair", 5*time.Second)
	_, extra := join(t, s, RoleRoom, 80, 24)
	extra.ended(t)
	if txt := extra.text(); !strings.Contains(txt, "Rummet har redan så många skärmar som tas emot (8)") ||
		strings.Contains(txt, "HELLO") || strings.Contains(txt, "share:") || strings.Contains(txt, "sipmote:") {
		t.Errorf("the ninth room screen was told %q", txt)
	}
	_, chair2 := join(t, s, RoleChair, 80, 24)
	chair2.waitFor(t, "HELLO chair", 5*time.Second)
	_, chair3 := join(t, s, RoleChair, 80, 24)
	chair3.ended(t)
	if txt := chair3.text(); !strings.Contains(txt, "Mötesledarens dator är redan ansluten") {
		t.Errorf("the third chair was told %q", txt)
	}
	if n := len(s.Clients()); n != DefaultMaxClients+2 {
		t.Errorf("%d devices listed", n)
	}
}

// farewellAfterRestore checks that the device's terminal left the
// alternate screen and showed its cursor before it was told want.
func farewellAfterRestore(t *testing.T, txt, want string) {
	t.Helper()
	at := strings.Index(txt, want)
	if at < 0 {
		t.Fatalf("the device was never told %q: %q", want, txt)
	}
	leave, show := strings.LastIndex(txt[:at], "\x1b[?1049l"), strings.LastIndex(txt[:at], "\x1b[?25h")
	if leave < 0 || show < 0 {
		t.Errorf("the terminal was not restored (alternate screen left %v, cursor shown %v) before %q: %q", leave >= 0, show >= 0, want, txt)
	}
	if strings.Contains(txt[at:], "HELLO") {
		t.Errorf("the meeting's screen came back after the farewell: %q", txt[at:])
	}
}

func TestDropSaysWhy(t *testing.T) {
	s, _ := startTest(t, nil)
	_, chair := join(t, s, RoleChair, 80, 24)
	_, room := join(t, s, RoleRoom, 80, 24)
	chair.waitFor(t, "HELLO chair", 5*time.Second)
	room.waitFor(t, "HELLO room", 5*time.Second)
	// The list is in the order the share took the devices in, which need
	// not be the order they dialled in: the room screen is found by role.
	id := 0
	for _, c := range s.Clients() {
		if c.Role == RoleRoom {
			id = c.ID
		}
	}
	if id == 0 {
		t.Fatalf("no room screen listed: %+v", s.Clients())
	}
	start := time.Now()
	s.Drop(id)
	if d := time.Since(start); d > 50*time.Millisecond {
		t.Errorf("Drop took %v: the secretary's screen must not wait for it", d)
	}
	room.ended(t)
	farewellAfterRestore(t, room.text(), "Sekreteraren har kopplat från den här skärmen.")
	deadline := time.Now().Add(3 * time.Second)
	for len(s.Clients()) != 1 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := s.Clients(); len(got) != 1 || got[0].Role != RoleChair {
		t.Errorf("after drop: %+v", got)
	}
}

// TestEndingSaysSoOnEveryDevice: stopping the share and ending the meeting
// each leave every device on its own restored terminal with the words
// for it, and nobody connects afterwards.
func TestEndingSaysSoOnEveryDevice(t *testing.T) {
	for _, tc := range []struct {
		name string
		stop func(*Server) error
		want string
	}{
		{"share", (*Server).Close, "Mötet visas inte längre här. Skärmen kan stängas."},
		{"meeting", (*Server).EndMeeting, "Mötet är avslutat. Skärmen kan stängas."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := startTest(t, nil)
			_, chair := join(t, s, RoleChair, 80, 24)
			_, room := join(t, s, RoleRoom, 100, 30)
			chair.waitFor(t, "HELLO chair", 5*time.Second)
			room.waitFor(t, "HELLO room", 5*time.Second)
			if err := tc.stop(s); err != nil {
				t.Fatal(err)
			}
			for _, sc := range []*screen{chair, room} {
				sc.ended(t)
				farewellAfterRestore(t, sc.text(), tc.want)
				if strings.Contains(sc.text(), "closed by remote host") {
					t.Errorf("closed before the farewell: %q", sc.text())
				}
			}
			if _, err := dial(s, "chair", s.Code(RoleChair), false); err == nil {
				t.Error("connected after sharing stopped")
			}
		})
	}
}

// faultyModel fails where its key says: p in Update, v in View, c in a
// command, b in a command of a batch.
type faultyModel struct {
	echoModel
	inView bool
	w, h   int
}

func (m faultyModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		_ = strings.Repeat("─", m.w-1) // a view that cannot take a zero width
	case tea.KeyPressMsg:
		switch msg.String() {
		case "p":
			panic("SECRET-IN-UPDATE")
		case "v":
			m.inView = true
		case "c":
			return m, func() tea.Msg { panic("SECRET-IN-COMMAND") }
		case "b":
			return m, tea.Batch(func() tea.Msg { return nil }, func() tea.Msg { panic("SECRET-IN-BATCH") })
		}
	}
	return m, nil
}

func (m faultyModel) View() tea.View {
	if m.inView {
		panic("SECRET-IN-VIEW")
	}
	v := tea.NewView(fmt.Sprintf("HELLO %s %dx%d", m.role, m.w, m.h))
	v.AltScreen = true
	return v
}

// lockedBuffer is a log several goroutines write.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestAFaultStaysWithItsDevice: a device's program that panics, in its
// update, its view or a command, is let go with words saying so; the
// panic is logged by where only, nothing reaches this process's standard
// error (the secretary's terminal), and the other devices carry on.
func TestAFaultStaysWithItsDevice(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr := os.Stderr
	os.Stderr = w
	var caught bytes.Buffer
	copied := make(chan struct{})
	go func() { _, _ = caught.ReadFrom(r); close(copied) }()
	defer func() {
		os.Stderr = stderr
		w.Close()
		<-copied
		if caught.Len() > 0 {
			t.Errorf("written on the secretary's terminal: %q", caught.String())
		}
	}()
	log := &lockedBuffer{}
	s, _ := startTest(t, func(o *Options) {
		o.Log = log
		o.NewModel = func(c Client) (tea.Model, func()) { return faultyModel{echoModel: echoModel{role: c.Role}}, nil }
	})
	_, room := join(t, s, RoleRoom, 80, 24)
	room.waitFor(t, "HELLO room", 5*time.Second)
	for _, k := range []string{"p", "v", "c", "b"} {
		_, chair := join(t, s, RoleChair, 80, 24)
		chair.waitFor(t, "HELLO chair", 5*time.Second)
		_, _ = chair.in.Write([]byte(k))
		chair.ended(t)
		farewellAfterRestore(t, chair.text(), "Skärmen kunde inte visas och kopplades från. Anslut igen")
	}
	if strings.Contains(log.String(), "SECRET") || strings.Count(log.String(), "failed in") != 4 {
		t.Errorf("log %q", log.String())
	}
	for _, where := range []string{"in update", "in view", "in command"} {
		if !strings.Contains(log.String(), where) {
			t.Errorf("the log does not say %q: %q", where, log.String())
		}
	}
	_, _ = room.in.Write([]byte("x"))
	deadline := time.Now().Add(3 * time.Second)
	for len(s.Clients()) != 1 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if len(s.Clients()) != 1 {
		t.Errorf("devices left: %+v", s.Clients())
	}
}

// TestTerminalSizes: a terminal that reports no size gets 80×24, a huge
// one is cut to what can be drawn; neither disturbs the program.
func TestTerminalSizes(t *testing.T) {
	s, _ := startTest(t, func(o *Options) {
		o.NewModel = func(c Client) (tea.Model, func()) { return faultyModel{echoModel: echoModel{role: c.Role}}, nil }
	})
	_, zero := join(t, s, RoleChair, 0, 0)
	zero.waitFor(t, "HELLO chair 80x24", 5*time.Second)
	_, huge := join(t, s, RoleRoom, 100000, 100000)
	huge.waitFor(t, fmt.Sprintf("HELLO room %dx%d", maxWidth, maxHeight), 5*time.Second)
	_ = zero.sess.WindowChange(0, 0)
	_, _ = zero.in.Write([]byte("x"))
	time.Sleep(200 * time.Millisecond)
	if len(s.Clients()) != 2 {
		t.Errorf("a size let a device go: %+v", s.Clients())
	}
}

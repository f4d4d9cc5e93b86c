package share

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"
)

// echoModel is the smallest program: it shows its role and the last key.
type echoModel struct {
	role Role
	last string
}

func (m echoModel) Init() tea.Cmd { return nil }
func (m echoModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		m.last = k.String()
		if m.last == "q" {
			return m, tea.Quit
		}
	}
	return m, nil
}
func (m echoModel) View() tea.View {
	v := tea.NewView("HELLO " + string(m.role) + " key=" + m.last)
	v.AltScreen = true
	return v
}

type trailLog struct {
	mu       sync.Mutex
	events   []string
	refusals []string
}

func (l *trailLog) add(kind string, c Client) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, kind+" "+string(c.Role)+" "+c.Addr)
}

func (l *trailLog) refused(r Refusal) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.refusals = append(l.refusals, fmt.Sprintf("refused %s %s %d", r.Role, r.Addr, r.Count))
}

func (l *trailLog) refusedList() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string{}, l.refusals...)
}

func (l *trailLog) list() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string{}, l.events...)
}

func startTest(t testing.TB, mod func(*Options)) (*Server, *trailLog) {
	t.Helper()
	tl := &trailLog{}
	o := Options{Listen: "127.0.0.1:0", HostKey: filepath.Join(t.TempDir(), "data", HostKeyName),
		NewModel: func(c Client) (tea.Model, func()) { return echoModel{role: c.Role}, nil }, Trail: tl.add, Refused: tl.refused}
	if mod != nil {
		mod(&o)
	}
	s, err := Start(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s, tl
}

// dial connects with a password, or with keyboard-interactive when ki.
func dial(s *Server, user, code string, ki bool) (*gossh.Client, error) {
	auth := []gossh.AuthMethod{gossh.Password(code)}
	if ki {
		auth = []gossh.AuthMethod{gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
			if len(qs) != 1 {
				return nil, fmt.Errorf("questions: %q", qs)
			}
			return []string{code}, nil
		})}
	}
	return gossh.Dial("tcp", s.Addr().String(), &gossh.ClientConfig{User: user, Auth: auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
}

// screen is a terminal session on a client with what it received so far.
type screen struct {
	sess *gossh.Session
	in   io.WriteCloser
	mu   sync.Mutex
	out  bytes.Buffer
	hit  chan struct{}
}

func (sc *screen) Write(p []byte) (int, error) {
	sc.mu.Lock()
	sc.out.Write(p)
	sc.mu.Unlock()
	select {
	case sc.hit <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (sc *screen) text() string {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	return sc.out.String()
}

func openScreen(t testing.TB, c *gossh.Client) *screen {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	sc := &screen{sess: sess, hit: make(chan struct{}, 1)}
	sess.Stdout = sc
	sc.in, _ = sess.StdinPipe()
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	return sc
}

func (sc *screen) waitFor(t testing.TB, want string, d time.Duration) {
	t.Helper()
	deadline := time.After(d)
	for !strings.Contains(sc.text(), want) {
		select {
		case <-sc.hit:
		case <-deadline:
			t.Fatalf("never saw %q in %q", want, sc.text())
		}
	}
}

func TestCodeAndRoles(t *testing.T) {
	s, tl := startTest(t, nil)
	chair, room := s.Code(RoleChair), s.Code(RoleRoom)
	for _, code := range []string{chair, room} {
		if len(normCode(code)) != 8 || !strings.Contains(code, "-") {
			t.Fatalf("code %q", code)
		}
	}
	if normCode(chair) == normCode(room) {
		t.Fatalf("the chair and the room share the code %q", chair)
	}
	for _, tc := range []struct {
		user, code string
		ki, ok     bool
	}{
		{"chair", chair, false, true},
		{"room", strings.ToUpper(strings.ReplaceAll(room, "-", " ")), true, true},
		{"room", chair, true, false},  // the chair's code never opens the room's view
		{"chair", room, true, false},  // nor the room's the chair's
		{"chair", room, false, false}, // by password either
		{"room", "abcd-efgh", true, false},
		{"room", "", false, false},
		{"secretary", chair, false, false},
		{"root", room, true, false},
	} {
		c, err := dial(s, tc.user, tc.code, tc.ki)
		if (err == nil) != tc.ok {
			t.Errorf("%s with %q (ki %v): err %v", tc.user, tc.code, tc.ki, err)
		}
		if c != nil {
			sc := openScreen(t, c)
			sc.waitFor(t, "HELLO "+tc.user, 5*time.Second)
			c.Close()
		}
	}
	// Each device that came in is in the trail twice, by role and address.
	deadline := time.Now().Add(3 * time.Second)
	for len(tl.list()) < 4 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	got := strings.Join(tl.list(), "|")
	for _, want := range []string{"joined chair 127.0.0.1", "left chair 127.0.0.1", "joined room 127.0.0.1", "left room 127.0.0.1"} {
		if !strings.Contains(got, want) {
			t.Errorf("trail %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, chair) || strings.Contains(got, room) || strings.Contains(got, "HELLO") {
		t.Errorf("trail holds content: %q", got)
	}
}

func TestHostKeyPrivate(t *testing.T) {
	s, _ := startTest(t, nil)
	path := s.o.HostKey
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v", fi.Mode().Perm())
	}
	di, _ := os.Stat(filepath.Dir(path))
	if di.Mode().Perm() != 0o700 {
		t.Errorf("data folder mode %v", di.Mode().Perm())
	}
	// The same key again at the next meeting, made private if loosened.
	before, _ := os.ReadFile(path)
	_ = os.Chmod(path, 0o644)
	again, err := hostKey("", path)
	if err != nil || !bytes.Equal(before, again) {
		t.Fatalf("key changed or unreadable: %v", err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("loosened key left at %v", fi.Mode().Perm())
	}
}

// TestNothingButTheScreen: a command, a session without a terminal, port
// forwarding and agent forwarding are all refused.
func TestNothingButTheScreen(t *testing.T) {
	s, _ := startTest(t, nil)
	c, err := dial(s, "chair", s.Code(RoleChair), false)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, _ := c.NewSession()
	if out, err := sess.CombinedOutput("cat /etc/passwd"); err == nil || strings.Contains(string(out), "root:") ||
		!strings.Contains(string(out), "Här visas bara mötets skärm: inga kommandon och ingen filöverföring") {
		t.Errorf("a command: %v %q", err, out)
	}
	sess, _ = c.NewSession()
	out := &screen{hit: make(chan struct{}, 1)}
	sess.Stdout, sess.Stderr = out, out
	if err := sess.Shell(); err == nil {
		_ = sess.Wait()
	}
	if strings.Contains(out.text(), "HELLO") || !strings.Contains(out.text(), "Mötets skärm behöver en terminal. Anslut utan -T") {
		t.Errorf("a session without a terminal got %q", out.text())
	}
	if _, err := c.Dial("tcp", "127.0.0.1:22"); err == nil {
		t.Error("local port forwarding was allowed")
	}
	if _, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		t.Error("remote port forwarding was allowed")
	}
	// sftp is told why there is nothing (sftp shows the error stream).
	sess, _ = c.NewSession()
	stderr, _ := sess.StderrPipe()
	stdout, _ := sess.StdoutPipe()
	if err := sess.RequestSubsystem("sftp"); err == nil {
		b, _ := io.ReadAll(stdout)
		e, _ := io.ReadAll(stderr)
		if len(b) > 0 || !strings.Contains(string(e), "ingen filöverföring") {
			t.Errorf("sftp: %q on stdout, %q on stderr", b, e)
		}
	}
	// The library takes note of an agent request, but the server never
	// opens the agent's channel back to the client.
	agent := c.HandleChannelOpen("auth-agent@openssh.com")
	sess, _ = c.NewSession()
	if _, err := sess.SendRequest("auth-agent-req@openssh.com", true, nil); err != nil {
		t.Fatal(err)
	}
	sc := &screen{sess: sess, hit: make(chan struct{}, 1)}
	sess.Stdout = sc
	_ = sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{})
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	sc.waitFor(t, "HELLO chair", 5*time.Second)
	select {
	case ch := <-agent:
		ch.Reject(gossh.Prohibited, "")
		t.Error("the server reached for the client's agent")
	case <-time.After(200 * time.Millisecond):
	}
}

// TestWrongCodesAreSlowedDown: over SSH, three wrong codes at the room's
// door hold the next try a second; the right code is then let in.
func TestWrongCodesAreSlowedDown(t *testing.T) {
	s, tl := startTest(t, nil)
	// The chair's code at the room's door is a wrong code like any other.
	for _, wrong := range []string{"wrong", s.Code(RoleChair), ""} {
		if _, err := dial(s, "room", wrong, false); err == nil {
			t.Fatalf("a wrong code (%q) was let in", wrong)
		}
	}
	start := time.Now()
	c, err := dial(s, "room", s.Code(RoleRoom), false)
	if err != nil {
		t.Fatalf("the right code after three misses: %v", err)
	}
	c.Close()
	if d := time.Since(start); d < 900*time.Millisecond {
		t.Errorf("the try after three misses was not held (%v)", d)
	}
	if r := s.Refused(); len(r) != 1 || r[0].Count != 3 || r[0].Role != RoleRoom || r[0].Addr != "127.0.0.1" {
		t.Errorf("refusals %+v", r)
	}
	// The trail has the first miss at once, the rest when sharing stops;
	// never a code.
	_ = s.Close()
	got := strings.Join(tl.refusedList(), "|")
	if got != "refused room 127.0.0.1 1|refused room 127.0.0.1 2" {
		t.Errorf("trail of refusals %q", got)
	}
}

// TestLimiterForgetsTheFlood: the flood's hold lasts while the misses are
// under a minute old.
func TestLimiterForgetsTheFlood(t *testing.T) {
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	l := newLimiter(func() time.Time { return now })
	for i := range floodMisses {
		l.fail(fmt.Sprint("10.0.0.", i), RoleRoom)
	}
	if d, ok := l.wait("10.9.9.9", RoleRoom); !ok || d != floodDelay {
		t.Fatalf("during the flood: %v %v", d, ok)
	}
	if d, _ := l.wait("10.9.9.9", RoleChair); d != 0 {
		t.Fatalf("a flood at the room's door held the chair's (%v)", d)
	}
	now = now.Add(61 * time.Second)
	if d, ok := l.wait("10.9.9.9", RoleRoom); !ok || d != 0 {
		t.Fatalf("a minute later: %v %v", d, ok)
	}
}

func TestListen(t *testing.T) {
	for _, bad := range []string{"nonsense", "127.0.0.1", ":x", ":2223"} {
		if _, err := listen("", bad); err == nil || !errors.Is(err, errBadListen) || err.Error() != "--listen vill ha VÄRD:PORT, t.ex. 127.0.0.1:2223" {
			t.Errorf("listen(%q) = %v", bad, err)
		}
	}
	s, _ := startTest(t, nil)
	if !s.Addr().IP.IsLoopback() {
		t.Errorf("listens on %v", s.Addr())
	}
	want := fmt.Sprintf("ssh -p %d chair@127.0.0.1", s.Addr().Port)
	if got := s.Line(RoleChair); got != want {
		t.Errorf("line %q, want %q", got, want)
	}
	taken := s.Addr().String()
	if _, err := listen("", taken); err == nil || !strings.Contains(err.Error(), "kan inte ta emot anslutningar på "+taken+": porten används redan") {
		t.Errorf("a port in use: %v", err)
	}
	ln, err := net.Listen("tcp", DefaultListen)
	if err == nil {
		defer ln.Close()
	}
	// The default address is taken now (by us or another): any free port.
	l2, err := listen("", "")
	if err != nil {
		t.Fatal(err)
	}
	l2.Close()
}

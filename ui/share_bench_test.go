package ui

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/share"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// sshDevice is one device joined over SSH, with all its screen received.
type sshDevice struct {
	mu  sync.Mutex
	out bytes.Buffer
	hit chan struct{}
}

func (d *sshDevice) Write(p []byte) (int, error) {
	d.mu.Lock()
	d.out.Write(p)
	d.mu.Unlock()
	select {
	case d.hit <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (d *sshDevice) mark() int { d.mu.Lock(); defer d.mu.Unlock(); return d.out.Len() }

func (d *sshDevice) has(off int, want string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return strings.Contains(d.out.String()[off:], want)
}

// waitFor waits until the device received want after off.
func (d *sshDevice) waitFor(tb testing.TB, off int, want string) {
	tb.Helper()
	deadline := time.After(10 * time.Second)
	for !d.has(off, want) {
		select {
		case <-d.hit:
		case <-deadline:
			tb.Fatalf("the device never showed %q", want)
		}
	}
}

// sharedMeeting opens the demo child's meeting on the secretary's screen at
// the introductions, with the first participant's name open for editing,
// and joins three devices over SSH: the chair's computer and two room
// screens.
func sharedMeeting(tb testing.TB) (*Model, []*sshDevice) {
	tb.Helper()
	db := openTestDB(tb)
	p := model.DemoChild(fixedNow)
	for i := range p.Draft.Meeting.Participants {
		p.Draft.Meeting.Participants[i].Attendance = model.AttendRoom
	}
	if err := db.Create(context.Background(), p); err != nil {
		tb.Fatal(err)
	}
	m := newTestModel(tb, db, model.Swedish, 120, 40)
	send(m, home.OpenPlanMsg{ID: p.ID})
	press(m, "ctrl+n") // the introductions, a round: the chair's screen lists the names
	inEdit(m, func() { m.meeting.GoSection(model.SectionParticipants) })
	ls := m.meeting.Sections[model.SectionParticipants].(*meeting.ListSection)
	ls.Form, ls.Cursor = nil, 0
	press(m, "enter") // the first participant, the name in front
	ag := testAgenda(tb)
	srv, err := share.Start(share.Options{Listen: "127.0.0.1:0", HostKey: filepath.Join(tb.TempDir(), share.HostKeyName),
		NewModel: func(c share.Client) (tea.Model, func()) {
			v := m.session.Attach()
			return NewRemote(RemoteOptions{Lang: model.Swedish, Chair: c.Role == share.RoleChair, View: v, Agenda: ag}), v.Detach
		}})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = srv.Close() })
	var devs []*sshDevice
	for _, role := range []share.Role{share.RoleChair, share.RoleRoom, share.RoleRoom} {
		c, err := gossh.Dial("tcp", srv.Addr().String(), &gossh.ClientConfig{User: string(role),
			Auth: []gossh.AuthMethod{gossh.Password(srv.Code(role))}, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { c.Close() })
		s, err := c.NewSession()
		if err != nil {
			tb.Fatal(err)
		}
		d := &sshDevice{hit: make(chan struct{}, 1)}
		s.Stdout = d
		if err := s.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
			tb.Fatal(err)
		}
		if err := s.Shell(); err != nil {
			tb.Fatal(err)
		}
		d.waitFor(tb, 0, "Elias")
		devs = append(devs, d)
	}
	return m, devs
}

// keystrokes types n keys at the end of the first participant's name on
// the secretary's screen, each a letter the screens show nowhere else,
// and gives how long each took to show on every device. Every eight keys
// they are taken back with backspace, untimed, so that the name never
// outgrows its line. The next eight use other letters (Q and Z, then W
// and X), so that a letter typed is never in the cell already: a screen
// that skipped drawing the backspaces still has to draw it.
func keystrokes(tb testing.TB, m *Model, devs []*sshDevice, n int) []time.Duration {
	tb.Helper()
	sets := [][]string{{"Q", "Z"}, {"W", "X"}}
	out := make([]time.Duration, 0, n)
	typed, round := 0, 0
	for i := range n {
		if typed == 8 {
			b, bench := tb.(*testing.B)
			if bench {
				b.StopTimer()
			}
			for range typed {
				send(m, kp("backspace"))
			}
			typed = 0
			round++
			time.Sleep(100 * time.Millisecond) // the screens settle
			if bench {
				b.StartTimer()
			}
		}
		k := sets[round%2][i%2]
		offs := make([]int, len(devs))
		for j, d := range devs {
			offs[j] = d.mark()
		}
		start := time.Now()
		send(m, kp(k))
		for j, d := range devs {
			d.waitFor(tb, offs[j], k)
		}
		out = append(out, time.Since(start))
		typed++
	}
	return out
}

func percentile(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

// BenchmarkShareKeystrokeToDevices is the time from a key the secretary
// types until three devices joined over SSH on loopback (the chair's and
// two room screens) show it, through the real screens: the secretary's
// Model, the session, each device's program and its SSH connection. The
// issue asks p95 ≤ 100 ms.
func BenchmarkShareKeystrokeToDevices(b *testing.B) {
	m, devs := sharedMeeting(b)
	keystrokes(b, m, devs, 4) // the first frames settle
	b.ResetTimer()
	ds := keystrokes(b, m, devs, b.N)
	b.StopTimer()
	b.ReportMetric(float64(percentile(ds, 50).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(percentile(ds, 95).Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(percentile(ds, 95).Microseconds())/1000/100, "p95/target")
}

// TestShareKeystrokeToDevices: forty keys typed on the secretary's screen
// each reach all three devices; the 95th percentile stays under a second
// even on a loaded machine under -race (the benchmark measures the 100 ms
// the issue asks).
func TestShareKeystrokeToDevices(t *testing.T) {
	m, devs := sharedMeeting(t)
	ds := keystrokes(t, m, devs, 40)
	t.Logf("keystroke to 3 devices: p50 %v, p95 %v", percentile(ds, 50), percentile(ds, 95))
	if p := percentile(ds, 95); p > time.Second {
		t.Errorf("p95 %v", p)
	}
	if got := livePlan(m).Draft.Meeting.Participants[0].Name; got != "Elias NyströmQZQZQZQZ" { // five rounds of eight
		t.Errorf("the name typed is %q", got)
	}
}

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
// and gives how long each took to show on the chair's device (devs[0]),
// which shows typing as it comes. The room's screens (the others) never
// show a field while it is typed (roomhold.go): after eight keys the
// secretary leaves the row (esc), and settles holds how long the eight
// letters then took to show on every room screen. Before that, no room
// screen may have shown one of them. The row is then opened again and
// the letters taken back with backspace, untimed, so that the name never
// outgrows its line; the next eight use other letters (Q and Z, then W
// and X), so that a letter typed is never in the cell already.
func keystrokes(tb testing.TB, m *Model, devs []*sshDevice, n int) (keys, settles []time.Duration) {
	tb.Helper()
	sets := [][]string{{"Q", "Z"}, {"W", "X"}}
	chair, rooms := devs[0], devs[1:]
	keys = make([]time.Duration, 0, n)
	typed, round := 0, 0
	roundAt := make([]int, len(rooms))
	mark := func() {
		for j, d := range rooms {
			roundAt[j] = d.mark()
		}
	}
	mark()
	for i := range n {
		if typed == 8 {
			b, bench := tb.(*testing.B)
			set := sets[round%2]
			for j, d := range rooms {
				if d.has(roundAt[j], set[0]) || d.has(roundAt[j], set[1]) {
					tb.Fatalf("room screen %d showed a letter while the name was typed", j+1)
				}
			}
			start := time.Now()
			send(m, kp("esc")) // the row is left: the rooms read it
			for j, d := range rooms {
				d.waitFor(tb, roundAt[j], strings.Repeat(set[0]+set[1], 4))
			}
			settles = append(settles, time.Since(start))
			if bench {
				b.StopTimer()
			}
			send(m, kp("enter"))
			for range typed {
				send(m, kp("backspace"))
			}
			typed = 0
			round++
			time.Sleep(100 * time.Millisecond) // the screens settle
			mark()
			if bench {
				b.StartTimer()
			}
		}
		k := sets[round%2][i%2]
		off := chair.mark()
		start := time.Now()
		send(m, kp(k))
		chair.waitFor(tb, off, k)
		keys = append(keys, time.Since(start))
		typed++
	}
	return keys, settles
}

func percentile(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

// BenchmarkShareKeystrokeToDevices is the time from a key the secretary
// types until the chair's device, joined over SSH on loopback with two
// room screens, shows it, through the real screens: the secretary's
// Model, the session, each device's program and its SSH connection. The
// issue asks p95 ≤ 100 ms. The room's screens show a field only once it
// is left (roomhold.go): settle-p95-ms is the time from leaving it until
// both show it.
func BenchmarkShareKeystrokeToDevices(b *testing.B) {
	m, devs := sharedMeeting(b)
	keystrokes(b, m, devs, 4) // the first frames settle
	b.ResetTimer()
	ds, settles := keystrokes(b, m, devs, b.N)
	b.StopTimer()
	b.ReportMetric(float64(percentile(ds, 50).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(percentile(ds, 95).Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(percentile(ds, 95).Microseconds())/1000/100, "p95/target")
	if len(settles) > 0 {
		b.ReportMetric(float64(percentile(settles, 95).Microseconds())/1000, "settle-p95-ms")
	}
}

// TestShareKeystrokeToDevices: forty keys typed on the secretary's screen
// each reach the chair's device, and no room screen until the row is
// left, when they reach both; the 95th percentiles stay under a second
// even on a loaded machine under -race (the benchmark measures the 100 ms
// the issue asks).
func TestShareKeystrokeToDevices(t *testing.T) {
	m, devs := sharedMeeting(t)
	ds, settles := keystrokes(t, m, devs, 40)
	t.Logf("keystroke to the chair: p50 %v, p95 %v; row left to 2 rooms: p95 %v", percentile(ds, 50), percentile(ds, 95), percentile(settles, 95))
	if p := percentile(ds, 95); p > time.Second {
		t.Errorf("p95 %v", p)
	}
	if len(settles) != 4 {
		t.Errorf("%d rows left, want 4", len(settles))
	} else if p := percentile(settles, 95); p > time.Second {
		t.Errorf("settle p95 %v", p)
	}
	if got := livePlan(m).Draft.Meeting.Participants[0].Name; got != "Elias NyströmQZQZQZQZ" { // five rounds of eight
		t.Errorf("the name typed is %q", got)
	}
}

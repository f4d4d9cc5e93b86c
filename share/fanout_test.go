package share_test

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

	"github.com/sipmote/sipmote/checklists"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/share"
	"github.com/sipmote/sipmote/ui"
)

// meeting is a shared meeting as the program runs it: a service, a
// session on the demo child's plan with everyone present, the secretary's
// view of it, and the share with the real chair's and room's programs.
type meeting struct {
	svc  *service.Service
	sess *service.Session
	host *service.View
	srv  *share.Server
	plan string
}

func agenda(t testing.TB) func(model.AgeGroup) []ui.Step {
	set, probs := checklists.Load("")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return func(v model.AgeGroup) []ui.Step {
		var out []ui.Step
		for _, s := range set.AgendaFor(v) {
			out = append(out, ui.Step{ID: s.ID, Part: s.Part, Share: s.Share, Prompt: s.Prompt, Title: s.Title,
				Section: s.Section, Round: s.Round, Complete: s.Complete})
		}
		return out
	}
}

func openMeeting(t testing.TB) *meeting {
	t.Helper()
	dir := t.TempDir()
	svc, err := service.Open(filepath.Join(dir, "sip.db"), service.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := model.DemoChild(time.Now())
	for i := range p.Draft.Meeting.Participants {
		p.Draft.Meeting.Participants[i].Attendance = model.AttendRoom
	}
	p.Draft.Consent.NotRaise = []string{"pappans nya sambo"}
	ag := agenda(t)
	// The meeting is at the introductions, a round: the chair's screen
	// lists who speaks, the room's who is here.
	for _, st := range ag(p.Variant) {
		if st.Round {
			p.Position.Step = st.ID
			break
		}
	}
	sess, err := svc.CreateSession(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := share.Start(share.Options{Listen: "127.0.0.1:0", HostKey: filepath.Join(dir, share.HostKeyName),
		NewModel: func(c share.Client) (tea.Model, func()) {
			v := sess.Attach()
			return ui.NewRemote(ui.RemoteOptions{Lang: model.Swedish, Chair: c.Role == share.RoleChair, View: v, Agenda: ag}), v.Detach
		},
		Trail: func(kind string, c share.Client) {
			if kind == "left" {
				sess.DeviceLeft(string(c.Role), c.Addr, "")
				return
			}
			sess.DeviceJoined(string(c.Role), c.Addr, "")
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	m := &meeting{svc: svc, sess: sess, host: sess.Attach(), srv: srv, plan: p.ID}
	t.Cleanup(func() {
		_ = srv.Close()
		_ = sess.Close()
		_ = svc.Close()
	})
	return m
}

// device is one joined ssh client with everything its screen received.
type device struct {
	c   *gossh.Client
	in  interface{ Write([]byte) (int, error) }
	mu  sync.Mutex
	out bytes.Buffer
	hit chan struct{}
}

func (d *device) Write(p []byte) (int, error) {
	d.mu.Lock()
	d.out.Write(p)
	d.mu.Unlock()
	select {
	case d.hit <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (d *device) mark() int { d.mu.Lock(); defer d.mu.Unlock(); return d.out.Len() }

func (d *device) since(off int) string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.out.String()[off:]
}

// waitFor waits until the screen received want after offset off.
func (d *device) waitFor(t testing.TB, off int, want string, timeout time.Duration) {
	t.Helper()
	deadline := time.After(timeout)
	for !strings.Contains(d.since(off), want) {
		select {
		case <-d.hit:
		case <-deadline:
			t.Fatalf("never saw %q; got %q", want, d.since(off))
		}
	}
}

func join(t testing.TB, m *meeting, role share.Role) *device {
	t.Helper()
	c, err := gossh.Dial("tcp", m.srv.Addr().String(), &gossh.ClientConfig{User: string(role),
		Auth: []gossh.AuthMethod{gossh.Password(m.srv.Code(role))}, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	d := &device{c: c, hit: make(chan struct{}, 1)}
	s.Stdout = d
	in, _ := s.StdinPipe()
	d.in = in
	if err := s.RequestPty("xterm-256color", 60, 140, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	want := "Nu pratar vi om"
	if role == share.RoleChair {
		want = "Bara för dig"
	}
	d.waitFor(t, 0, want, 10*time.Second)
	return d
}

// tokens alternate, and differ from each other in every letter, so that
// a screen that redraws only the cells that changed still writes a whole
// token.
var tokens = []string{"abcdefgh", "stuvwxyz"}

// rename is one change by the secretary that every view shows: the name
// of the first participant, in the chair's round and the room's list.
func rename(m *meeting, name string) {
	m.host.Edit(func(p *model.Plan) {
		p.Draft.Meeting.Participants[0].Name = name
		m.host.Changed("participants")
	})
}

// fanout makes one change and waits until all devices show it.
func fanout(t testing.TB, m *meeting, devs []*device, i int) time.Duration {
	tok := tokens[i%2]
	offs := make([]int, len(devs))
	for j, d := range devs {
		offs[j] = d.mark()
	}
	start := time.Now()
	rename(m, tok)
	for j, d := range devs {
		d.waitFor(t, offs[j], tok, 10*time.Second)
	}
	return time.Since(start)
}

func threeDevices(t testing.TB) (*meeting, []*device) {
	m := openMeeting(t)
	devs := []*device{join(t, m, share.RoleChair), join(t, m, share.RoleRoom), join(t, m, share.RoleRoom)}
	// One change to settle the first frames.
	fanout(t, m, devs, 1)
	return m, devs
}

// BenchmarkShareFanout3 is the time from a change by the secretary until
// three devices joined over SSH on loopback (one chair, two rooms) have it
// on their screens.
func BenchmarkShareFanout3(b *testing.B) {
	m, devs := threeDevices(b)
	b.ResetTimer()
	for i := range b.N {
		fanout(b, m, devs, i)
	}
}

// TestShareFanout3 makes twenty changes with three devices joined and
// checks that each reaches all of them in well under a second (the issue
// asks for 100 ms, which BenchmarkShareFanout3 measures; this bound holds
// on a loaded machine under -race too).
func TestShareFanout3(t *testing.T) {
	m, devs := threeDevices(t)
	var ds []time.Duration
	for i := range 20 {
		ds = append(ds, fanout(t, m, devs, i))
	}
	slices.Sort(ds)
	t.Logf("fan-out to 3 devices: median %v, slowest %v", ds[len(ds)/2], ds[len(ds)-1])
	if ds[len(ds)/2] > time.Second {
		t.Errorf("median fan-out %v", ds[len(ds)/2])
	}
}

// TestShareThreeDevicesTyping: the secretary types while the chair moves
// the agenda and ticks speakers and the room presses keys; afterwards
// everything typed is on disk, the chair's changes are in the plan, and
// the room's keys changed nothing.
func TestShareThreeDevicesTyping(t *testing.T) {
	m, devs := threeDevices(t)
	chair, rooms := devs[0], devs[1:]
	var wg sync.WaitGroup
	wg.Add(1 + len(rooms))
	go func() {
		defer wg.Done()
		// A view of its own: a view is used from one goroutine.
		probe := m.sess.Attach()
		defer probe.Detach()
		for range 10 {
			var before string
			probe.Read(func(p *model.Plan) { before = p.Position.Step })
			_, _ = chair.in.Write([]byte("\x1b[C")) // →: the next step
			// The step moves through the session in a command; a person
			// ticks a speaker after seeing the new step, so the test waits
			// for it too (under -race the move can take longer than the
			// next key).
			for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); {
				var now string
				probe.Read(func(p *model.Plan) { now = p.Position.Step })
				if now != before {
					break
				}
				time.Sleep(2 * time.Millisecond)
			}
			_, _ = chair.in.Write([]byte(" ")) // tick a speaker
			time.Sleep(5 * time.Millisecond)
		}
	}()
	for _, r := range rooms {
		go func() {
			defer wg.Done()
			for range 20 {
				_, _ = r.in.Write([]byte("d x \x1b[C\x1b[Bn")) // what would write in the chair's view
				time.Sleep(3 * time.Millisecond)
			}
		}()
	}
	typed := ""
	for i := range 200 {
		c := string(rune('a' + i%26))
		typed += c
		m.host.Edit(func(p *model.Plan) {
			p.Draft.Content.Situation += c
			m.host.Changed("situation")
		})
	}
	wg.Wait()
	var step string
	m.host.Read(func(p *model.Plan) { step = p.Position.Step })
	// Back at the introductions, a round, every screen lists the people:
	// a new name shows on all of them.
	m.host.Edit(func(p *model.Plan) {
		for _, st := range agenda(t)(p.Variant) {
			if st.Round {
				m.host.MoveStep(st.ID)
				break
			}
		}
	})
	off := rooms[0].mark()
	rename(m, "ghjkmnpq")
	for _, d := range devs {
		d.waitFor(t, 0, "ghjkmnpq", 10*time.Second)
	}
	_ = off
	var spoke int
	m.host.Edit(func(p *model.Plan) {
		m.host.MoveStep(step) // where the chair left it
		for _, ids := range p.Draft.Rounds {
			spoke += len(ids)
		}
		m.host.Tick()
	})
	if err := m.sess.Flush(); err != nil {
		t.Fatal(err)
	}
	p, err := m.svc.Load(context.Background(), m.plan)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(p.Draft.Content.Situation, typed) {
		t.Errorf("typed text lost: ends %q", p.Draft.Content.Situation[max(0, len(p.Draft.Content.Situation)-30):])
	}
	if p.Position.Step != step || step == "" {
		t.Errorf("step on disk %q, in memory %q", p.Position.Step, step)
	}
	// The chair went ten steps on (from introductions) and ticked at most
	// one speaker per press; the rooms' "d", "x", space and → did nothing.
	if spoke == 0 || spoke > 10 {
		t.Errorf("%d speakers ticked", spoke)
	}
	for id, st := range p.Draft.Agenda {
		if st.Done {
			t.Errorf("step %s marked done, but only the rooms pressed d", id)
		}
	}
}

// TestRoomNeverWrites: a room's keys, whatever they are, change nothing.
func TestRoomNeverWrites(t *testing.T) {
	m := openMeeting(t)
	var before uint64
	m.host.Read(func(*model.Plan) { before = m.host.Rev() })
	r := join(t, m, share.RoleRoom)
	for _, k := range []string{"d", "x", " ", "\r", "\x1b[C", "\x1b[D", "n", "p", "\x0b", "\x0e", "\x12", "abc", "\x1b[B"} {
		_, _ = r.in.Write([]byte(k))
	}
	// A change by the secretary after the keys shows they were all read.
	off := r.mark()
	rename(m, tokens[0])
	r.waitFor(t, off, tokens[0], 10*time.Second)
	var after uint64
	m.host.Read(func(*model.Plan) { after = m.host.Rev() })
	if after != before+1 {
		t.Errorf("revision %d → %d: the room changed the plan", before, after)
	}
}

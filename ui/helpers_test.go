package ui

import (
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/checklists"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/screens/meeting"
	"github.com/sipmote/sipmote/ui/screens/room"
)

// fixedNow is the clock of every screen test, so views are reproducible.
var fixedNow = time.Date(2026, 11, 25, 13, 0, 0, 0, time.Local)

func openTestDB(t testing.TB) *service.Service {
	return openTestService(t, service.Options{})
}

// openTestService opens a real database in a temporary folder, with the
// screens' fixed clock.
func openTestService(t testing.TB, o service.Options) *service.Service {
	t.Helper()
	o.Now = func() time.Time { return fixedNow }
	if o.RecoveryDirs == nil {
		// Out of the machine's shared folders (/dev/shm, /tmp), where a
		// file of another run would put its offer before every screen.
		o.RecoveryDirs = []string{filepath.Join(t.TempDir(), "recovery")}
	}
	svc, err := service.Open(filepath.Join(t.TempDir(), "sip.db"), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	return svc
}

// testAgenda is the real default agenda from the checklists.
func testAgenda(t testing.TB) func(model.AgeGroup) []room.Step {
	set, probs := checklists.Load("")
	if len(probs) > 0 {
		t.Fatalf("default checklists: %v", probs)
	}
	return func(v model.AgeGroup) []room.Step {
		var out []room.Step
		for _, s := range set.AgendaFor(v) {
			out = append(out, room.Step{ID: s.ID, Part: s.Part,
				PartTxt: model.Text{SV: checklists.PartLabel(s.Part, model.Swedish), EN: checklists.PartLabel(s.Part, model.English)},
				Share:   s.Share, Prompt: s.Prompt, Title: s.Title, Section: s.Section, Round: s.Round, Complete: s.Complete})
		}
		return out
	}
}

func newTestModel(t testing.TB, db *service.Service, l model.Lang, w, h int) *Model {
	t.Helper()
	set, _ := checklists.Load("")
	m := New(Options{Service: db, Lang: l, Now: func() time.Time { return fixedNow }, Agenda: testAgenda(t), QuickWords: set.QuickWords})
	send(m, tea.WindowSizeMsg{Width: w, Height: h})
	send(m, firstFrameMsg{})
	t.Cleanup(func() { _ = m.Close() })
	return m
}

// send delivers a message and runs the commands it returns that answer at
// once (screen changes), leaving timers and blocking waits alone.
func send(m *Model, msg tea.Msg) {
	drainPending(m)
	base := m.running.Load()
	_, cmd := m.Update(msg)
	runCmd(m, cmd, 0, base)
}

func runCmd(m *Model, cmd tea.Cmd, depth int, base int32) {
	if cmd == nil || depth > 5 {
		return
	}
	done := make(chan tea.Msg, 1)
	gid := make(chan uint64, 1)
	go func() {
		gid <- goroutineID()
		done <- cmd()
	}()
	if msg, ok := awaitCmd(m, done, <-gid, base); ok {
		deliver(m, msg, depth, base)
		return
	}
	// A wait on the session or a timer: not part of this step. Should it
	// answer later, the answer is delivered before the next message, as the
	// program would.
	pendMu.Lock()
	pendingCmds[m] = append(pendingCmds[m], pendingCmd{done, depth})
	pendMu.Unlock()
}

// deliver hands a command's answer to the model, leaving out the timers
// that the tests call explicitly.
func deliver(m *Model, msg tea.Msg, depth int, base int32) {
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			runCmd(m, c, depth+1, base)
		}
	case meeting.ClockMsg, meeting.SaveTickMsg, meeting.SessionMsg:
		// timers and the session's events: the tests call them explicitly
	default:
		_, next := m.Update(msg)
		runCmd(m, next, depth+1, base)
	}
}

// awaitCmd waits for a command's answer. A command that has not answered in
// 15 ms counts as a wait (on the session, a timer, a subscription) when its
// goroutine is parked on a channel or asleep and no call of the service
// started by this step is running; a call of the service (a save, a load,
// a print: it may wait on the saver's channel) and a command that is still
// running or waiting for a lock or the disk are only slow (a loaded
// machine under -race can take that long to schedule them) and are waited
// for, up to a limit.
func awaitCmd(m *Model, done chan tea.Msg, gid uint64, base int32) (tea.Msg, bool) {
	select {
	case msg := <-done:
		return msg, true
	case <-time.After(15 * time.Millisecond):
	}
	busy := func() bool { return m.running.Load() > base || !parked(gid) }
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && busy(); {
		select {
		case msg := <-done:
			return msg, true
		case <-time.After(2 * time.Millisecond):
		}
	}
	select {
	case msg := <-done:
		return msg, true
	default:
		return nil, false
	}
}

type pendingCmd struct {
	done  chan tea.Msg
	depth int
}

var (
	pendMu      sync.Mutex
	pendingCmds = map[*Model][]pendingCmd{}
)

// drainPending delivers the answers of earlier waits that have come since.
func drainPending(m *Model) {
	pendMu.Lock()
	cmds := pendingCmds[m]
	var still []pendingCmd
	var ready []tea.Msg
	for _, p := range cmds {
		select {
		case msg := <-p.done:
			ready = append(ready, msg)
		default:
			still = append(still, p)
		}
	}
	pendingCmds[m] = still
	pendMu.Unlock()
	for _, msg := range ready {
		deliver(m, msg, 0, m.running.Load())
	}
}

// goroutineID is the id of the calling goroutine, from its stack header.
func goroutineID() uint64 {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	f := strings.Fields(string(buf))
	if len(f) < 2 {
		return 0
	}
	id, _ := strconv.ParseUint(f[1], 10, 64)
	return id
}

// parked tells whether goroutine id waits on a channel, a select, a sleep
// or a condition: something that answers only when another part moves.
func parked(id uint64) bool {
	buf := make([]byte, 1<<20)
	all := string(buf[:runtime.Stack(buf, true)])
	head := "goroutine " + strconv.FormatUint(id, 10) + " ["
	i := strings.Index(all, head)
	if i < 0 {
		return true // gone: it has answered or ended
	}
	state := all[i+len(head):]
	state = state[:strings.IndexByte(state, ']')]
	for _, p := range []string{"chan ", "select", "sleep", "sync.Cond.Wait", "IO wait", "timer"} {
		if strings.HasPrefix(state, p) {
			return true
		}
	}
	return false
}

// livePlan is the plan of the open meeting, for tests to look at.
func livePlan(m *Model) (p *model.Plan) {
	m.view.Read(func(x *model.Plan) { p = x })
	return p
}

// inEdit and inRead run a test's direct call of the meeting screen where
// the root runs its Update and View: inside an Edit or a Read of its view.
func inEdit(m *Model, fn func()) { m.view.Edit(func(*model.Plan) { fn() }) }
func inRead(m *Model, fn func()) { m.view.Read(func(*model.Plan) { fn() }) }

// key makes a key press from its name: "enter", "ctrl+n", "alt+1", "a".
func kp(name string) tea.KeyPressMsg {
	mod := tea.KeyMod(0)
	for {
		switch {
		case strings.HasPrefix(name, "ctrl+"):
			mod |= tea.ModCtrl
			name = strings.TrimPrefix(name, "ctrl+")
			continue
		case strings.HasPrefix(name, "alt+"):
			mod |= tea.ModAlt
			name = strings.TrimPrefix(name, "alt+")
			continue
		case strings.HasPrefix(name, "shift+"):
			mod |= tea.ModShift
			name = strings.TrimPrefix(name, "shift+")
			continue
		}
		break
	}
	codes := map[string]rune{"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEscape, "up": tea.KeyUp,
		"down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight, "space": tea.KeySpace,
		"backspace": tea.KeyBackspace, "delete": tea.KeyDelete, "f1": tea.KeyF1, "f2": tea.KeyF2, "f3": tea.KeyF3, "f4": tea.KeyF4, "f5": tea.KeyF5}
	if c, ok := codes[name]; ok {
		k := tea.KeyPressMsg{Code: c, Mod: mod}
		if c == tea.KeySpace && mod == 0 {
			k.Text = " "
		}
		return k
	}
	r := []rune(name)[0]
	k := tea.KeyPressMsg{Code: r, Mod: mod}
	if mod == 0 || mod == tea.ModShift {
		k.Text = name
	}
	return k
}

func press(m *Model, names ...string) {
	for _, n := range names {
		send(m, kp(n))
	}
}

func typeText(m *Model, s string) {
	for _, r := range s {
		if r == ' ' {
			send(m, kp("space"))
			continue
		}
		send(m, kp(string(r)))
	}
}

func screenText(m *Model) string {
	drainPending(m)
	return ansi.Strip(m.render())
}

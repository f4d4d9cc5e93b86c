package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/checklists"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
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
	svc, err := service.Open(filepath.Join(t.TempDir(), "sip.db"), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	return svc
}

// testAgenda is the real default agenda from the checklists.
func testAgenda(t testing.TB) func(model.AgeGroup) []Step {
	set, probs := checklists.Load("")
	if len(probs) > 0 {
		t.Fatalf("default checklists: %v", probs)
	}
	return func(v model.AgeGroup) []Step {
		var out []Step
		for _, s := range set.AgendaFor(v) {
			out = append(out, Step{ID: s.ID, Part: s.Part,
				PartTxt: model.Text{SV: checklists.PartLabel(s.Part, model.Swedish), EN: checklists.PartLabel(s.Part, model.English)},
				Share:   s.Share, Prompt: s.Prompt, Title: s.Title, Section: s.Section, Round: s.Round, Complete: s.Complete})
		}
		return out
	}
}

func newTestModel(t testing.TB, db *service.Service, l model.Lang, w, h int) *Model {
	t.Helper()
	m := New(Options{Service: db, Lang: l, Now: func() time.Time { return fixedNow }, Agenda: testAgenda(t)})
	send(m, tea.WindowSizeMsg{Width: w, Height: h})
	t.Cleanup(func() { _ = m.Close() })
	return m
}

// send delivers a message and runs the commands it returns that answer at
// once (screen changes), leaving timers and blocking waits alone.
func send(m *Model, msg tea.Msg) {
	base := m.running.Load()
	_, cmd := m.Update(msg)
	runCmd(m, cmd, 0, base)
}

func runCmd(m *Model, cmd tea.Cmd, depth int, base int32) {
	if cmd == nil || depth > 5 {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			for _, c := range msg {
				runCmd(m, c, depth+1, base)
			}
		case clockMsg, saveTickMsg, sessionMsg:
			// timers: the tests call them explicitly
		default:
			_, next := m.Update(msg)
			runCmd(m, next, depth+1, base)
		}
	case <-waitIdle(m, done, base):
		// a wait on the saver or a timer: not part of this step
	}
}

// waitIdle fires once 15 ms have passed with no call of the service
// running beyond the base that ran before the step: a timer or a wait on
// the session is not part of the step, but a save, a load or a print is,
// however long the disk takes.
func waitIdle(m *Model, done chan tea.Msg, base int32) <-chan time.Time {
	out := make(chan time.Time, 1)
	go func() {
		start := time.Now()
		for {
			time.Sleep(time.Millisecond)
			if len(done) > 0 {
				return
			}
			if time.Since(start) > 15*time.Millisecond && m.running.Load() <= base {
				out <- time.Now()
				return
			}
		}
	}()
	return out
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
		"backspace": tea.KeyBackspace, "delete": tea.KeyDelete, "f1": tea.KeyF1}
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

func screenText(m *Model) string { return ansi.Strip(m.render()) }

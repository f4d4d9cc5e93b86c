package ui

import (
	"context"
	"io"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"go.uber.org/goleak"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// watched runs the root in a real Bubble Tea program and tells the test,
// from the program's own goroutine, which screen is in front and how many
// clock ticks came and were taken.
type watched struct {
	*Model
	screens chan screen
	// clocks counts the meeting clock's ticks that reached the root;
	// taken those it gave to the meeting in front.
	clocks, taken atomic.Int64
}

func (w *watched) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if c, ok := msg.(meeting.ClockMsg); ok {
		w.clocks.Add(1)
		if w.owns(c.Owner) {
			w.taken.Add(1)
		}
	}
	before := w.screen
	_, cmd := w.Model.Update(msg)
	if w.screen != before {
		select {
		case w.screens <- w.screen:
		default: // the test has stopped reading; the program goes on
		}
	}
	return w, cmd
}

// waitScreen waits until the program has put s in front.
func (w *watched) waitScreen(t *testing.T, s screen) {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		select {
		case got := <-w.screens:
			if got == s {
				return
			}
		case <-deadline:
			t.Fatalf("screen %d did not come", s)
		}
	}
}

// leftBehind waits up to 10 s for the goroutines that ignore does not
// name to end (a tick's timer runs up to a second after its meeting
// closed), and returns goleak's account of those still there.
func leftBehind(ignore goleak.Option) error {
	var err error
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if err = goleak.Find(ignore); err == nil {
			return nil
		}
	}
	return err
}

// TestNoGoroutineLeftBehind opens, types in and closes 50 meetings in a
// running program. Every meeting's clock, save tick and wait for session
// events must end with it: afterwards the program runs the goroutines it
// ran before the first meeting, and the meeting then open has exactly one
// clock loop (a tick left from a closed meeting, taken by the next one,
// would start a second loop each time). goleak finds the goroutines that
// are left and names where each one waits, which a bare count cannot.
func TestNoGoroutineLeftBehind(t *testing.T) {
	db := openTestDB(t)
	before := goleak.IgnoreCurrent()
	p := model.DemoChild(fixedNow)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	w := &watched{Model: New(Options{Service: db, Lang: model.Swedish, Now: func() time.Time { return fixedNow }, Agenda: testAgenda(t)}),
		screens: make(chan screen, 64)}
	prog := tea.NewProgram(w, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutSignals(), tea.WithoutRenderer(),
		tea.WithWindowSize(100, 30))
	done := make(chan error, 1)
	go func() { _, err := prog.Run(); done <- err }()
	prog.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
	prog.Send(firstFrameMsg{})

	open := func() {
		prog.Send(home.OpenPlanMsg{ID: p.ID})
		w.waitScreen(t, screenMeeting)
	}
	// The first meeting starts what a running program keeps (the
	// service's saver for the file, the program's timers): the count is
	// taken once it is closed again.
	open()
	prog.Send(kp("ctrl+q"))
	w.waitScreen(t, screenHome)
	time.Sleep(1500 * time.Millisecond) // its last ticks come and are dropped
	running := goleak.IgnoreCurrent()

	for i := range 50 {
		open()
		for _, r := range "hej" + string(rune('a'+i%26)) {
			prog.Send(kp(string(r)))
		}
		// Open for a while, as a meeting is: a tick of a meeting closed
		// before comes while this one is in front.
		time.Sleep(120 * time.Millisecond)
		prog.Send(kp("ctrl+q"))
		w.waitScreen(t, screenHome)
	}
	// Each meeting closed leaves at most the one tick its clock had asked
	// for; a tick taken by the next meeting would have asked for another.
	if c, k := w.clocks.Load(), w.taken.Load(); c-k > 51 {
		t.Errorf("%d clock ticks came for meetings already closed, more than the 51 meetings closed had asked for", c-k)
	}

	// The next meeting, opened at once: its clock ticks once a second, and
	// every tick that comes once the last meeting's is dropped is its own.
	open()
	time.Sleep(1500 * time.Millisecond)
	c0, k0 := w.clocks.Load(), w.taken.Load()
	time.Sleep(4 * time.Second)
	clocks, taken := w.clocks.Load()-c0, w.taken.Load()-k0
	// A loaded machine may deliver the last closed meeting's tick late: one
	// that is not the open meeting's is allowed, a second loop is not.
	if taken < 2 || taken > 5 || clocks-taken > 1 {
		t.Errorf("in 4 s with one meeting open %d clock ticks came and %d were its own, want one loop: about 4, all its own", clocks, taken)
	}
	prog.Send(kp("ctrl+q"))
	w.waitScreen(t, screenHome)
	if err := leftBehind(running); err != nil {
		t.Errorf("51 meetings opened and closed left goroutines behind:\n%v", err)
	}

	prog.Quit()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := w.Shutdown(0, nil); err != nil {
		t.Fatal(err)
	}
	if err := leftBehind(before); err != nil {
		t.Errorf("the program left goroutines behind once it ended:\n%v", err)
	}
}

package ui

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/closeplan"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/meeting"
	"github.com/sipmote/sipmote/ui/screens/meeting/checklist"
	"github.com/sipmote/sipmote/ui/screens/newplan"
	"github.com/sipmote/sipmote/ui/screens/recovery"
	"github.com/sipmote/sipmote/ui/screens/room"
	"github.com/sipmote/sipmote/ui/screens/trail"
)

// Options are what the root needs from main: the plan operations over the
// open database and the data that the checklists provide.
type Options struct {
	Service   *service.Service
	Lang      model.Lang
	Now       func() time.Time
	Agenda    func(model.AgeGroup) []room.Step
	OpenCount func(model.Summary) int
	Checklist checklist.Lists
	// QuickWords are the words the participants' quick row knows, from
	// the checklists.
	QuickWords []model.QuickWord
	// EasyRead gives the easy-read page printed first, or nil for none.
	EasyRead func(*model.Plan, *model.Version) *model.EasyRead
	// EasyReadLangs are the languages the easy-read page has words in,
	// so that the new-plan form can say when the one typed has none.
	EasyReadLangs []string
	// OpenPlan opens this plan's meeting at once (sipmote meeting ID).
	OpenPlan string
	// Share shares a meeting over SSH (the meeting's ctrl+o); nil leaves
	// it out. ShareOnOpen shares the meeting OpenPlan opens at once
	// (sipmote serve ID).
	Share       meeting.Sharer
	ShareOnOpen bool
	// Notice is shown on the home screen at start, e.g. which local
	// checklist files were left out.
	Notice string
	// NoColor draws without any colour (the NO_COLOR convention).
	NoColor bool
	// ListAfterStart reads the first list of plans after the first frame
	// instead of in New: the home screen says it is reading them, and keys
	// typed meanwhile are held for it. The program's start uses it, so that
	// a file of many plans does not hold up the first frame.
	ListAfterStart bool
	// DailyCheck checks the whole database file in the background after
	// the first frame, at most once a day, and says on the home screen if
	// that check (or the last one) found something wrong.
	DailyCheck bool
	// MeetingSeenAfter is how long after a meeting is put in front the
	// keys that come are still taken as typed before it could be seen
	// (firstframe.go): they are counted and said, never typed into the
	// plan. The program uses the first frame's wait; 0 takes every key
	// at once.
	MeetingSeenAfter time.Duration
	// DemoCommand is the command line that makes the sample plans, named
	// on an empty home screen; it carries the --db the program was
	// started with. Empty means "sipmote demo".
	DemoCommand string
	// Command makes a command line for a hint on screen ("sipmote rescue
	// NEWFILE") with the --db and --lang the program was started with;
	// nil gives the words alone.
	Command func(words ...string) string
}

type screen int

const (
	screenHome screen = iota
	screenNew
	screenMeeting
	screenAsk
	screenClose
	screenTrail
	screenRecover
	screenSeal
)

// Model is the root: it owns the screens and routes messages to the one in
// front.
type Model struct {
	// ctx is the program's context, passed to every service call the
	// screens make in their tea.Cmds; Shutdown cancels it.
	ctx     context.Context
	cancel  context.CancelFunc
	o       Options
	st      common.Styles
	screen  screen
	home    *home.Model
	newPlan *newplan.Model
	meeting *meeting.Model
	// session is the open meeting's, view the meeting screen's place in it.
	session *service.Session
	view    *service.View
	// leaving are sessions of meetings left whose last save is still
	// running; Close waits for them.
	leaving []*service.Session
	// want is the plan the root is opening; a late answer about another
	// plan is dropped.
	want string
	// initCmd starts the screen New opened (sipmote meeting ID).
	initCmd tea.Cmd
	// held are keys typed while a screen was being opened (typeahead.go);
	// asked is set while a screen's request waits in the queue, trailWant
	// while the trail screen loads.
	held      holdState
	asked     bool
	trailWant string
	// work counts the service calls running in tea.Cmds; Close waits for
	// them, so that a print's trail entry is written before the database
	// closes.
	work    sync.WaitGroup
	running atomic.Int32
	// workMu orders the counting of a call that starts with Shutdown,
	// which sets shut before it waits.
	workMu  sync.Mutex
	shut    bool
	ask     *home.AskModel
	closing *closeplan.Model
	// closeKept is what a close form held when esc left it, by plan id:
	// x on the plan goes on with it (keepCloseForm).
	closeKept map[string]closeplan.Kept
	// recover offers recovery files back at start (recovery.go);
	// afterRecover is the meeting to open once it is done.
	recover      *recovery.Model
	afterRecover string
	// unsaved are the meetings left whose text the database did not
	// take; Shutdown reports them again once the screen is gone.
	unsaved []service.Closed
	trail   *trail.Model
	sealing sealState // app_seal.go
	width   int
	height  int

	// The new-plan form kept on disk (see newplan_save.go).
	formDraft  *newplan.Input
	formAt     time.Time
	formGen    int
	formWrites formDrafts
	// refused counts keys pressed while the window was too small.
	refused int
	// listing is set until the first list of plans has come (see
	// Options.ListAfterStart); keys for the home screen wait for it.
	listing bool
	// listAsked numbers the readings of the list; listShown is the one on
	// the home screen.
	listAsked, listShown uint64
	// framed is set once the first frame has been drawn; early counts
	// the keys that came before it and were ignored (firstframe.go).
	framed bool
	// dueWait names the list whose due items are read once the first
	// frame is out (0: none waits): reading every plan's line for them
	// must not hold up, or compete with, the first frame.
	dueWait uint64
	early   int
	earlyAt time.Time
	// frame is the last frame drawn; keepFrame says the last message
	// changed nothing on screen (a key only gathered), so View gives it
	// again instead of laying out the meeting once per key of a paste.
	frame     *tea.View
	keepFrame bool
}

// New makes the root model.
func New(o Options) *Model {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Agenda == nil {
		o.Agenda = func(model.AgeGroup) []room.Step { return nil }
	}
	m := &Model{o: o, st: common.NewStyles(true, o.NoColor), width: 80, height: 24}
	m.ctx, m.cancel = context.WithCancel(context.Background())
	m.home = home.New(o.Lang, &m.st, o.Now, o.OpenCount)
	m.home.Fetch = m.fetchRows
	m.home.Demo = o.DemoCommand
	if m.home.Demo == "" {
		m.home.Demo = "sipmote demo"
	}
	m.home.Message = o.Notice
	// The first list is read here, before the program starts, so that the
	// first frame shows the plans, unless the program asked for it later;
	// later lists come through reload.
	var listCmd tea.Cmd
	if o.ListAfterStart {
		m.listing, m.home.Loading = true, true
		listCmd = startNow(m.reloadFirst())
	} else {
		listCmd = m.listed(m.list(0))
	}
	m.loadFormDraft()
	if m.offerRecoveries() {
		// What the database did not take last time comes first, even
		// before the meeting asked for.
		m.afterRecover = o.OpenPlan
	} else if ref := o.OpenPlan; ref != "" {
		// Opened here, before the program reads a key, so that the first
		// screen is the meeting: a key typed right after start reaches the
		// field it was typed for, never the home screen.
		m.want = ref
		p, err := o.Service.LoadForMeeting(m.ctx, ref)
		_, m.initCmd = m.Update(planLoadedMsg{ref, p, err})
	}
	m.initCmd = tea.Batch(listCmd, m.initCmd)
	if o.DailyCheck {
		m.initCmd = tea.Batch(m.initCmd, m.startChecks())
	}
	return m
}

// startNow runs cmd at once on a goroutine of its own, and returns a
// command that gives its message. The first list is read this way: it
// starts while Bubble Tea sets up the terminal (about 2 ms) instead of
// after, which is that much sooner on the first frame.
func startNow(cmd tea.Cmd) tea.Cmd {
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	return func() tea.Msg { return <-done }
}

// io makes fn, a call of the service, a tea.Cmd that Close waits for once
// it has started.
func (m *Model) io(fn func() tea.Msg) tea.Cmd {
	return func() tea.Msg {
		if !m.startWork() {
			return nil // the program has ended: the database is closing
		}
		defer m.endWork()
		return fn()
	}
}

// startWork counts a service call that is starting, unless Shutdown has
// begun. The count and Shutdown's wait take the same lock, so no call is
// counted once the wait has begun (a WaitGroup's Add racing its Wait). The
// count is not taken when the command is made: a command the program never
// runs, because it ended first, would hold Shutdown for ever.
func (m *Model) startWork() bool {
	m.workMu.Lock()
	defer m.workMu.Unlock()
	if m.shut {
		return false
	}
	m.work.Add(1)
	m.running.Add(1)
	return true
}

func (m *Model) endWork() {
	m.running.Add(-1)
	m.work.Done()
}

// Init asks the terminal for its background colour, so that the colours
// suit a light or a dark screen, and starts the screen New opened: the
// meeting's clocks and saving for sipmote meeting ID. Keys count from the
// first frame on (firstframe.go).
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, firstFrame(), m.initCmd)
}

// Close saves and closes the open meeting and any meeting left whose last
// save is still running, with no time to retry (see Shutdown); it returns
// the first save that failed.
func (m *Model) Close() error {
	closed, err := m.Shutdown(0, nil)
	for _, c := range closed {
		if e := c.Err(); e != nil && err == nil {
			err = e
		}
	}
	return err
}

// MinWidth and MinHeight are the smallest window the screens can be used
// in; below them the screen says so instead of drawing a broken layout.
const (
	MinWidth  = 60
	MinHeight = 16
)

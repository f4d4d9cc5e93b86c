package ui

import (
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
	Checklist meeting.Checklist
	// EasyRead gives the easy-read page printed first, or nil for none.
	EasyRead func(*model.Plan, *model.Version) *model.EasyRead
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
	// DemoCommand is the command line that makes the sample plans, named
	// on an empty home screen; it carries the --db the program was
	// started with. Empty means "sipmote demo".
	DemoCommand string
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
	m.home = home.New(o.Lang, &m.st, o.Now, o.OpenCount)
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
		listCmd = m.reload()
	} else {
		m.listed(m.list(0))
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
		p, err := o.Service.LoadForMeeting(ref)
		_, m.initCmd = m.Update(planLoadedMsg{ref, p, err})
	}
	m.initCmd = tea.Batch(listCmd, m.initCmd)
	if o.DailyCheck {
		m.initCmd = tea.Batch(m.initCmd, m.startChecks())
	}
	return m
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
// meeting's clocks and saving for sipmote meeting ID.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.initCmd)
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

// Messages of the root's own work, done in tea.Cmds. Each names the plan
// it is about, so that an answer that comes after the user has moved on is
// dropped rather than shown on the wrong plan.
type (
	// planLoadedMsg answers openPlanMsg.
	planLoadedMsg struct {
		ref  string
		plan *model.Plan
		err  error
	}
	// sessionOpenedMsg answers a request to open a meeting on plan.
	sessionOpenedMsg struct {
		plan string
		sess *service.Session
		err  error
	}
	// toldSavedMsg answers the save of who has been told of a closing.
	toldSavedMsg struct {
		id  string
		err error
	}
	// closeLoadedMsg answers closePlanMsg.
	closeLoadedMsg struct {
		id   string
		plan *model.Plan
		err  error
	}
	// planClosedMsg answers closeRequestMsg.
	planClosedMsg struct {
		id   string
		plan *model.Plan
		err  error
	}
	// meetingLeftMsg says the last save of a meeting left has ended,
	// and where its text is.
	meetingLeftMsg struct {
		session uint64
		closed  service.Closed
	}
	homePrintedMsg struct {
		id    string
		where string
		err   error
	}
)

// route sends a message to the root's handlers or the screen in front;
// Update (typeahead.go) holds keys meant for a screen still opening.
func (m *Model) route(msg tea.Msg) (tea.Model, tea.Cmd) {
	if o, ok := msg.(common.Owned); ok && !m.owns(o.OwnedBy()) {
		// A tick or an answer of a meeting screen that is no longer in
		// front: dropped, which also ends that screen's tick loops.
		return m, nil
	}
	if cmd, ok := m.updateTrail(msg); ok {
		return m, cmd
	}
	if cmd, ok := m.updateSeal(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		// The styles are shared by pointer, so every screen follows;
		// what was drawn and kept is drawn again.
		if msg.IsDark() != m.st.Dark {
			m.st = common.NewStyles(msg.IsDark(), m.o.NoColor)
			m.home.Filter.SetStyles(m.st.Input)
			if m.meeting != nil {
				m.meeting.Restyle()
			}
		}
		return m, nil
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		m.tellRefused()
		if m.meeting != nil && m.screen == screenMeeting {
			if pv, ok := m.meeting.Over.(*meeting.PreviewOverlay); ok {
				// Render the preview again for the new width.
				p, _ := m.session.Snapshot()
				return m, pv.Resize(m.width, m.height-1, p)
			}
		}
		return m, nil
	case tea.KeyPressMsg, tea.PasteMsg:
		if m.tooSmall() {
			// Nothing can be seen, so nothing is typed: a key now would
			// land in a field the secretary cannot see. It is refused
			// visibly, never silently.
			m.refuseKey()
			return m, nil
		}
	}
	if cmd, ok := m.updateForm(msg); ok {
		return m, cmd
	}
	if cmd, ok := m.updateRecover(msg); ok {
		return m, cmd
	}
	if cmd, ok := m.rootUpdate(msg); ok {
		return m, cmd
	}
	switch m.screen {
	case screenTrail:
		return m, m.trail.Update(msg)
	case screenSeal:
		return m, m.sealing.to.Update(msg)
	case screenNew:
		return m, m.newPlan.Update(msg)
	case screenMeeting:
		return m, m.meetingUpdate(msg)
	case screenAsk:
		return m, m.ask.Update(msg)
	case screenClose:
		return m, m.closing.Update(msg)
	}
	return m, m.home.Update(msg)
}

// owns tells whether an asynchronous message's owner is the meeting screen
// that is open now: its session and its generation.
func (m *Model) owns(o common.Owner) bool {
	return m.meeting != nil && m.session != nil && o == m.meeting.Owner()
}

// meetingUpdate hands a message to the meeting screen inside an edit of
// its session, where it may change the plan.
func (m *Model) meetingUpdate(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.view.Edit(func(*model.Plan) { cmd = m.meeting.Update(msg) })
	return cmd
}

// rootUpdate handles the messages that move between screens.
func (m *Model) rootUpdate(msg tea.Msg) (tea.Cmd, bool) {
	svc, l := m.o.Service, m.o.Lang
	switch msg := msg.(type) {
	case home.QuitMsg:
		return tea.Quit, true
	case home.NewPlanMsg:
		return m.startForm(), true
	case common.CancelMsg:
		m.want = ""
		if m.screen == screenNew {
			return m.leaveForm(), true
		}
		m.screen = screenHome
		return nil, true
	case newplan.CreatedPlanMsg:
		p := msg.Plan
		m.want = p.ID
		return m.io(func() tea.Msg {
			s, err := svc.CreateSession(p)
			return sessionOpenedMsg{p.ID, s, err}
		}), true
	case home.OpenPlanMsg:
		ref := msg.ID
		m.want = ref
		return m.io(func() tea.Msg {
			// Recorded as opened before it is shown; refused if the
			// trail will not take it.
			p, err := svc.LoadToShow(ref)
			return planLoadedMsg{ref, p, err}
		}), true
	case planLoadedMsg:
		if msg.ref != m.want {
			return nil, true
		}
		m.want = ""
		p := msg.plan
		switch {
		case msg.err != nil:
			m.home.Message = common.ErrText(l, msg.err)
		case p.ContentHidden():
			m.home.Message = model.T(l,
				"Samtycket är återkallat. Planens innehåll visas inte; den finns kvar och kan skrivas ut med sipmote print.",
				"The consent was withdrawn. The plan's content is not shown; it is kept and can be printed with sipmote print.")
		case p.Draft == nil && p.Status == model.StatusActive:
			m.ask = home.NewAsk(l, &m.st, p)
			m.ask.SetSize(m.width, m.height)
			m.screen = screenAsk
		default:
			return m.openSession(svc.SessionOn(p)), true
		}
		return nil, true
	case sessionOpenedMsg:
		if msg.plan != m.want {
			if msg.sess != nil {
				m.leaving = append(m.leaving, msg.sess)
				return m.leave(msg.sess, nil), true
			}
			return nil, true
		}
		m.want = ""
		if msg.err != nil {
			if m.screen == screenNew {
				m.newPlan.Err = common.ErrText(l, msg.err)
			} else {
				m.home.Message = common.ErrText(l, msg.err)
			}
			return nil, true
		}
		if m.screen == screenNew {
			// The form is a plan now: it is no longer kept as a form.
			m.newPlan.Dirty = false
			return tea.Batch(m.clearForm(), m.openSession(msg.sess)), true
		}
		return m.openSession(msg.sess), true
	case home.AskResultMsg:
		m.screen = screenHome
		p := msg.Plan
		switch msg.Choice {
		case "":
			return nil, true
		case "print":
			m.home.Message = model.T(l, "Skriver ut…", "Printing…")
			return m.io(func() tea.Msg {
				res, err := svc.Print(p, p.Latest(), m.printOptions(p, p.Latest()))
				return homePrintedMsg{p.ID, service.PrintedLine(l, res), err}
			}), true
		case "followup":
			m.want = p.ID
			return m.io(func() tea.Msg {
				s, err := svc.FollowUpSession(p.ID)
				return sessionOpenedMsg{p.ID, s, err}
			}), true
		}
		return m.openSession(svc.SessionOn(p)), true
	case home.ClosePlanMsg:
		id := msg.ID
		m.want = id
		return m.io(func() tea.Msg {
			p, err := svc.Load(id)
			return closeLoadedMsg{id, p, err}
		}), true
	case closeLoadedMsg:
		if msg.id != m.want {
			return nil, true
		}
		m.want = ""
		if msg.err != nil {
			m.home.Message = common.ErrText(l, msg.err)
			return nil, true
		}
		m.closing = closeplan.New(l, &m.st, msg.plan, m.o.Now)
		m.resize()
		m.screen = screenClose
		return m.closing.Form.FocusField(0, -1), true
	case closeplan.CloseRequestMsg:
		id, c := msg.ID, msg.Closure
		return m.io(func() tea.Msg {
			p, err := svc.ClosePlan(id, c)
			return planClosedMsg{id, p, err}
		}), true
	case planClosedMsg:
		if m.screen == screenClose && m.closing != nil && m.closing.Plan.ID == msg.id {
			m.closing.Closed(msg.plan, msg.err)
		}
		return m.reload(), true
	case closeplan.ClosedPlanMsg:
		m.screen = screenHome
		if p := msg.Plan; p != nil {
			// Who has been told changed: the one change a closed plan keeps.
			return m.io(func() tea.Msg { return toldSavedMsg{p.ID, svc.SaveTold(p)} }), true
		}
		return m.reload(), true
	case toldSavedMsg:
		if msg.err != nil {
			m.home.Message = model.T(l, "Bockarna för vilka som har fått veta kunde inte sparas: ", "The ticks of who has been told could not be saved: ") + common.ErrText(l, msg.err)
		}
		return m.reload(), true
	case homePrintedMsg:
		if msg.err != nil {
			m.home.Message = model.T(l, "Utskriften misslyckades: ", "Printing failed: ") + common.ErrText(l, msg.err)
		} else {
			m.home.Message = msg.where
		}
		return nil, true
	case meeting.CloseMeetingMsg:
		s, sh := m.session, m.takeSharing()
		m.view.Detach()
		m.session, m.view, m.meeting = nil, nil, nil
		m.screen = screenHome
		if s == nil {
			return nil, true
		}
		m.leaving = append(m.leaving, s)
		return m.leave(s, sh), true
	case meetingLeftMsg:
		for i, s := range m.leaving {
			if s.ID() == msg.session {
				m.leaving = append(m.leaving[:i], m.leaving[i+1:]...)
				break
			}
		}
		m.noteLeft(msg.closed)
		return m.reload(), true
	case listMsg:
		m.listed(msg)
		return nil, true
	}
	return m.checkUpdate(msg)
}

// MinWidth and MinHeight are the smallest window the screens can be used
// in; below them the screen says so instead of drawing a broken layout.
const (
	MinWidth  = 60
	MinHeight = 16
)

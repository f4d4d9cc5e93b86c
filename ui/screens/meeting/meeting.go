// Package meeting is the meeting screen: the chair's agenda beside the
// secretary's plan, its sections, overlays, printing and sharing.
package meeting

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
	"github.com/sipmote/sipmote/ui/screens/meeting/checklist"
	"github.com/sipmote/sipmote/ui/screens/meeting/planfields"
	"github.com/sipmote/sipmote/ui/screens/meeting/sharepanel"
	"github.com/sipmote/sipmote/ui/screens/room"
)

type meetingKeys struct {
	next, prev, done, rounds, sections, findings, preview, save, help, quit, ticks, changes, views, share key.Binding
	// follow goes to the step the chair moved to from a device of their
	// own (meeting_follow.go).
	follow key.Binding
	// views switches between the secretary's and the chair's view; room
	// puts the room's view on and off (meetviews.go). chairBack is views
	// as the chair's view shows it, roomBack room as the room's view does.
	room, chairBack, roomBack key.Binding
	// start starts the meeting clock, or takes back a false start.
	start, undoStart key.Binding
	// shortQuit is quit as the bottom line shows it, where room is short.
	shortQuit key.Binding
	// interrupt is ctrl+c as F1 names it (quit holds the key).
	interrupt key.Binding
	// undo brings back what a change of role emptied (participants_role.go).
	undo key.Binding
	// redo brings back typing ctrl+z took (meeting_undo.go); undoText
	// is ctrl+z and ctrl+y as F1 names them.
	undoText, redo key.Binding
	direct         []key.Binding
}

func newMeetingKeys(l model.Lang) meetingKeys {
	k := meetingKeys{
		next:     key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("ctrl+n", model.T(l, "nästa punkt", "next step"))),
		prev:     key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", model.T(l, "förra punkten", "previous step"))),
		done:     key.NewBinding(key.WithKeys("ctrl+k"), key.WithHelp("ctrl+k", model.T(l, "punkten klar", "step done"))),
		rounds:   key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", model.T(l, "bocka av talare", "tick speakers"))),
		sections: key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", model.T(l, "gå till avsnitt", "go to section"))),
		findings: key.NewBinding(key.WithKeys("ctrl+f"), key.WithHelp("ctrl+f", model.T(l, "brister", "findings"))),
		preview:  key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", model.T(l, "förhandsgranska", "preview"))),
		ticks:    key.NewBinding(key.WithKeys("ctrl+l"), key.WithHelp("ctrl+l", model.T(l, "checklistor före/efter", "before/after checklists"))),
		changes:  key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", model.T(l, "vad har ändrats", "what changed"))),
		save:     key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", model.T(l, "spara nu", "save now"))),
		help:     key.NewBinding(key.WithKeys("f1", "ctrl+_"), key.WithHelp("f1", model.T(l, "hjälp", "help"))),
		quit:     key.NewBinding(key.WithKeys("ctrl+q", "ctrl+c"), key.WithHelp("ctrl+q", model.T(l, "spara och stäng", "save and close"))),
		start:    key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", model.T(l, "starta mötet", "start the meeting"))),
		views:    key.NewBinding(key.WithKeys("f2"), key.WithHelp("f2", model.T(l, "mötesledarens vy", "chair's view"))),
		room:     key.NewBinding(key.WithKeys("f4"), key.WithHelp("f4", model.T(l, "rummets vy", "room's view"))),
		share:    newShareKey(l),
		follow:   newFollowKey(l),
		undo:     newUndoKey(l),
		undoText: undoHelp(l),
		redo:     redoKey(l),
	}
	k.chairBack = key.NewBinding(key.WithKeys("f2"), key.WithHelp("f2", model.T(l, "sekreterarens vy", "secretary's view")))
	k.roomBack = key.NewBinding(key.WithKeys("f4"), key.WithHelp("f4", model.T(l, "tillbaka", "back")))
	k.undoStart = key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", model.T(l, "ångra starten", "undo the start")))
	// ctrl+c is in quit's keys: it leaves as ctrl+q does, saved and said
	// on the home screen; F1 names it, since for most it means copy.
	k.interrupt = key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", model.T(l, "samma som ctrl+q", "same as ctrl+q")))
	k.shortQuit = key.NewBinding(key.WithKeys("ctrl+q"), key.WithHelp("ctrl+q", model.T(l, "stäng", "leave")))
	for i := range 10 {
		n := (i + 1) % 10
		k.direct = append(k.direct, key.NewBinding(key.WithKeys("alt+"+string(rune('0'+n)))))
	}
	return k
}

// escKey is esc where it has no work of its own.
var escKey = key.NewBinding(key.WithKeys("esc"))

// The meeting's own asynchronous messages each name their owner, the
// session and this screen's generation (common.Owner), so that the root
// drops one that comes after the screen was left.
type (
	// ClockMsg is the meeting clock's tick, once a second.
	ClockMsg struct {
		common.Owner
		At time.Time
	}
	// SaveTickMsg is the save tick: what changed is written.
	SaveTickMsg struct{ common.Owner }
	// SessionMsg is an event of the session: a save's outcome, or an edit
	// made in another view.
	SessionMsg struct {
		common.Owner
		Event service.Event
	}
)

// Model is the meeting screen: the chair's agenda beside the
// secretary's plan, over a status bar.
type Model struct {
	// Typed is a run of characters typed into the field in focus, not yet
	// given to it (meeting_typing.go).
	Typed  []byte
	typing typingPace // how fast keys come (meeting_typing.go)
	// gathered is set when the last message was only taken into Typed:
	// the screen is as it was (see OnlyGathered).
	gathered bool
	// lastTyped is when the last character was typed on the secretary's
	// view; carry is the burst going on after a step change
	// (meeting_carry.go). KeyNow is their clock; nil is the time of day.
	lastTyped time.Time
	typedIn   string // the section that last character went to
	carry     *carry
	KeyNow    func() time.Time
	lang      model.Lang
	st        *common.Styles
	svc       *service.Service
	ctx       context.Context // the program's, for the service calls in tea.Cmds
	Sess      *service.View
	Steps     []room.Step
	Step      int
	// chairAt is the step the chair moved to from another device while
	// the secretary stays on step; -1 when they are on the same one.
	chairAt int
	// startSeen is whether the meeting had started at the last look, so
	// that a start from the chair's device is said here (follow).
	startSeen bool
	keys      meetingKeys
	help      help.Model
	now       func() time.Time

	Sections map[string]Section
	Active   string
	Over     common.Overlay

	width, height int
	rev           int // bumped on every change; caches key on it
	Findings      []model.Finding
	findingMap    map[string]string

	SaveText string
	SaveErr  bool
	saveWhy  string // why the last save failed, in plain words
	// saveRefused: the database refuses every write (service.Refused),
	// so no screen says the save is tried again.
	saveRefused bool
	// LeaveAsk is the question before leaving while saves fail; nil when
	// none is asked (see meeting_leave.go).
	LeaveAsk *components.Confirm
	// leaveDevices is the number of devices the question is about when it
	// asks before disconnecting them (askDrop); 0 for the save question.
	leaveDevices int
	lastTick     time.Time
	clockDirty   int
	Message      string
	// confirmUndo is set while asking whether to take back the start.
	confirmUndo bool
	// copyLine is a recipient typed in the print dialog but not added,
	// kept when the meeting was left with the dialog open: the dialog
	// opens with it again (printdialog.Resume).
	copyLine string
	// leaveOnce is set once ctrl+q was pressed on a name typed in the
	// print dialog that cannot be kept (holdLeave).
	leaveOnce bool
	// undo is what ctrl+z brings back after a change of role; nil when
	// nothing.
	undo *roleUndo
	// QuickWords are the quick row's words, from the checklists.
	QuickWords []model.QuickWord

	Order       []string // the sections in tab order
	agendaLines []string
	helpKey     string
	helpText    string
	stepKey     string
	stepText    string
	AgendaKey   string
	agendaRev   int
	Checklist   checklist.Lists
	// IO wraps the screen's calls of the service in tea.Cmds the root
	// waits for before the database closes.
	IO func(func() tea.Msg) tea.Cmd
	// PrintOptions says how the root prints (the easy-read page).
	PrintOptions func(*model.Plan, *model.Version) service.PrintOptions

	// Who is the view on screen; a meeting always opens on the
	// secretary's, never on the chair's with its private cues.
	Who ViewKind
	// Share starts sharing over SSH (nil when it cannot be offered);
	// sharing is the running share.
	Share   Sharer
	Sharing sharepanel.Sharing
	chair   *room.ChairModel
	Room    *room.RoomModel
	// owner names this screen in its asynchronous messages.
	owner common.Owner
	// hold keeps the room's screens from reading a field while it is
	// written (roomhold.go); SettleAfter is the pause at a sentence's end
	// after which they read it, DefaultSettleAfter when 0.
	hold        roomHold
	SettleAfter time.Duration
}

// New makes the meeting screen as view v of its session. It is
// called inside v.Edit, as is every update of the screen; its drawing
// inside v.Read.
func New(ctx context.Context, l model.Lang, st *common.Styles, svc *service.Service, v *service.View, steps []room.Step, now func() time.Time) *Model {
	m := &Model{chairAt: -1, lang: l, st: st, svc: svc, ctx: ctx, Sess: v, Steps: steps, keys: newMeetingKeys(l), help: help.New(), now: now,
		width: 80, height: 24, IO: func(f func() tea.Msg) tea.Cmd { return f }}
	m.SaveText = model.T(l, "sparat", "saved")
	m.owner = common.Owner{Session: v.Session().ID(), Gen: common.NewGen()}
	m.chair = room.NewChairModel(l, st, m.keys.chairBack, m.keys.quit)
	m.chair.SetBack(m.keys.chairBack)
	m.Room = room.NewRoomModel(l, st)
	m.Room.Back = m.keys.roomBack
	m.buildSections()
	p := v.Plan()
	m.SaveText = savedText(l, p.UpdatedAt, now())
	m.lastTick = now()
	m.startSeen = p.Draft != nil && p.Draft.Started()
	m.restore(p.Position)
	if len(steps) > 0 && !v.ReadOnly() && p.Position.Step == "" {
		// Every view of the meeting reads the step from the plan, so the
		// one this screen chose is made the meeting's.
		v.MoveStep(steps[m.Step].ID)
	}
	m.RefreshFindings()
	return m
}

func (m *Model) version() *model.Version {
	if v := m.Sess.Plan().Current(); v != nil {
		return v
	}
	return &model.Version{}
}

func (m *Model) buildSections() {
	l, st, p := m.lang, m.st, m.Sess.Plan()
	v := m.version
	m.Sections = map[string]Section{
		secMeeting: &FormSection{Form: components.NewForm(l, st, planfields.MeetingFields(l, p, v)), lang: l},
		secParticipants: newListSection(participantSpec(l, v, participantHooks{
			quickWords:  func() []model.QuickWord { return m.QuickWords },
			roleChanged: m.roleChanged,
			child: func() bool {
				child, _ := p.ChildRules(v(), m.now().Format(model.DateLayout))
				return child
			},
		}), l, st),
		secConsent:     &FormSection{Form: components.NewForm(l, st, planfields.ConsentFields(l, p, v, m.now)), lang: l},
		secGoals:       newListSection(goalSpec(l, v), l, st),
		secActions:     newListSection(actionSpec(l, v), l, st),
		secCoordinator: newCoordinatorSection(l, st, v),
		secFollowUp:    &FormSection{Form: components.NewForm(l, st, planfields.FollowUpFields(l, v)), lang: l},
		secFinish:      NewFinishSection(l, st, func() []model.Finding { return m.Findings }),
	}
	fin := m.Sections[secFinish].(*FinishSection)
	fin.finalised = func() bool { return p.Draft == nil || p.Status == model.StatusClosed }
	fin.closed = func() *model.Closure {
		if p.Status != model.StatusClosed {
			return nil
		}
		if p.Closure == nil {
			return &model.Closure{}
		}
		return p.Closure
	}
	fin.originals = func() []model.Recipient { return p.Copies(v(), l).Originals }
	fin.version = v
	fin.early = func() (time.Time, bool) {
		at, ok := v().Meeting.When()
		return at, ok && m.now().Before(at)
	}
	for _, id := range []string{secOwnWords, secSituation, secNeeds, secNotAgreed, secEvaluation, secNotes, secMedication} {
		m.Sections[id] = &FormSection{Form: components.NewForm(l, st, planfields.TextSectionFields(id, l, v)), lang: l}
	}
	m.Order = sectionOrder
	if p.Draft != nil && p.Draft.Review != nil {
		if fs := reviewFields(l, p); len(fs) > 0 {
			m.Sections[SecReview] = &FormSection{Form: components.NewForm(l, st, fs), lang: l}
			// Last in the tab order, so that alt+1…0 mean the same in every
			// meeting; the follow-up meeting opens on it.
			m.Order = append(append([]string{}, sectionOrder...), SecReview)
		}
	}
	m.Active = secParticipants
}

func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.clock(), m.saveTick(), m.waitSaved())
}

// Owner is what this screen's asynchronous messages name: the root gives
// the screen in front only its own.
func (m *Model) Owner() common.Owner { return m.owner }

// clock and saveTick each start one loop, in Init; the screen schedules
// the next tick only when it takes one, so a loop ends when the root stops
// giving this screen its ticks.
func (m *Model) clock() tea.Cmd {
	o := m.owner
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return ClockMsg{o, t} })
}

func (m *Model) saveTick() tea.Cmd {
	o := m.owner
	return tea.Tick(service.SaveInterval, func(time.Time) tea.Msg { return SaveTickMsg{o} })
}

// waitSaved waits for the session's next event. When the session is
// closed the channel is, and the wait ends with no message.
func (m *Model) waitSaved() tea.Cmd {
	ch, o := m.Sess.Events(), m.owner
	return func() tea.Msg {
		e, ok := <-ch
		if !ok {
			return nil
		}
		return SessionMsg{o, e}
	}
}

func (m *Model) RefreshFindings() {
	m.Findings = m.Sess.Findings()
	m.findingMap = map[string]string{}
	rank := map[model.Severity]int{model.SevError: 3, model.SevWarning: 2, model.SevInfo: 1}
	shown := map[string]int{}
	for _, f := range m.Findings {
		if rank[f.Severity] > shown[f.Path] {
			m.findingMap[f.Path] = f.Message.In(m.lang)
			shown[f.Path] = rank[f.Severity]
		}
	}
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	pw, ph := m.planSize()
	for _, s := range m.Sections {
		s.SetSize(pw, ph)
	}
	m.help.SetWidth(w)
	m.AgendaKey = ""
	m.chair.SetSize(w, h)
	m.Room.SetSize(w, h)
}

// Restyle draws again what was kept drawn, after the colours changed.
func (m *Model) Restyle() {
	m.AgendaKey, m.helpKey, m.stepKey = "", "", ""
	for _, s := range m.Sections {
		if ls, ok := s.(*ListSection); ok {
			ls.cacheRev, ls.soFarKey = -1, ""
		}
	}
}

func (m *Model) sideBySide() bool { return m.width >= 100 }

// agendaWidth is the agenda pane's outer width beside the plan.
func (m *Model) agendaWidth() int { return min(52, max(38, m.width*36/100)) }

// bodyHeight is what the panes get; the status bar takes two lines.
func (m *Model) bodyHeight() int { return max(6, m.height-2) }

// compactAgenda is the stacked agenda pane's outer height: the clock, the
// step, and the whole of the chair's prompt up to four lines, so that the
// chair never has to guess the end of a sentence.
func (m *Model) compactAgenda() int {
	lines := 1
	if len(m.Steps) > 0 {
		s := m.Steps[m.Step]
		w := ansi.Wordwrap(s.Prompt.In(m.lang), max(10, m.width-4), "")
		lines = min(5, strings.Count(w, "\n")+1)
		if room.ChairHint(m.lang, s) != "" {
			lines++
		}
	}
	return 2 + 2 + lines
}

// planSize is the room for a section inside the plan pane, below its
// title line and a blank line (on a closed plan, the lines that say so;
// in a low window no blank line, see tight).
func (m *Model) planSize() (int, int) {
	w, h := m.width-4, m.bodyHeight()-m.compactAgenda()-2-2
	if m.sideBySide() {
		w, h = m.width-m.agendaWidth()-4, m.bodyHeight()-2-2
	}
	if m.tight() {
		h++
	}
	return w, h - max(0, len(m.closureLines(w))-1)
}

// tight tells a window lower than 80x24's 24 lines (the meeting gets one
// line less than the window): the plan pane then leaves out the blank
// line under its title, a line more of the text.
func (m *Model) tight() bool { return m.height < 23 }

// closureLines is a closed plan's closure (when, why), wrapped to the
// plan pane's width; nil while the plan is open.
func (m *Model) closureLines(w int) []string {
	p := m.Sess.Plan()
	if p.Closure == nil || p.Status != model.StatusClosed {
		return nil
	}
	return strings.Split(ansi.Wordwrap(p.Closure.Describe(m.lang), max(10, w), ""), "\n")
}

func (m *Model) GoSection(id string) tea.Cmd {
	if _, ok := m.Sections[id]; !ok {
		return nil
	}
	if m.Active != id {
		m.settleField()
	}
	m.Active = id
	if ls, ok := m.Sections[id].(*ListSection); ok && ls.Form == nil && ls.quickIn == nil && ls.spec.count() == 0 && !m.Sess.ReadOnly() {
		// The row's form, where every key is saved as it is typed; a
		// participant's name typed as a quick row ("Nora Lund, den
		// enskilde") is read as one when the name is left (tryout42a #11).
		return ls.startNew()
	}
	return nil
}

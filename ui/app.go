package ui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
	"github.com/sipmote/sipmote/ui/session"
)

// Options are what the root needs from main: the open database and the
// data that the checklists provide.
type Options struct {
	DB        *store.DB
	Lang      model.Lang
	Now       func() time.Time
	Agenda    func(model.AgeGroup) []Step
	OpenCount func(model.Summary) int
	Jargon    []model.Jargon
	Printer   Printer
	Checklist Checklist
	// OpenPlan opens this plan's meeting at once (sipmote meeting ID).
	OpenPlan string
	// Notice is shown on the home screen at start, e.g. which local
	// checklist files were left out.
	Notice string
}

type screen int

const (
	screenHome screen = iota
	screenNew
	screenMeeting
	screenAsk
	screenClose
	screenTrail
)

// Model is the root: it owns the screens and routes messages to the one in
// front.
type Model struct {
	o       Options
	st      Styles
	screen  screen
	home    *homeModel
	newPlan *newPlanModel
	meeting *meetingModel
	sess    *session.Session
	ask     *askModel
	closing *closeModel
	trail   *trailModel
	width   int
	height  int
	fatal   string

	// The new-plan form kept on disk (see newplan_save.go).
	formDraft  *NewPlanInput
	formAt     time.Time
	formGen    int
	formWrites formDrafts
	// refused counts keys pressed while the window was too small.
	refused int
}

// New makes the root model.
func New(o Options) *Model {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Agenda == nil {
		o.Agenda = func(model.AgeGroup) []Step { return nil }
	}
	m := &Model{o: o, st: DefaultStyles(), width: 80, height: 24}
	m.home = newHomeModel(o.Lang, &m.st, o.Now, o.OpenCount)
	m.home.message = o.Notice
	m.reload()
	m.loadFormDraft()
	return m
}

func (m *Model) reload() {
	sums, err := m.o.DB.List()
	if err != nil {
		m.home.message = ErrorText(m.o.Lang, err)
		return
	}
	m.home.setPlans(sums)
}

// Init opens the requested plan, if any.
func (m *Model) Init() tea.Cmd {
	if m.o.OpenPlan != "" {
		id := m.o.OpenPlan
		return func() tea.Msg { return openPlanMsg{id} }
	}
	return nil
}

// Close saves and closes an open meeting; main calls it after the program
// ends, whatever ended it.
func (m *Model) Close() error {
	if err := m.flushForm(); err != nil {
		return err
	}
	if m.sess != nil {
		err := m.sess.Close()
		m.sess = nil
		return err
	}
	return nil
}

// Update routes a message to the screen in front.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, ok := m.updateTrail(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		m.tellRefused()
		if m.meeting != nil && m.screen == screenMeeting {
			if pv, ok := m.meeting.over.(*previewOverlay); ok {
				// Render the preview again for the new width.
				pv.w, pv.h = m.width, m.height-1
				pv.vp.SetWidth(pv.w)
				pv.vp.SetHeight(max(3, pv.h-2))
				return m, pv.render(m.sess.Plan().Clone(), m.o.Lang)
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
	switch msg := msg.(type) {
	case quitMsg:
		return m, tea.Quit
	case newPlanMsg:
		return m, m.startForm()
	case cancelMsg:
		if m.screen == screenNew {
			return m, m.leaveForm()
		}
		m.screen = screenHome
		return m, nil
	case createdPlanMsg:
		if err := m.o.DB.SavePlan(msg.plan); err != nil {
			m.newPlan.err = ErrorText(m.o.Lang, err)
			return m, nil
		}
		_ = m.o.DB.Log(msg.plan.ID, store.TrailEvent{At: m.o.Now(), Kind: "created", OSUser: store.CurrentOSUser(), Secretary: msg.plan.Draft.Meeting.Secretary})
		m.newPlan.dirty = false
		return m, tea.Batch(m.clearForm(), m.openSession(session.New(m.o.DB, msg.plan, m.sessOpts())))
	case openPlanMsg:
		id, err := m.o.DB.Resolve(msg.id)
		if err != nil {
			m.home.message = ErrorText(m.o.Lang, err)
			return m, nil
		}
		p, err := m.o.DB.LoadPlan(id)
		if err != nil {
			m.home.message = ErrorText(m.o.Lang, err)
			return m, nil
		}
		if p.ContentHidden() {
			m.home.message = model.T(m.o.Lang,
				"Samtycket är återkallat. Planens innehåll visas inte; den finns kvar och kan skrivas ut med sipmote print.",
				"The consent was withdrawn. The plan's content is not shown; it is kept and can be printed with sipmote print.")
			return m, nil
		}
		if p.Draft == nil && p.Status == model.StatusActive {
			m.ask = newAskModel(m.o.Lang, &m.st, p)
			m.screen = screenAsk
			return m, nil
		}
		s := session.New(m.o.DB, p, m.sessOpts())
		return m, m.openSession(s)
	case askResultMsg:
		m.screen = screenHome
		if msg.choice == "" {
			return m, nil
		}
		if msg.choice == "print" {
			if m.o.Printer == nil {
				return m, nil
			}
			p, pr := msg.plan, m.o.Printer
			m.home.message = model.T(m.o.Lang, "Skriver ut…", "Printing…")
			return m, func() tea.Msg {
				v := p.Latest()
				where, err := pr(p, v, PrintJob{Original: true, Copies: p.Copies(v, m.o.Lang).Copies})
				return homePrintedMsg{p.ID, where, err}
			}
		}
		s := session.New(m.o.DB, msg.plan, m.sessOpts())
		if msg.choice == "followup" {
			if err := s.StartFollowUp(); err != nil {
				_ = s.Close()
				m.home.message = ErrorText(m.o.Lang, err)
				return m, nil
			}
		}
		return m, m.openSession(s)
	case closePlanMsg:
		p, err := m.o.DB.LoadPlan(msg.id)
		if err != nil {
			m.home.message = ErrorText(m.o.Lang, err)
			return m, nil
		}
		m.closing = newCloseModel(m.o.Lang, &m.st, p, m.o.Now)
		m.resize()
		m.screen = screenClose
		return m, m.closing.form.focusField(0, -1)
	case closedPlanMsg:
		if err := m.o.DB.SavePlan(msg.plan); err != nil {
			m.home.message = ErrorText(m.o.Lang, err)
		} else {
			_ = m.o.DB.Log(msg.plan.ID, store.TrailEvent{At: m.o.Now(), Kind: "closed", OSUser: store.CurrentOSUser()})
		}
		m.screen = screenHome
		m.reload()
		return m, nil
	case homePrintedMsg:
		if msg.err != nil {
			m.home.message = model.T(m.o.Lang, "Utskriften misslyckades: ", "Printing failed: ") + ErrorText(m.o.Lang, msg.err)
		} else {
			m.home.message = msg.where
			_ = m.o.DB.Log(msg.id, store.TrailEvent{At: m.o.Now(), Kind: "printed", OSUser: store.CurrentOSUser()})
		}
		return m, nil
	case closeMeetingMsg:
		if err := m.Close(); err != nil {
			m.home.message = ErrorText(m.o.Lang, err)
		}
		m.meeting = nil
		m.screen = screenHome
		m.reload()
		return m, nil
	}
	switch m.screen {
	case screenTrail:
		return m, m.trail.update(msg)
	case screenNew:
		return m, m.newPlan.update(msg)
	case screenMeeting:
		return m, m.meeting.update(msg)
	case screenAsk:
		return m, m.ask.update(msg)
	case screenClose:
		return m, m.closing.update(msg)
	}
	return m, m.home.update(msg)
}

func (m *Model) sessOpts() session.Options {
	return session.Options{Jargon: m.o.Jargon, Now: m.o.Now}
}

func (m *Model) openSession(s *session.Session) tea.Cmd {
	if m.sess != nil {
		_ = m.sess.Close()
	}
	m.sess = s
	p := s.Plan()
	steps := withOwnWords(m.o.Agenda(p.Variant))
	if p.Draft != nil && p.Draft.Review != nil {
		steps = followUpAgenda(steps)
	}
	m.meeting = newMeetingModel(m.o.Lang, &m.st, s, steps, m.o.Now, m.o.Printer)
	m.meeting.checklist = m.o.Checklist
	m.meeting.setSize(m.width, m.height-1)
	m.screen = screenMeeting
	return m.meeting.init()
}

func (m *Model) resize() {
	m.home.width, m.home.height = m.width, m.height
	if m.trail != nil {
		m.trail.width, m.trail.height = m.width, m.height
	}
	m.home.filter.SetWidth(max(10, m.width-10))
	if m.closing != nil {
		m.closing.form.setSize(min(m.width-4, 70), m.height-10)
	}
	if m.newPlan != nil {
		m.newPlan.setSize(m.width, m.height)
	}
	if m.meeting != nil {
		m.meeting.setSize(m.width, m.height-1)
	}
}

// MinWidth and MinHeight are the smallest window the screens can be used
// in; below them the screen says so instead of drawing a broken layout.
const (
	MinWidth  = 60
	MinHeight = 16
)

// View draws the screen in front, cut to the window.
func (m *Model) View() tea.View {
	v := tea.NewView(clip(m.render(), m.width, m.height))
	v.AltScreen = true
	v.WindowTitle = "sipmote"
	return v
}

// render draws the screen in front as the screens lay it out; tests check
// that it fits the window without the cut that View adds.
func (m *Model) render() string {
	var s string
	switch {
	case m.tooSmall():
		s = ansi.Wordwrap(m.tinyText(), max(10, m.width), "")
	case m.screen == screenTrail && m.trail != nil:
		s = m.trail.view()
	case m.screen == screenNew:
		s = m.newPlan.view()
	case m.screen == screenMeeting:
		s = m.meeting.view()
	case m.screen == screenAsk:
		s = m.ask.view(m.width)
	case m.screen == screenClose:
		s = m.closing.view(m.width)
	default:
		s = m.home.view()
	}
	return s
}

type homePrintedMsg struct {
	id    string
	where string
	err   error
}

// samePerson tells whether a stored plan has the same name and birth date,
// so that a second plan for one person is not made by mistake.
func (m *Model) samePerson(p *model.Plan) bool {
	sums, err := m.o.DB.List()
	if err != nil {
		return false
	}
	masked := model.MaskPNR(p.Person.PNR)
	for _, s := range sums {
		if model.SameName(s.Person, p.Person.Name) && s.PNRMasked == masked {
			return true
		}
	}
	return false
}

// clip cuts a screen to the window, the last guard against a broken
// layout: a line that would wrap or a screen that would scroll moves every
// line below it, so nothing may ever be wider or taller than the window.
func clip(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h && h > 0 {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

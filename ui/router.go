// The router: the root's own messages, which move between screens, and
// the routing of every other message to the screen in front.

package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/closeplan"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/meeting"
	"github.com/sipmote/sipmote/ui/screens/meeting/preview"
	"github.com/sipmote/sipmote/ui/screens/newplan"
)

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
		// removable: a draft that reached no one, which may be removed.
		removable bool
	}
	// planRemovedMsg answers closeplan.RemoveRequestMsg.
	planRemovedMsg struct {
		id, person string
		err        error
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
		kept    string // what else was kept, said once the save worked
	}
)

// route sends a message to the root's handlers or the screen in front;
// Update (update.go) holds keys meant for a screen still opening.
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
			if pv, ok := m.meeting.Over.(*preview.Overlay); ok {
				// Render the preview again for the new width.
				p, _ := m.session.Snapshot()
				return m, pv.Resize(m.width, m.height-1, p)
			}
		}
		// A taller window shows rows whose lines are not read yet.
		return m, m.home.ReadShown()
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
		// A database that takes no writes could keep neither the form
		// nor the plan: the user hears it before typing, not after. The
		// question reads no file.
		if err := svc.Writable(); err != nil {
			m.home.Message = model.T(l, "Ingen ny plan kan göras i den här databasen: ", "No new plan can be made in this database: ") + common.ErrText(l, err)
			return nil, true
		}
		return m.startForm(), true
	case common.CancelMsg:
		m.want = ""
		if m.screen == screenNew {
			return m.leaveForm(), true
		}
		if m.screen == screenClose && m.closing != nil {
			m.keepCloseForm()
		}
		m.screen = screenHome
		return nil, true
	case newplan.CreatedPlanMsg:
		return m.createPlan(msg), true
	case samePersonMsg:
		return m.samePersonFound(msg), true
	case newplan.OpenExistingMsg:
		// The form is kept (n goes on with it) and the plan there is
		// opens, as enter on its row does.
		keep := m.leaveForm()
		open, _ := m.rootUpdate(home.OpenPlanMsg{ID: msg.ID})
		return tea.Batch(keep, open), true
	case home.OpenPlanMsg:
		ref := msg.ID
		m.want = ref
		return m.io(func() tea.Msg {
			// Recorded as opened before it is shown; refused if the
			// trail will not take it.
			p, err := svc.LoadToShow(m.ctx, ref)
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
			m.home.Message = common.ErrSentence(l, msg.err)
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
				return m.leave(msg.sess, nil, ""), true
			}
			return nil, true
		}
		m.want = ""
		if msg.err != nil {
			if m.screen == screenNew {
				m.newPlan.Err = common.ErrSentence(l, msg.err)
			} else {
				m.home.Message = common.ErrSentence(l, msg.err)
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
			// The same list of papers as the meeting's p: the secretary
			// sees who gets a copy and which printer before anything is
			// printed, never every paper at once on one key.
			open := m.openSession(svc.SessionOn(p))
			var papers tea.Cmd
			m.view.Edit(func(*model.Plan) { papers = m.meeting.ChoosePapers() })
			return tea.Batch(open, papers), true
		case "followup":
			m.want = p.ID
			return m.io(func() tea.Msg {
				s, err := svc.FollowUpSession(m.ctx, p.ID)
				return sessionOpenedMsg{p.ID, s, err}
			}), true
		}
		return m.openSession(svc.SessionOn(p)), true
	case home.ClosePlanMsg:
		id := msg.ID
		m.want = id
		return m.io(func() tea.Msg {
			p, err := svc.Load(m.ctx, id)
			removable := false
			if err == nil {
				removable, _ = svc.Removable(m.ctx, p)
			}
			return closeLoadedMsg{id, p, err, removable}
		}), true
	case closeLoadedMsg:
		if msg.id != m.want {
			return nil, true
		}
		m.want = ""
		if msg.err != nil {
			m.home.Message = common.ErrSentence(l, msg.err)
			return nil, true
		}
		m.closing = closeplan.New(l, &m.st, msg.plan, m.o.Now)
		if msg.removable {
			m.closing.OfferRemove()
		}
		if k, ok := m.closeKept[msg.plan.ID]; ok {
			m.closing.Restore(k)
			delete(m.closeKept, msg.plan.ID)
		}
		m.resize()
		m.screen = screenClose
		return m.closing.Form.FocusField(0, -1), true
	case closeplan.CloseRequestMsg:
		id, c := msg.ID, msg.Closure
		return m.io(func() tea.Msg {
			p, err := svc.ClosePlan(m.ctx, id, c)
			return planClosedMsg{id, p, err}
		}), true
	case closeplan.RemoveRequestMsg:
		id, person := msg.ID, ""
		if m.closing != nil {
			person = m.closing.Plan.Person.Name
		}
		return m.io(func() tea.Msg { return planRemovedMsg{id, person, svc.RemovePlan(m.ctx, id)} }), true
	case planRemovedMsg:
		if msg.err != nil {
			if m.screen == screenClose && m.closing != nil && m.closing.Plan.ID == msg.id {
				m.closing.Removed(msg.err)
			}
			return nil, true
		}
		if m.screen == screenClose && m.closing != nil && m.closing.Plan.ID == msg.id {
			m.screen = screenHome
		}
		m.home.Message = model.T(l, "Planen för "+msg.person+" är borttagen. Åtkomstloggen (sipmote trail) säger att den fanns och vem som tog bort den.",
			"The plan of "+msg.person+" is removed. The access trail (sipmote trail) says that it was there and who removed it.")
		return m.reload(), true
	case planClosedMsg:
		if m.screen == screenClose && m.closing != nil && m.closing.Plan.ID == msg.id {
			m.closing.Closed(msg.plan, msg.err)
		}
		return m.reload(), true
	case closeplan.ClosedPlanMsg:
		m.screen = screenHome
		if p := msg.Plan; p != nil {
			// Who has been told changed: the one change a closed plan keeps.
			return m.io(func() tea.Msg { return toldSavedMsg{p.ID, svc.SaveTold(m.ctx, p)} }), true
		}
		return m.reload(), true
	case toldSavedMsg:
		if msg.err != nil {
			m.home.Message = model.T(l, "Bockarna för vilka som har fått veta kunde inte sparas: ", "The ticks of who has been told could not be saved: ") + common.ErrText(l, msg.err)
		}
		return m.reload(), true
	case meeting.CloseMeetingMsg:
		s, sh := m.session, m.takeSharing()
		m.view.Detach()
		m.session, m.view, m.meeting = nil, nil, nil
		m.screen = screenHome
		if s == nil {
			return nil, true
		}
		m.leaving = append(m.leaving, s)
		return m.leave(s, sh, msg.Kept), true
	case meetingLeftMsg:
		for i, s := range m.leaving {
			if s.ID() == msg.session {
				m.leaving = append(m.leaving[:i], m.leaving[i+1:]...)
				break
			}
		}
		m.noteLeft(msg.closed, msg.kept)
		return m.reload(), true
	case listMsg:
		return m.listed(msg), true
	case wholeListMsg:
		return m.wholeList(msg), true
	case home.RowsMsg:
		m.home.SetRows(msg)
		return nil, true
	case home.DueMsg:
		m.home.SetDue(msg)
		return nil, true
	case home.SearchMsg:
		m.home.SetSearch(msg)
		return nil, true
	}
	return m.checkUpdate(msg)
}

package meeting

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
	"github.com/sipmote/sipmote/ui/screens/meeting/checklist"
	"github.com/sipmote/sipmote/ui/screens/meeting/preview"
	"github.com/sipmote/sipmote/ui/screens/meeting/printdialog"
	"github.com/sipmote/sipmote/ui/screens/room"
)

// CloseMeetingMsg asks the root to go back to the home screen. Kept is
// what the home screen adds to its line once the last save worked: a
// quick row not yet added is kept too (KeptQuick).
type CloseMeetingMsg struct{ Kept string }

func (m *Model) Update(msg tea.Msg) tea.Cmd {
	// A private field shown for editing is hidden again as soon as the
	// secretary is elsewhere: another section, step or view, or a panel.
	before := m.place()
	defer func() {
		if m.place() != before {
			m.concealForms()
		}
		m.leftField()
		m.typing.idle = time.Now()
	}()
	m.gathered = false
	if cmd, carried := m.carryMsg(msg); carried {
		return cmd
	}
	m.noteTyped(msg)
	if cmd, gathered := m.gather(msg); gathered {
		m.gathered = true
		return cmd
	}
	if len(m.Typed) > 0 {
		// The run of typed characters comes first, in the order typed.
		cmd := m.FlushTyped()
		if _, end := msg.(typedMsg); end {
			return cmd
		}
		return tea.Batch(cmd, m.Update(msg))
	}
	if _, end := msg.(typedMsg); end {
		return nil
	}
	if cmd, handled := m.updateLeave(msg); handled {
		return cmd
	}
	if cmd, handled := m.updateShare(msg); handled {
		return cmd
	}
	if cmd, handled := m.updateOtherView(msg); handled {
		return cmd
	}
	switch msg := msg.(type) {
	case ClockMsg:
		// The session's clock, not the tick's, so that tests can fix time.
		m.tickClock(m.now())
		return m.clock()
	case SaveTickMsg:
		// While saves fail, the error stays on screen until one succeeds:
		// "saving…" would hide that nothing since is on disk.
		if m.Sess.Tick() && !m.SaveErr {
			m.SaveText = model.T(m.lang, "sparar…", "saving…")
		}
		m.RefreshFindings()
		// The agenda's marks follow the plan on this slow tick, not on
		// every key, so typing redraws only the plan pane.
		m.agendaRev = m.rev
		return m.saveTick()
	case SessionMsg:
		if r := msg.Event.Saved; r != nil {
			if r.Err != nil {
				m.SaveErr = true
				m.SaveText = common.SaveErrorText(m.lang, r.Err)
				m.saveWhy = common.ErrText(m.lang, r.Err)
				m.saveRefused = service.Refused(r.Err)
				m.Sess.Changed("") // try again at the next tick
			} else {
				m.SaveErr = false
				m.SaveText = model.T(m.lang, "sparat ", "saved ") + r.At.Format("15:04:05")
			}
		}
		m.follow(msg.Event)
		return m.waitSaved()
	case preview.Msg:
		if m.Over != nil {
			return m.Over.Update(msg)
		}
		return nil
	case settleMsg:
		return m.settle()
	case finaliseMsg:
		return m.finalise()
	case printMsg:
		return m.choosePapers()
	case printdialog.PrinterMsg:
		if m.Over != nil && msg.Owner == m.owner {
			return m.Over.Update(msg)
		}
		return nil
	case printdialog.JobMsg:
		return m.print(msg.Job)
	case samePNRMsg:
		m.samePNRFound(msg)
		return nil
	case printedMsg:
		if msg.err != nil {
			m.Message = model.T(m.lang, "Utskriften misslyckades: ", "Printing failed: ") + common.ErrText(m.lang, msg.err)
			return nil
		}
		m.Message = msg.where
		return nil
	case finalisedMsg:
		if msg.err != nil {
			m.Message = model.T(m.lang, "Planen kunde inte fastställas: ", "The plan could not be finalised: ") + common.ErrText(m.lang, msg.err)
			return nil
		}
		m.Message = fmt.Sprintf(model.T(m.lang, "Version %d är fastställd. Tryck p för att skriva ut.", "Version %d is finalised. Press p to print."), m.version().Number)
		return nil
	case JumpMsg:
		m.Over = nil
		return m.jump(msg.Path)
	case GotoSectionMsg:
		m.Over = nil
		return m.GoSection(msg.ID)
	case tea.KeyPressMsg, tea.PasteMsg:
		if m.Over != nil {
			if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.keys.quit) {
				// ctrl+q and ctrl+c save and close the meeting wherever
				// the secretary is, as F1 says; a name typed in the
				// print dialog is kept (KeptQuick).
				if m.holdLeave() {
					return nil
				}
				m.copyLine = m.pendingCopy()
				m.Over = nil
				m.Sess.Changed("")
				return m.leave()
			}
			m.leaveOnce = false
			cmd := m.Over.Update(msg)
			m.notePendingCopy()
			if m.Over.Closed() {
				m.Over = nil
				m.rev++ // a round of speakers may have changed
				m.Sess.Changed("")
			}
			return cmd
		}
		if k, ok := msg.(tea.KeyPressMsg); ok {
			if m.confirmUndo {
				m.confirmUndo = false
				m.Message = ""
				if key.Matches(k, components.ConfirmKeys.Yes) {
					m.undoStart()
				}
				return nil
			}
			if cmd, handled := m.followChair(k); handled {
				return cmd
			}
			if cmd, handled := m.handleKey(k); handled {
				return cmd
			}
			if key.Matches(k, escKey) && !m.Sess.ReadOnly() {
				if fs, ok := m.Sections[m.Active].(*FormSection); ok {
					if fs.Form.Conceal() {
						m.Message = model.T(m.lang, "Fältet är dolt igen.", "The field is hidden again.")
						return nil
					}
					// Esc leaves a row of a list, so a user tries it here
					// too: say what does leave.
					m.Message = model.T(m.lang, "Esc gör inget här: ctrl+g går till ett annat avsnitt, ctrl+n till nästa punkt, ctrl+q sparar och stänger.",
						"Esc does nothing here: ctrl+g goes to another section, ctrl+n to the next step, ctrl+q saves and closes.")
					return nil
				}
			}
		}
		if m.Sess.ReadOnly() && m.Active == secFinish {
			// A finalised version can still be printed from its last step.
			cmd, _ := m.Sections[secFinish].Update(msg)
			return cmd
		}
		if m.Sess.ReadOnly() {
			m.Message = model.T(m.lang, "Versionen är fastställd och kan inte ändras.", "The version is finalised and cannot be changed.")
			if m.Sess.Plan().Status == model.StatusClosed {
				m.Message = model.T(m.lang, "Planen är avslutad och kan inte ändras.", "The plan is closed and cannot be changed.")
			}
			return nil
		}
		pre, field := m.roomCopy()
		pnr := m.Sess.Plan().Person.PNR
		cmd, changed := m.Sections[m.Active].Update(msg)
		if changed {
			cmd = tea.Batch(cmd, m.typedInField(pre, field))
			m.rev++
			m.Sess.Changed(m.Active)
			if m.Sess.Plan().Person.PNR != pnr {
				m.Sess.ChangedPNR()
				cmd = tea.Batch(cmd, m.checkSamePNR())
			}
			if !m.typingText() && (m.Active == secCoordinator || m.Active == secConsent || m.Active == SecReview) {
				// A choice in a small section shows its effect at once;
				// typed text waits for the save tick, so a key never pays
				// for validating the whole plan.
				m.RefreshFindings()
			}
			if !m.SaveErr {
				m.SaveText = model.T(m.lang, "ändrat", "changed")
			}
		}
		m.Sess.SetPosition(m.position())
		return cmd
	}
	return nil
}

func (m *Model) handleKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	m.Message = ""
	switch {
	case key.Matches(k, m.keys.quit):
		return m.leave(), true
	case key.Matches(k, m.keys.start):
		v := m.Sess.Draft()
		if v == nil {
			return nil, true
		}
		if !v.Started() {
			m.startMeeting()
			return nil, true
		}
		m.confirmUndo = true
		m.Message = model.T(m.lang, "Ångra starten? Klockan nollställs och tiden hittills räknas inte. Tryck j för ja, annan tangent för nej.",
			"Undo the start? The clock goes back to zero and the time so far does not count. Press y for yes, any other key for no.")
		return nil, true
	case key.Matches(k, m.keys.next):
		return m.nextStep(), true
	case key.Matches(k, m.keys.prev):
		return m.GoStep(m.Step - 1), true
	case key.Matches(k, m.keys.done):
		return m.toggleDone(), true
	case key.Matches(k, m.keys.rounds):
		if v := m.Sess.Draft(); v != nil && len(m.Steps) > 0 {
			m.Over = room.NewRoundOverlay(m.lang, m.st, v, m.roundStep(), room.StepOrder(m.Steps), m.Steps[m.Step].ID, m.now)
		}
		return nil, true
	case key.Matches(k, m.keys.ticks):
		if m.Checklist != nil {
			b, a := m.Checklist(m.Sess.Plan().Variant)
			m.Over = checklist.New(m.lang, m.st, m.Sess.Plan(), b, a)
		}
		return nil, true
	case key.Matches(k, m.keys.changes):
		m.Over = m.changesOverlay()
		return nil, true
	case key.Matches(k, m.keys.sections):
		m.Over = newSectionOverlay(m.lang, m.st, m.Order, m.Active)
		return nil, true
	case key.Matches(k, m.keys.findings):
		m.settleField() // the list is about the date as it will be kept
		m.RefreshFindings()
		m.Over = NewFindingsOverlay(m.lang, m.st, m.Findings)
		return nil, true
	case key.Matches(k, m.keys.preview):
		ov := preview.New(m.lang, m.st, m.width, m.height, m.owner)
		m.Over = ov
		return ov.Render(m.Sess.Plan().Clone(), m.lang), true
	case key.Matches(k, m.keys.save):
		m.Sess.Changed("")
		m.Sess.Tick()
		if !m.SaveErr {
			m.SaveText = model.T(m.lang, "sparar…", "saving…")
		}
		return nil, true
	case key.Matches(k, m.keys.help):
		m.Over = components.NewHelpOverlay(m.lang, m.st, m.FullHelp())
		return nil, true
	case key.Matches(k, m.keys.undo, m.keys.redo) && !m.Sess.ReadOnly():
		undo := m.undoKey
		if key.Matches(k, m.keys.redo) {
			undo = m.redoKey
		}
		if section := undo(); section != "" {
			m.rev++
			m.Sess.Changed(section)
			if !m.SaveErr {
				m.SaveText = model.T(m.lang, "ändrat", "changed")
			}
		}
		return nil, true
	}
	for i, b := range m.keys.direct {
		if key.Matches(k, b) && i < len(m.Order) {
			return m.GoSection(m.Order[i]), true
		}
	}
	return nil, false
}

// typingText tells whether the focused field takes free text.
func (m *Model) typingText() bool {
	if fs, ok := m.Sections[m.Active].(*FormSection); ok {
		if f := fs.Form.Current(); f != nil {
			return f.Kind == components.KindText || f.Kind == components.KindArea
		}
	}
	return false
}

// roundStep is the step whose speakers ctrl+r ticks: the current one if it
// is a round, else the introductions.
func (m *Model) roundStep() string {
	if m.Steps[m.Step].Round {
		return m.Steps[m.Step].ID
	}
	for _, s := range m.Steps {
		if s.Round {
			return s.ID
		}
	}
	return m.Steps[m.Step].ID
}

// changesOverlay shows what changed from the last finalised version to the
// draft, or between the two last versions, in plain words.
func (m *Model) changesOverlay() common.Overlay {
	p := m.Sess.Plan()
	var a, b *model.Version
	switch n := len(p.Versions); {
	case p.Draft != nil && n > 0:
		a, b = &p.Versions[n-1], p.Draft
	case n > 1:
		a, b = &p.Versions[n-2], &p.Versions[n-1]
	}
	title := model.T(m.lang, "Vad har ändrats", "What changed")
	if a == nil {
		return components.NewTextOverlay(m.lang, m.st, title, model.T(m.lang, "Det finns ingen tidigare version att jämföra med.", "There is no earlier version to compare with."), m.width, m.height)
	}
	title += fmt.Sprintf(model.T(m.lang, " (version %d → %d)", " (version %d → %d)"), a.Number, b.Number)
	return components.NewTextOverlay(m.lang, m.st, title, model.FormatDiff(model.Diff(a, b), m.lang), m.width, m.height)
}

func (m *Model) jump(path string) tea.Cmd {
	sec, row := sectionOfPath(path)
	if _, ok := m.Sections[sec]; !ok {
		sec = secFinish
	}
	m.settleField()
	m.Active = sec
	return m.Sections[sec].Jump(path, row)
}

// View draws the meeting. The agenda is cached until the clock, the step
// or the plan changes, so a keystroke redraws only the plan pane.
func (m *Model) View() string {
	defer func() { m.typing.idle = time.Now(); m.carryDrawn() }()
	if m.LeaveAsk != nil {
		return m.leaveView()
	}
	if m.Over != nil {
		m.Over.SetSize(m.width, m.height)
		return m.Over.View()
	}
	if m.Who != ViewSecretary {
		return m.otherView()
	}
	v := m.version()
	pw, ph := m.planSize()
	plan := m.planPane(pw, ph)
	status := m.statusBar()
	var body string
	bh := m.bodyHeight()
	if m.sideBySide() {
		aw := m.agendaWidth()
		ak := fmt.Sprintf("%d/%d/%d/%d/%d", m.Step, m.agendaRev, int(m.elapsed().Seconds()), aw, bh)
		if ak != m.AgendaKey {
			m.AgendaKey = ak
			a := room.AgendaView(m.st, m.lang, m.Steps, m.Step, m.Sess.Plan(), v, m.elapsed(), aw-4, bh-2, false)
			m.agendaLines = components.Pane(m.st.PaneBorder, a, aw, bh)
		}
		right := components.Pane(m.st.FocusBorder, plan, m.width-aw, bh)
		right[0] = m.whoseBorder(m.st.FocusBorder, m.width-aw)
		var b strings.Builder
		for i := range right {
			if i < len(m.agendaLines) {
				b.WriteString(m.agendaLines[i])
			}
			b.WriteString(right[i])
			if i < len(right)-1 {
				b.WriteByte('\n')
			}
		}
		body = b.String()
	} else {
		ak := fmt.Sprintf("c%d/%d/%d/%d", m.Step, m.agendaRev, int(m.elapsed().Seconds()), m.width)
		if ak != m.AgendaKey {
			m.AgendaKey = ak
			ch := m.compactAgenda()
			a := room.AgendaView(m.st, m.lang, m.Steps, m.Step, m.Sess.Plan(), v, m.elapsed(), m.width-4, ch-2, true)
			m.agendaLines = components.Pane(m.st.PaneBorder, a, m.width, ch)
		}
		body = m.whoseBorder(m.st.PaneBorder, m.width) + "\n" + strings.Join(m.agendaLines[1:], "\n") + "\n" + strings.Join(components.Pane(m.st.FocusBorder, plan, m.width, bh-len(m.agendaLines)), "\n")
	}
	return body + "\n" + status
}

func (m *Model) planPane(w, h int) string {
	title := m.st.Title.Render(sectionLabel(m.Active, m.lang))
	if p := m.Sess.Plan(); p.Status == model.StatusClosed {
		title += m.st.Subtle.Render(model.T(m.lang, "  (avslutad — bara läsning)", "  (closed — read only)"))
	} else if p.Draft == nil {
		title += m.st.Subtle.Render(fmt.Sprintf(model.T(m.lang, "  (version %d, fastställd — bara läsning)", "  (version %d, finalised — read only)"), p.VersionNumber()))
	}
	idx := 0
	for i, id := range m.Order {
		if id == m.Active {
			idx = i
		}
	}
	tabs := m.st.Subtle.Render(fmt.Sprintf("  alt+%d · ctrl+g %s", (idx+1)%10, model.T(m.lang, "alla avsnitt", "all sections")))
	if idx >= 10 {
		tabs = m.st.Subtle.Render("  ctrl+g " + model.T(m.lang, "alla avsnitt", "all sections"))
	}
	body := m.Sections[m.Active].View(m.rev, m.findingMap)
	lines := strings.Split(body, "\n")
	head := ansi.Truncate(title+tabs, w, "…") + "\n"
	if c := m.closureLines(w); c != nil {
		// A closed plan says so on every section, with why and when,
		// whole: planSize has left the room for it.
		head += m.st.Warn.Render(strings.Join(c, "\n")) + "\n"
	} else if !m.tight() {
		head += "\n"
	}
	if len(lines) > h {
		lines = lines[:max(1, h)]
	}
	return head + strings.Join(lines, "\n")
}

package meeting

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
	"github.com/sipmote/sipmote/ui/screens/meeting/sharepanel"
)

// Leaving a meeting while its saves fail would leave what was typed since
// the last save only in memory. So ctrl+q then asks, with a question
// type-ahead cannot answer; yes leaves, and the plan goes to a recovery file
// on another disk (the home screen then says exactly where, or that even
// that failed), offered back at the next start. Staying keeps the text in
// the meeting, where the save is tried again every half second.

// leave is ctrl+q (and ctrl+c, a Windows user's "copy"). While saves fail
// it asks (askLeave); while devices are connected to the shared meeting
// it asks too, since closing ends the meeting on every one of them at
// once and a new share has new codes to type (askDrop).
func (m *Model) leave() tea.Cmd {
	m.settleField()
	if m.clockDirty > 0 {
		m.Sess.Changed("") // the last seconds of the clock
	}
	// A quick row not yet added goes with the position, so it is saved
	// with the last snapshot and opens again (KeptQuick).
	if m.keepsPosition() {
		m.Sess.SetPosition(m.position())
	}
	if m.SaveErr {
		return m.askLeave()
	}
	if m.Sharing != nil {
		if devs := m.Sharing.Devices(); len(devs) > 0 {
			m.askDrop(devs)
			return nil
		}
	}
	return m.closeMeeting()
}

// closeMeeting asks the root to close the meeting.
func (m *Model) closeMeeting() tea.Cmd {
	kept := m.KeptQuick()
	return func() tea.Msg { return CloseMeetingMsg{Kept: kept} }
}

// askDrop asks before closing a meeting that devices are connected to,
// with the question type-ahead cannot answer. Nothing typed is lost
// either way: yes saves and closes, no goes on.
func (m *Model) askDrop(devs []sharepanel.Device) {
	var who []string
	for _, role := range []string{"chair", "room"} {
		n := 0
		for _, d := range devs {
			if d.Role == role {
				n++
			}
		}
		if n > 0 {
			who = append(who, map[string]string{"chair": model.T(m.lang, "mötesledarens", "the chair's"), "room": model.T(m.lang, "rummets", "the room's")}[role])
		}
	}
	and := model.T(m.lang, " och ", " and ")
	m.leaveDevices = len(devs)
	m.LeaveAsk = components.NewConfirm(m.lang, m.st, model.Plural(m.lang, len(devs),
		"%d skärm är ansluten ("+strings.Join(who, and)+") och kopplas från om du stänger mötet. Stänga ändå? Inget som skrivits går förlorat, vilket du än svarar.",
		"%d skärmar är anslutna ("+strings.Join(who, and)+") och kopplas från om du stänger mötet. Stänga ändå? Inget som skrivits går förlorat, vilket du än svarar.",
		"%d screen is connected ("+strings.Join(who, and)+") and is disconnected if you close the meeting. Close anyway? Nothing typed is lost, whatever you answer.",
		"%d screens are connected ("+strings.Join(who, and)+") and are disconnected if you close the meeting. Close anyway? Nothing typed is lost, whatever you answer."))
}

// askLeave shows the question.
func (m *Model) askLeave() tea.Cmd {
	m.leaveDevices = 0
	where := m.svc.RecoveryDir()
	stay := model.T(m.lang, "Svara nej för att stanna: sparningen provas igen varje halv sekund.",
		"Answer no to stay: the save is tried again every half second.")
	if m.saveRefused {
		stay = model.T(m.lang, "Svara nej för att stanna, men den här databasen tar inte emot texten ens då.",
			"Answer no to stay, but this database will not take the text then either.")
	}
	if where == "" {
		m.LeaveAsk = components.NewConfirm(m.lang, m.st, model.T(m.lang,
			"Det senaste som skrevs är INTE sparat i databasen ("+m.saveWhy+"). Det finns heller ingen säker mapp för en återställningsfil: "+
				"ingen av de tänkbara är din egen och stängd för andra. Lämnar du mötet nu går det osparade förlorat. "+stay,
			"What was typed last is NOT saved in the database ("+m.saveWhy+"). Nor is there a safe folder for a recovery file: "+
				"none of the possible ones is your own and closed to others. If you leave the meeting now, what is unsaved is lost. "+stay))
		return nil
	}
	m.LeaveAsk = components.NewConfirm(m.lang, m.st, model.T(m.lang,
		"Det senaste som skrevs är INTE sparat i databasen ("+m.saveWhy+"). Lämna mötet ändå? "+
			"Då skrivs hela planen till en återställningsfil i "+where+", och sipmote erbjuder den vid nästa start. "+stay,
		"What was typed last is NOT saved in the database ("+m.saveWhy+"). Leave the meeting anyway? "+
			"Then the whole plan is written to a recovery file in "+where+", and sipmote offers it at the next start. "+stay))
	return nil
}

// updateLeave takes keys and pastes while the question is shown. A save
// that succeeds meanwhile ends the question: nothing would be lost any more.
func (m *Model) updateLeave(msg tea.Msg) (tea.Cmd, bool) {
	if m.LeaveAsk == nil {
		return nil, false
	}
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
	default:
		if !m.SaveErr && m.leaveDevices == 0 {
			m.LeaveAsk = nil
		}
		return nil, false
	}
	switch m.LeaveAsk.Update(msg) {
	case components.AnsweredYes:
		m.LeaveAsk, m.leaveDevices = nil, 0
		return m.closeMeeting(), true
	case components.AnsweredNo:
		if m.leaveDevices > 0 {
			m.Message = model.T(m.lang, "Mötet fortsätter; skärmarna är kvar.", "The meeting goes on; the screens stay connected.")
		}
		m.LeaveAsk, m.leaveDevices = nil, 0
	}
	return nil, true
}

func (m *Model) leaveView() string {
	return m.st.Box.Width(m.width).Height(m.height).MaxHeight(m.height).Render(m.LeaveAsk.View(max(20, m.width-4)))
}

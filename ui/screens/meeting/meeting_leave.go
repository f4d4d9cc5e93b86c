package meeting

import (
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
)

// Leaving a meeting while its saves fail would leave what was typed since
// the last save only in memory. So ctrl+q then asks, with a question
// type-ahead cannot answer; yes leaves, and the plan goes to a recovery file
// on another disk (the home screen then says exactly where, or that even
// that failed), offered back at the next start. Staying keeps the text in
// the meeting, where the save is tried again every half second.

// askLeave shows the question.
func (m *Model) askLeave() tea.Cmd {
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
		if !m.SaveErr {
			m.LeaveAsk = nil
		}
		return nil, false
	}
	switch m.LeaveAsk.Update(msg) {
	case components.AnsweredYes:
		m.LeaveAsk = nil
		return func() tea.Msg { return CloseMeetingMsg{} }, true
	case components.AnsweredNo:
		m.LeaveAsk = nil
	}
	return nil, true
}

func (m *Model) leaveView() string {
	return m.st.Box.Width(m.width).Height(m.height).MaxHeight(m.height).Render(m.LeaveAsk.View(max(20, m.width-4)))
}

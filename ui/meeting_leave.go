package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

// Leaving a meeting while its saves fail would throw away what was typed
// since the last save: the open meeting is the only place it still exists.
// So ctrl+q then asks, with a question type-ahead cannot answer, and the
// answer that loses the text is a deliberate key. Staying keeps the text in
// the meeting, where the save is tried again every half second.

// askLeave shows the question.
func (m *meetingModel) askLeave() tea.Cmd {
	m.leaveAsk = newConfirm(m.lang, m.st, model.T(m.lang,
		"Det senaste som skrevs är INTE sparat ("+m.lastSaved()+"). Det finns bara kvar här, i det öppna mötet. "+
			"Lämna mötet ändå och förlora det? Svara nej för att stanna: programmet försöker spara igen varje halv sekund.",
		"What was typed last is NOT saved ("+m.lastSaved()+"). It exists only here, in the open meeting. "+
			"Leave the meeting anyway and lose it? Answer no to stay: the program tries to save again every half second."))
	return nil
}

// lastSaved names the save error on screen, for the question.
func (m *meetingModel) lastSaved() string { return m.saveText }

// updateLeave takes keys and pastes while the question is shown. A save
// that succeeds meanwhile ends the question: nothing would be lost any more.
func (m *meetingModel) updateLeave(msg tea.Msg) (tea.Cmd, bool) {
	if m.leaveAsk == nil {
		return nil, false
	}
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
	default:
		if !m.saveErr {
			m.leaveAsk = nil
		}
		return nil, false
	}
	switch m.leaveAsk.update(msg) {
	case answeredYes:
		m.leaveAsk = nil
		return func() tea.Msg { return closeMeetingMsg{} }, true
	case answeredNo:
		m.leaveAsk = nil
	}
	return nil, true
}

func (m *meetingModel) leaveView() string {
	return m.st.Box.Width(m.width).Height(m.height).MaxHeight(m.height).Render(m.leaveAsk.view(max(20, m.width-4)))
}

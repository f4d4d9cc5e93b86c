package ui

import (
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// TestSpaceBeginningASentenceChangesNoRow: " och sedan" typed on the
// participants list in one burst marked the person under the cursor
// absent, silently (tryout41a #4); on the coordinator list it appointed
// whoever was under the cursor. A space that begins a text now changes
// nothing, one line says so, and the text starts a quick row; a space
// typed on its own still switches.
func TestSpaceBeginningASentenceChangesNoRow(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m, _ := openViewsMeeting(t, l, 80, 24)
		send(m, meeting.GotoSectionMsg{ID: model.SectionParticipants})
		ls := m.meeting.Sections[model.SectionParticipants].(*meeting.ListSection)
		if ls.Form != nil {
			press(m, "esc")
		}
		att := func() model.Attendance { return livePlan(m).Draft.Meeting.Participants[ls.Cursor].Attendance }
		was := att()
		typeText(m, model.T(l, " och sedan", " and then"))
		if att() != was {
			t.Errorf("%s: a space beginning a sentence changed the attendance %s → %s", l, was, att())
		}
		if want := model.T(l, "Mellanslaget ändrade inget: det började en text.", "The space changed nothing: it began a text."); !strings.Contains(flat(screenText(m)), want) {
			t.Errorf("%s: no line says the space changed nothing (%q):\n%s", l, want, screenText(m))
		}
		if want := model.T(l, "och sedan", "and then"); !strings.Contains(screenText(m), want) {
			t.Errorf("%s: the typed text is not in the quick row:\n%s", l, screenText(m))
		}
		press(m, "esc", "esc") // throw the quick row away
		press(m, "space")
		if att() == was {
			t.Errorf("%s: a space typed alone did not switch the attendance", l)
		}
		press(m, "right") // a key that is not text ends the run
		press(m, "space")
		if att() != was {
			t.Errorf("%s: a second space alone did not switch it back", l)
		}

		send(m, meeting.GotoSectionMsg{ID: model.SectionCoordinator})
		coord := func() string { return livePlan(m).Draft.Content.Coordinator.ParticipantID }
		before := coord()
		press(m, "down")
		typeText(m, model.T(l, " och sedan", " and then"))
		if coord() != before {
			t.Errorf("%s: a space beginning a sentence appointed another coordinator", l)
		}
		if want := model.T(l, "Mellanslaget ändrade inget", "The space changed nothing"); !strings.Contains(flat(screenText(m)), want) {
			t.Errorf("%s: the coordinator list does not say the space changed nothing:\n%s", l, screenText(m))
		}
		press(m, "down", "up", "space")
		if coord() == before {
			t.Errorf("%s: a space typed alone did not appoint", l)
		}
	}
}

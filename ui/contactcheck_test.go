package ui

import (
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// TestPhoneWithoutDigitsIsSaid: "inte ett nummer!!" typed as a phone was
// taken without a word and printed as the number to call (tryout41a #13).
// It is still taken, as typed, and the field says what is wrong with it.
func TestPhoneWithoutDigitsIsSaid(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m := newTestModel(t, openTestDB(t), l, 80, 24)
		newMeeting(t, m, "Karin Holm", "Ali Rahimi")
		send(m, meeting.GotoSectionMsg{ID: model.SectionParticipants})
		press(m, "esc")
		typeText(m, "Maria Holm, kurator, IFO, kommun")
		press(m, "enter", "esc")
		send(m, meeting.JumpMsg{Path: "meeting.participants[0].phone"})
		typeText(m, "inte ett nummer!!")
		send(m, meeting.JumpMsg{Path: "meeting.participants[0].email"})
		typeText(m, "maria.holm@kommun")
		pts := livePlan(m).Draft.Meeting.Participants
		if len(pts) == 0 || pts[0].Phone != "inte ett nummer!!" || pts[0].Email != "maria.holm@kommun" {
			t.Fatalf("%s: what was typed was not kept: %+v", l, pts)
		}
		// Findings follow the save tick, as while typing.
		send(m, meeting.SaveTickMsg{Owner: m.meeting.Owner()})
		flat := func() string { return strings.Join(strings.Fields(strings.ReplaceAll(screenText(m), "│", " ")), " ") }
		say := model.T(l, "den saknar en domän med punkt", "it lacks a domain with a dot")
		if !strings.Contains(flat(), say) {
			t.Errorf("%s: the e-mail field does not say %q:\n%s", l, say, screenText(m))
		}
		send(m, meeting.JumpMsg{Path: "meeting.participants[0].phone"})
		say = model.T(l, "det har inga siffror", "it has no digits")
		if !strings.Contains(flat(), say) {
			t.Errorf("%s: the phone field does not say %q:\n%s", l, say, screenText(m))
		}
		// Appointed coordinator: the section where she is chosen says it,
		// with what the easy-read page does with the number.
		send(m, meeting.GotoSectionMsg{ID: model.SectionCoordinator})
		press(m, "enter")
		say = model.T(l, "Numret har inga siffror; den lättlästa sidan ber den enskilde ringa det.", "The number has no digits; the easy-read page tells the person to call it.")
		if livePlan(m).Draft.Content.Coordinator.ParticipantID == "" || !strings.Contains(flat(), say) {
			t.Errorf("%s: the coordinator section does not say %q:\n%s", l, say, screenText(m))
		}
	}
}

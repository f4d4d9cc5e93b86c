package ui

import (
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// TestQuickAnswerAfterAPause: delete on a row, then j 0.4 s later,
// was thrown away as typed ahead (tryout42a #21). When the keyboard was
// still before delete, nothing typed ahead can be in flight, so the j
// answers; delete pressed in the middle of typing still waits for the
// keyboard to be still.
func TestQuickAnswerAfterAPause(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		now := fakeConfirmClock(t)
		m, _ := openViewsMeeting(t, l, 80, 24)
		send(m, meeting.GotoSectionMsg{ID: model.SectionParticipants})
		count := func() int { return len(livePlan(m).Draft.Meeting.Participants) }
		n := count()
		if n < 2 {
			t.Fatalf("%s: the demo has %d participants", l, n)
		}
		yes := model.T(l, "j", "y")
		*now = now.Add(2 * time.Second)
		press(m, "delete")
		*now = now.Add(400 * time.Millisecond)
		press(m, yes)
		if count() != n-1 {
			t.Fatalf("%s: a %s 0.4 s after delete, pressed after a pause, was not taken:\n%s", l, yes, screenText(m))
		}
		// In the middle of moving about the table: the same j waits.
		for range 5 {
			*now = now.Add(100 * time.Millisecond)
			press(m, "down")
		}
		*now = now.Add(100 * time.Millisecond)
		press(m, "delete")
		*now = now.Add(400 * time.Millisecond)
		press(m, yes)
		if count() != n-1 {
			t.Fatalf("%s: a %s right after keys in a stream answered the question", l, yes)
		}
		*now = now.Add(time.Second)
		press(m, yes)
		if count() != n-2 {
			t.Errorf("%s: a %s after the wait did not answer:\n%s", l, yes, screenText(m))
		}
	}
}

package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// TestLeavingASharedMeetingAsksFirst: ctrl+c (copy, to a Windows user) or
// ctrl+q on the secretary's screen closed a shared meeting for every
// connected device at once, without a word (tryout41a #8). While devices
// are connected it asks first, with the question keys typed ahead cannot
// answer; no goes on with everything as it was, yes closes and saves.
func TestLeavingASharedMeetingAsksFirst(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		for _, k := range []string{"ctrl+c", "ctrl+q"} {
			now := fakeConfirmClock(t)
			m := newTestModel(t, openTestDB(t), l, 80, 24)
			newMeeting(t, m, "Karin Holm", "Ali Rahimi")
			m.meeting.Sharing = newFakeSharing("127.0.0.1", 2)
			inEdit(m, func() { m.meeting.GoSection(model.SectionSituation) })
			typeText(m, "Maja")
			press(m, k)
			flat := func() string { return strings.Join(strings.Fields(strings.ReplaceAll(screenText(m), "│", " ")), " ") }
			ask := model.T(l, "2 skärmar är anslutna (mötesledarens och rummets) och kopplas från om du stänger mötet.",
				"2 screens are connected (the chair's and the room's) and are disconnected if you close the meeting.")
			if m.screen != screenMeeting || !strings.Contains(flat(), ask) {
				t.Fatalf("%s %s: no question before closing:\n%s", l, k, screenText(m))
			}
			// Keys typed on, as if nothing had been asked, answer nothing.
			press(m, "j", "y")
			if m.screen != screenMeeting || m.meeting.LeaveAsk == nil {
				t.Fatalf("%s %s: type-ahead answered the question", l, k)
			}
			*now = now.Add(time.Second)
			press(m, "n")
			if m.screen != screenMeeting || m.meeting.LeaveAsk != nil || m.meeting.Sharing == nil {
				t.Fatalf("%s %s: no did not go on with the meeting:\n%s", l, k, screenText(m))
			}
			if got := livePlan(m).Draft.Content.Situation; !strings.HasSuffix(got, "Maja") {
				t.Errorf("%s %s: the text typed before is %q", l, k, got)
			}
			press(m, k)
			*now = now.Add(time.Second)
			press(m, model.T(l, "j", "y"))
			drainPending(m)
			if want := model.T(l, "Mötet är stängt och allt som skrevs är sparat.", "The meeting is closed and everything typed is saved."); m.screen != screenHome || !strings.Contains(screenText(m), want) {
				t.Errorf("%s %s: yes did not close and save:\n%s", l, k, screenText(m))
			}
		}
	}
}

package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// largePlan has 15 participants, 10 goals, 60 actions and about 20 kB of
// text: a long SIP, the size the keystroke budget is set for.
func largePlan() *model.Plan {
	p := model.NewPlan(model.Person{Name: "Maja Lind", PNR: "19890412-3455"}, fixedNow)
	v := p.Draft
	v.Meeting.Chair, v.Meeting.Secretary = "Karin Holm", "Ali Rahimi"
	text := strings.Repeat("Hon sover dåligt men samtalen med Ali fungerar bra. ", 60) // ~3 kB
	for i := range 15 {
		v.Meeting.Participants = append(v.Meeting.Participants, model.Participant{ID: model.NewID(),
			Name: fmt.Sprintf("Deltagare %d", i), Role: model.RoleStaff, Unit: "Enhet", Principal: model.PrincipalRegion, Attendance: model.AttendRoom})
	}
	for i := range 10 {
		v.Content.Goals = append(v.Content.Goals, model.Goal{ID: model.NewID(), Text: fmt.Sprintf("Mål nummer %d med lite text", i)})
	}
	for i := range 60 {
		v.Content.Actions = append(v.Content.Actions, model.Action{ID: model.NewID(),
			What: fmt.Sprintf("Insats %d: stöd i vardagen varje vecka", i), Unit: "Enhet", Responsible: "Karin Holm",
			When: "varje tisdag", Status: model.ActionPlanned})
	}
	v.Content.OwnWords, v.Content.Situation, v.Content.Needs = text, text, text
	v.Content.NotAgreed, v.Content.Notes, v.Content.Evaluation = text, text, text
	return p
}

// benchMeeting stores p and opens its meeting screen, as one view of a
// session that the benchmark's end closes.
func benchMeeting(b *testing.B, p *model.Plan) (*meeting.Model, *service.View) {
	b.Helper()
	db := openTestDB(b)
	if err := db.Create(context.Background(), p); err != nil {
		b.Fatal(err)
	}
	s := db.SessionOn(p)
	b.Cleanup(func() { _ = s.Close() })
	v := s.Attach()
	st := common.DefaultStyles()
	var m *meeting.Model
	v.Edit(func(*model.Plan) {
		m = meeting.New(context.Background(), model.Swedish, &st, db, v, testAgenda(b)(model.AgeAdult), func() time.Time { return fixedNow })
	})
	return m, v
}

// benchKeys alternates a letter and backspace, so the text stays the same
// length however many iterations run.
var benchKeys = []tea.Msg{
	tea.KeyPressMsg{Code: 'a', Text: "a"},
	tea.KeyPressMsg{Code: tea.KeyBackspace},
}

// BenchmarkKeystrokeLargePlan types into an action's text in the meeting
// screen of a large plan: one Update and one View per key.
func BenchmarkKeystrokeLargePlan(b *testing.B) {
	p := largePlan()
	m, v := benchMeeting(b, p)
	// Every key is one Edit and every frame one Read of the session, as in
	// the program: the locks are part of the cost.
	// A typed character is gathered and given to the field by the message
	// its key asks for (meeting_typing.go): both are part of a key's cost.
	key := func(msg tea.Msg) {
		var cmd tea.Cmd
		v.Edit(func(*model.Plan) { cmd = m.Update(msg) })
		if k, ok := msg.(tea.KeyPressMsg); ok && k.Text != "" && cmd != nil {
			end := cmd() // the typedMsg: it returns at once
			v.Edit(func(*model.Plan) { m.Update(end) })
		}
	}
	frame := func() (out string) { v.Read(func(*model.Plan) { out = m.View() }); return out }
	v.Edit(func(*model.Plan) {
		m.SetSize(120, 40)
		m.GoSection(model.SectionActions)
		m.Sections[model.SectionActions].(*meeting.ListSection).OpenRow(30)
	})
	// The key must land in the action: check once before timing.
	before := p.Draft.Content.Actions[30].What
	key(benchKeys[0])
	if got := p.Draft.Content.Actions[30].What; got != before+"a" || !strings.Contains(frame(), before+"a") {
		b.Fatalf("the key did not reach the action: %q", got)
	}
	key(benchKeys[1])
	frame()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		key(benchKeys[i%2])
		_ = frame()
	}
}

// BenchmarkKeystrokeBareTextarea is the baseline: the same keys into a bare
// bubbles textarea holding the same text.
func BenchmarkKeystrokeBareTextarea(b *testing.B) {
	ta := textarea.New()
	ta.SetWidth(80)
	ta.SetHeight(10)
	ta.SetValue(largePlan().Draft.Content.Actions[30].What)
	ta.Focus()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ta, _ = ta.Update(benchKeys[i%2])
		_ = ta.View()
	}
}

package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/meeting/printdialog"
	"github.com/sipmote/sipmote/ui/screens/room"
)

func key1(s string) tea.KeyPressMsg {
	switch s {
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

func overlayKeys(o common.Overlay, keys ...string) (common.Overlay, tea.Cmd) {
	var cmd tea.Cmd
	for _, k := range keys {
		if o == nil {
			break
		}
		cmd = o.Update(key1(k))
		if o.Closed() {
			o = nil
		}
	}
	return o, cmd
}

func copiesPlan() (*model.Plan, *model.Version) {
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, fixedNow)
	v := p.Draft
	v.Meeting.Participants = []model.Participant{
		{ID: "m", Name: "Maja Lind", Role: model.RolePerson, Attendance: model.AttendRoom},
		{ID: "e", Name: "Eva Lind", Role: model.RoleRelative, Attendance: model.AttendRoom},
		{ID: "t", Name: "Aino", Role: model.RoleInterpreter, Attendance: model.AttendRoom, Language: "finska"},
		{ID: "p", Name: "Per Wall", Role: model.RoleStaff, Unit: "Geriatriken"},
	}
	v.Content.Actions = []model.Action{{ID: "a", What: "Läkemedel", Responsible: "Per Wall"}}
	return p, v
}

// TestCopiesOverlay: before printing, the secretary leaves a copy out and
// adds one; on a draft the change is kept in the plan, and the job holds
// exactly the papers ticked.
func TestCopiesOverlay(t *testing.T) {
	p, v := copiesPlan()
	st := common.DefaultStyles()
	o := printdialog.New(model.Swedish, &st, p, v, true)
	view := viewAt(o, 80, 24)
	for _, want := range []string{"Original till Maja Lind", "Kopia till Eva Lind", "Kopia till Per Wall, Geriatriken"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "Aino") {
		t.Errorf("the interpreter gets no copy:\n%s", view)
	}
	// Leave Eva out, add the överförmyndare, print.
	var ov common.Overlay = o
	ov, _ = overlayKeys(ov, "down", "space", "n")
	for _, r := range "Överförmyndaren, Kommunen" {
		ov.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	ov, _ = overlayKeys(ov, "enter")
	if len(v.Copies.Removed) != 1 || v.Copies.Removed[0] != "Eva Lind" || len(v.Copies.Added) != 1 || v.Copies.Added[0].Name != "Överförmyndaren" {
		t.Fatalf("edits not kept on the draft: %+v", v.Copies)
	}
	ov, cmd := overlayKeys(ov, "enter")
	if ov != nil || cmd == nil {
		t.Fatal("enter must close the overlay and print")
	}
	job := cmd().(printdialog.JobMsg).Job
	var names []string
	for _, r := range job.Copies {
		names = append(names, r.Name)
	}
	if !job.Original || strings.Join(names, ",") != "Per Wall,Överförmyndaren" {
		t.Errorf("job original %t copies %v", job.Original, names)
	}

	// A finalised version: changes hold for this print only.
	p2, v2 := copiesPlan()
	now := fixedNow
	v2.FinalisedAt = &now
	ov = printdialog.New(model.English, &st, p2, v2, false)
	ov, _ = overlayKeys(ov, "space", "down", "space") // no original, no Eva
	_, cmd = overlayKeys(ov, "enter")
	job = cmd().(printdialog.JobMsg).Job
	if job.Original || len(job.Copies) != 1 || job.Copies[0].Name != "Per Wall" || len(v2.Copies.Removed) != 0 {
		t.Errorf("finalised: job %+v, edits %+v", job, v2.Copies)
	}
}

// TestRoundOverlayLeaving: g marks someone as gone at the step under way;
// the next round skips them and the current one no longer waits for them.
func TestRoundOverlayLeaving(t *testing.T) {
	_, v := copiesPlan()
	v.Meeting.Participants[3].Attendance = model.AttendRoom
	st := common.DefaultStyles()
	order := []string{"intro", "goals", "eval"}
	clock := func() time.Time { return time.Date(2026, 11, 25, 13, 40, 0, 0, time.Local) }
	var ov common.Overlay = room.NewRoundOverlay(model.Swedish, &st, v, "goals", order, "goals", clock)
	// Rows: Maja, Eva, Per (the interpreter is not in rounds).
	if view := viewAt(ov, 60, 20); strings.Contains(view, "Aino") {
		t.Errorf("the interpreter is in the round:\n%s", view)
	}
	ov, _ = overlayKeys(ov, "down", "down", "g")
	left := v.Meeting.Participants[3].Left
	if left == nil || left.At != "13:40" || left.Step != "goals" {
		t.Fatalf("leaving %+v", left)
	}
	for _, step := range []string{"goals", "eval"} {
		for _, pt := range v.RoundMembers(step, order) {
			if pt.ID == "p" {
				t.Errorf("Per is still in the round of %s", step)
			}
		}
	}
	if len(v.RoundMembers("intro", order)) != 3 {
		t.Error("an earlier round keeps him")
	}
	if view := viewAt(ov, 60, 20); !strings.Contains(view, "Per Wall — gick 13:40") {
		t.Errorf("view:\n%s", view)
	}
	overlayKeys(ov, "g")
	if v.Meeting.Participants[3].Left != nil {
		t.Error("g again undoes the leaving")
	}
	// Written ahead with a note, the leaving keeps its note when g says
	// the person leaves now.
	v.Meeting.Participants[3].Left = model.ParseLeaving("13:50, till ett annat möte")
	overlayKeys(ov, "g")
	if lv := v.Meeting.Participants[3].Left; lv == nil || lv.At != "13:40" || lv.Note != "till ett annat möte" {
		t.Errorf("g on a leaving written ahead gave %+v, want 13:40 and the note kept", lv)
	}
	// g again, "is back": the note stays and so does the time written
	// ahead (tryout2 #31).
	overlayKeys(ov, "g")
	if lv := v.Meeting.Participants[3].Left; lv == nil || lv.At != "13:50" || lv.Note != "till ett annat möte" {
		t.Errorf("g back on a leaving written ahead gave %+v, want 13:50 and the note kept", lv)
	}
	// Marked gone without anything written ahead, back is no leaving.
	v.Meeting.Participants[3].Left = nil
	overlayKeys(ov, "g", "g")
	if lv := v.Meeting.Participants[3].Left; lv != nil {
		t.Errorf("g, g on someone with no leaving gave %+v", lv)
	}
}

// viewAt draws an overlay at w × h, as the meeting does.
func viewAt(o common.Overlay, w, h int) string {
	o.SetSize(w, h)
	return o.View()
}

// TestSigningNamesTheGuardiansOriginals: once a child's plan is
// finalised, the signing step says each guardian gets an original, as
// the print dialog does, not "the person".
func TestSigningNamesTheGuardiansOriginals(t *testing.T) {
	m, _ := openViewsMeeting(t, model.Swedish, 100, 30)
	for i, s := range m.meeting.Steps {
		if s.Section == model.SectionFinish {
			inEdit(m, func() { m.meeting.GoStep(i) })
		}
	}
	// Finalised: the draft is the last version (a closed plan's step
	// says it prints a copy instead, closedscreens_test.go).
	inEdit(m, func() {
		p := livePlan(m)
		v := *p.Draft
		at := fixedNow
		v.FinalisedAt = &at
		p.Versions, p.Draft, p.Status = append(p.Versions, v), nil, model.StatusActive
	})
	send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	out := screenText(m)
	if !strings.Contains(out, "ett original var till") || !strings.Contains(out, "vårdnadshavarna Anna Nyström") || strings.Contains(out, "original till den enskilde") {
		t.Fatalf("the signing step does not give the guardians the originals:\n%s", screenText(m))
	}
}

// TestRoundOverlayIgnoresTypedText: a sentence typed on the round of
// speakers ("gick hem nu", by someone who thought she was in a text field)
// neither marks anyone as gone with its g nor ticks with its spaces; one
// line says which keys work. Keys typed alone still do.
func TestRoundOverlayIgnoresTypedText(t *testing.T) {
	_, v := copiesPlan()
	st := common.DefaultStyles()
	order := []string{"intro", "goals", "eval"}
	clock := func() time.Time { return time.Date(2026, 11, 25, 13, 40, 0, 0, time.Local) }
	var ov common.Overlay = room.NewRoundOverlay(model.Swedish, &st, v, "goals", order, "goals", clock)
	var keys []string
	for _, r := range "gick hem nu, vi tar det sen" {
		keys = append(keys, string(r))
	}
	ov, _ = overlayKeys(ov, keys...)
	if ov == nil {
		t.Fatal("typed text closed the round")
	}
	if lv := v.Meeting.Participants[0].Left; lv != nil || len(v.Rounds["goals"]) != 0 {
		t.Errorf("typed text changed the round: left %+v, ticked %v", lv, v.Rounds["goals"])
	}
	if view := viewAt(ov, 60, 20); !strings.Contains(view, "Här skrivs ingen text") {
		t.Errorf("no line says which keys work:\n%s", view)
	}
	overlayKeys(ov, "down", "space")
	if len(v.Rounds["goals"]) != 1 {
		t.Errorf("space typed alone did not tick: %v", v.Rounds["goals"])
	}
}

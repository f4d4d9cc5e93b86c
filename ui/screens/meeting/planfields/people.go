package planfields

import (
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
)

// attendanceShort is the attendance in the participant table's narrow
// first column.
func AttendanceShort(l model.Lang, p model.Participant) string {
	s := map[model.Attendance]model.Text{
		model.AttendRoom:  {SV: "✓", EN: "✓"},
		model.AttendVideo: {SV: "video", EN: "video"},
		model.AttendPhone: {SV: "tel", EN: "phone"},
	}[p.Attendance].In(l)
	if s == "" {
		return model.T(l, "nej", "no")
	}
	if p.Left != nil {
		s += model.T(l, " gick", " left")
	}
	return s
}

// toggleAttendance is the quick key on a participant row: absent becomes
// present the way the meeting is held, present becomes absent.
func ToggleAttendance(p *model.Participant, f model.MeetingForm) {
	if p.IsPresent() {
		p.Attendance = model.AttendAbsent
		return
	}
	p.Attendance = model.FormAttendance(f)
}

func AttendanceOpts(l model.Lang) []components.Option {
	var out []components.Option
	for _, a := range model.Attendances {
		out = append(out, components.Option{Value: string(a), Label: a.Label(l)})
	}
	return out
}

// goalsField edits the goals an action serves as their numbers, "1, 3",
// since an action can serve several and the plan refers to goals by number.
// A number that names no goal is kept as typed and said under the field
// (model.SetGoalNumbers), on this screen and in the accessible mode.
func GoalsField(l model.Lang, v func() *model.Version, row func(create bool) *model.Action) components.Field {
	return components.Field{Path: "content.actions[].goal_ids", Label: model.T(l, "Vilka mål insatsen hör till (nummer, t.ex. 1, 3)", "Which goals it serves (numbers, e.g. 1, 3)"),
		Kind: components.KindText,
		Get:  func() string { return row(false).GoalNumbers(v().Content.Goals) },
		Set:  func(s string) { row(true).SetGoalNumbers(s, v().Content.Goals) },
		Check: func(s string) string {
			return model.GoalNumbersProblem(l, s, v().Content.Goals)
		}}
}

// actionContactField asks how to reach an action's responsible person when
// they were not at the meeting and the participant list has no phone or
// e-mail for them: their copy and any question go to them afterwards.
func ActionContactField(l model.Lang, v func() *model.Version, row func(create bool) *model.Action) components.Field {
	return components.Field{Path: "content.actions[].contact", Kind: components.KindText,
		Label: model.T(l, "Kontakt till den ansvariga (var inte med på mötet)", "Contact for the responsible person (not at the meeting)"),
		Hint:  model.T(l, "telefon eller e-post", "phone or e-mail"),
		Get:   func() string { return row(false).Contact },
		Set:   func(s string) { row(true).Contact = s },
		Hide: func() bool {
			a := row(false)
			if a.Contact != "" {
				return false
			}
			// Each person responsible on their own: "Anna och Peter
			// Nyström", both in the room, need no contact here.
			return len(v().Unreached(*a, "")) == 0
		}}
}

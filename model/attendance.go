package model

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Attendance is how a participant takes part in the meeting. A meeting in
// one room can have one person on the phone and another on video, so it is
// kept per person; the meeting's form is only the default.
type Attendance string

const (
	AttendAbsent Attendance = ""      // not there (or not marked yet)
	AttendRoom   Attendance = "room"  // on site: the meeting room, or the home
	AttendVideo  Attendance = "video" // by video
	AttendPhone  Attendance = "phone" // by phone
	// attendAbsentWord is how "absent" may be written in a file; it is
	// read as AttendAbsent.
	attendAbsentWord Attendance = "absent"
)

// Attendances lists the choices in the order a form offers them.
var Attendances = []Attendance{AttendRoom, AttendVideo, AttendPhone, AttendAbsent}

var attendanceLabels = map[Attendance]Text{
	AttendRoom:   {"på plats", "in the room"},
	AttendVideo:  {"via video", "by video"},
	AttendPhone:  {"via telefon", "by phone"},
	AttendAbsent: {"frånvarande", "absent"},
}

// Label is the attendance on screen and paper.
func (a Attendance) Label(l Lang) string { return attendanceLabels[a.norm()].In(l) }

func (a Attendance) norm() Attendance {
	if a == attendAbsentWord {
		return AttendAbsent
	}
	return a
}

// Remote tells whether the participant is there but not in the room, and
// so cannot sign the paper at the meeting.
func (a Attendance) Remote() bool { return a == AttendVideo || a == AttendPhone }

// FormAttendance is how someone marked present takes part by default in a
// meeting of form f: by video in a video meeting, and so on.
func FormAttendance(f MeetingForm) Attendance {
	switch f {
	case FormVideo:
		return AttendVideo
	case FormPhone:
		return AttendPhone
	}
	return AttendRoom
}

// IsPresent tells whether the participant takes part, in the room, by
// video or by phone.
func (pt Participant) IsPresent() bool {
	switch pt.Attendance {
	case AttendRoom, AttendVideo, AttendPhone:
		return true
	}
	return false
}

// Leaving says when a participant left a meeting before its end.
type Leaving struct {
	// At is the clock time, HH:MM, when known.
	At string `json:"at,omitempty"`
	// Note says it in words when there is no time: "after the break".
	Note string `json:"note,omitempty"`
	// Step is the agenda step under way when the secretary marked them
	// as gone; it places the leaving exactly in the agenda.
	Step string `json:"step,omitempty"`
	// Planned is the time written ahead ("10:40, gick till ett annat
	// möte") while the person is marked as gone now: coming back puts
	// it back, with the note, as the secretary wrote it.
	Planned string `json:"planned,omitempty"`
}

// Back is the leaving when someone marked as gone comes back into the
// room: what was written ahead (a time still to come, a note), or none.
// The note is the secretary's own words and is never thrown away.
func (lv *Leaving) Back() *Leaving {
	if lv == nil || lv.Planned == "" && strings.TrimSpace(lv.Note) == "" {
		return nil
	}
	return &Leaving{At: lv.Planned, Note: lv.Note}
}

// Text is the leaving as the plan prints it: "gick 13:20", "gick efter
// pausen".
func (lv *Leaving) Text(l Lang) string {
	if lv == nil {
		return ""
	}
	var parts []string
	if at := strings.TrimSpace(lv.At); at != "" {
		parts = append(parts, at)
	}
	if n := strings.TrimSpace(lv.Note); n != "" {
		parts = append(parts, n)
	}
	if len(parts) == 0 {
		return T(l, "gick före slutet", "left before the end")
	}
	return T(l, "gick ", "left ") + strings.Join(parts, ", ")
}

// ParseLeaving reads what the secretary typed: a clock time ("13.20" is
// tidied to 13:20), or a note when it is not a time. Empty gives nil.
func ParseLeaving(s string) *Leaving {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if t := TidyClock(s); CheckClock(t) == nil {
		return &Leaving{At: t}
	}
	// "10:40, gick till ett annat möte": a time first, then a note, as
	// String writes it back. The time is what rounds read.
	// Only a written time counts ("10:40", "10.40", "1040"): "10 minuter
	// före slutet" is a note.
	if i := strings.IndexAny(s, ",; \t"); i > 0 && clockLike.MatchString(s[:i]) {
		if t := TidyClock(s[:i]); CheckClock(t) == nil {
			note := strings.TrimSpace(strings.TrimLeft(s[i:], ",; \t–-"))
			return &Leaving{At: t, Note: note}
		}
	}
	return &Leaving{Note: s}
}

// clockLike is a time as written before a note: 10:40, 10.40 or 1040.
var clockLike = regexp.MustCompile(`^(\d{1,2}[:.]\d{2}|\d{4})$`)

// String is the leaving as the form shows it for editing.
func (lv *Leaving) String() string {
	if lv == nil {
		return ""
	}
	if lv.At != "" {
		if lv.Note != "" {
			return lv.At + ", " + lv.Note
		}
		return lv.At
	}
	return lv.Note
}

// InRound tells whether a participant belongs in the speaker round of
// agenda step stepID. order is the agenda's step ids in order. Someone
// absent, an interpreter, or someone who had left before the step began is
// not in the round; someone already ticked in it always is, so a tick is
// never lost.
//
// When the leaving is placed at a step, steps from that one on are
// skipped. When only a time is known, a step is skipped if it began at or
// after that time, counting from the meeting's start and the time spent on
// the steps before it. A leaving with neither skips every round the
// participant has not spoken in.
func (v *Version) InRound(pt Participant, stepID string, order []string) bool {
	if !pt.IsPresent() || !pt.Speaks() {
		return false
	}
	for _, id := range v.Rounds[stepID] {
		if id == pt.ID {
			return true
		}
	}
	lv := pt.Left
	if lv == nil {
		return true
	}
	if lv.Step != "" {
		at, left := indexOf(order, stepID), indexOf(order, lv.Step)
		if at >= 0 && left >= 0 {
			return at < left
		}
	}
	if left, err := ParseClock(lv.At); err == nil {
		if begins, ok := v.stepBegins(stepID, order); ok {
			return begins.Before(left)
		}
	}
	return false
}

// RoundMembers lists the participants who belong in the round of a step.
func (v *Version) RoundMembers(stepID string, order []string) []Participant {
	var out []Participant
	for _, pt := range v.Meeting.Participants {
		if v.InRound(pt, stepID, order) {
			out = append(out, pt)
		}
	}
	return out
}

// stepBegins estimates the clock time a step began: the meeting's start
// plus the time spent on the steps before it.
func (v *Version) stepBegins(stepID string, order []string) (time.Time, bool) {
	i := indexOf(order, stepID)
	if i < 0 {
		return time.Time{}, false
	}
	start, err := ParseClock(v.Meeting.Start)
	if st := v.Meeting.StartedAt; st != nil {
		start, err = ParseClock(st.Local().Format(TimeLayout))
	}
	if err != nil {
		return time.Time{}, false
	}
	secs := 0
	for _, id := range order[:i] {
		secs += v.Agenda[id].Seconds
	}
	return start.Add(time.Duration(secs) * time.Second), true
}

func indexOf(ss []string, s string) int {
	for i, x := range ss {
		if x == s {
			return i
		}
	}
	return -1
}

// Signing is whether a participant signs the plan at the meeting.
type Signing string

const (
	SignNow   Signing = "now"   // a line on the original
	SignLater Signing = "later" // listed as signing later
	SignNo    Signing = "no"    // does not sign
)

// Signings lists the choices in the order a form offers them.
var Signings = []Signing{SignNow, SignLater, SignNo}

var signingLabels = map[Signing]Text{
	SignNow:   {"skriver under nu", "signs now"},
	SignLater: {"skriver under senare", "signs later"},
	SignNo:    {"skriver inte under", "does not sign"},
}

// Label is the choice on screen.
func (s Signing) Label(l Lang) string { return signingLabels[s].In(l) }

// Signing is whether the participant signs now, later or not: the
// secretary's choice when made, else the default of the role and the
// attendance. Someone on the phone or on video cannot sign the paper in
// the room, and someone who left early has gone before the signing, so
// both sign later; an interpreter and anyone absent do not sign.
func (pt Participant) Signing() Signing {
	if pt.Signs != "" {
		return pt.Signs
	}
	if !pt.Role.Defaults().Signs || !pt.IsPresent() {
		return SignNo
	}
	if pt.Attendance.Remote() || pt.Left != nil {
		return SignLater
	}
	return SignNow
}

// MixedAttendance says who took part another way than the meeting's form,
// "1 via telefon, 2 via video", so that the plan shows a meeting in the
// home with the son on the phone for what it was. Empty when everyone
// present took part the way the meeting was held.
func MixedAttendance(v *Version, l Lang) string {
	usual := FormAttendance(v.Meeting.Form)
	if v.Meeting.Form == FormRoomVideo {
		usual = AttendRoom
	}
	count := map[Attendance]int{}
	for _, pt := range v.Meeting.Participants {
		if pt.IsPresent() && pt.Attendance != usual {
			count[pt.Attendance]++
		}
	}
	var parts []string
	for _, a := range Attendances {
		if n := count[a]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, a.Label(l)))
		}
	}
	return strings.Join(parts, ", ")
}

package model

import (
	"slices"
	"testing"
	"time"
)

// The easy-read page says the meeting "is" on its date while the draft is
// printed before the meeting has begun, and "was" once it has begun or the
// version is finalised; a language without the optional "meets" says "was".
func TestEasyReadMeetingTense(t *testing.T) {
	words := EasyWords{Lang: "sv", Phrases: map[string]string{"met": "Mötet var {date}.", "meets": "Mötet är {date}.", "date": "{day}/{month} {year}"}}
	noMeets := EasyWords{Lang: "xx", Phrases: map[string]string{"met": "Mötet var {date}.", "date": "{day}/{month} {year}"}}
	started := time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name  string
		w     EasyWords
		setup func(*Plan)
		want  string
	}{
		{"a draft before the meeting", words, func(*Plan) {}, "Mötet är 8/12 2026."},
		{"a draft of a meeting begun", words, func(p *Plan) { p.Draft.Meeting.StartedAt = &started }, "Mötet var 8/12 2026."},
		{"a language without meets", noMeets, func(*Plan) {}, "Mötet var 8/12 2026."},
	} {
		p := NewPlan(Person{Name: "Maja Lind"}, started)
		p.Draft.Meeting.Date = "2026-12-08"
		c.setup(p)
		if e := BuildEasyRead(p, nil, c.w); !slices.Contains(e.Intro, c.want) {
			t.Errorf("%s: intro %q, want %q in it", c.name, e.Intro, c.want)
		}
	}
}

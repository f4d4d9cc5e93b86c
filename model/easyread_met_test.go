package model

import (
	"slices"
	"testing"
	"time"
)

// The easy-read page says the meeting "is" on its date while a draft is
// printed before the meeting's day, and "was" on the day, after it, once
// the meeting has begun or the version is finalised; a language without
// the optional "meets" says "was".
func TestEasyReadMeetingTense(t *testing.T) {
	words := EasyWords{Lang: "sv", Phrases: map[string]string{"met": "Mötet var {date}.", "meets": "Mötet är {date}.", "date": "{day}/{month} {year}"}}
	noMeets := EasyWords{Lang: "xx", Phrases: map[string]string{"met": "Mötet var {date}.", "date": "{day}/{month} {year}"}}
	started := time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC)
	before := time.Date(2026, 12, 7, 16, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name  string
		w     EasyWords
		now   time.Time
		setup func(*Plan)
		want  string
	}{
		{"a draft the day before the meeting", words, before, func(*Plan) {}, "Mötet är 8/12 2026."},
		{"a draft on the meeting's day", words, started, func(*Plan) {}, "Mötet var 8/12 2026."},
		{"a draft a week after the meeting", words, started.AddDate(0, 0, 7), func(*Plan) {}, "Mötet var 8/12 2026."},
		{"a meeting begun early", words, before, func(p *Plan) { p.Draft.Meeting.StartedAt = &before }, "Mötet var 8/12 2026."},
		{"no time known", words, time.Time{}, func(*Plan) {}, "Mötet var 8/12 2026."},
		{"a language without meets", noMeets, before, func(*Plan) {}, "Mötet var 8/12 2026."},
	} {
		p := NewPlan(Person{Name: "Maja Lind"}, started)
		p.Draft.Meeting.Date = "2026-12-08"
		c.setup(p)
		if e := BuildEasyRead(p, nil, c.w, c.now); !slices.Contains(e.Intro, c.want) {
			t.Errorf("%s: intro %q, want %q in it", c.name, e.Intro, c.want)
		}
	}
}

package components

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// TestChoiceByFirstLetter: a letter picks the next option starting with
// it, round and round among several, in any case, å ä ö as letters of
// their own; space, digits and letters no option has change nothing and
// say which keys choose.
func TestChoiceByFirstLetter(t *testing.T) {
	opts := []Option{{"", "—"}, {"a", "personal"}, {"b", "personal hos annan part"}, {"c", "närstående"},
		{"d", "Ärendeansvarig"}, {"e", "annan"}, {"f", "övrigt"}, {"g", "(tolk)"}}
	tests := []struct {
		start, keys string
		want        string
		notice      bool
	}{
		{"", "p", "a", false},
		{"", "pp", "b", false},
		{"", "ppp", "a", false}, // round again
		{"", "P", "a", false},   // case does not matter
		{"b", "n", "c", false},
		{"", "ä", "d", false},
		{"", "Ä", "d", false},
		{"", "a", "e", false}, // a is not ä
		{"", "ö", "f", false},
		{"", "o", "", true}, // no option starts with o
		{"", "t", "g", false},
		{"a", " ", "a", true},
		{"a", "1", "a", true},
		{"a", "?", "a", true},
		{"e", "a", "e", false}, // the only one on a: stays
	}
	st := common.DefaultStyles()
	for _, tt := range tests {
		val := tt.start
		f := NewForm(model.Swedish, &st, []Field{{Kind: KindChoice, Opts: opts,
			Get: func() string { return val }, Set: func(s string) { val = s }}})
		notice := false
		for _, r := range tt.keys {
			k := tea.KeyPressMsg{Code: r, Text: string(r)}
			if r == ' ' {
				k.Code = tea.KeySpace
			}
			f.Update(k)
			notice = notice || f.Notice != ""
		}
		if val != tt.want || notice != tt.notice {
			t.Errorf("from %q typing %q: got %q (notice %t), want %q (notice %t)", tt.start, tt.keys, val, notice, tt.want, tt.notice)
		}
	}
	// Keys that come as fast as typing are text, not choices: the value
	// stays as it was before them, however many letters match options.
	// Letters with a pause between them choose.
	now := time.Date(2026, 11, 25, 13, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		keys string
		gap  time.Duration
		want string
	}{
		{"pannan", 50 * time.Millisecond, "e"},
		{"ö ett", 50 * time.Millisecond, "e"},
		{"Samir", 50 * time.Millisecond, "e"},
		{"pp", 50 * time.Millisecond, "b"}, // the same letter goes on
		{"pn", 2 * time.Second, "c"},
		{"np", 2 * time.Second, "a"},
	} {
		val, at := "e", now
		f := NewForm(model.Swedish, &st, []Field{{Kind: KindChoice, Opts: opts, Get: func() string { return val }, Set: func(s string) { val = s }}})
		f.Now = func() time.Time { return at }
		for _, r := range tt.keys {
			k := tea.KeyPressMsg{Code: r, Text: string(r)}
			if r == ' ' {
				k.Code = tea.KeySpace
			}
			f.Update(k)
			at = at.Add(tt.gap)
		}
		if val != tt.want {
			t.Errorf("typing %q %v apart: got %q, want %q", tt.keys, tt.gap, val, tt.want)
		}
	}
	// A letter with ctrl or alt is a command, not a choice.
	val := ""
	f := NewForm(model.Swedish, &st, []Field{{Kind: KindChoice, Opts: opts, Get: func() string { return val }, Set: func(s string) { val = s }}})
	f.Update(tea.KeyPressMsg{Code: 'p', Mod: tea.ModAlt})
	if val != "" {
		t.Errorf("alt+p chose %q", val)
	}
}

// TestChoiceByWordInEnglish: where English options all begin alike, a
// letter no option starts with chooses by the word that tells them apart;
// a letter that starts an option still chooses as before.
func TestChoiceByWordInEnglish(t *testing.T) {
	results := []Option{{"", "— choose —"}, {"revise", "the plan is revised"}, {"close", "the plan is closed"}}
	reasons := []Option{{"", "— choose —"}, {"goals", "the goals are met"}, {"need", "there is no longer a need"},
		{"consent", "the consent has been withdrawn"}, {"moved", "the person has moved"}, {"other", "another reason"}}
	follow := []Option{{"booked", "booked here"}, {"later", "to be booked later"}, {"none", "no follow-up"}}
	st := common.DefaultStyles()
	for _, tt := range []struct {
		opts        []Option
		start, keys string
		want        string
	}{
		{results, "", "r", "revise"},
		{results, "", "c", "close"},
		{results, "revise", "c", "close"},
		{results, "", "p", ""}, // "plan" is in every option
		{results, "", "t", "revise"},
		{reasons, "", "g", "goals"},
		{reasons, "", "n", "need"},
		{reasons, "", "c", "consent"},
		{reasons, "", "w", "consent"},
		{reasons, "", "m", "goals"}, // met, then moved
		{reasons, "", "mm", "moved"},
		{reasons, "", "a", "other"}, // a label starting with it comes first
		{reasons, "", "o", ""},
		{follow, "booked", "l", "later"},
		{follow, "booked", "n", "none"},
		{follow, "later", "h", "booked"},
	} {
		val := tt.start
		f := NewForm(model.English, &st, []Field{{Kind: KindChoice, Opts: tt.opts,
			Get: func() string { return val }, Set: func(s string) { val = s }}})
		at := time.Date(2026, 11, 25, 13, 0, 0, 0, time.UTC)
		f.Now = func() time.Time { return at }
		for _, r := range tt.keys {
			f.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			at = at.Add(2 * time.Second)
		}
		if val != tt.want {
			t.Errorf("from %q typing %q: got %q, want %q", tt.start, tt.keys, val, tt.want)
		}
	}
}

// TestChoicePutBackIsSaid: letters that come as fast as typing put the
// choice back as it was, and the line under the form says so and to what;
// the choice never goes back without a word.
func TestChoicePutBackIsSaid(t *testing.T) {
	opts := []Option{{"", "— choose —"}, {"revise", "the plan is revised"}, {"close", "the plan is closed"}}
	st := common.DefaultStyles()
	val := "close"
	f := NewForm(model.English, &st, []Field{{Kind: KindChoice, Opts: opts,
		Get: func() string { return val }, Set: func(s string) { val = s }}})
	at := time.Date(2026, 11, 25, 13, 0, 0, 0, time.UTC)
	f.Now = func() time.Time { return at }
	for _, r := range "rrt" {
		f.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		at = at.Add(300 * time.Millisecond)
	}
	if val != "close" {
		t.Fatalf("the choice is %q, want it put back to close", val)
	}
	if want := "Put back to “the plan is closed”"; !strings.Contains(f.Notice, want) {
		t.Errorf("the notice %q does not say %q", f.Notice, want)
	}
}

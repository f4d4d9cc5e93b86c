package components

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// TestToggleIgnoresTypedText: a sentence typed on a yes/no field (the
// consent) leaves it as it was; each space used to flip it ("ja hon sa
// ja" went ja, nej, ja, nej). j/n (y/n) and space still answer it when
// typed alone, ← → always (tryout2 #11).
func TestToggleIgnoresTypedText(t *testing.T) {
	tests := []struct {
		lang   model.Lang
		start  string
		keys   string
		gap    time.Duration // between keys
		want   string
		notice bool
	}{
		{model.Swedish, "false", "ja hon sa ja", 0, "false", true},
		{model.Swedish, "false", "Anna Nyström", 0, "false", true},
		{model.Swedish, "true", "nej tack", 0, "true", true},
		{model.Swedish, "false", " ok", 0, "false", true},
		{model.Swedish, "false", "j", 0, "true", false},
		{model.Swedish, "true", "n", 0, "false", false},
		{model.Swedish, "false", " ", 0, "true", false},
		{model.Swedish, "false", "  ", 0, "false", false}, // space twice: back again
		{model.Swedish, "false", "jn", 0, "false", false},
		{model.Swedish, "false", "y", 0, "false", true}, // y is not Swedish
		{model.English, "false", "y", 0, "true", false},
		{model.English, "false", "yes she did", 0, "false", true},
		// Keys with a look at the screen between them are answers.
		{model.Swedish, "false", "ja", 2 * time.Second, "true", true},
		{model.Swedish, "false", "x j", 2 * time.Second, "true", true},
	}
	st := common.DefaultStyles()
	for _, tt := range tests {
		val := tt.start
		now := time.Date(2026, 11, 25, 13, 0, 0, 0, time.UTC)
		f := NewForm(tt.lang, &st, []Field{{Kind: KindToggle,
			Get: func() string { return val }, Set: func(s string) { val = s }}})
		f.Now = func() time.Time { return now }
		notice := false
		for _, r := range tt.keys {
			k := tea.KeyPressMsg{Code: r, Text: string(r)}
			if r == ' ' {
				k.Code = tea.KeySpace
			}
			f.Update(k)
			notice = notice || f.Notice != ""
			now = now.Add(100*time.Millisecond + tt.gap)
		}
		if val != tt.want || notice != tt.notice {
			t.Errorf("%s from %s typing %q: got %s (notice %t), want %s (notice %t)", tt.lang, tt.start, tt.keys, val, notice, tt.want, tt.notice)
		}
	}
	// ← and → switch it whatever came before.
	val := "false"
	f := NewForm(model.Swedish, &st, []Field{{Kind: KindToggle, Get: func() string { return val }, Set: func(s string) { val = s }}})
	for _, r := range "abc" {
		f.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	f.Update(tea.KeyPressMsg{Code: tea.KeyRight})
	if val != "true" {
		t.Errorf("→ after text did not switch: %s", val)
	}
}

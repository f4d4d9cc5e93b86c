package ui

import (
	"context"
	"math/rand"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
)

// TestRandomKeysNeverPanic presses thousands of random keys, pastes and
// window sizes through every screen, with a fixed seed so that a failure
// can be replayed. The program must never panic and every screen must fit
// its window.
func TestRandomKeysNeverPanic(t *testing.T) {
	keys := []string{"enter", "tab", "shift+tab", "esc", "up", "down", "left", "right", "space", "backspace",
		"delete", "n", "x", "a", "j", "y", "p", "u", "v", "/", "?", "1", "e",
		"ctrl+n", "ctrl+p", "ctrl+k", "ctrl+r", "ctrl+g", "ctrl+f", "ctrl+e", "ctrl+s", "ctrl+l", "ctrl+t", "f1",
		"alt+1", "alt+2", "alt+3", "alt+4", "alt+5", "alt+6", "alt+7", "alt+8", "alt+9", "alt+0", "ctrl+q"}
	pastes := []string{"Maja Lind", "2026-11-30", "13:00", "\x00\x1b[31mröd\x07", strings.Repeat("långt ord ", 800), "a\nb\tc\r\n"}
	sizes := [][2]int{{120, 40}, {80, 24}, {61, 17}, {40, 10}, {100, 30}}
	for seed := int64(1); seed <= 3; seed++ {
		t.Run("", func(t *testing.T) {
			db := openTestDB(t)
			for _, p := range []*model.Plan{model.Demo(fixedNow), model.DemoChild(fixedNow)} {
				if err := db.Create(context.Background(), p); err != nil {
					t.Fatal(err)
				}
			}
			m := newTestModel(t, db, model.Swedish, 120, 40)
			r := rand.New(rand.NewSource(seed))
			w, h := 120, 40
			var last []string
			defer func() {
				if x := recover(); x != nil {
					t.Fatalf("panic %v after keys %q", x, last)
				}
			}()
			for range 1500 {
				var msg tea.Msg
				switch n := r.Intn(100); {
				case n < 2:
					sz := sizes[r.Intn(len(sizes))]
					w, h = sz[0], sz[1]
					msg = tea.WindowSizeMsg{Width: w, Height: h}
				case n < 5:
					msg = tea.PasteMsg{Content: pastes[r.Intn(len(pastes))]}
				case n < 25:
					msg = kp(string(rune('a' + r.Intn(26))))
				default:
					msg = kp(keys[r.Intn(len(keys))])
				}
				last = append(last, strings.TrimSpace(strings.ReplaceAll(fmtMsg(msg), "\n", " ")))
				if len(last) > 20 {
					last = last[1:]
				}
				send(m, msg)
				if m.screen == screenHome && r.Intn(10) == 0 {
					send(m, kp("enter"))
				}
				if w >= MinWidth && h >= MinHeight {
					if out := screenText(m); !fits(out, w, h) {
						t.Errorf("screen %d does not fit %dx%d after %q:\n%s", m.screen, w, h, last, out)
					}
				}
			}
		})
	}
}

func fmtMsg(msg tea.Msg) string {
	switch m := msg.(type) {
	case tea.KeyPressMsg:
		return m.String()
	case tea.PasteMsg:
		return "paste:" + m.Content[:min(10, len(m.Content))]
	case tea.WindowSizeMsg:
		return "size"
	}
	return "?"
}

func fits(out string, w, h int) bool {
	lines := strings.Split(out, "\n")
	if len(lines) > h {
		return false
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > w {
			return false
		}
	}
	return true
}

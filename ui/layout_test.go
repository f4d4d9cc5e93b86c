package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
)

// With the quick row open at 80x24 the participants' table keeps rows in
// view above it, also with the cursor on a row too wide for its cells
// (tryout42b #17: one row and "7/7").
func TestQuickRowLeavesRowsInView(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m := openQuickRow(t, l, 80, 24)
		names := []string{"Per Ahl", "Eva Berg", "Ola Dahl", "Siv Ekström", "Bo Falk", "Ann Grön"}
		for _, n := range names {
			typeText(m, n+", distriktssköterska, Vårdcentralen Väst i Norra Hälsingland, region")
			press(m, "enter")
		}
		typeText(m, "Lo")
		screen := screenText(m)
		shown := 0
		for _, n := range names {
			if strings.Contains(screen, n) {
				shown++
			}
		}
		if shown < 3 {
			t.Errorf("%s: %d rows of the table in view with the quick row open, want 3 or more:\n%s", l, shown, screen)
		}
		if !strings.Contains(screen, model.T(l, "enter lägger till", "enter adds")) || !strings.Contains(screen, model.T(l, "Namn först", "Name first")) {
			t.Errorf("%s: the quick row's preview or help is cut:\n%s", l, screen)
		}
	}
}

// A text field grows with the window: at 120x40 a long text fills the
// plan pane instead of scrolling in a dozen lines over an empty window,
// and at 60x20 the blank line under the section's title gives way to a
// line more of it (three were shown, with the finding under the field).
func TestTextFieldGrowsWithTheWindow(t *testing.T) {
	var words []string
	for i := range 400 {
		words = append(words, fmt.Sprintf("ord%03d", i))
	}
	for _, c := range []struct{ w, h, want int }{{120, 40, 28}, {80, 24, 8}, {60, 20, 4}} {
		m := newTestModel(t, openTestDB(t), model.English, c.w, c.h)
		newMeeting(t, m, "Karin Holm", "Ali Rahimi")
		press(m, "alt+5")
		send(m, tea.PasteMsg{Content: strings.Join(words, " ")})
		lines := 0
		for _, s := range strings.Split(screenText(m), "\n") {
			if strings.Contains(s, "ord") {
				lines++
			}
		}
		if lines < c.want {
			t.Errorf("%dx%d: %d lines of the text in view, want %d or more:\n%s", c.w, c.h, lines, c.want, screenText(m))
		}
	}
}

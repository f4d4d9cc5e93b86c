// Command bareprog is the baseline of the whole-process first-frame
// benchmark (BenchmarkProcessFirstFrameBare): the least a Bubble Tea
// program does before its first frame, drawn the way sipmote draws it (the
// alternate screen, a full window of text). It reads no file.
package main

import (
	"fmt"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
)

type bare struct{ w, h int }

func (b bare) Init() tea.Cmd { return tea.RequestBackgroundColor }

func (b bare) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		b.w, b.h = msg.Width, msg.Height
	case tea.KeyPressMsg:
		return b, tea.Quit
	}
	return b, nil
}

func (b bare) View() tea.View {
	lines := []string{"bareprog ready"}
	for i := 1; i < max(b.h, 24)-1; i++ {
		lines = append(lines, fmt.Sprintf("line %02d", i))
	}
	v := tea.NewView(strings.Join(lines, "\n"))
	v.AltScreen = true
	return v
}

func main() {
	if _, err := tea.NewProgram(bare{}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

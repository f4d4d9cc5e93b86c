// Package ui is the terminal interface of sipmote: one small Bubble Tea model
// per screen, each with its own keymap, routed from one root model.
package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Styles holds every style the screens use, so that colours and spacing are
// decided in one place.
type Styles struct {
	Title     lipgloss.Style
	Subtle    lipgloss.Style
	Label     lipgloss.Style
	Focused   lipgloss.Style
	Selected  lipgloss.Style
	Done      lipgloss.Style
	OK        lipgloss.Style
	Warn      lipgloss.Style
	Err       lipgloss.Style
	Pane      lipgloss.Style
	PaneFocus lipgloss.Style
	// PaneBorder and FocusBorder colour the hand-drawn pane borders.
	PaneBorder  lipgloss.Style
	FocusBorder lipgloss.Style
	Status      lipgloss.Style
	Header      lipgloss.Style
	Tab         lipgloss.Style
	TabActive   lipgloss.Style
	Box         lipgloss.Style
}

// DefaultStyles are readable on dark and light backgrounds alike, since a
// meeting room projector is often light.
func DefaultStyles() Styles {
	accent := lipgloss.Color("#5F87D7")
	return Styles{
		Title:       lipgloss.NewStyle().Bold(true).Foreground(accent),
		Subtle:      lipgloss.NewStyle().Foreground(lipgloss.Color("#8A8A8A")),
		Label:       lipgloss.NewStyle().Bold(true),
		Focused:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		Selected:    lipgloss.NewStyle().Reverse(true),
		Done:        lipgloss.NewStyle().Foreground(lipgloss.Color("#5FAF5F")),
		OK:          lipgloss.NewStyle().Foreground(lipgloss.Color("#5FAF5F")),
		Warn:        lipgloss.NewStyle().Foreground(lipgloss.Color("#D7AF00")).Bold(true),
		Err:         lipgloss.NewStyle().Foreground(lipgloss.Color("#D75F5F")).Bold(true),
		Pane:        lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(lipgloss.Color("#585858")).Padding(0, 1),
		PaneFocus:   lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		Status:      lipgloss.NewStyle().Foreground(lipgloss.Color("#BCBCBC")),
		PaneBorder:  lipgloss.NewStyle().Foreground(lipgloss.Color("#585858")),
		FocusBorder: lipgloss.NewStyle().Foreground(accent),
		Header:      lipgloss.NewStyle().Bold(true).Underline(true),
		Tab:         lipgloss.NewStyle().Foreground(lipgloss.Color("#8A8A8A")),
		TabActive:   lipgloss.NewStyle().Bold(true).Foreground(accent).Underline(true),
		Box:         lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(1, 2),
	}
}

// shortHelp is the one-line key help, cut to the window. The help bubble
// can overrun its width when the ellipsis itself does not fit, so the line
// is cut here as well.
func shortHelp(h help.Model, keys []key.Binding, width int) string {
	h.SetWidth(width)
	return ansi.Truncate(h.ShortHelpView(keys), max(1, width), "…")
}

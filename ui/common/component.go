package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Component is the small contract that every screen and overlay meets, as
// in soft-serve: it takes a message and may answer with a command, draws
// itself at the size it was last given, and names its keys for the help
// line. The root routes messages to the component in front; a screen
// routes them on to its overlay while one is open.
type Component interface {
	Update(tea.Msg) tea.Cmd
	View() string
	SetSize(width, height int)
	ShortHelp() []key.Binding
}

// Overlay is a component drawn over a screen (help, findings, preview, the
// section chooser, the round of speakers …) until it closes itself.
type Overlay interface {
	Component
	Closed() bool
}

// Panel is what every overlay keeps: the size it was given and whether it
// has closed. An overlay embeds it.
type Panel struct {
	Width, Height int
	closed        bool
}

// SetSize gives the overlay the room it is drawn in.
func (p *Panel) SetSize(width, height int) { p.Width, p.Height = width, height }

// Close marks the overlay closed; the screen under it takes it away.
func (p *Panel) Close() { p.closed = true }

// Closed tells whether the overlay has closed.
func (p *Panel) Closed() bool { return p.closed }

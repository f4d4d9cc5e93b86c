package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
)

// Sharing is a meeting shared over SSH, as the secretary's screen needs
// it. main gives it, from the share package, which the screens do not know.
type Sharing interface {
	// Code is the one-time code a device must give.
	Code() string
	// Line is the exact ssh command for role "chair" or "room".
	Line(role string) string
	Devices() []Device
	// Changed signals that a device joined or left; Done is closed when
	// sharing has stopped.
	Changed() <-chan struct{}
	Done() <-chan struct{}
	Drop(id int)
	// Stop disconnects every device and stops listening.
	Stop() error
}

// Device is one connected device.
type Device struct {
	ID    int
	Role  string
	Addr  string
	Since time.Time
}

type shareKeys struct {
	up, down, drop, stop, close key.Binding
}

func newShareKeys(l model.Lang) shareKeys {
	return shareKeys{
		up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑↓", model.T(l, "välj", "choose"))),
		down:  key.NewBinding(key.WithKeys("down", "j")),
		drop:  key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", model.T(l, "koppla från", "disconnect"))),
		stop:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", model.T(l, "sluta dela", "stop sharing"))),
		close: key.NewBinding(key.WithKeys("esc", "q", "f3"), key.WithHelp("esc", model.T(l, "stäng", "close"))),
	}
}

// stopShareMsg asks the meeting to stop sharing.
type stopShareMsg struct{}

// sharePanel shows how to join the meeting and who has joined, and lets
// the secretary drop a device or stop sharing.
type sharePanel struct {
	lang   model.Lang
	st     *Styles
	keys   shareKeys
	sh     Sharing
	cursor int
}

func newSharePanel(l model.Lang, st *Styles, sh Sharing) *sharePanel {
	return &sharePanel{lang: l, st: st, keys: newShareKeys(l), sh: sh}
}

func (o *sharePanel) update(msg tea.Msg) (overlay, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return o, nil
	}
	devs := o.sh.Devices()
	switch {
	case key.Matches(k, o.keys.close):
		return nil, nil
	case key.Matches(k, o.keys.up):
		o.cursor = max(0, o.cursor-1)
	case key.Matches(k, o.keys.down):
		o.cursor = max(0, min(o.cursor+1, len(devs)-1))
	case key.Matches(k, o.keys.drop):
		if o.cursor < len(devs) {
			o.sh.Drop(devs[o.cursor].ID)
		}
	case key.Matches(k, o.keys.stop):
		return nil, func() tea.Msg { return stopShareMsg{} }
	}
	return o, nil
}

func roleLabel(l model.Lang, role string) string {
	switch role {
	case "chair":
		return model.T(l, "mötesledaren", "the chair")
	case "room":
		return model.T(l, "rummet", "the room")
	}
	return role
}

func (o *sharePanel) view(w, h int) string {
	l, st := o.lang, o.st
	var b strings.Builder
	b.WriteString(st.Title.Render(model.T(l, "Mötet delas", "The meeting is shared")) + "\n\n")
	b.WriteString(model.T(l, "Mötets kod: ", "Meeting code: ") + st.Focused.Render(o.sh.Code()) + "\n")
	b.WriteString(st.Subtle.Render(ansi.Wordwrap(model.T(l,
		"Skriv koden när ssh frågar efter den. Den gäller tills delningen stoppas.",
		"Type the code when ssh asks for it. It lasts until sharing stops."), max(20, w-8), "")) + "\n\n")
	for _, r := range []string{"chair", "room"} {
		b.WriteString(st.Label.Render(fmt.Sprintf(model.T(l, "För %s:", "For %s:"), roleLabel(l, r))) + "\n")
		b.WriteString("  " + o.sh.Line(r) + "\n")
	}
	devs := o.sh.Devices()
	b.WriteString("\n" + st.Label.Render(fmt.Sprintf(model.T(l, "Anslutna (%d)", "Connected (%d)"), len(devs))) + "\n")
	if len(devs) == 0 {
		b.WriteString(st.Subtle.Render(model.T(l, "Ingen ännu.", "Nobody yet.")) + "\n")
	}
	cur := min(o.cursor, max(0, len(devs)-1))
	for i, d := range devs {
		line := fmt.Sprintf("%-14s %-16s %s %s", roleLabel(l, d.Role), d.Addr, model.T(l, "sedan", "since"), d.Since.Format("15:04"))
		if i == cur {
			b.WriteString(st.Focused.Render("› ") + st.Selected.Render(line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	help := []string{"x " + model.T(l, "koppla från", "disconnect"), "s " + model.T(l, "sluta dela", "stop sharing"), "esc " + model.T(l, "stäng", "close")}
	b.WriteString("\n" + st.Subtle.Render(strings.Join(help, " · ")))
	lines := strings.Split(b.String(), "\n")
	return strings.Join(pane(st.FocusBorder, strings.Join(lines, "\n"), w, h), "\n")
}

package common

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
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
	// Help, Input and Area style the bubbles the screens use, so that
	// they follow the background and NO_COLOR like the rest.
	Help  help.Styles
	Input textinput.Styles
	Area  textarea.Styles
	// Dark and NoColor say what the styles were made for, so that the
	// preview's document style can follow.
	Dark, NoColor bool
}

// DefaultStyles are the styles for a dark terminal, the most common; the
// root switches to NewStyles(false, …) when the terminal says its
// background is light, as a meeting room projector often is.
func DefaultStyles() Styles { return NewStyles(true, false) }

// NewStyles picks every colour for a dark or a light background. With
// noColor (the NO_COLOR convention) no colour is used at all: emphasis is
// left to bold, underline and reverse, which every terminal shows.
func NewStyles(dark, noColor bool) Styles {
	ld := lipgloss.LightDark(dark)
	c := func(light, dark string) color.Color {
		if noColor {
			return lipgloss.NoColor{}
		}
		return ld(lipgloss.Color(light), lipgloss.Color(dark))
	}
	accent := c("#1F4E9E", "#5F87D7")
	subtle := c("#5F5F5F", "#8A8A8A")
	good := c("#2E6B30", "#5FAF5F")
	border := c("#9E9E9E", "#585858")
	return Styles{
		Title:       lipgloss.NewStyle().Bold(true).Foreground(accent),
		Subtle:      lipgloss.NewStyle().Foreground(subtle),
		Label:       lipgloss.NewStyle().Bold(true),
		Focused:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		Selected:    lipgloss.NewStyle().Reverse(true),
		Done:        lipgloss.NewStyle().Foreground(good),
		OK:          lipgloss.NewStyle().Foreground(good),
		Warn:        lipgloss.NewStyle().Foreground(c("#7A5C00", "#D7AF00")).Bold(true),
		Err:         lipgloss.NewStyle().Foreground(c("#B22222", "#D75F5F")).Bold(true),
		Pane:        lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(border).Padding(0, 1),
		PaneFocus:   lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		Status:      lipgloss.NewStyle().Foreground(c("#3A3A3A", "#BCBCBC")),
		PaneBorder:  lipgloss.NewStyle().Foreground(border),
		FocusBorder: lipgloss.NewStyle().Foreground(accent),
		Header:      lipgloss.NewStyle().Bold(true).Underline(true),
		Tab:         lipgloss.NewStyle().Foreground(subtle),
		TabActive:   lipgloss.NewStyle().Bold(true).Foreground(accent).Underline(true),
		Box:         lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(1, 2),
		Help:        bubbleHelpStyles(dark, noColor),
		Input:       inputStyles(dark, noColor),
		Area:        areaStyles(dark, noColor),
		Dark:        dark,
		NoColor:     noColor,
	}
}

// StyledHelp gives a help bubble the screen's colours, which follow the
// terminal's background and NO_COLOR.
func StyledHelp(st *Styles, h help.Model) help.Model {
	h.Styles = st.Help
	return h
}

// plain takes the colours out of a style and keeps the rest.
func plain(s lipgloss.Style) lipgloss.Style { return s.UnsetForeground().UnsetBackground() }

func bubbleHelpStyles(dark, noColor bool) help.Styles {
	h := help.DefaultStyles(dark)
	if noColor {
		for _, s := range []*lipgloss.Style{&h.Ellipsis, &h.ShortKey, &h.ShortDesc, &h.ShortSeparator, &h.FullKey, &h.FullDesc, &h.FullSeparator} {
			*s = plain(*s)
		}
	}
	return h
}

func inputStyles(dark, noColor bool) textinput.Styles {
	t := textinput.DefaultStyles(dark)
	if noColor {
		for _, st := range []*textinput.StyleState{&t.Focused, &t.Blurred} {
			st.Text, st.Placeholder, st.Suggestion, st.Prompt = plain(st.Text), plain(st.Placeholder), plain(st.Suggestion), plain(st.Prompt)
		}
		t.Cursor.Color = nil
	}
	return t
}

func areaStyles(dark, noColor bool) textarea.Styles {
	t := textarea.DefaultStyles(dark)
	if noColor {
		for _, st := range []*textarea.StyleState{&t.Focused, &t.Blurred} {
			st.Base, st.Text, st.LineNumber, st.CursorLineNumber = plain(st.Base), plain(st.Text), plain(st.LineNumber), plain(st.CursorLineNumber)
			st.CursorLine, st.EndOfBuffer, st.Placeholder, st.Prompt = plain(st.CursorLine), plain(st.EndOfBuffer), plain(st.Placeholder), plain(st.Prompt)
		}
		t.Cursor.Color = nil
	}
	return t
}

// ShortHelp is the one-line key help, cut to the window. The help bubble
// can overrun its width when the ellipsis itself does not fit, so the line
// is cut here as well.
func ShortHelp(h help.Model, keys []key.Binding, width int) string {
	h.SetWidth(width)
	return ansi.Truncate(h.ShortHelpView(keys), max(1, width), "…")
}

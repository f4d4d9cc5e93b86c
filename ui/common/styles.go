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
//
// Every text colour reads at WCAG's 4.5:1 or better on black and on a
// dark grey (#1e1e1e) for dark, on white and off-white (#fafafa) for
// light; borders at 3:1. TestStylesContrast computes it from these values.
// Only 24-bit and 256-colour values are used: the 16 basic colours are
// whatever the terminal's theme makes them.
func NewStyles(dark, noColor bool) Styles {
	p := newPalette(dark, noColor)
	return Styles{
		Title:       lipgloss.NewStyle().Bold(true).Foreground(p.accent),
		Subtle:      lipgloss.NewStyle().Foreground(p.subtle),
		Label:       lipgloss.NewStyle().Bold(true),
		Focused:     lipgloss.NewStyle().Bold(true).Foreground(p.accent),
		Selected:    lipgloss.NewStyle().Reverse(true),
		Done:        lipgloss.NewStyle().Foreground(p.good),
		OK:          lipgloss.NewStyle().Foreground(p.good),
		Warn:        lipgloss.NewStyle().Foreground(p.warn).Bold(true),
		Err:         lipgloss.NewStyle().Foreground(p.err).Bold(true),
		Pane:        lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.border).Padding(0, 1),
		PaneFocus:   lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.accent).Padding(0, 1),
		Status:      lipgloss.NewStyle().Foreground(p.status),
		PaneBorder:  lipgloss.NewStyle().Foreground(p.border),
		FocusBorder: lipgloss.NewStyle().Foreground(p.accent),
		Header:      lipgloss.NewStyle().Bold(true).Underline(true),
		Tab:         lipgloss.NewStyle().Foreground(p.subtle),
		TabActive:   lipgloss.NewStyle().Bold(true).Foreground(p.accent).Underline(true),
		Box:         lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.accent).Padding(1, 2),
		Help:        bubbleHelpStyles(p),
		Input:       inputStyles(p),
		Area:        areaStyles(p),
		Dark:        dark,
		NoColor:     noColor,
	}
}

// palette is the few colours the styles are made of, for one background.
type palette struct {
	accent, subtle, good, warn, err, border, status color.Color
	// key and sep are the key help's keys and separators; hint is a
	// placeholder's; cursorLine and selection are backgrounds under the
	// terminal's own text colour.
	key, sep, hint, cursorLine, selection color.Color
}

func newPalette(dark, noColor bool) palette {
	ld := lipgloss.LightDark(dark)
	c := func(light, dark string) color.Color {
		if noColor {
			return lipgloss.NoColor{}
		}
		return ld(lipgloss.Color(light), lipgloss.Color(dark))
	}
	return palette{
		accent:     c("#1F4E9E", "#5F87D7"),
		subtle:     c("#5F5F5F", "#9E9E9E"),
		good:       c("#2E6B30", "#5FAF5F"),
		warn:       c("#7A5C00", "#D7AF00"),
		err:        c("#B22222", "#FF5F5F"),
		border:     c("#8A8A8A", "#6C6C6C"),
		status:     c("#3A3A3A", "#BCBCBC"),
		key:        c("#3A3A3A", "#C6C6C6"),
		sep:        c("#6C6C6C", "#8A8A8A"),
		hint:       c("#6C6C6C", "#949494"),
		cursorLine: c("255", "235"),
		selection:  c("253", "239"),
	}
}

// StyledHelp gives a help bubble the screen's colours, which follow the
// terminal's background and NO_COLOR.
func StyledHelp(st *Styles, h help.Model) help.Model {
	h.Styles = st.Help
	return h
}

// bubbleHelpStyles colour the key help: the bubble's own greys (#4A4A4A
// on black, #B2B2B2 on white) were far below 4.5:1.
func bubbleHelpStyles(p palette) help.Styles {
	key := lipgloss.NewStyle().Foreground(p.key)
	desc := lipgloss.NewStyle().Foreground(p.subtle)
	sep := lipgloss.NewStyle().Foreground(p.sep)
	return help.Styles{Ellipsis: sep, ShortKey: key, ShortDesc: desc, ShortSeparator: sep,
		FullKey: key, FullDesc: desc, FullSeparator: sep}
}

// inputStyles keep a field's text in the terminal's own colour, focused
// or not, and its placeholder readable.
func inputStyles(p palette) textinput.Styles {
	var t textinput.Styles
	for _, st := range []*textinput.StyleState{&t.Focused, &t.Blurred} {
		st.Text, st.Prompt = lipgloss.NewStyle(), lipgloss.NewStyle()
		st.Placeholder = lipgloss.NewStyle().Foreground(p.hint)
		st.Suggestion = lipgloss.NewStyle().Foreground(p.hint)
	}
	// No colour: the cursor is the text's colour reversed, readable on
	// any background.
	t.Cursor = textinput.DefaultStyles(true).Cursor
	t.Cursor.Color = nil
	return t
}

func areaStyles(p palette) textarea.Styles {
	var t textarea.Styles
	for _, st := range []*textarea.StyleState{&t.Focused, &t.Blurred} {
		st.Base, st.Text, st.Prompt, st.EndOfBuffer = lipgloss.NewStyle(), lipgloss.NewStyle(), lipgloss.NewStyle(), lipgloss.NewStyle()
		st.CursorLine = lipgloss.NewStyle()
		st.LineNumber = lipgloss.NewStyle().Foreground(p.subtle)
		st.CursorLineNumber = lipgloss.NewStyle().Foreground(p.subtle)
		st.Placeholder = lipgloss.NewStyle().Foreground(p.hint)
		st.Selection = lipgloss.NewStyle().Background(p.selection)
	}
	t.Focused.CursorLine = lipgloss.NewStyle().Background(p.cursorLine)
	t.Cursor = textarea.DefaultStyles(true).Cursor
	t.Cursor.Color = nil
	return t
}

// ShortHelp is the one-line key help, cut to the window. The help bubble
// can overrun its width when the ellipsis itself does not fit, so the line
// is cut here as well.
func ShortHelp(h help.Model, keys []key.Binding, width int) string {
	h.SetWidth(width)
	return ansi.Truncate(h.ShortHelpView(keys), max(1, width), "…")
}

package meeting

import (
	"fmt"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
)

// whoseLine names whose plan is open and which version, for the meeting's
// top border: "Karin Lindqvist · version 2, uppföljning". With several
// plans a day the secretary must see, before she types, that this is the
// right person's plan and the right meeting (tryout2 #45: she wrote twice
// in the wrong one). Only the name is shown, never the personnummer: the
// secretary's screen may be the one on the wall, and the name is said
// aloud in the room anyway. It is shortened to fit w columns, in this
// order: the version's words, then the name (with "…"); it never wraps.
func whoseLine(l model.Lang, p *model.Plan, w int) string {
	name := p.Person.Name
	if name == "" {
		name = model.T(l, "(namn saknas)", "(no name yet)")
	}
	long, short := versionWords(l, p)
	for _, c := range []string{name + " · " + long, name + " · " + short} {
		if ansi.StringWidth(c) <= w {
			return c
		}
	}
	tail := " · " + short
	if room := w - ansi.StringWidth(tail); room >= 8 {
		return ansi.Truncate(name, room, "…") + tail
	}
	return ansi.Truncate(name, max(0, w), "…")
}

// versionWords says which version the screen shows, in full
// ("version 2, uppföljning") and short ("version 2").
func versionWords(l model.Lang, p *model.Plan) (long, short string) {
	switch {
	case p.Status == model.StatusClosed:
		n := p.VersionNumber()
		short = fmt.Sprintf(model.T(l, "version %d", "version %d"), n)
		return short + model.T(l, ", avslutad", ", closed"), short
	case p.Draft == nil:
		short = fmt.Sprintf(model.T(l, "version %d", "version %d"), p.VersionNumber())
		return short + model.T(l, ", fastställd", ", finalised"), short
	}
	short = fmt.Sprintf(model.T(l, "version %d", "version %d"), p.Draft.Number)
	if p.Draft.Number > 1 {
		return short + model.T(l, ", uppföljning", ", follow-up"), short
	}
	return short + model.T(l, ", första planen", ", first plan"), short
}

// whoseBorder is the top border of a pane w wide with whoseLine in it.
func (m *Model) whoseBorder(border lipgloss.Style, w int) string {
	title := whoseLine(m.lang, m.Sess.Plan(), components.TitleRoom(w))
	return components.TopBorder(border, m.st.Title.Render(title), w)
}

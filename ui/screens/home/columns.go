package home

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// fullHelp is the help's groups of keys side by side, as many as the
// window has room for, the rest under them: no key is cut off.
func fullHelp(hm help.Model, groups [][]key.Binding, width int) string {
	fits := func(gs [][]key.Binding) bool {
		v := hm.FullHelpView(gs)
		if strings.Contains(v, "…") {
			return false
		}
		for _, line := range strings.Split(v, "\n") {
			if ansi.StringWidth(line) > width {
				return false
			}
		}
		return true
	}
	var rows []string
	for len(groups) > 0 {
		n := 1
		for n < len(groups) && fits(groups[:n+1]) {
			n++
		}
		rows = append(rows, hm.FullHelpView(groups[:n]))
		groups = groups[n:]
	}
	return strings.Join(rows, "\n")
}

// rowParts are the columns of one line of the list.
type rowParts struct{ name, pnr, status, ver, next, left string }

// layout is the width of each column the window has room for; 0 leaves a
// column out. The name gets what the window has to spare. Each other
// column is as wide as its longest word in the language on screen
// ("19890412-****", "avslutad", "2 (fastställd)", "boka 12-09", "24 kvar":
// checklist items left), and no wider, so that at 80 columns a name of 23
// letters and every heading show whole. In a narrower window the
// checklist's column goes first, then the version's, so that the date of
// the next meeting is never cut; what is left out of the row under the
// cursor is said under the list (cursorLine).
type layout struct{ name, status, ver, next, left int }

// pnrWidth is a masked personnummer, "19890412-****".
const pnrWidth = 13

// minName is the least a name's column is given before another column
// makes room for it.
const minName = 16

func (h *Model) layout() layout {
	lay := layout{status: 8, ver: 14, next: 10, left: 7}
	if h.lang == model.English {
		lay.status, lay.ver = 6, 13
	}
	// Each column after the name takes its width and the space before it.
	fixed := pnrWidth + lay.status + lay.ver + lay.next + lay.left + 5
	if h.Width-fixed < minName {
		fixed -= lay.left + 1
		lay.left = 0
	}
	if h.Width-fixed < minName {
		fixed -= lay.ver + 1
		lay.ver = 0
	}
	lay.name = max(minName, min(30, h.Width-fixed))
	return lay
}

// header is the list's heading line.
func (h *Model) header() string {
	l := h.lang
	return h.columns(rowParts{model.T(l, "Person", "Person"), model.T(l, "Personnummer", "ID number"),
		model.T(l, "Status", "Status"), model.T(l, "Version", "Version"), model.T(l, "Nästa möte", "Meeting"),
		model.T(l, "Punkter", "To tick")})
}

// columns lays out one line of the list.
func (h *Model) columns(p rowParts) string {
	lay := h.layout()
	cols := []string{common.Pad(p.name, lay.name), common.Pad(p.pnr, pnrWidth), common.Pad(p.status, lay.status)}
	if lay.ver > 0 {
		cols = append(cols, common.Pad(p.ver, lay.ver))
	}
	if lay.left > 0 {
		cols = append(cols, common.Pad(p.next, lay.next), p.left)
	} else {
		cols = append(cols, p.next)
	}
	return ansi.Truncate(strings.Join(cols, " "), h.Width, "…")
}

func (h *Model) row(s model.Summary) string { return h.columns(h.parts(s)) }

// rowOf is the list's line of s, which is entry j: told from a
// neighbour alike by its id (twins.go).
func (h *Model) rowOf(s model.Summary, j int32) string {
	p := h.parts(s)
	p.name, p.pnr, _ = h.cells(j, h.layout().name)
	return h.columns(p)
}

// parts are the columns of a plan's line.
func (h *Model) parts(s model.Summary) rowParts {
	l := h.lang
	fu := h.nextMeeting(s)
	if d := s.BookBy(); fu == "" && len(d) == len("2006-01-02") {
		// To be booked by a day: in the column's 10 characters.
		fu = model.T(l, "boka ", "book ") + d[5:]
	}
	if fu == "" {
		fu = "—"
	}
	open := ""
	// Checklist items left matter while a version is being written; a
	// finalised or closed plan has no meeting to prepare.
	if h.openCount != nil && s.HasDraft && s.Status != model.StatusClosed {
		if n := h.openCount(s); n > 0 {
			open = fmt.Sprintf(model.T(l, "%d kvar", "%d left"), n)
		}
	}
	e := s.Entry()
	return rowParts{h.name(&e), e.PNRMasked, s.Status.Label(l), s.VersionLabel(l), fu, open}
}

// cursorLine is what the row under the cursor cannot show, whole, for a
// line under the list: its name when the column cuts it, and the columns
// the window left out. Empty when the row shows everything.
func (h *Model) cursorLine() string {
	if h.cursor >= len(h.shown) {
		return ""
	}
	l, lay, e := h.lang, h.layout(), h.entry(h.cursor)
	var out []string
	if _, _, cut := h.cells(h.shown[h.cursor], lay.name); cut {
		out = append(out, h.name(e))
	}
	if s, ok := h.rows[e.ID]; ok {
		p := h.parts(s)
		if lay.ver == 0 {
			out = append(out, model.T(l, "version ", "version ")+p.ver)
		}
		if lay.left == 0 && p.left != "" {
			out = append(out, model.T(l, "checklistorna: ", "checklists: ")+p.left)
		}
	}
	if len(out) == 0 {
		return ""
	}
	return ansi.Wrap("› "+strings.Join(out, " · "), max(10, h.Width), "")
}

// fullView is the home screen's help under its title: what the screen is,
// what the Punkter column counts, and every key. In a low window the
// first sentences give way, then the lines at the bottom, so that it
// never runs off the screen.
func (h *Model) fullView() string {
	l := h.lang
	hm := help.New()
	hm.Styles = h.st.Help
	hm.SetWidth(h.Width)
	w := max(20, h.Width)
	about := model.T(l, "Här finns alla planer. Välj en med pilarna och tryck enter för att öppna mötet. Allt sparas automatiskt medan du skriver. ",
		"Here are all plans. Choose one with the arrows and press enter to open its meeting. Everything is saved as you type. ")
	items := model.T(l, "Punkter är hur många punkter på checklistorna före och efter mötet som inte är avbockade än (ctrl+l i mötet).",
		"To tick is how many items of the checklists before and after the meeting are not ticked yet (ctrl+l in the meeting).")
	keys := fullHelp(hm, h.keys.FullHelp(), h.Width)
	closeLine := h.st.Subtle.Render(model.T(l, "Tryck en tangent för att stänga hjälpen.", "Press any key to close the help."))
	room := max(1, h.Height-3) // the title and its blank line, and the bottom line
	out := ansi.Wordwrap(about+items, w, "") + "\n\n" + keys + "\n\n" + closeLine
	if strings.Count(out, "\n")+1 > room {
		out = ansi.Wordwrap(items, w, "") + "\n\n" + keys + "\n\n" + closeLine
	}
	if lines := strings.Split(out, "\n"); len(lines) > room {
		out = strings.Join(lines[:room], "\n")
	}
	return out
}

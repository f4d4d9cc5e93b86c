package room

import (
	"fmt"
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// A view that cannot show all it has says how much it leaves out, on the
// line where the cut is ("2 till ↓"), so that nobody takes a cut list of
// speakers or findings for the whole.

// moreLine says that n lines are left out above (up) or below.
func moreLine(st *common.Styles, l model.Lang, n int, up bool) string {
	arrow := "↓"
	if up {
		arrow = "↑"
	}
	return st.Subtle.Render(fmt.Sprintf(model.T(l, "%d till %s", "%d more %s"), n, arrow))
}

// trimBlank drops the empty lines at the end, which are no content.
func trimBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// cutLines fits lines into h, the last line saying how many did not fit.
func cutLines(st *common.Styles, l model.Lang, lines []string, h int) []string {
	lines = trimBlank(lines)
	if len(lines) <= h || h < 1 {
		return lines
	}
	keep := trimBlank(lines[:h-1])
	return append(keep[:len(keep):len(keep)], moreLine(st, l, len(lines)-len(keep), false))
}

// cutText is cutLines for a text of lines.
func cutText(st *common.Styles, l model.Lang, s string, h int) string {
	return strings.Join(cutLines(st, l, strings.Split(s, "\n"), h), "\n")
}

// windowLines fits lines into h around line focus (kept near the top, with
// two lines above it for context), with a line at either end saying how
// many are left out there.
func windowLines(st *common.Styles, l model.Lang, lines []string, focus, h int) []string {
	lines = trimBlank(lines)
	if len(lines) <= h || h < 3 {
		if len(lines) > h {
			return lines[:max(0, h)]
		}
		return lines
	}
	focus = min(max(focus, 0), len(lines)-1)
	context := 2
	if h < 7 {
		context = 0 // room for the focus line itself between the two notes
	}
	first := max(0, focus-context)
	for {
		show := h
		if first > 0 {
			show--
		}
		if first+show < len(lines) {
			show--
		}
		if first+show > len(lines) { // the end is in sight: start earlier
			first = max(0, len(lines)-(h-1))
			continue
		}
		out := make([]string, 0, h)
		if first > 0 {
			out = append(out, moreLine(st, l, first, true))
		}
		out = append(out, lines[first:first+show]...)
		if rest := len(lines) - first - show; rest > 0 {
			out = append(out, moreLine(st, l, rest, false))
		}
		return out
	}
}

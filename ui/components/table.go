// How a list lays out its table (the meeting's participants, goals and
// actions): columns as wide as what is in
// them, and the row under the cursor read whole when a cell is cut.

package components

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// colGap is the room between two columns.
const colGap = 2

// ColumnWidths gives each column the width of its longest cell or its
// heading, so that a short column ("rum") does not take room from a long
// one ("vårdnadshavare"). A column with no cell filled in takes no width
// at all, heading included. When the columns do not fit in avail, the
// column that names a row (label) keeps its width up to a third of the
// room, the widest of the others give up room first, and what is left
// over goes to the label.
func ColumnWidths(headers []string, rows [][]string, avail, label int) []int {
	w := make([]int, len(headers))
	for _, r := range rows {
		for i := range min(len(r), len(w)) {
			w[i] = max(w[i], ansi.StringWidth(cellText(r[i])))
		}
	}
	shown := 0
	for i, h := range headers {
		if w[i] > 0 {
			w[i] = max(w[i], ansi.StringWidth(h))
			shown++
		}
	}
	budget := avail - colGap*max(0, shown-1)
	if label < 0 || label >= len(w) {
		label = -1
	}
	keep := 0 // what the label keeps however narrow the others get
	if label >= 0 {
		keep = min(w[label], budget/3)
	}
	capped := func(i, limit int) int {
		if i == label {
			return min(w[i], max(limit, keep))
		}
		return min(w[i], limit)
	}
	sum := func(limit int) int {
		n := 0
		for i := range w {
			n += capped(i, limit)
		}
		return n
	}
	if shown == 0 || sum(1<<30) <= budget {
		return w
	}
	// The largest cap at which the columns fit; what a cap of one more
	// would take too much is not handed out, so the table never overruns.
	limit := 3
	for sum(limit+1) <= budget {
		limit++
	}
	out := make([]int, len(w))
	for i := range w {
		out[i] = capped(i, limit)
	}
	left := budget - sum(limit)
	if label >= 0 {
		give := min(w[label]-out[label], left)
		out[label] += give
		left -= give
	}
	// What is still left, a column each in turn, so no room stays empty.
	for left > 0 {
		gave := false
		for i := range out {
			if left > 0 && out[i] < w[i] {
				out[i]++
				left--
				gave = true
			}
		}
		if !gave {
			break
		}
	}
	return out
}

// cellText is a cell on one line.
func cellText(c string) string { return strings.ReplaceAll(c, "\n", " ") }

// TableRow lays out one row in the widths given, leaving out the columns
// of no width.
func TableRow(cells []string, widths []int) string {
	var r strings.Builder
	for i, c := range cells {
		if i >= len(widths) || widths[i] == 0 {
			continue
		}
		c = ansi.Truncate(cellText(c), widths[i], "…")
		r.WriteString(c + strings.Repeat(" ", max(0, widths[i]-ansi.StringWidth(c))) + strings.Repeat(" ", colGap))
	}
	return strings.TrimRight(r.String(), " ")
}

// RowWhole is the row under the cursor with every cell whole, named by its
// heading, wrapped to the width; empty when nothing in the row is cut, so
// that the line is there only when it is needed.
func RowWhole(headers, cells []string, widths []int, width int) []string {
	cut := false
	var parts []string
	for i, c := range cells {
		c = strings.TrimSpace(cellText(c))
		if i >= len(widths) || c == "" {
			continue
		}
		if ansi.StringWidth(c) > widths[i] {
			cut = true
		}
		if i < len(headers) && headers[i] != "" {
			c = headers[i] + ": " + c
		}
		parts = append(parts, c)
	}
	if !cut {
		return nil
	}
	return strings.Split(ansi.Wrap("› "+strings.Join(parts, " · "), max(10, width), ""), "\n")
}

package printout

import (
	"math"
	"slices"

	"github.com/sipmote/sipmote/model"
)

const (
	cellPadH = 1.3
	cellPadV = 1.2
	contH    = 5.5 // the "(continued)" line above a table carried over
)

// tableLayout is a table measured for the page: the type size, column
// widths and every cell wrapped into lines.
type tableLayout struct {
	size     float64 // points
	lineH    float64 // millimetres
	widths   []float64
	caption  []string
	captionH float64
	head     rowLayout
	headH    float64
	rows     []rowLayout
}

type rowLayout struct {
	cells [][]string
	h     float64
}

// layoutTable fits a table to the text width, see colWidths.
//
// The widths are measured over t's rows and the extra rows of other tables
// of the same section with the same columns, so that such tables line up.
func (r *renderer) layoutTable(t model.Table, extra ...[]string) tableLayout {
	all := slices.Concat(t.Rows, extra) // never append to t.Rows: it is the caller's
	n := len(t.Header)
	for _, row := range all {
		n = max(n, len(row))
	}
	var lay tableLayout
	if n == 0 {
		return lay
	}
	cell := func(row []string, i int) string {
		if i < len(row) {
			return r.text(oneLine(row[i]))
		}
		return ""
	}
	// Tables are set in one size: a table whose longest words do not fit
	// side by side has them cut rather than shrunk below what the person
	// can read.
	var tw [][]float64 // the width of every cell on one line
	var least []float64
	for _, size := range []float64{sizeTable} {
		lay.size = size
		tw, least = nil, make([]float64, n)
		measure := func(style string, row []string) {
			r.font(style, size)
			ws := make([]float64, n)
			for i := range n {
				s := cell(row, i)
				ws[i] = r.pdf.GetStringWidth(s)
				for _, p := range pieces(s) {
					least[i] = max(least[i], r.pdf.GetStringWidth(p.text)+2*cellPadH)
				}
			}
			tw = append(tw, ws)
		}
		measure("B", t.Header)
		for _, row := range all {
			measure("", row)
		}
		// Words longer than a quarter of the page are cut whatever the
		// size, so they do not make the type smaller.
		sum := 0.0
		for _, l := range least {
			sum += min(l, contentW/4)
		}
		if sum <= contentW {
			break
		}
	}
	lay.lineH = lineTable * lay.size / sizeTable
	lay.widths = colWidths(tw, least, contentW)

	if t.Caption != "" {
		r.font("B", sizeBody)
		lay.caption = r.split(t.Caption, contentW)
		lay.captionH = float64(len(lay.caption))*lineBody + 1
	}
	wrapRow := func(style string, row []string) rowLayout {
		r.font(style, lay.size)
		rl := rowLayout{cells: make([][]string, n)}
		lines := 1
		for i := range n {
			rl.cells[i] = r.split(cell(row, i), lay.widths[i]-2*cellPadH)
			lines = max(lines, len(rl.cells[i]))
		}
		rl.h = float64(lines)*lay.lineH + 2*cellPadV
		return rl
	}
	lay.head = wrapRow("B", t.Header)
	lay.headH = lay.head.h
	for _, row := range t.Rows {
		lay.rows = append(lay.rows, wrapRow("", row))
	}
	return lay
}

// wrapWaste allows for the room lost at the end of wrapped lines when the
// number of lines of a cell is estimated from its width on one line.
const wrapWaste = 1.08

// estLines estimates the lines of a cell whose text is t wide on one line,
// in a column w wide.
func estLines(t, w float64) int {
	inner := w - 2*cellPadH
	if t <= inner+1e-6 {
		return 1
	}
	if inner <= 0 {
		return 1 << 20
	}
	return int(math.Ceil(t * wrapWaste / inner))
}

// colWidths divides total among the columns of a table whose cells are
// tw[row][col] wide on one line, each column at least least[col] wide
// (its longest word). Starting from those least widths, the room left is
// given, a step at a time, where it saves the most lines per millimetre,
// which keeps the table short and its cells unbroken: a column of names
// gets just enough to stop wrapping, a column of long descriptions the
// rest.
// Room that saves no more lines is shared among the columns that still
// wrap, or evenly when none does.
func colWidths(tw [][]float64, least []float64, total float64) []float64 {
	n := len(least)
	w := make([]float64, n)
	sum := 0.0
	for c := range n {
		w[c] = max(least[c], 6)
		sum += w[c]
	}
	if sum >= total {
		// Words too long to sit side by side: the columns with short
		// words keep them whole, the widest share what is left and
		// have their words cut.
		limit := fairCap(w, total)
		for c := range n {
			w[c] = min(w[c], limit)
		}
		return w
	}
	spare := total - sum
	rowLines := func(r, skip int, wc float64) int {
		m := 1
		for c := range n {
			if c == skip {
				m = max(m, estLines(tw[r][c], wc))
			} else {
				m = max(m, estLines(tw[r][c], w[c]))
			}
		}
		return m
	}
	for spare > 0.01 {
		cur := make([]int, len(tw))
		for r := range tw {
			cur[r] = rowLines(r, -1, 0)
		}
		bestRate, bestCol, bestAdd := 0.0, -1, 0.0
		for c := range n {
			seen := map[int]bool{}
			for r := range tw {
				l := estLines(tw[r][c], w[c])
				if l <= 1 {
					continue
				}
				// The width at which the cell loses a line; one line
				// needs no allowance for wrapping.
				need := tw[r][c]
				if l > 2 {
					need = need * wrapWaste / float64(l-1)
				}
				add := need + 2*cellPadH - w[c] + 0.01
				key := int(add * 4) // quarter millimetres are close enough
				if add <= 0 || add > spare || seen[key] {
					continue
				}
				seen[key] = true
				// Lines saved in the table's height count most; lines saved
				// within cells count too, so that a name does not wrap
				// just because its row is two lines high anyway.
				gain := 0
				for r2 := range tw {
					gain += 4*(cur[r2]-rowLines(r2, c, w[c]+add)) +
						estLines(tw[r2][c], w[c]) - estLines(tw[r2][c], w[c]+add)
				}
				if rate := float64(gain) / add; gain > 0 && rate > bestRate {
					bestRate, bestCol, bestAdd = rate, c, add
				}
			}
		}
		if bestCol < 0 {
			break
		}
		w[bestCol] += bestAdd
		spare -= bestAdd
	}
	// Share what is left: to the columns that still wrap, in proportion
	// to how much more they want, or evenly.
	lack := make([]float64, n)
	sumLack := 0.0
	for c := range n {
		for r := range tw {
			lack[c] = max(lack[c], tw[r][c]+2*cellPadH-w[c])
		}
		sumLack += lack[c]
	}
	for c := range n {
		if sumLack > 0 {
			w[c] += spare * lack[c] / sumLack
		} else {
			w[c] += spare / float64(n)
		}
	}
	return w
}

// fairCap is the width c such that the columns, each cut down to at most
// c, fill total exactly: the narrow ones keep their width.
func fairCap(w []float64, total float64) float64 {
	sorted := slices.Sorted(slices.Values(w))
	left := total
	for i, v := range sorted {
		rest := float64(len(sorted) - i)
		if v*rest > left {
			return left / rest
		}
		left -= v
	}
	return math.Inf(1)
}

// table writes a table with its header row. A row is never split between
// pages: when it does not fit, the table goes on on the next page with the
// header repeated. Only a row taller than a whole page is split.
func (r *renderer) table(t model.Table, extra [][]string) {
	lay := r.layoutTable(t, extra...)
	if len(lay.widths) == 0 {
		return
	}
	first := 0.0
	if len(lay.rows) > 0 {
		first = lay.rows[0].h
	}
	r.need(lay.captionH + lay.headH + first)
	if len(lay.caption) > 0 {
		r.font("B", sizeBody)
		y := r.pdf.GetY()
		for _, l := range lay.caption {
			r.put(marginL, y, contentW, lineBody, l, "L")
			y += lineBody
		}
		r.pdf.SetY(y + 1)
	}
	r.drawRow(lay, lay.head, 0, -1, true, false)
	room := contentBot - marginTop - contH - lay.headH
	for i, row := range lay.rows {
		if !r.fits(row.h) && row.h <= room {
			r.carryOver(lay, t.Caption)
		}
		if row.h <= room || r.fits(row.h) {
			r.drawRow(lay, row, 0, -1, false, i%2 == 1)
			continue
		}
		// A row taller than a page: give it the page line by line.
		lines := 0
		for _, c := range row.cells {
			lines = max(lines, len(c))
		}
		for start := 0; start < lines; {
			k := int((contentBot - r.pdf.GetY() - 2*cellPadV) / lay.lineH)
			if k < 1 {
				r.carryOver(lay, t.Caption)
				continue
			}
			k = min(k, lines-start)
			r.drawRow(lay, row, start, k, false, i%2 == 1)
			start += k
			if start < lines {
				r.carryOver(lay, t.Caption)
			}
		}
	}
}

// carryOver starts a new page for a table that goes on: a line saying
// which section it belongs to, and the header row again.
func (r *renderer) carryOver(lay tableLayout, caption string) {
	r.newPage()
	what := r.section
	if caption != "" {
		what = caption
	}
	r.font("I", sizeTable)
	r.grey(90)
	r.put(marginL, r.pdf.GetY(), contentW, contH-1, r.text(what)+" "+model.T(r.d.Lang, "(forts.)", "(continued)"), "L")
	r.grey(0)
	r.pdf.SetY(r.pdf.GetY() + contH)
	r.drawRow(lay, lay.head, 0, -1, true, false)
}

// drawRow draws count lines of a row from line start (count < 0: all),
// with a frame around every cell.
func (r *renderer) drawRow(lay tableLayout, row rowLayout, start, count int, head, shade bool) {
	lines := 0
	for _, c := range row.cells {
		lines = max(lines, len(c)-start)
	}
	if count >= 0 {
		lines = min(lines, count)
	}
	lines = max(lines, 1)
	h := float64(lines)*lay.lineH + 2*cellPadV
	y := r.pdf.GetY()
	x := marginL
	style := ""
	switch {
	case head:
		style = "B"
		r.pdf.SetFillColor(225, 225, 225)
	case shade:
		r.pdf.SetFillColor(246, 246, 246)
	}
	r.pdf.SetDrawColor(160, 160, 160)
	r.pdf.SetLineWidth(0.2)
	r.font(style, lay.size)
	for i, w := range lay.widths {
		if head || shade {
			r.pdf.Rect(x, y, w, h, "FD")
		} else {
			r.pdf.Rect(x, y, w, h, "D")
		}
		cell := row.cells[i]
		for j := 0; j < lines && start+j < len(cell); j++ {
			r.put(x+cellPadH, y+cellPadV+float64(j)*lay.lineH, w-2*cellPadH, lay.lineH, cell[start+j], "L")
		}
		x += w
	}
	r.pdf.SetY(y + h)
}

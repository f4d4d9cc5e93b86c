package printout

import (
	"slices"
	"strconv"
	"strings"

	"github.com/sipmote/sipmote/model"
)

const (
	gapBlock    = 2.5 // between blocks of a section
	gapSection  = 5.0 // above a heading
	headingLine = 7.0
)

// titleBlock writes the title and the person, version and meeting frame
// in a shaded box: the part of page one a reader looks at first.
func (r *renderer) titleBlock() {
	r.font("B", sizeTitle)
	y := r.pdf.GetY()
	for _, l := range r.split(r.d.Title, contentW) {
		r.put(marginL, y, contentW, 8, l, "L")
		y += 8
	}
	r.pdf.SetY(y + 1.5)
	r.subtitle()
}

// subtitle lays the subtitle pairs out in two columns, the person and the
// version on the left, the meeting on the right. Each column stacks its
// own rows, so that a long place name does not open a gap on the left.
func (r *renderer) subtitle() {
	pairs := r.d.Subtitle
	if len(pairs) == 0 {
		return
	}
	half := (len(pairs) + 1) / 2
	cols := [2][]model.KeyValue{pairs[:half], pairs[half:]}
	const pad, gap = 3.0, 6.0
	colW := (contentW - 2*pad - gap) / 2
	var lw [2]float64
	var rows [2][][2][]string
	var height [2]float64
	for c, ps := range cols {
		lw[c] = r.labelWidth(ps, 18, colW*0.45)
		for _, kv := range ps {
			r.font("B", sizeBody)
			k := r.split(kv.Key+":", lw[c]-1.5)
			r.font("", sizeBody)
			v := r.split(kv.Value, colW-lw[c])
			rows[c] = append(rows[c], [2][]string{k, v})
			height[c] += float64(max(len(k), len(v))) * lineBody
		}
	}
	total := max(height[0], height[1]) + 2*pad
	r.need(total)
	top := r.pdf.GetY()
	r.pdf.SetFillColor(242, 242, 242)
	r.pdf.Rect(marginL, top, contentW, total, "F")
	for c := range 2 {
		x := marginL + pad + float64(c)*(colW+gap)
		y := top + pad
		for _, row := range rows[c] {
			r.font("B", sizeBody)
			for j, l := range row[0] {
				r.put(x, y+float64(j)*lineBody, lw[c], lineBody, l, "L")
			}
			r.font("", sizeBody)
			for j, l := range row[1] {
				r.put(x+lw[c], y+float64(j)*lineBody, colW-lw[c], lineBody, l, "L")
			}
			y += float64(max(len(row[0]), len(row[1]))) * lineBody
		}
	}
	r.pdf.SetY(top + total + 1)
}

// labelWidth is the width of a label column: the widest label, kept
// between lo and hi so that one long label does not squeeze the values.
func (r *renderer) labelWidth(pairs []model.KeyValue, lo, hi float64) float64 {
	r.font("B", sizeBody)
	w := lo
	for _, kv := range pairs {
		w = max(w, r.pdf.GetStringWidth(r.text(oneLine(kv.Key))+":")+3)
	}
	return min(w, hi)
}

func (r *renderer) sectionOut(s model.Section) {
	r.section = s.Heading
	first := 0.0
	if len(s.Blocks) > 0 {
		first = r.firstHeight(s.Blocks[0], siblingRows(s.Blocks, 0))
	}
	r.heading(s.Heading, first)
	for i, b := range s.Blocks {
		if i > 0 {
			r.pdf.SetY(r.pdf.GetY() + gapBlock)
		}
		if b.Kind == model.BlockTable {
			r.table(b.Table, siblingRows(s.Blocks, i))
			continue
		}
		if leadIn(b) && i+1 < len(s.Blocks) {
			// A short paragraph that leads into the next block ("Får en
			// kopia:") goes to the next page with that block's first
			// lines, as a heading does, never alone at the foot.
			r.font("", sizeBody)
			r.need(float64(len(r.split(b.Text, contentW)))*lineBody + gapBlock + r.firstHeight(s.Blocks[i+1], siblingRows(s.Blocks, i+1)))
		}
		r.block(b)
	}
}

// leadIn tells whether b is a paragraph that introduces the block after
// it: one short line ending in a colon.
func leadIn(b model.Block) bool {
	t := strings.TrimSpace(b.Text)
	return b.Kind == model.BlockParagraph && strings.HasSuffix(t, ":") && !strings.Contains(t, "\n") && len([]rune(t)) <= 80
}

// siblingRows are the rows of the other tables in blocks with the same
// header as table i.
func siblingRows(blocks []model.Block, i int) [][]string {
	var rows [][]string
	for j, b := range blocks {
		if j != i && b.Kind == model.BlockTable && slices.Equal(b.Table.Header, blocks[i].Table.Header) {
			rows = append(rows, b.Table.Rows...)
		}
	}
	return rows
}

// heading writes a section heading. It goes to the next page together with
// the first lines of its section (next), so that it never stands alone at
// the foot of a page.
func (r *renderer) heading(h string, next float64) {
	if r.pdf.GetY() > marginTop+0.5 {
		r.pdf.SetY(r.pdf.GetY() + gapSection)
	}
	r.font("B", sizeHeading)
	lines := r.split(h, contentW)
	hh := float64(len(lines))*headingLine + 2
	r.need(hh + next)
	y := r.pdf.GetY()
	for _, l := range lines {
		r.put(marginL, y, contentW, headingLine, l, "L")
		y += headingLine
	}
	r.pdf.SetDrawColor(150, 150, 150)
	r.pdf.SetLineWidth(0.3)
	r.pdf.Line(marginL, y+0.3, pageW-marginR, y+0.3)
	r.pdf.SetY(y + 2)
}

// firstHeight is the height of the start of a block that must share a
// page with the heading above it.
func (r *renderer) firstHeight(b model.Block, extra [][]string) float64 {
	switch b.Kind {
	case model.BlockParagraph:
		r.font("", sizeBody)
		return float64(min(len(r.split(b.Text, contentW)), 2)) * lineBody
	case model.BlockKeyValues:
		if len(b.Pairs) > 0 {
			return r.pairHeight(b.Pairs[0], r.labelWidth(b.Pairs, 25, 62))
		}
	case model.BlockList:
		if len(b.Items) > 0 {
			r.font("", sizeBody)
			return float64(len(r.split(b.Items[0], contentW-listIndent))) * lineBody
		}
	case model.BlockTable:
		lay := r.layoutTable(b.Table, extra...)
		h := lay.captionH + lay.headH
		if len(lay.rows) > 0 {
			h += lay.rows[0].h
		}
		return h
	}
	return 0
}

func (r *renderer) block(b model.Block) {
	switch b.Kind {
	case model.BlockParagraph:
		r.paragraph(b.Text, b.Note)
	case model.BlockKeyValues:
		r.pairs(b.Pairs)
	case model.BlockList:
		r.list(b.Items, b.Numbered)
	case model.BlockTable:
		r.table(b.Table, nil)
	}
}

// paragraph writes text line by line; a paragraph may run over a page.
func (r *renderer) paragraph(text string, note bool) {
	style := ""
	if note {
		style = "I"
		r.grey(90)
	}
	r.font(style, sizeBody)
	for _, l := range r.split(text, contentW) {
		r.need(lineBody)
		y := r.pdf.GetY()
		r.put(marginL, y, contentW, lineBody, l, "L")
		r.pdf.SetY(y + lineBody)
	}
	r.grey(0)
}

func (r *renderer) pairHeight(kv model.KeyValue, lw float64) float64 {
	r.font("B", sizeBody)
	k := len(r.split(kv.Key+":", lw-2))
	r.font("", sizeBody)
	v := len(r.split(kv.Value, contentW-lw))
	return float64(max(k, v)) * lineBody
}

// pairs writes labels in a bold column and values beside them. A pair is
// kept on one page unless it is longer than a page.
func (r *renderer) pairs(pairs []model.KeyValue) {
	lw := r.labelWidth(pairs, 25, 62)
	for _, kv := range pairs {
		r.font("B", sizeBody)
		k := r.split(kv.Key+":", lw-2)
		r.font("", sizeBody)
		v := r.split(kv.Value, contentW-lw)
		r.need(float64(max(len(k), len(v))) * lineBody)
		r.twoColumns(marginL, lw, k, v, contentW-lw)
	}
}

// twoColumns writes a bold left column and a regular right one, line by
// line, breaking the page between lines when it must.
func (r *renderer) twoColumns(x, lw float64, left, right []string, rw float64) {
	for i := range max(len(left), len(right)) {
		r.need(lineBody)
		y := r.pdf.GetY()
		if i < len(left) {
			r.font("B", sizeBody)
			r.put(x, y, lw, lineBody, left[i], "L")
		}
		if i < len(right) {
			r.font("", sizeBody)
			r.put(x+lw, y, rw, lineBody, right[i], "L")
		}
		r.pdf.SetY(y + lineBody)
	}
}

const listIndent = 7.0

// list writes bullets or numbers with the text hanging beside them.
func (r *renderer) list(items []string, numbered bool) {
	for i, it := range items {
		marker := "•"
		if numbered {
			marker = strconv.Itoa(i+1) + "."
		}
		r.font("", sizeBody)
		lines := r.split(it, contentW-listIndent)
		r.need(float64(min(len(lines), 3)) * lineBody)
		r.font("B", sizeBody)
		r.put(marginL, r.pdf.GetY(), listIndent, lineBody, marker, "L")
		r.font("", sizeBody)
		for _, l := range lines {
			r.need(lineBody)
			y := r.pdf.GetY()
			r.put(marginL+listIndent, y, contentW-listIndent, lineBody, l, "L")
			r.pdf.SetY(y + lineBody)
		}
		r.pdf.SetY(r.pdf.GetY() + 0.8)
	}
}

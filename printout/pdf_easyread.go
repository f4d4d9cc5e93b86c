package printout

import (
	"strconv"

	"github.com/sipmote/sipmote/model"
)

// The easy-read page follows the known rules for easy-read print: type of
// 14 pt and more, short lines set ragged right, one sentence to a line,
// and plenty of white space between the parts.
const (
	easyTitle    = 26.0
	easyHeading  = 18.0
	easyBody     = 14.0
	easyLine     = 6.6  // mm: 14 pt with generous leading (1.33)
	easyHeadLine = 8.0  // mm
	easyGap      = 5.5  // mm above a heading
	easyIndent   = 9.0  // mm: numbers and bullets hang to the left
	easyMarginL  = 22.0 // mm
	// easyWidth keeps a line to about fifty letters at 14 pt.
	easyWidth = 140.0
	// easyColGap separates the two last parts, set side by side.
	easyColGap = 10.0
)

// easyPage writes the easy-read page ("Min plan"). It is meant to fill one
// page; a plan with very many actions goes on to a second page in the
// same type rather than shrink it.
func (r *renderer) easyPage(e model.EasyRead) {
	r.easy = &e
	y := r.pdf.GetY() + 2
	r.font("B", easyTitle)
	for _, l := range r.split(e.Title, easyWidth) {
		r.put(easyMarginL, y, easyWidth, 12, l, "L")
		y += 12
	}
	y += 2
	r.font("", easyBody)
	for i, line := range e.Intro {
		if i == 0 {
			r.font("B", easyBody)
		} else {
			r.font("", easyBody)
		}
		for _, l := range r.split(line, easyWidth) {
			r.put(easyMarginL, y, easyWidth, easyLine, l, "L")
			y += easyLine
		}
	}
	r.pdf.SetY(y)
	parts := e.Parts
	if !r.fits(r.easyTotal(parts)) {
		// What the person looks for most never goes to a second sheet.
		parts = sideFirst(parts)
	}
	// Whom to call and the next meeting are short: side by side they
	// leave room for the rest on the one page.
	for i := 0; i < len(parts); i++ {
		p := parts[i]
		if p.Side && i+1 < len(parts) && parts[i+1].Side {
			r.easySideBySide(p, parts[i+1])
			i++
			continue
		}
		r.easyPart(p, easyMarginL, easyWidth)
	}
}

// sideFirst moves the short parts set side by side (whom to call, the
// next meeting) to the front.
func sideFirst(parts []model.EasyPart) []model.EasyPart {
	var side, rest []model.EasyPart
	for _, p := range parts {
		if p.Side {
			side = append(side, p)
		} else {
			rest = append(rest, p)
		}
	}
	return append(side, rest...)
}

// easyTotal is about the height the parts take, the side-by-side ones
// counted at half width.
func (r *renderer) easyTotal(parts []model.EasyPart) float64 {
	w := (pageW - easyMarginL - marginR - easyColGap) / 2
	h := 0.0
	side := 0.0
	for _, p := range parts {
		if p.Side {
			side = max(side, easyGap+r.easyHeight(p, w))
			continue
		}
		h += easyGap + r.easyHeight(p, easyWidth)
		r.font("", easyBody)
		if p.Text != "" {
			h += float64(len(r.split(p.Text, easyWidth))) * easyLine
		}
		for _, it := range p.Items {
			r.font("B", easyBody)
			h += float64(len(r.split(it.Lead, easyWidth-easyIndent)))*easyLine + 1.5
			r.font("", easyBody)
			for _, l := range it.Lines {
				h += float64(len(r.split(l, easyWidth-easyIndent))) * easyLine
			}
		}
	}
	return h + side
}

// easySideBySide writes two short parts in two columns, moved together to
// the next page when they do not fit.
func (r *renderer) easySideBySide(a, b model.EasyPart) {
	w := (pageW - easyMarginL - marginR - easyColGap) / 2
	h := max(r.easyHeight(a, w), r.easyHeight(b, w))
	r.need(easyGap + h)
	top := r.pdf.GetY()
	r.easyPart(a, easyMarginL, w)
	bottom := r.pdf.GetY()
	r.pdf.SetY(top)
	r.easyPart(b, easyMarginL+w+easyColGap, w)
	r.pdf.SetY(max(bottom, r.pdf.GetY()))
}

// easyHeight is the height of a part of lines only, set w wide.
func (r *renderer) easyHeight(p model.EasyPart, w float64) float64 {
	r.font("B", easyHeading)
	h := float64(len(r.split(p.Heading, w)))*easyHeadLine + 1.5
	r.font("", easyBody)
	for _, l := range p.Lines {
		h += float64(len(r.split(l, w))) * easyLine
	}
	return h
}

// easyPart writes one heading and what follows it. The heading never
// stands alone at the foot of a page.
func (r *renderer) easyPart(p model.EasyPart, x, width float64) {
	r.pdf.SetY(r.pdf.GetY() + easyGap)
	r.font("B", easyHeading)
	head := r.split(p.Heading, width)
	r.need(float64(len(head))*easyHeadLine + 2*easyLine)
	y := r.pdf.GetY()
	for _, l := range head {
		r.put(x, y, width, easyHeadLine, l, "L")
		y += easyHeadLine
	}
	r.pdf.SetY(y + 1.5)
	if p.Text != "" {
		r.easyLines(x, width, "", p.Text)
	}
	for i, it := range p.Items {
		mark := "•"
		if p.Numbered {
			mark = strconv.Itoa(i+1) + "."
		}
		r.font("B", easyBody)
		lead := r.split(it.Lead, width-easyIndent)
		r.need(float64(len(lead)+len(it.Lines)) * easyLine)
		r.put(x, r.pdf.GetY(), easyIndent, easyLine, mark, "L")
		style := "B"
		if p.Numbered {
			style = "" // a goal is read, not looked up: no bold
		}
		r.easyLines(x+easyIndent, width-easyIndent, style, it.Lead)
		for _, l := range it.Lines {
			if l == "" {
				r.pdf.SetY(r.pdf.GetY() + 2)
				continue
			}
			r.easyLines(x+easyIndent, width-easyIndent, "", l)
		}
		if len(it.Lines) > 0 {
			r.pdf.SetY(r.pdf.GetY() + 1.5)
		}
	}
	for _, l := range p.Lines {
		r.easyLines(x, width, "", l)
	}
}

// easyLines writes text at x in the page's body type, wrapped to w, line
// by line, keeping the line breaks typed in it.
func (r *renderer) easyLines(x, w float64, style, text string) {
	r.font(style, easyBody)
	for _, l := range r.split(text, w) {
		r.need(easyLine)
		y := r.pdf.GetY()
		r.put(x, y, w, easyLine, l, "L")
		r.pdf.SetY(y + easyLine)
	}
}

// easyFooter numbers the easy-read page in its own words and type size.
func (r *renderer) easyFooter(e *model.EasyRead, page, pages int) {
	r.pdf.SetFont(fontFamily, "", easyBody)
	r.pdf.SetTextColor(60, 60, 60)
	w := model.EasyWords{Phrases: map[string]string{"page": e.Page}}
	r.put(marginL, footerY-3, contentW, easyLine, r.text(w.Say("page", "page", strconv.Itoa(page), "pages", strconv.Itoa(pages))), "R")
	r.pdf.SetTextColor(0, 0, 0)
}

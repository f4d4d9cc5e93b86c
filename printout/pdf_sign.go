package printout

import (
	"strings"

	"github.com/sipmote/sipmote/model"
)

// Signature boxes: two to a row, with room above the line to sign.
const (
	signCols  = 2
	signGap   = 10.0
	signSpace = 13.0 // room for the hand-written signature
	signRowH  = signSpace + 0.5 + 2*signLine + 4
	signLine  = 4.8
)

// signatures writes the block everyone present signs. The block is kept on
// one page, moved whole to the next page when it does not fit, because a
// signature separated from the plan it signs is worth little. Only a block
// longer than a page (very many present) is broken, and then between rows.
func (r *renderer) signatures() {
	sb := r.d.Signatures
	if sb.Heading == "" {
		return
	}
	r.section = sb.Heading
	r.font("", sizeBody)
	intro := r.split(sb.Intro, contentW)
	if sb.Intro == "" {
		intro = nil
	}
	rows := (len(sb.Lines) + signCols - 1) / signCols
	introH := float64(len(intro))*lineBody + 2
	total := gapSection + headingLine + 2 + introH + float64(max(rows, 1))*signRowH
	if !r.fits(total) && r.pdf.GetY() > marginTop+0.5 {
		r.newPage()
	}
	first := signRowH
	if len(sb.Lines) == 0 {
		first = lineBody
	}
	r.heading(sb.Heading, introH+first)
	r.font("", sizeBody)
	for _, l := range intro {
		r.need(lineBody)
		y := r.pdf.GetY()
		r.put(marginL, y, contentW, lineBody, l, "L")
		r.pdf.SetY(y + lineBody)
	}
	r.pdf.SetY(r.pdf.GetY() + 2)
	if sb.Closed {
		return
	}
	if len(sb.Lines) == 0 {
		if len(sb.Later) == 0 {
			r.paragraph(model.T(r.d.Lang, "Ingen är markerad som närvarande.", "Nobody is marked present."), true)
		}
		r.later()
		return
	}
	colW := (contentW - signGap*(signCols-1)) / signCols
	for i := 0; i < len(sb.Lines); i += signCols {
		r.need(signRowH)
		y := r.pdf.GetY()
		for c := 0; c < signCols && i+c < len(sb.Lines); c++ {
			r.signBox(sb.Lines[i+c], marginL+float64(c)*(colW+signGap), y, colW)
		}
		r.pdf.SetY(y + signRowH)
	}
	r.later()
}

// later names those who sign later (on the phone, on video, gone early):
// no line for them on a paper they never see, but the reader knows their
// signature is to come.
func (r *renderer) later() {
	sb := r.d.Signatures
	if len(sb.Later) == 0 {
		return
	}
	r.paragraph(sb.LaterHeading+": "+strings.Join(sb.Later, "; ")+".", false)
}

// signBox is one signature: the line to sign on, the printed name and the
// date under it, then the unit.
func (r *renderer) signBox(s model.Signature, x, y, w float64) {
	lineY := y + signSpace
	r.pdf.SetDrawColor(0, 0, 0)
	r.pdf.SetLineWidth(0.3)
	r.pdf.Line(x, lineY, x+w, lineY)
	r.font("", sizeTable)
	date := model.T(r.d.Lang, "Datum: ", "Date: ")
	if s.Date != "" {
		date += s.Date
	} else {
		date += "____________"
	}
	date = r.text(date)
	dw := r.pdf.GetStringWidth(date) + 1
	// Name, date, unit: the order a reader (and a text extractor) takes.
	r.font("B", sizeBody)
	r.put(x, lineY+0.8, w-dw-2, signLine, r.fitLine(s.Name, w-dw-2), "L")
	r.font("", sizeTable)
	r.put(x+w-dw, lineY+0.8, dw, signLine, date, "R")
	r.put(x, lineY+0.8+signLine, w, signLine, r.fitLine(s.Unit, w), "L")
}

// fitLine shortens text to one line of width w in the current font,
// marking the cut with an ellipsis.
func (r *renderer) fitLine(s string, w float64) string {
	s = r.text(oneLine(s))
	if r.pdf.GetStringWidth(s) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && r.pdf.GetStringWidth(string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

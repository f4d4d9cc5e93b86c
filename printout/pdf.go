package printout

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/sipmote/sipmote/model"
)

// PDFOptions says which copies one print holds. The zero value is the
// print made at the end of a meeting: the original for the person and a
// copy for every other participant present.
type PDFOptions struct {
	// Copies is the number of copies marked "Kopia" after the original.
	// Zero means one for every present participant except the person;
	// a negative number means the original only.
	Copies int
	// Marks, when given, replaces the original-and-copies set: one copy
	// per mark, in order. An empty mark prints a copy without a mark, so
	// Marks: []string{""} gives a single plain copy (for an e-mail).
	Marks []string
	// EasyRead, when given, is printed first, before the first copy (the
	// person's original, or the one draft copy): the easy-read page "Min
	// plan". It is part of that copy and numbered with it.
	EasyRead *model.EasyRead
	// Papers, when given, replaces Marks and EasyRead: one copy per
	// paper, each with its own mark and its own easy-read page or none,
	// so that the same recipient's paper has the same pages however the
	// print is made.
	Papers []Paper
}

// Paper is one copy of a print: its mark, and the easy-read page that
// starts it (nil for none).
type Paper struct {
	Mark     string
	EasyRead *model.EasyRead
}

// Page geometry in millimetres. The bottom margin leaves room for the
// footer; the header band holds the copy's mark.
const (
	pageW      = 210.0
	pageH      = 297.0
	marginL    = 16.0
	marginR    = 16.0
	marginTop  = 17.0
	contentBot = pageH - 20.0
	footerY    = pageH - 13.0
	contentW   = pageW - marginL - marginR
)

// Type sizes in points and line heights in millimetres. The original
// goes home with the person, who may read poorly: body text is never
// below 11 pt and tables never below 10 pt. Only the page's running
// header and footer are smaller.
const (
	sizeTitle   = 18.0
	sizeHeading = 13.5
	sizeBody    = 11.0
	sizeTable   = 10.0
	sizeSmall   = 8.5
	lineBody    = 5.4
	lineTable   = 4.6
)

const fontFamily = "go"

// ErrPDF is returned when the PDF library fails. It wraps no user text.
var ErrPDF = errors.New("printout: the PDF could not be made")

// papers lists every copy in print order: Papers, or else the marks with
// the easy-read page before the first.
func (o PDFOptions) papers(d model.Document) []Paper {
	if len(o.Papers) > 0 {
		return o.Papers
	}
	var out []Paper
	for i, m := range o.marks(d) {
		pp := Paper{Mark: m}
		if i == 0 {
			pp.EasyRead = o.EasyRead
		}
		out = append(out, pp)
	}
	return out
}

// marks lists the mark of every copy in print order.
func (o PDFOptions) marks(d model.Document) []string {
	if len(o.Marks) > 0 {
		return o.Marks
	}
	n := o.Copies
	if n == 0 {
		for _, s := range d.Signatures.Lines {
			if !s.Person {
				n++
			}
		}
	}
	out := []string{model.T(d.Lang, "Original — till den enskilde", "Original — for the person")}
	for range max(n, 0) {
		out = append(out, model.T(d.Lang, "Kopia", "Copy"))
	}
	return out
}

// PDF lays the document out on A4 pages, once per copy in opt. Each copy
// numbers its own pages, "sida 1 av 4", since each is handed out on its
// own. The fonts are embedded so that å, ä and ö print on any printer.
//
// The layout is made once. A page's footer needs the number of pages of
// its copy, which is known only when the copy is written, so the footers
// are drawn last, on every page in turn (see footers).
func PDF(d model.Document, opt PDFOptions) ([]byte, error) {
	r, err := newRenderer(d)
	if err != nil {
		return nil, err
	}
	for _, pp := range opt.papers(d) {
		r.copy(pp.Mark, pp.EasyRead)
	}
	r.footers()
	if r.pdf.Err() {
		return nil, fmt.Errorf("%w: %v", ErrPDF, r.pdf.Error())
	}
	var buf bytes.Buffer
	if err := r.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPDF, err)
	}
	return fixTrailer(buf.Bytes(), 1)
}

// renderer writes one PDF. It holds the state of the page being written.
type renderer struct {
	pdf    *fpdf.Fpdf
	d      model.Document
	glyphs *glyphs
	// mark and copyStart belong to the copy being written.
	mark      string
	copyStart int
	// easy is set while the easy-read page is written.
	easy *model.EasyRead
	// pages holds, for every page finished so far, what its footer needs;
	// pages[0] is unused, as fpdf counts pages from one.
	pages []pageFoot
	// drawn is set once the footers are drawn: fpdf's own call of the
	// footer function when it closes the document must then do nothing.
	drawn bool
	// planStart is the page the plan's title is on, which needs no
	// running title above it.
	planStart int
	// section is the heading of the section being written, repeated when
	// a table goes on to the next page.
	section string
	// style, size and ink are the text settings of the flow, put back
	// after a page break has drawn the header and footer in their own.
	style string
	size  float64
	ink   int
}

// pageFoot is what one page's footer says: the page is in the copy that
// starts at copyStart, and is the easy-read page when easy is set.
type pageFoot struct {
	copyStart int
	easy      *model.EasyRead
}

func newRenderer(d model.Document) (*renderer, error) {
	g, err := newGlyphs()
	if err != nil {
		return nil, fmt.Errorf("%w: font", ErrPDF)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(marginL, marginTop, marginR)
	pdf.SetAutoPageBreak(false, 0) // pages are broken by hand, see fits
	pdf.SetCellMargin(0)
	pdf.AddUTF8FontFromBytes(fontFamily, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", gobold.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "I", goitalic.TTF)
	// The metadata names the kind of document, not the person: file
	// managers and print queues show it.
	title := model.T(d.Lang, "Samordnad individuell plan (SIP)", "Coordinated individual plan (SIP)")
	pdf.SetTitle(title, true)
	pdf.SetCreator("sipmote", true)
	pdf.SetProducer("sipmote", true)
	pdf.SetLang(string(d.Lang))
	// One instant for both dates, to the second, as the XMP repeats them.
	now := time.Now().Truncate(time.Second)
	pdf.SetCreationDate(now)
	pdf.SetModificationDate(now)
	archival(pdf, title, "sipmote", "sipmote", string(d.Lang), now)
	r := &renderer{pdf: pdf, d: d, glyphs: g, pages: []pageFoot{{}}}
	pdf.SetFooterFunc(r.pageDone)
	return r, nil
}

// copy writes one whole copy of the plan, starting on a new page, after
// the easy-read page when easy is given.
func (r *renderer) copy(mark string, easy *model.EasyRead) {
	r.pdf.AddPage() // ends the previous copy's last page
	r.mark = mark
	r.copyStart = r.pdf.PageNo()
	if easy != nil {
		r.easy = easy
		r.header()
		r.easyPage(*easy)
		r.pdf.AddPage() // the easy page ends with r.easy set
		r.easy = nil
	}
	r.planStart = r.pdf.PageNo()
	r.header()
	r.titleBlock()
	for _, s := range r.d.Sections {
		r.sectionOut(s)
	}
	r.signatures()
}

// newPage starts the next page of the copy being written, and carries the
// text settings over.
func (r *renderer) newPage() {
	r.pdf.AddPage()
	r.header()
	r.pdf.SetFont(fontFamily, r.style, r.size)
	r.pdf.SetTextColor(r.ink, r.ink, r.ink)
}

// fits tells whether h more millimetres fit above the footer.
func (r *renderer) fits(h float64) bool { return r.pdf.GetY()+h <= contentBot }

// need starts a new page unless h more millimetres fit. A block taller
// than a whole page is started where it is and broken by its writer.
func (r *renderer) need(h float64) {
	if !r.fits(h) && r.pdf.GetY() > marginTop+0.5 {
		r.newPage()
	}
}

// font sets the type of the flow. The header and the footer set theirs
// with pdf.SetFont directly, so that they do not disturb it.
func (r *renderer) font(style string, size float64) {
	r.style, r.size = style, size
	r.pdf.SetFont(fontFamily, style, size)
}

// grey sets the ink of the flow: 0 is black.
func (r *renderer) grey(level int) {
	r.ink = level
	r.pdf.SetTextColor(level, level, level)
}

// text is user text made safe for the PDF: control characters dropped and
// characters the embedded font cannot show replaced, so that nothing
// prints as an empty box or breaks the layout.
func (r *renderer) text(s string) string { return r.glyphs.sanitize(clean(s)) }

// split wraps user text s to width w in the current font.
func (r *renderer) split(s string, w float64) []string {
	return r.wrapPDF(strings.TrimRight(r.text(s), "\n "), w)
}

// put writes one line of text at x, y (the top of the line).
func (r *renderer) put(x, y, w, h float64, s, align string) {
	r.pdf.SetXY(x, y)
	r.pdf.CellFormat(w, h, s, "", 0, align, false, 0, "")
}

// header writes the copy's mark at the top of every page, and on the pages
// after the first the plan's title, so that a loose page says what it is.
func (r *renderer) header() {
	y := 8.0
	if r.pdf.PageNo() > r.planStart && r.easy == nil {
		r.pdf.SetFont(fontFamily, "", sizeSmall)
		r.pdf.SetTextColor(110, 110, 110)
		r.put(marginL, y, contentW/2, 5, r.text(r.d.Title), "L")
	}
	if m := strings.TrimSpace(r.text(oneLine(r.mark))); m != "" {
		size, h := sizeTable, 6.5
		if r.easy != nil {
			size, h = easyBody, 8.5 // the easy-read page has nothing under 14 pt
		}
		r.pdf.SetFont(fontFamily, "B", size)
		r.pdf.SetTextColor(0, 0, 0)
		// The first page has no title at the left of the band, so a
		// copy's whole name ("Kopia till Per Wall, Geriatriken") fits.
		maxW := contentW/2 - 4
		if r.pdf.PageNo() == r.copyStart || r.easy != nil {
			maxW = contentW - 4
		}
		if r.pdf.GetStringWidth(m) > maxW {
			for r.pdf.GetStringWidth(m+"…") > maxW && m != "" {
				rs := []rune(m)
				m = string(rs[:len(rs)-1])
			}
			m += "…"
		}
		w := r.pdf.GetStringWidth(m) + 6
		r.pdf.SetDrawColor(0, 0, 0)
		r.pdf.SetLineWidth(0.3)
		r.pdf.Rect(pageW-marginR-w, y-0.5, w, h, "D")
		r.put(pageW-marginR-w, y-0.5, w, h, m, "C")
	}
	r.pdf.SetTextColor(0, 0, 0)
	r.pdf.SetXY(marginL, marginTop)
}

// pageDone records what the footer of the page just finished will say.
// fpdf calls it whenever a page ends.
func (r *renderer) pageDone() {
	if r.drawn {
		return
	}
	r.pages = append(r.pages, pageFoot{copyStart: r.copyStart, easy: r.easy})
}

// footers ends the last page and draws every page's footer, now that each
// copy's number of pages is known. fpdf carries the font and colours over
// from page to page, but a page's content starts with none: footer sets
// every one it uses.
func (r *renderer) footers() {
	r.pageDone()
	r.drawn = true
	last := len(r.pages) - 1
	for n := 1; n <= last; n++ {
		f := r.pages[n]
		end := n
		for end < last && r.pages[end+1].copyStart == f.copyStart {
			end++
		}
		r.pdf.SetPage(n)
		r.footer(n, f, end-f.copyStart+1)
	}
	r.pdf.SetPage(last)
}

// footer writes who and which version page n belongs to, and its number
// within its copy of pages pages.
func (r *renderer) footer(n int, f pageFoot, pages int) {
	if f.easy != nil {
		r.easyFooter(f.easy, n-f.copyStart+1, pages)
		return
	}
	r.pdf.SetDrawColor(170, 170, 170)
	r.pdf.SetLineWidth(0.2)
	r.pdf.Line(marginL, footerY-1.5, pageW-marginR, footerY-1.5)
	r.pdf.SetFont(fontFamily, "", sizeSmall)
	r.pdf.SetTextColor(80, 80, 80)
	who := r.text(oneLine(r.d.Person))
	if v := r.text(oneLine(r.d.Version)); v != "" {
		if who != "" {
			who += " · "
		}
		who += v
	}
	page := fmt.Sprintf(model.T(r.d.Lang, "Sida %d av %d", "Page %d of %d"), n-f.copyStart+1, pages)
	pw := r.pdf.GetStringWidth(page) + 2
	for r.pdf.GetStringWidth(who) > contentW-pw-4 && who != "" {
		rs := []rune(who)
		who = string(rs[:len(rs)-1])
	}
	r.put(marginL, footerY, contentW-pw, 4, who, "L")
	r.put(pageW-marginR-pw, footerY, pw, 4, page, "R")
	r.pdf.SetTextColor(0, 0, 0)
}

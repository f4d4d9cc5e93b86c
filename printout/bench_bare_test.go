package printout

import (
	"bytes"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/sipmote/sipmote/model"
)

// documentLines is the text of a document as plain lines: what a bare fpdf
// program would write to print the same words.
func documentLines(d model.Document) []string {
	out := []string{d.Title}
	for _, kv := range d.Subtitle {
		out = append(out, kv.Key+": "+kv.Value)
	}
	for _, s := range d.Sections {
		out = append(out, s.Heading)
		for _, b := range s.Blocks {
			if b.Text != "" {
				out = append(out, b.Text)
			}
			for _, kv := range b.Pairs {
				out = append(out, kv.Key+": "+kv.Value)
			}
			out = append(out, b.Items...)
			if len(b.Table.Header) > 0 {
				out = append(out, strings.Join(b.Table.Header, " | "))
			}
			for _, r := range b.Table.Rows {
				out = append(out, strings.Join(r, " | "))
			}
		}
	}
	return out
}

// BenchmarkPDFBareFpdf writes the text of BenchmarkPDFTenPages's document
// with the same embedded fonts using fpdf alone: the floor that our layout
// (tables, kept-together rows, page counts, copies) is measured against.
func BenchmarkPDFBareFpdf(b *testing.B) {
	lines := documentLines(tenPages())
	for b.Loop() {
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.AddUTF8FontFromBytes("Go", "", goregular.TTF)
		pdf.AddUTF8FontFromBytes("Go", "B", gobold.TTF)
		pdf.AddUTF8FontFromBytes("Go", "I", goitalic.TTF)
		pdf.SetFont("Go", "", 11)
		pdf.AddPage()
		for _, l := range lines {
			pdf.MultiCell(0, 5, l, "", "L", false)
		}
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			b.Fatal(err)
		}
	}
}

// The bare benchmark prints about as many pages as the real one, so the
// two are a fair pair.
func TestBareFpdfIsComparable(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("Go", "", goregular.TTF)
	pdf.SetFont("Go", "", 11)
	pdf.AddPage()
	for _, l := range documentLines(tenPages()) {
		pdf.MultiCell(0, 5, l, "", "L", false)
	}
	if n := pdf.PageCount(); n < 5 || n > 20 {
		t.Errorf("the bare text takes %d pages, want about ten", n)
	}
}

package printout

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/checklists"
	"github.com/sipmote/sipmote/model"
)

// easyWords are the shipped easy-read words in one language.
func easyWords(t testing.TB, lang string) model.EasyWords {
	t.Helper()
	set, probs := checklists.Load("")
	if len(probs) > 0 {
		t.Fatalf("the default checklists have problems: %v", probs)
	}
	w, ok := set.EasyRead(lang)
	if !ok {
		t.Fatalf("no easy-read words in %s", lang)
	}
	return w
}

// word is one word on a page as pdftotext -bbox finds it: its type size
// and where it stands (points from the top).
type word struct {
	text string
	size float64
	y    float64
}

var bboxWord = regexp.MustCompile(`yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">([^<]*)<`)

// pageWords reads the words of one page (1-based) with their type size.
// The box poppler gives a word of the Go fonts is 1.154 times the type
// size high (measured: 11 pt gives 12.69 pt).
func pageWords(t testing.TB, pdf []byte, page int) []word {
	t.Helper()
	tool := needTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	p := strconv.Itoa(page)
	out, err := exec.Command(tool, "-bbox", "-f", p, "-l", p, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var ws []word
	for _, m := range bboxWord.FindAllStringSubmatch(string(out), -1) {
		y0, _ := strconv.ParseFloat(m[1], 64)
		y1, _ := strconv.ParseFloat(m[2], 64)
		ws = append(ws, word{text: m[3], size: (y1 - y0) / 1.154, y: y0})
	}
	return ws
}

func easyPDF(t testing.TB, lang string, p *model.Plan, opt PDFOptions) ([]byte, model.Document) {
	t.Helper()
	v := &p.Versions[0]
	e := model.BuildEasyRead(p, v, easyWords(t, lang), time.Time{})
	opt.EasyRead = &e
	l := model.Swedish
	if lang == "en" {
		l = model.English
	}
	d := model.BuildDocument(p, v, l)
	pdf, err := PDF(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	return pdf, d
}

// TestEasyReadPage: the person's original opens with one easy-read page
// holding their own words, the goals, who does what by name, whom to call
// with the phone number and the next meeting, all in 14 pt or larger, in
// Swedish, English and Finnish. The copies have no such page, and every
// page of the original counts it.
func TestEasyReadPage(t *testing.T) {
	tests := []struct {
		lang string
		want []string
	}{
		{"sv", []string{"Min plan", "Det här är viktigt för mig", "Mina mål", "Vem gör vad", "Vem kan jag ringa?",
			"Ali Rahimi håller ihop min plan.", "Telefon: 070-174 06 12", "Nästa möte", "Nästa möte är 10 mars 2027.",
			"Mötet om min plan var 30 november 2026.", "När: från 2027-01-08"}},
		{"en", []string{"My plan", "What matters to me", "My goals", "Who does what", "Who can I call?",
			"Ali Rahimi keeps my plan together.", "Phone: 070-174 06 12", "The next meeting is on 10 March 2027."}},
		{"fi", []string{"Minun suunnitelmani", "Tämä on minulle tärkeää", "Minun tavoitteeni", "Kuka tekee mitä",
			"Kenelle voin soittaa?", "Puhelin: 070-174 06 12", "Seuraava tapaaminen", "Seuraava tapaaminen on 10. maaliskuuta 2027.",
			"Suunnitelmani tapaaminen oli 30. marraskuuta 2026."}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			p := samplePlan()
			pdf, d := easyPDF(t, tt.lang, p, PDFOptions{Copies: 1})
			pages := pdfPages(t, pdf)
			first := pages[0]
			v := p.Versions[0]
			want := append([]string{"Maja Lind", v.Content.OwnWords, "Karin Holm", "Jonas Berg", "Lena Sund"}, tt.want...)
			for _, g := range v.Content.Goals {
				want = append(want, g.Text)
			}
			for _, a := range v.Content.Actions {
				want = append(want, a.What)
			}
			for _, w := range want {
				if !strings.Contains(first, w) {
					t.Errorf("the easy-read page lacks %q:\n%s", w, first)
				}
			}
			for _, bad := range []string{"19890412", "SIP", "Huvudman", "sjuksköterska", "socialsekreterare", "kommun", notRaised} {
				if strings.Contains(first, bad) {
					t.Errorf("the easy-read page says %q", bad)
				}
			}
			for _, w := range pageWords(t, pdf, 1) {
				if w.size < 13.9 {
					t.Errorf("%q is set in %.1f pt on the easy-read page; want 14 pt or more", w.text, w.size)
				}
			}
			// The original has the easy page and the plan; the copy the plan.
			total := len(pages)
			copyStart := pageOf(pages, d.Title+" ")
			if copyStart != 1 || strings.Contains(strings.Join(pages[2:], " "), tt.want[0]) {
				t.Fatalf("the plan should follow the easy page on page 2, and the copy should not have it")
			}
			second := pageOf(pages, model.T(d.Lang, "Kopia", "Copy"))
			orig, cp := second, total-second
			if orig != cp+1 {
				t.Errorf("the original has %d pages and the copy %d; the easy page should be the only difference", orig, cp)
			}
			for i := 1; i < orig; i++ {
				f := model.T(d.Lang, "Sida %d av %d", "Page %d of %d")
				if !strings.Contains(pages[i], fmtPage(f, i+1, orig)) {
					t.Errorf("page %d of the original lacks %q", i+1, fmtPage(f, i+1, orig))
				}
			}
		})
	}
}

func fmtPage(f string, a, b int) string {
	return strings.Replace(strings.Replace(f, "%d", strconv.Itoa(a), 1), "%d", strconv.Itoa(b), 1)
}

// TestPDFTypeSizes: the plan's text is 11 pt or more and its tables 10 pt
// or more; only the running header and footer are smaller.
func TestPDFTypeSizes(t *testing.T) {
	p := samplePlan()
	pdf, err := PDF(model.BuildDocument(p, &p.Versions[0], model.Swedish), one())
	if err != nil {
		t.Fatal(err)
	}
	const pt = 72 / 25.4 // points per millimetre
	for page := 1; page <= len(pdfPages(t, pdf)); page++ {
		for _, w := range pageWords(t, pdf, page) {
			if w.y < marginTop*pt-1 || w.y > contentBot*pt {
				continue // the running header and footer
			}
			if w.size < 9.9 {
				t.Errorf("page %d: %q is set in %.1f pt; want at least 10 pt (tables) or 11 pt", page, w.text, w.size)
			}
		}
	}
}

// TestEasyReadMarkdown: the export holds the same page as Markdown, with
// the secretary's text escaped and no personnummer.
func TestEasyReadMarkdown(t *testing.T) {
	p := samplePlan()
	v := &p.Versions[0]
	v.Content.Goals[0].Text = "# inte en rubrik\nmed två rader"
	md := EasyReadMarkdown(model.BuildEasyRead(p, v, easyWords(t, "sv"), time.Time{}))
	for _, w := range []string{"# Min plan\n", "**Maja Lind**", "## Mina mål", "1. \\# inte en rubrik\\\n   med två rader",
		"- **Karin Holm**\\\n  Boendestöd", "Telefon: 070-174 06 12", "Nästa möte är 10 mars 2027."} {
		if !strings.Contains(md, w) {
			t.Errorf("the Markdown lacks %q:\n%s", w, md)
		}
	}
	if strings.Contains(md, "19890412") || strings.Contains(md, notRaised) {
		t.Error("the easy-read export holds what it must not")
	}
}

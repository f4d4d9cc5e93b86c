package printout

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// pdfPages reads a PDF back with pdftotext and returns the text of each
// page with its white space collapsed, so that text wrapped in a table
// cell reads as one line. -raw keeps the order the text was written in,
// which keeps each cell's lines together.
func pdfPages(t testing.TB, pdf []byte) []string {
	t.Helper()
	tool := needTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	for i, p := range pages {
		pages[i] = strings.Join(strings.Fields(p), " ")
	}
	return pages
}

// pageOf returns the index of the first page holding s, or -1.
func pageOf(pages []string, s string) int {
	for i, p := range pages {
		if strings.Contains(p, s) {
			return i
		}
	}
	return -1
}

// one asks for a single copy without a mark.
func one() PDFOptions { return PDFOptions{Marks: []string{""}} }

func TestPDFHoldsThePlan(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		t.Run(string(l), func(t *testing.T) {
			p := samplePlan()
			d := model.BuildDocument(p, &p.Versions[0], l)
			pdf, err := PDF(d, one())
			if err != nil {
				t.Fatal(err)
			}
			pages := pdfPages(t, pdf)
			all := strings.Join(pages, " ")
			want := []string{d.Title, d.Signatures.Heading, "19890412-3455", "Försäkringskassan",
				"Vårdcentralen Norr", "Läkemedelsgenomgång", "Psykiatriska öppenvårdsmottagningen", "Jag vill ha ett eget boende"}
			for _, s := range d.Sections {
				want = append(want, s.Heading)
			}
			for _, pt := range p.Versions[0].Meeting.Participants {
				want = append(want, pt.Name)
			}
			for _, a := range p.Versions[0].Content.Actions {
				want = append(want, a.What)
			}
			for _, w := range want {
				if !strings.Contains(all, w) {
					t.Errorf("the PDF lacks %q", w)
				}
			}
			if strings.Contains(all, notRaised) {
				t.Error("a subject not to be raised is printed")
			}
			page := model.T(l, "Sida %d av %d", "Page %d of %d")
			for i, pg := range pages {
				if f := fmt.Sprintf(page, i+1, len(pages)); !strings.Contains(pg, f) {
					t.Errorf("page %d lacks the footer %q", i+1, f)
				}
				if !strings.Contains(pg, "Maja Lind · "+d.Version) {
					t.Errorf("page %d lacks the person and the version in the footer", i+1)
				}
			}
		})
	}
}

// manyActions is the sample plan with n actions; each action's text starts
// and ends with a tag, so that a test can see whether a row was split.
func manyActions(n int) *model.Plan {
	p := samplePlan()
	v := &p.Versions[0]
	v.Content.Actions = nil
	for i := range n {
		pr := model.PrincipalKommun
		if i%4 == 1 {
			pr = model.PrincipalRegion
		}
		other := ""
		if i%7 == 6 {
			pr, other = model.PrincipalOther, "Arbetsförmedlingen"
		}
		what := fmt.Sprintf("A%02d< Insats nummer %d: stöd i vardagen med inköp, städning och att komma i väg till aktiviteter. >A%02d", i, i+1, i)
		if i%5 == 0 {
			what += " Extra rad med förklaring om hur insatsen ska gå till och vad den enskilde själv vill."
		}
		v.Content.Actions = append(v.Content.Actions, model.Action{
			ID: fmt.Sprintf("x%d", i), What: what, Unit: "Hemtjänsten Väst", Responsible: "Karin Holm",
			Principal: pr, OtherParty: other, When: "från 2027-01-08, varje vecka", Status: model.ActionPlanned,
			GoalIDs: []string{fmt.Sprintf("g%d", i%3+1)},
		})
	}
	return p
}

func TestPDFManyActions(t *testing.T) {
	base, err := PDF(sampleDoc(model.Swedish), one())
	if err != nil {
		t.Fatal(err)
	}
	basePages := len(pdfPages(t, base))
	for _, n := range []int{20, 60} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			p := manyActions(n)
			d := model.BuildDocument(p, &p.Versions[0], model.Swedish)
			pdf, err := PDF(d, one())
			if err != nil {
				t.Fatal(err)
			}
			pages := pdfPages(t, pdf)
			if len(pages) <= basePages {
				t.Errorf("%d actions give %d pages, no more than the sample's %d", n, len(pages), basePages)
			}
			for i := range n {
				start, end := pageOf(pages, fmt.Sprintf("A%02d<", i)), pageOf(pages, fmt.Sprintf(">A%02d", i))
				if start < 0 || end < 0 {
					t.Errorf("action %d is missing", i)
				} else if start != end {
					t.Errorf("action %d is split over pages %d and %d", i, start+1, end+1)
				}
			}
			checkSignaturesTogether(t, d, pages)
		})
	}
}

// checkSignaturesTogether fails unless every signature name is on the
// page that holds the signature heading.
func checkSignaturesTogether(t *testing.T, d model.Document, pages []string) {
	t.Helper()
	head := -1
	for i := len(pages) - 1; i >= 0; i-- {
		if strings.Contains(pages[i], d.Signatures.Heading) {
			head = i
			break
		}
	}
	if head < 0 {
		t.Fatal("no signature block")
	}
	for _, s := range d.Signatures.Lines {
		if !strings.Contains(pages[head], s.Name+" "+model.T(d.Lang, "Datum", "Date")) {
			t.Errorf("the signature of %s is not on page %d with the block", s.Name, head+1)
		}
	}
}

// TestPDFSignaturesKeptTogether pushes the signature block down the page
// a line at a time, so that some run must end near the foot of a page.
func TestPDFSignaturesKeptTogether(t *testing.T) {
	needTool(t, "pdftotext")
	for n := 0; n <= 60; n += 4 {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			t.Parallel()
			p := samplePlan()
			p.Versions[0].Content.Notes = strings.Repeat("En rad i övrigt.\n", n)
			d := model.BuildDocument(p, &p.Versions[0], model.Swedish)
			pdf, err := PDF(d, one())
			if err != nil {
				t.Fatal(err)
			}
			checkSignaturesTogether(t, d, pdfPages(t, pdf))
		})
	}
}

func TestPDFCopies(t *testing.T) {
	d := sampleDoc(model.Swedish)
	single, err := PDF(d, one())
	if err != nil {
		t.Fatal(err)
	}
	per := len(pdfPages(t, single))
	tests := []struct {
		name   string
		opt    PDFOptions
		copies int // marked Kopia
		marks  []string
	}{
		{"every participant", PDFOptions{}, 4, nil}, // five sign in the room (Jonas is on video), one is Maja
		{"two copies", PDFOptions{Copies: 2}, 2, nil},
		{"original only", PDFOptions{Copies: -1}, 0, nil},
		{"own marks", PDFOptions{Marks: []string{"Arkiv", "Till Eva"}}, 0, []string{"Arkiv", "Till Eva"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf, err := PDF(d, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			pages := pdfPages(t, pdf)
			marks := tt.marks
			if marks == nil {
				marks = []string{"Original — till den enskilde"}
				for range tt.copies {
					marks = append(marks, "Kopia")
				}
			}
			if len(pages) != len(marks)*per {
				t.Fatalf("%d pages, want %d copies of %d", len(pages), len(marks), per)
			}
			kopia := 0
			for i, pg := range pages {
				c, k := i/per, i%per+1
				if !strings.Contains(pg, marks[c]) {
					t.Errorf("page %d lacks the mark %q", i+1, marks[c])
				}
				if strings.Contains(pg, "Kopia") {
					kopia++
				}
				if f := fmt.Sprintf("Sida %d av %d", k, per); !strings.Contains(pg, f) {
					t.Errorf("page %d: want %q within its copy", i+1, f)
				}
			}
			if kopia != tt.copies*per {
				t.Errorf("%d pages marked Kopia, want %d", kopia, tt.copies*per)
			}
		})
	}
}

// TestPDFOddInput feeds what a hurried secretary, or a paste from another
// program, may leave in a plan. Nothing may panic, and what can be printed
// is printed.
func TestPDFOddInput(t *testing.T) {
	long := strings.Repeat("Långtord", 60)
	tests := []struct {
		name string
		plan func() *model.Plan
		want []string
	}{
		{"empty plan", func() *model.Plan { return &model.Plan{} }, []string{"Ingen samordnare är utsedd."}},
		{"nil plan", func() *model.Plan { return nil }, []string{"Samordnad individuell plan"}},
		{"long words", func() *model.Plan {
			p := samplePlan()
			v := &p.Versions[0]
			v.Content.Situation = long
			v.Content.Actions[0].What = long
			v.Content.Actions[0].Unit = long
			v.Meeting.Participants[0].Name = "Maja " + long
			return p
		}, []string{"Långtord"}},
		{"control characters", func() *model.Plan {
			p := samplePlan()
			v := &p.Versions[0]
			v.Content.Needs = "Bo\x00en\x1b[31mde\x07 \u202eåäö\r\nrad två\tflik"
			v.Content.Goals[0].Text = "Mål \U0001F600 med emoji"
			return p
		}, []string{"Boende åäö rad två flik", "Mål ? med emoji"}},
		{"a cell taller than a page", func() *model.Plan {
			p := samplePlan()
			p.Versions[0].Content.Actions[1].What = strings.Repeat("Mycket lång beskrivning av insatsen. ", 400)
			return p
		}, []string{"Behandlingsgrupp för alkohol", "(forts.)"}},
		{"many present", func() *model.Plan {
			p := samplePlan()
			v := &p.Versions[0]
			for i := range 40 {
				v.Meeting.Participants = append(v.Meeting.Participants, model.Participant{
					ID: fmt.Sprint(i), Name: fmt.Sprintf("Deltagare %d", i), Role: model.RoleStaff, Attendance: model.AttendRoom})
			}
			return p
		}, []string{"Deltagare 39"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.plan()
			var v *model.Version
			if p != nil && len(p.Versions) > 0 {
				v = &p.Versions[0]
			}
			d := model.BuildDocument(p, v, model.Swedish)
			pdf, err := PDF(d, one())
			if err != nil {
				t.Fatal(err)
			}
			_ = Markdown(d)
			_ = Text(d)
			all := strings.Join(pdfPages(t, pdf), " ")
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("the PDF lacks %q", w)
				}
			}
		})
	}
}

// tenPages is a plan long enough for about ten pages: many actions and
// long free text, as a plan for a person with many units may become.
func tenPages() model.Document {
	p := manyActions(90)
	v := &p.Versions[0]
	text := strings.Repeat("Maja berättar om hur veckorna ser ut, vad som fungerar och vad som är svårt. ", 25)
	v.Content.Situation = text
	v.Content.Needs = text
	v.Content.Notes = text
	return model.BuildDocument(p, v, model.Swedish)
}

func TestTenPages(t *testing.T) {
	pdf, err := PDF(tenPages(), one())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(pdfPages(t, pdf)); n < 9 || n > 12 {
		t.Errorf("the benchmark plan has %d pages, want about ten", n)
	}
}

func BenchmarkPDFTenPages(b *testing.B) {
	d := tenPages()
	for b.Loop() {
		if _, err := PDF(d, one()); err != nil {
			b.Fatal(err)
		}
	}
}

// pdfLayout reads a PDF back with pdftotext -layout: the lines as they
// stand on the page.
func pdfLayout(t testing.TB, pdf []byte) string {
	t.Helper()
	tool := needTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// TestPDFLeadInKeptWithItsList pushes the copy list down the page a line
// at a time: "Får en kopia:" is never left alone at the foot of a page,
// away from the first name it introduces.
func TestPDFLeadInKeptWithItsList(t *testing.T) {
	needTool(t, "pdftotext")
	p := samplePlan()
	d := model.BuildDocument(p, &p.Versions[0], model.Swedish)
	var first string
	for _, s := range d.Sections {
		for i, b := range s.Blocks {
			if b.Text == "Får en kopia:" && i+1 < len(s.Blocks) {
				first = s.Blocks[i+1].Items[0]
			}
		}
	}
	if first == "" {
		t.Fatal("the sample plan has no copy list")
	}
	for n := 0; n <= 70; n++ {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			t.Parallel()
			p := samplePlan()
			p.Versions[0].Content.Notes = strings.Repeat("En rad i övrigt.\n", n)
			pdf, err := PDF(model.BuildDocument(p, &p.Versions[0], model.Swedish), one())
			if err != nil {
				t.Fatal(err)
			}
			for i, pg := range pdfPages(t, pdf) {
				if at := strings.Index(pg, "Får en kopia:"); at >= 0 && !strings.Contains(pg[at:], first) {
					t.Errorf("page %d ends with the lead-in, without %q", i+1, first)
				}
			}
		})
	}
}

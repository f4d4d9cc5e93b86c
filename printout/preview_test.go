package printout

import (
	"regexp"
	"strings"
	"testing"

	"charm.land/glamour/v2"

	"github.com/sipmote/sipmote/model"
)

var ansiCode = regexp.MustCompile("\x1b\\[[0-9;]*[A-Za-z]")

// TestPreviewThroughGlamour renders the Markdown as the preview screen
// does, and checks that the tables came out as tables and that text the
// secretary typed shows as typed, escapes and all.
func TestPreviewThroughGlamour(t *testing.T) {
	p := samplePlan()
	v := &p.Versions[0]
	v.Content.Notes = "# inte en rubrik\n- inte en lista | *inte fet* <b>html</b> [länk](x) 1. inte numrerad"
	v.Content.Actions[0].What = "Boendestöd | med pipe"
	v.Content.Needs = "AT&T ~ t.ex."
	d := model.BuildDocument(p, v, model.Swedish)
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(200))
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(Markdown(d))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "\x1b]8;") {
		t.Error("the preview turned an address into a link")
	}
	out = ansiCode.ReplaceAllString(out, "")
	for _, want := range []string{
		"Maja Lind", "Lena Sund", "Försäkringskassan", "Boendestöd | med pipe",
		"# inte en rubrik", "- inte en lista | *inte fet* <b>html</b> [länk](x) 1. inte numrerad",
		"19890412-3455", "ali.rahimi@example.org", "AT&T ~ t.ex.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the preview lacks %q", want)
		}
	}
	if strings.Contains(out, "| --- |") {
		t.Errorf("a table did not render:\n%s", out)
	}
	if strings.Contains(out, "\\") {
		t.Errorf("an escape shows in the preview:\n%s", out)
	}
}

// TestPreviewKeepsThePDFsLineBreaks: a goal, a value and a paragraph typed
// over two lines break in the same place in the preview, on paper and in
// the plain text for an e-mail.
func TestPreviewKeepsThePDFsLineBreaks(t *testing.T) {
	p := samplePlan()
	v := &p.Versions[0]
	v.Content.Goals[0].Text = "Eget boende\nmed egen nyckel"
	v.Content.FollowUp.Attendees = "Alla som var med\nutom Eva"
	v.Content.Needs = "Stöd hemma\nvarje dag"
	d := model.BuildDocument(p, v, model.Swedish)
	// As the meeting's preview renders it (ui/overlays.go).
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(120), glamour.WithPreservedNewLines())
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(Markdown(d))
	if err != nil {
		t.Fatal(err)
	}
	preview := strings.Split(ansiCode.ReplaceAllString(out, ""), "\n")
	pdf, err := PDF(d, one())
	if err != nil {
		t.Fatal(err)
	}
	paper := strings.Split(pdfLayout(t, pdf), "\n")
	for _, pair := range [][2]string{
		{"Eget boende", "med egen nyckel"},
		{"Alla som var med", "utom Eva"},
		{"Stöd hemma", "varje dag"},
	} {
		for name, lines := range map[string][]string{"preview": preview, "PDF": paper, "text": strings.Split(Text(d), "\n")} {
			i := lineWith(lines, pair[0])
			if i < 0 || strings.Contains(lines[i], pair[1]) || i+1 >= len(lines) || !strings.Contains(lines[i+1], pair[1]) {
				t.Errorf("%s: %q and %q are not on two lines in a row", name, pair[0], pair[1])
			}
		}
	}
}

func lineWith(lines []string, s string) int {
	for i, l := range lines {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}

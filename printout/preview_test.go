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

package components

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// A field's note that wraps keeps its indent on every line, on a button
// (the consent's "Inte i samtycket: …") as on any other field, and no line
// is wider than the form.
func TestWrappedNoteKeepsItsIndent(t *testing.T) {
	st := common.DefaultStyles()
	note := "Inte i samtycket: Vårdcentralen Väst; Psykiatriska mottagningen; Socialtjänstens familjeenhet; Elevhälsan"
	for _, kind := range []FieldKind{KindAction, KindText} {
		f := NewForm(model.Swedish, &st, []Field{{Kind: kind, Label: "Samtycke", Hint: "Fråga", Path: "x",
			Get: func() string { return "" }, Set: func(string) {}, Note: func() string { return note }}})
		f.SetSize(50, 20)
		view := ansi.Strip(f.View(nil))
		lines := strings.Split(view, "\n")
		at := -1
		for i, l := range lines {
			if strings.Contains(l, "Inte i samtycket") {
				at = i
			}
			if ansi.StringWidth(l) > 50 {
				t.Errorf("kind %v: a line of %d columns: %q", kind, ansi.StringWidth(l), l)
			}
		}
		if at < 0 || at+1 >= len(lines) {
			t.Fatalf("kind %v: no wrapped note:\n%s", kind, view)
		}
		for _, l := range lines[at : at+2] {
			if !strings.HasPrefix(l, "  ") || strings.TrimSpace(l) == "" {
				t.Errorf("kind %v: a line of the note without its indent: %q\n%s", kind, l, view)
			}
		}
	}
}

package components

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// A text area scrolled down in a small window shows its first lines again
// when the window grows and the text fits; the cursor stays where it was.
func TestAreaScrollsBackWhenTheWindowGrows(t *testing.T) {
	st := common.DefaultStyles()
	var lines []string
	for i := range 12 {
		lines = append(lines, "Rad nummer "+string(rune('A'+i)))
	}
	val := strings.Join(lines, "\n")
	f := NewForm(model.Swedish, &st, []Field{{Kind: KindArea, Label: "Hur det är nu", Path: "x",
		Get: func() string { return val }, Set: func(s string) { val = s }}})
	f.SetSize(60, 8)
	f.FocusField(0, -1)
	f.View(nil)
	f.area.MoveToEnd()
	f.View(nil)
	f.area.MoveToEnd()
	f.View(nil)
	if f.area.ScrollYOffset() == 0 {
		t.Fatalf("the test's area is not scrolled in a small window:\n%s", ansi.Strip(f.View(nil)))
	}
	line, col := f.area.Line(), f.area.Column()
	f.SetSize(120, 40)
	view := ansi.Strip(f.View(nil))
	if !strings.Contains(view, "Rad nummer A") || !strings.Contains(view, "Rad nummer L") {
		t.Errorf("after the window grew the area does not show all its lines:\n%s", view)
	}
	if f.area.Line() != line || f.area.Column() != col {
		t.Errorf("the cursor moved: line %d col %d, was %d %d", f.area.Line(), f.area.Column(), line, col)
	}
}

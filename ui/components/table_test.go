package components

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestColumnWidths: columns take the width of what is in them, an empty
// column none, and a table too wide for the window still fits it, the
// naming column taking what the others leave.
func TestColumnWidths(t *testing.T) {
	headers := []string{"Här", "Namn", "Roll", "Kontakt"}
	for _, c := range []struct {
		name  string
		rows  [][]string
		avail int
		want  []int
	}{
		{"as wide as the content", [][]string{{"rum", "Anna Nyström", "vårdnadshavare", ""}}, 76, []int{3, 12, 14, 0}},
		{"the heading when wider", [][]string{{"ja", "Bo", "son", ""}}, 76, []int{3, 4, 4, 0}},
		{"a filled column shows", [][]string{{"ja", "Bo", "son", "070-1"}}, 76, []int{3, 4, 4, 7}},
		{"too wide: the widest give", [][]string{{"rum", strings.Repeat("n", 40), strings.Repeat("r", 40), ""}}, 60, []int{3, 27, 26, 0}},
		{"narrow: the name is kept", [][]string{{"nej", "Karin Holm", "personal hos Försäkringskassan", "karin.holm@example.org"}}, 40, []int{3, 10, 11, 10}},
	} {
		got := ColumnWidths(headers, c.rows, c.avail, 1)
		if len(got) != len(c.want) {
			t.Fatalf("%s: %v", c.name, got)
		}
		sum, shown := 0, 0
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: widths %v, want %v", c.name, got, c.want)
				break
			}
			sum += got[i]
			if got[i] > 0 {
				shown++
			}
		}
		if sum+colGap*(shown-1) > c.avail {
			t.Errorf("%s: %d columns wide in %d", c.name, sum+colGap*(shown-1), c.avail)
		}
		if line := TableRow(c.rows[0], got); ansi.StringWidth(line) > c.avail {
			t.Errorf("%s: row %q overruns %d", c.name, line, c.avail)
		}
	}
}

// TestRowWholeOnlyWhenCut: the line under the table is there only when a
// cell of the row is cut, and then holds every cell whole.
func TestRowWholeOnlyWhenCut(t *testing.T) {
	h := []string{"Namn", "Verksamhet"}
	if got := RowWhole(h, []string{"Bo", "BUP"}, []int{4, 10}, 40); got != nil {
		t.Errorf("a row shown whole gets a line under it: %q", got)
	}
	got := strings.Join(RowWhole(h, []string{"Mona Berg", "Socialtjänstens familjeenhet"}, []int{9, 10}, 40), " ")
	if !strings.Contains(got, "Verksamhet: Socialtjänstens familjeenhet") || !strings.Contains(got, "Namn: Mona Berg") {
		t.Errorf("the row is not whole: %q", got)
	}
}

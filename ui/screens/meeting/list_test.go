package meeting

import (
	"testing"

	"github.com/sipmote/sipmote/model"
)

// TestFitNames: the names of the rows already entered are whole, and those
// that do not fit are counted, never cut.
func TestFitNames(t *testing.T) {
	names := []string{"Maja Lind", "Eva Lind", "Sara Ek", "Ali Rahimi", "Karin Holm", "Jonas Berg", "Lena Sund"}
	for _, c := range []struct {
		width int
		want  string
	}{
		{200, "Inlagda: Maja Lind · Eva Lind · Sara Ek · Ali Rahimi · Karin Holm · Jonas Berg · Lena Sund"},
		{60, "Inlagda: Maja Lind · Eva Lind · 5 till (esc visar alla)"},
		{20, "Inlagda: 7 till (esc visar alla)"},
	} {
		if got := fitNames(model.Swedish, names, c.width); got != c.want {
			t.Errorf("width %d: %q, want %q", c.width, got, c.want)
		}
	}
}

package meeting

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// TestRemoveQuestion: delete asks about the row by what names it, a goal
// written as a paragraph by its start, a row with nothing in its naming
// column by its number (tryout2 #9).
func TestRemoveQuestion(t *testing.T) {
	long := "Att Aino får bo i en egen lägenhet nära skolan inom ett år, med stöd av boendestödet varje vecka"
	v := &model.Version{}
	v.Content.Goals = []model.Goal{{ID: "a", Text: "Egen  lägenhet"}, {ID: "b", Text: long}, {ID: "c"}}
	st := common.NewStyles(true, true)
	s := newListSection(goalSpec(model.Swedish, func() *model.Version { return v }), model.Swedish, &st)
	for i, want := range []string{
		"Ta bort Egen lägenhet och allt som står på raden?",
		"Ta bort " + ansi.Truncate(long, 60, "…") + " och allt som står på raden?",
		"Ta bort rad 3 och allt som står på den?",
	} {
		if got := s.removeQuestion(i); got != want {
			t.Errorf("row %d: %q, want %q", i+1, got, want)
		}
	}
	if q := s.removeQuestion(1); !strings.HasSuffix(strings.TrimSuffix(q, " och allt som står på raden?"), "…") || ansi.StringWidth(q) > 100 {
		t.Errorf("a long goal is not cut: %q", q)
	}
}

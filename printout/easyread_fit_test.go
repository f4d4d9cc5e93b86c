package printout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// TestEasyReadFitsOnePage: however many actions, whom to call and the
// next meeting are on the easy-read page's first sheet: when the rest does
// not fit, they come first. Five actions of three lines each, with goals
// and the person's own words, fit on one page.
func TestEasyReadFitsOnePage(t *testing.T) {
	for _, n := range []int{5, 8, 12} {
		p := samplePlan()
		v := &p.Versions[0]
		v.Content.Actions = nil
		for i := range n {
			v.Content.Actions = append(v.Content.Actions, model.Action{ID: fmt.Sprint("a", i),
				What: fmt.Sprintf("Insats nummer %d som tar en rad", i+1), Responsible: fmt.Sprintf("Person %c Efternamn", 'A'+i),
				Unit: "Enheten", Principal: model.PrincipalKommun, When: "varje vecka", Status: model.ActionPlanned})
		}
		pdf, _ := easyPDF(t, "sv", p, PDFOptions{Copies: 1})
		pages := pdfPages(t, pdf)
		first := pages[0]
		for _, w := range []string{"Vem kan jag ringa?", "Telefon: 070-174 06 12", "Nästa möte är 10 mars 2027."} {
			if !strings.Contains(first, w) {
				t.Errorf("%d actions: the first page lacks %q:\n%s", n, w, first)
			}
		}
		if n <= 5 {
			if !strings.Contains(first, fmt.Sprintf("Insats nummer %d", n)) {
				t.Errorf("%d actions do not fit on the page:\n%s", n, first)
			}
		} else if n > model.EasyFitActions && strings.Index(first, "Vem kan jag ringa?") > strings.Index(first, "Vem gör vad") {
			t.Errorf("%d actions: whom to call is not first:\n%s", n, first)
		}
	}
}

package printout

import (
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// A closed plan says so on the first page of every output, with the
// reason, the date and the explanation, before anything of the plan.
func TestClosedPlanSaysSoFirst(t *testing.T) {
	now := time.Date(2027, 3, 8, 9, 0, 0, 0, time.UTC)
	p := model.DemoClosed(now)
	c := p.Closure
	for _, l := range []model.Lang{model.Swedish, model.English} {
		d, notice := model.BuildPrintable(p, nil, l)
		if notice {
			t.Fatal("a plan closed for no need prints as the plan")
		}
		head := model.T(l, "Planen är avslutad", "The plan is closed")
		want := []string{head, c.Date, c.Reason.Label(l), "Hemtjänsten och vårdcentralen fortsätter"}
		participants := model.T(l, "Deltagare", "Participants")
		for name, text := range map[string]string{"md": Markdown(d), "txt": Text(d)} {
			i := strings.Index(text, head)
			if i < 0 || i > strings.Index(text, participants) {
				t.Errorf("%s %s: the closure is not before the plan", l, name)
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("%s %s lacks %q", l, name, w)
				}
			}
		}
		pdf, err := PDF(d, one())
		if err != nil {
			t.Fatal(err)
		}
		pages := pdfPages(t, pdf)
		for _, w := range want {
			if pageOf(pages, w) != 0 {
				t.Errorf("%s PDF: %q is not on the first page", l, w)
			}
		}
	}
}

// Withdrawn consent prints a closure notice: one paper, no original, no
// copies, no signatures and nothing of the plan, with whom to tell.
func TestWithdrawnConsentPrintsANotice(t *testing.T) {
	now := time.Date(2027, 3, 8, 9, 0, 0, 0, time.UTC)
	p := model.Demo(now)
	if err := p.WithdrawConsent(model.Closure{Date: "2027-03-07", Text: "Vill inte ha fler möten", DraftDiscarded: true}, now); err != nil {
		t.Fatal(err)
	}
	d, notice := model.BuildPrintable(p, nil, model.Swedish)
	if !notice {
		t.Fatal("withdrawn consent must print the notice")
	}
	pdf, err := PDF(d, PDFOptions{Marks: []string{""}})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(pdfPages(t, pdf), " ")
	for _, w := range []string{"Meddelande", "2027-03-07", "Vill inte ha fler möten", "Ali Rahimi", "Vilka som ska få veta"} {
		if !strings.Contains(all, w) {
			t.Errorf("notice lacks %q", w)
		}
	}
	for _, never := range []string{"Original", "Kopia", "Underskrifter", "Boendestöd", "Litium"} {
		if strings.Contains(all, never) {
			t.Errorf("notice shows %q", never)
		}
	}
}

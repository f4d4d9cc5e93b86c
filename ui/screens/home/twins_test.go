package home

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// Plans of people with the same name are told apart at 80 columns: a row
// alike its neighbour shows its id's beginning (in the personnummer's
// column when there is none, else after the name), and a row unlike any
// other shows nothing more (tryout42b #16).
func TestSameNamesToldApart(t *testing.T) {
	st := common.DefaultStyles()
	h := New(model.English, &st, nil, nil)
	h.SetSize(80, 24)
	plan := func(id, name, pnr string) model.Summary {
		return model.Summary{ID: id, Person: name, PNRMasked: pnr, Status: model.StatusActive}
	}
	h.SetPlans([]model.Summary{
		plan("3f2a91c0-a000-4000-8000-000000000001", "Anna Andersson", ""),
		plan("3f2a91c0-b000-4000-8000-000000000002", "anna andersson", ""),
		plan("b0000000-0000-4000-8000-000000000003", "Anna Andersson", ""),
		plan("c1000000-0000-4000-8000-000000000004", "Bo Tvilling", "19121212-****"),
		plan("c2000000-0000-4000-8000-000000000005", "Bo Tvilling", "19121212-****"),
		plan("d0000000-0000-4000-8000-000000000006", "Bo Tvilling", "19350101-****"),
		plan("e0000000-0000-4000-8000-000000000007", "Cecilia Ensam", ""),
	})
	v := ansi.Strip(h.View())
	for _, want := range []string{
		"id 3f2a91c0-a ", "id 3f2a91c0-b ", "id b0000000 ", // eight characters, more where eight are shared
		"Bo Tvilling (id c1000000)  19121212-****", "Bo Tvilling (id c2000000)  19121212-****",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q in the list:\n%s", want, v)
		}
	}
	for _, line := range strings.Split(v, "\n") {
		if strings.Contains(line, "19350101") && strings.Contains(line, "(id") || strings.Contains(line, "Cecilia") && strings.Contains(line, "id ") {
			t.Errorf("a row unlike any other shows an id: %q", line)
		}
		if ansi.StringWidth(line) > 80 {
			t.Errorf("a line wider than the window: %q", line)
		}
	}
}

// / while searching is the search key, not a letter: it adds no "/", and
// what is typed after it, or after / on a search left with the arrows,
// starts a new search instead of adding to the old one
// ("johanssonjohansson"); ← first keeps the search to edit.
func TestSlashStartsASearchAgain(t *testing.T) {
	st := common.DefaultStyles()
	h := New(model.English, &st, nil, nil)
	h.SetSize(80, 24)
	h.SetPlans([]model.Summary{{ID: "a", Person: "Erik Johansson"}, {ID: "b", Person: "Karin Johansson"}})
	typeIn := func(s string) {
		for _, r := range s {
			h.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
	typeIn("/johansson")
	typeIn("/")
	if got := h.Filter.Value(); got != "johansson" {
		t.Errorf("/ while searching: the search is %q", got)
	}
	if v := ansi.Strip(h.View()); !strings.Contains(v, "type to search again") {
		t.Errorf("after / the search does not say typing starts again:\n%s", v)
	}
	typeIn("karin")
	if got := h.Filter.Value(); got != "karin" {
		t.Errorf("typed after /: the search is %q, want karin", got)
	}
	h.Update(tea.KeyPressMsg{Code: tea.KeyDown}) // back to the list
	typeIn("/")
	h.Update(tea.KeyPressMsg{Code: tea.KeyLeft})
	typeIn("x")
	if got := h.Filter.Value(); got != "karixn" {
		t.Errorf("← then x: the search is %q, want karixn", got)
	}
}

package home

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// TestSearchMatchesPlainContains checks the index's search against the
// plain way (lower-case each name and look in it), on names with å, ä, ö,
// capitals, personnummer, and closed plans.
func TestSearchMatchesPlainContains(t *testing.T) {
	sums := summaries(3000)
	sums = append(sums,
		model.Summary{ID: "x1", Person: "ÅSA ÖSTLUND", PNRMasked: "19500101-****", Status: model.StatusActive},
		model.Summary{ID: "x2", Person: "Ärla Ek", PNRMasked: "", Status: model.StatusClosed},
		model.Summary{ID: "x3", Person: "", PNRMasked: "20010203-****", Status: model.StatusDraft})
	st := common.DefaultStyles()
	h := New(model.Swedish, &st, func() time.Time { return benchNow }, nil)
	h.SetPlans(sums)
	for _, closed := range []bool{false, true} {
		h.closed = closed
		for _, q := range []string{"", "å", "ÅSA", "asa", "ösT", "ärla", "anna 12", "1950", "-****", "19500101", "a\x00", "\n", "zzz", " anna ", "0\n1", "99"} {
			h.Filter.SetValue(q)
			h.apply()
			var got []string
			for i := range h.shown {
				got = append(got, h.entry(i).ID)
			}
			// Control characters cannot be typed; a pasted one is left out.
			lq := strings.ToLower(strings.TrimSpace(strings.Map(func(r rune) rune {
				if r < ' ' {
					return -1
				}
				return r
			}, h.Filter.Value())))
			// A search of the open plans lists the closed ones it finds
			// after them.
			var want, after []string
			for _, s := range h.entries {
				if lq == "" || strings.Contains(strings.ToLower(s.Person), lq) || strings.Contains(s.PNRMasked, lq) {
					switch {
					case (s.Status == model.StatusClosed) == closed:
						want = append(want, s.ID)
					case lq != "" && !closed:
						after = append(after, s.ID)
					}
				}
			}
			want = append(want, after...)
			if !slices.Equal(got, want) {
				t.Errorf("closed=%v search %q: %d plans, want %d", closed, q, len(got), len(want))
			}
		}
	}
}

// TestSearchTypedKeys types a search key by key and checks the lines on
// the screen.
func TestSearchTypedKeys(t *testing.T) {
	st := common.DefaultStyles()
	h := New(model.Swedish, &st, func() time.Time { return benchNow }, nil)
	h.SetSize(80, 24)
	h.SetPlans([]model.Summary{
		{ID: "1", Person: "Örjan Berg", Status: model.StatusActive},
		{ID: "2", Person: "Anna Öberg", Status: model.StatusActive},
		{ID: "3", Person: "Åke Lind", Status: model.StatusActive},
	})
	h.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
	for _, r := range "öb" {
		h.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	v := h.View()
	if !strings.Contains(v, "Anna Öberg") || strings.Contains(v, "Örjan Berg") || strings.Contains(v, "Åke Lind") {
		t.Fatalf("search öb shows:\n%s", v)
	}
	h.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	v = h.View()
	if !strings.Contains(v, "Anna Öberg") || !strings.Contains(v, "Örjan Berg") || strings.Contains(v, "Åke Lind") {
		t.Fatalf("search ö shows:\n%s", v)
	}
}

// TestListInSwedishOrder checks that the lines come in Swedish order (å, ä,
// ö after z, case ignored) and that equal names keep the order they came in.
func TestListInSwedishOrder(t *testing.T) {
	st := common.DefaultStyles()
	h := New(model.Swedish, &st, func() time.Time { return benchNow }, nil)
	h.SetPlans([]model.Summary{
		{ID: "1", Person: "Östen", Status: model.StatusActive},
		{ID: "2", Person: "zara", Status: model.StatusActive},
		{ID: "3", Person: "Ärla", Status: model.StatusActive},
		{ID: "4", Person: "Åke", Status: model.StatusActive},
		{ID: "5", Person: "Adam", Status: model.StatusActive},
		{ID: "6", Person: "Zara", Status: model.StatusActive},
		{ID: "7", Person: "zara", Status: model.StatusActive},
	})
	var got []string
	for i := range h.shown {
		got = append(got, h.entry(i).ID)
	}
	if want := []string{"5", "2", "6", "7", "4", "3", "1"}; !slices.Equal(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
}

// TestSearchIndexAfterList: the search's index comes after the list (made
// off the UI goroutine); a search typed before it finds the same, and an
// index made for an earlier list is never used for the one on screen.
func TestSearchIndexAfterList(t *testing.T) {
	st := common.DefaultStyles()
	h := New(model.Swedish, &st, func() time.Time { return benchNow }, nil)
	h.SetSize(80, 24)
	h.Fetch = func(uint64, []string) tea.Cmd { return nil }
	list := func(names ...string) []model.ListEntry {
		var out []model.ListEntry
		for i, n := range names {
			s := model.Summary{ID: fmt.Sprint(i), Person: n, Status: model.StatusActive}
			out = append(out, s.Entry())
		}
		model.SortEntries(out)
		return out
	}
	search := func(q string) string {
		h.Filter.SetValue(q)
		h.apply()
		return h.View()
	}
	cmd := h.SetList(1, list("Örjan Berg", "Anna Öberg"), nil)
	old := findSearch(t, cmd)
	// The next list comes before the first list's index.
	cmd = h.SetList(2, list("Kim Ek", "Lo Öst"), nil)
	h.SetSearch(old)
	if v := search("öberg"); strings.Contains(v, "Anna Öberg") || strings.Contains(v, "Kim Ek") {
		t.Fatalf("the earlier list's index was used:\n%s", v)
	}
	if v := search("öst"); !strings.Contains(v, "Lo Öst") || strings.Contains(v, "Kim Ek") {
		t.Fatalf("a search before the index came:\n%s", v)
	}
	// The index made for this list, coming late, changes nothing.
	h.SetSearch(findSearch(t, cmd))
	if v := search("kim"); !strings.Contains(v, "Kim Ek") || strings.Contains(v, "Lo Öst") {
		t.Fatalf("search kim:\n%s", v)
	}
	// A list whose index comes before any search uses it.
	cmd = h.SetList(3, list("Ada Berg", "Bo Lund"), nil)
	h.SetSearch(findSearch(t, cmd))
	if !h.indexed {
		t.Fatal("the index made for the list on screen was dropped")
	}
	if v := search("lund"); !strings.Contains(v, "Bo Lund") || strings.Contains(v, "Ada Berg") {
		t.Fatalf("search lund:\n%s", v)
	}
}

// findSearch runs cmd (a batch) and returns the SearchMsg it gives.
func findSearch(t *testing.T, cmd tea.Cmd) SearchMsg {
	t.Helper()
	var walk func(tea.Cmd) (SearchMsg, bool)
	walk = func(c tea.Cmd) (SearchMsg, bool) {
		if c == nil {
			return SearchMsg{}, false
		}
		switch msg := c().(type) {
		case SearchMsg:
			return msg, true
		case tea.BatchMsg:
			for _, c := range msg {
				if m, ok := walk(c); ok {
					return m, true
				}
			}
		}
		return SearchMsg{}, false
	}
	m, ok := walk(cmd)
	if !ok {
		t.Fatal("the list asked for no search index")
	}
	return m
}

// TestSearchFoldsAccents: names from everywhere are found as the user's
// keyboard types them: every marked letter by its plain letter (ć, ễ, ø,
// é, ü), in both languages. In Swedish å, ä and ö stay letters of their
// own (o does not find Öberg), and ø and æ are found by ö and ä too; in
// English "asa" finds Åsa.
func TestSearchFoldsAccents(t *testing.T) {
	names := []string{"Émile Ö", "Jürgen Müller", "Søren Ek", "Anna Öberg", "Åsa Lind", "Zoë Berg",
		"Zlatan Ibrahimović", "Nguyễn Văn An", "Øystein Ødegård", "Asa Oberg", "Ægir Straße", "Łukasz Đorđević"}
	entries := func() []model.ListEntry {
		var e []model.ListEntry
		for _, n := range names {
			e = append(e, model.ListEntry{Person: n})
		}
		return e
	}()
	type search struct {
		typed string
		want  []string
	}
	both := []search{
		{"emile", []string{"Émile Ö"}},
		{"ÉMILE", []string{"Émile Ö"}},
		{"muller", []string{"Jürgen Müller"}},
		{"zoe", []string{"Zoë Berg"}},
		{"ibrahimovic", []string{"Zlatan Ibrahimović"}},
		{"ibrahimović", []string{"Zlatan Ibrahimović"}},
		{"nguyen", []string{"Nguyễn Văn An"}},
		{"van an", []string{"Nguyễn Văn An"}},
		{"soren", []string{"Søren Ek"}},
		{"oystein", []string{"Øystein Ødegård"}},
		{"øystein", []string{"Øystein Ødegård"}},
		{"aegir", []string{"Ægir Straße"}},
		{"strasse", []string{"Ægir Straße"}},
		{"lukasz dordevic", []string{"Łukasz Đorđević"}},
	}
	for _, tc := range []struct {
		lang     model.Lang
		searches []search
	}{
		{model.Swedish, append(both,
			search{"sören", []string{"Søren Ek"}},
			search{"åsa", []string{"Åsa Lind"}},
			search{"öberg", []string{"Anna Öberg"}},
			search{"öystein", []string{"Øystein Ødegård"}},
			search{"oberg", []string{"Asa Oberg"}},
			search{"asa", []string{"Asa Oberg"}},
			search{"ägir", []string{"Ægir Straße"}},
		)},
		{model.English, append(both,
			search{"oberg", []string{"Anna Öberg", "Asa Oberg"}},
			search{"asa", []string{"Åsa Lind", "Asa Oberg"}},
			search{"odegard", []string{"Øystein Ødegård"}},
			search{"åsa", []string{"Åsa Lind", "Asa Oberg"}},
			search{"sören", []string{"Søren Ek"}},
		)},
	} {
		idx := indexOf(tc.lang, entries)
		for _, s := range tc.searches {
			var got []string
			idx.rows(searchQuery(tc.lang, s.typed), func(row int) { got = append(got, names[row]) })
			if !slices.Equal(got, s.want) {
				t.Errorf("%s: %q finds %q, want %q", tc.lang, s.typed, got, s.want)
			}
		}
	}
}

// TestSearchSecondSpellingInOrder: a name found by its second spelling
// (Søren by "soren") comes in the list's order among the others, once.
func TestSearchSecondSpellingInOrder(t *testing.T) {
	names := []string{"Anna Sor", "Søren Ek", "Bo Soren", "Søren Sorensen", "Åke Sørby"}
	var entries []model.ListEntry
	for _, n := range names {
		entries = append(entries, model.ListEntry{Person: n})
	}
	idx := indexOf(model.Swedish, entries)
	var got []string
	idx.rows(searchQuery(model.Swedish, "sor"), func(row int) { got = append(got, names[row]) })
	if want := names; !slices.Equal(got, want) {
		t.Errorf("sor finds %q, want %q", got, want)
	}
}

package newplan

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// TestReadingLanguage: the new-plan form takes the language the person
// reads best as a code or a language's name ("finska" is fi), and refuses
// what is neither, naming the field.
func TestReadingLanguage(t *testing.T) {
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	in := Input{Person: "Aino Virtanen", Date: "2026-12-10", Time: "10:00", Language: " FI "}
	p, msg, _ := in.build(model.Swedish, now)
	if msg != "" || p == nil || p.Person.Language != "fi" {
		t.Fatalf("fi: %q %+v", msg, p)
	}
	in.Language = "finskan"
	if p, msg, field := in.build(model.Swedish, now); p != nil || msg == "" || field != "language" {
		t.Errorf("finskan: plan %v, %q, field %q", p != nil, msg, field)
	}
}

// TestLanguageWithoutEasyReadWords: the language field says, under it,
// when the easy-read page has no words in the language typed (it is then
// in the print's language), and says nothing for one it has words in
// (tryout2 #26).
func TestLanguageWithoutEasyReadWords(t *testing.T) {
	st := common.DefaultStyles()
	cases := []struct {
		typed string
		langs []string
		note  bool
	}{
		{"arabiska", []string{"en", "fi", "sv"}, true},
		{"zz", []string{"en", "fi", "sv"}, true},
		{"finska", []string{"en", "fi", "sv"}, false},
		{"fi", []string{"en", "fi", "sv"}, false},
		{"", []string{"en", "fi", "sv"}, false},
		{"zz", nil, false}, // nothing known: nothing said
	}
	for _, tc := range cases {
		m := New(model.Swedish, &st, func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) })
		m.EasyLangs = tc.langs
		m.SetSize(80, 40)
		m.In.Language = tc.typed
		view := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
		if got := strings.Contains(view, "Den lättlästa sidan finns inte på"); got != tc.note {
			t.Errorf("%q with %v: note %v, want %v:\n%s", tc.typed, tc.langs, got, tc.note, view)
		}
	}
}

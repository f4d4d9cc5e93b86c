package model

import (
	"slices"
	"strings"
	"testing"
)

func TestSubjectStems(t *testing.T) {
	for _, tc := range []struct {
		subject, person string
		want            []string
	}{
		{"Skulderna hos Kronofogden", "", []string{"skuld", "kronofogd"}},
		{"Skulderna hos Kronofogden (HEMLIGT-ÄMNE)", "", []string{"skuld", "kronofogd", "hemlig", "ämne"}},
		{"hennes tidigare partner", "", []string{"partn"}},
		{"pappans nya sambo", "", []string{"pappa", "sambo"}},
		{"Kronofogdens beslut", "", []string{"kronofogd", "beslu"}},
		{"spel om pengar", "", []string{"spel", "peng"}},
		{"ADHD", "", []string{"adhd"}},
		{"hos och med i på", "", nil},
		{"her debts", "", []string{"debt"}},
		// The person's own name is not a subject's word: the room would
		// lose every sentence about her.
		{"Saras skulder", "Sara Nilsson", []string{"skuld"}},
		{"Nilssons ekonomi", "Sara Nilsson", []string{"ekonomi"}},
	} {
		if got := SubjectStems(tc.subject, tc.person); !slices.Equal(got, tc.want) {
			t.Errorf("SubjectStems(%q) = %q, want %q", tc.subject, got, tc.want)
		}
	}
}

func TestNamedSubjects(t *testing.T) {
	notRaise := []string{"Skulderna hos Kronofogden", "pappans nya sambo", "hennes tidigare partner", "Saras spelande"}
	for _, tc := range []struct {
		text string
		want []int
	}{
		{"Skulderna hos Kronofogden oroar henne.", []int{0}},
		{"Hon har skulder hos Kronofogden.", []int{0}},
		{"Hon har en skuld.", []int{0}},
		{"Kronofogdemyndigheten skrev.", []int{0}},
		{"SKULDSANERING pågår", []int{0}},
		{"spelskulderna växer", []int{0, 3}}, // gambling debts: both
		{"Skulderna hos Kronofo", []int{0}},  // half typed: skulderna alone names it
		{"Kronofo", nil},                     // a part shorter than a stem does not
		{"Hon skulle vilja bo själv.", nil},  // skulle is not skuld
		{"Pappa hämtar henne på fredag.", []int{1}},
		{"Hon träffar sin styvpappa.", []int{1}},
		{"Hans sambon ringde.", []int{1}},
		{"Hon bodde tidigare i Örebro.", nil}, // tidigare only qualifies
		{"Hon har en ny partner.", []int{2}},
		{"Hon sover dåligt och går till skolan.", nil},
		{"Sara bor hos sin mamma.", nil}, // "hos" is in a subject, but only a function word
		{"Skulder, pappa och partnern.", []int{0, 1, 2}},
		{"Sara spelar fotboll.", []int{3}}, // spelar names spelande
		{"Sara vill bo själv.", nil},       // her own name names nothing
		{"Saras mamma följer med.", nil},
	} {
		if got := NamedSubjects(tc.text, notRaise, "Sara Nilsson"); !slices.Equal(got, tc.want) {
			t.Errorf("NamedSubjects(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"En. Två! Tre? Fyra", []string{"En. ", "Två! ", "Tre? ", "Fyra"}},
		{"Rad ett\nRad två.", []string{"Rad ett\n", "Rad två."}},
		{"Slut.\n\nNy del.", []string{"Slut.\n", "\n", "Ny del."}},
		{"Kl. 13.00 i rummet.", []string{"Kl. ", "13.00 i rummet."}},
		{"", nil},
	} {
		got := Sentences(tc.in)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if strings.Join(got, "") != tc.in {
			t.Errorf("Sentences(%q) does not join back to the text", tc.in)
		}
	}
}

func TestRoomSafe(t *testing.T) {
	notRaise := []string{"Skulderna hos Kronofogden (HEMLIGT-ÄMNE)", "hennes tidigare partner", "x", "Saras skulder"}
	for _, tc := range []struct{ in, want string }{
		{"Sara bor hos sin mamma. Hon sover dåligt. Skulderna hos Kronofo", "Sara bor hos sin mamma. Hon sover dåligt. …"},
		{"Hon har skulder hos Kronofogden. Hon sover dåligt.", "… Hon sover dåligt."},
		{"Skulderna hos Kronofogden (HEMLIGT-ÄMNE) oroar henne. Hon har skulder hos Kronofogden. Hon vill flytta.", "… Hon vill flytta."},
		{"Hennes Tidigare Partner ringde", "…"},
		{"Rad om skulder\nRad om skolan\nRad om partnern", "…\nRad om skolan\n…"},
		{"Inget känsligt här.", "Inget känsligt här."},
		{"Sara bor hos sin mamma. Saras skulder växer.", "Sara bor hos sin mamma. …"},
		// Personnummer, whole and being typed.
		{"född 20150308-2388", "född 20150308-****"},
		{"nr 150308-2388.", "nr 150308-****."},
		{"nr 201503082388", "nr 20150308-****"},
		{"Hans personnummer är 19850101-123", "Hans personnummer är ****"},
		{"Hans personnummer är 19850101-1", "Hans personnummer är ****"},
		{"nr 850101-12", "nr ****"},
		{"nr 198501011", "nr ****"},
		{"nr 19850101", "nr ****"},
		{"nr 850101 1234", "nr 850101-****"},
		// Not personnummer.
		{"inget känsligt 2026-11-30", "inget känsligt 2026-11-30"},
		{"telefon 070-123 45 67", "telefon 070-123 45 67"},
		{"150 000 kronor", "150 000 kronor"},
		{"kl. 13:00, rum 1234", "kl. 13:00, rum 1234"},
	} {
		if got := RoomSafe(tc.in, notRaise, "Sara Nilsson"); got != tc.want {
			t.Errorf("RoomSafe(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAtSentenceEnd(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"", true},
		{"Hon sover dåligt.", true},
		{"Hon sover dåligt. ", true},
		{"Sover hon?", true},
		{"Hon sa ”nej.”", true},
		{"(Se nedan.)", true},
		{"Första raden\n", true},
		{"Hon sover dåligt. Skulderna hos Kronofo", false},
		{"Hans personnummer är 19850101-123", false},
		{"kl. 13", false},
	} {
		if got := AtSentenceEnd(tc.in); got != tc.want {
			t.Errorf("AtSentenceEnd(%q) = %t, want %t", tc.in, got, tc.want)
		}
	}
}

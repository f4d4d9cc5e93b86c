package checklists

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

func TestNormalise(t *testing.T) {
	tests := []struct {
		in, want []int
	}{
		{nil, []int{}},
		{[]int{100}, []int{100}},
		{[]int{50, 50}, []int{50, 50}},
		{[]int{1, 1, 1}, []int{34, 33, 33}},
		{[]int{0, 0}, []int{50, 50}},
		{[]int{10, 10, 85}, []int{10, 9, 81}},
		{[]int{2, 8, 4, 5, 12, 14, 10, 16, 6, 7, 6, 5}, nil}, // sums to 95
		{[]int{-5, 10}, []int{0, 100}},
	}
	for _, tt := range tests {
		got := normalise(tt.in)
		sum := 0
		for _, n := range got {
			sum += n
		}
		if len(tt.in) > 0 && sum != 100 {
			t.Errorf("normalise(%v) = %v sums to %d", tt.in, got, sum)
		}
		if tt.want != nil && !slices.Equal(got, tt.want) {
			t.Errorf("normalise(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestOpenCount(t *testing.T) {
	set, _ := Load("")
	for _, v := range Variants {
		all := len(set.BeforeFor(v)) + len(set.AfterFor(v))
		if got := set.OpenCountIDs(v, nil); got != all {
			t.Errorf("%s: nothing ticked: %d open, want %d", v, got, all)
		}
	}
	adultAll := set.OpenCountIDs(model.AgeAdult, nil)
	tests := []struct {
		name    string
		variant model.AgeGroup
		ticks   map[string]bool
		want    int
	}{
		{"none", model.AgeAdult, nil, adultAll},
		{"two ticked", model.AgeAdult, map[string]bool{"consent": true, "signed": true}, adultAll - 2},
		{"unticked does not count", model.AgeAdult, map[string]bool{"consent": false}, adultAll},
		{"tick of a removed item is ignored", model.AgeAdult, map[string]bool{"gone": true}, adultAll},
		{"child-only tick on an adult plan", model.AgeAdult, map[string]bool{"guardians": true}, adultAll},
		{"unset variant is adult", "", map[string]bool{"consent": true}, adultAll - 1},
	}
	for _, tt := range tests {
		p := model.NewPlan(model.Person{Name: "Test"}, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		p.Variant, p.Draft.Ticks = tt.variant, tt.ticks
		if got := set.OpenCount(p); got != tt.want {
			t.Errorf("%s: OpenCount = %d, want %d", tt.name, got, tt.want)
		}
		sum := p.Summarise()
		if got := set.OpenCountIDs(sum.Variant, sum.Ticks); got != tt.want {
			t.Errorf("%s: OpenCountIDs = %d, want %d", tt.name, got, tt.want)
		}
	}
	if set.OpenCount(nil) != 0 || (*Set)(nil).OpenCountIDs(model.AgeAdult, nil) != 0 {
		t.Error("nil plan or set should have nothing open")
	}
}

func TestParseVariant(t *testing.T) {
	tests := []struct {
		in   string
		want model.AgeGroup
		ok   bool
	}{
		{"adult", model.AgeAdult, true}, {"", model.AgeAdult, true}, {"barn", model.AgeChild, true},
		{"child", model.AgeChild, true}, {"äldre", model.AgeOlder, true}, {"older", model.AgeOlder, true},
		{"teen", model.AgeAdult, false},
	}
	for _, tt := range tests {
		got, ok := ParseVariant(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseVariant(%q) = %v %v", tt.in, got, ok)
		}
	}
}

func TestAgendaForDoesNotShareState(t *testing.T) {
	set, _ := Load("")
	a := set.AgendaFor(model.AgeChild)
	for i := range a {
		a[i].Prompt.SV = "ändrad"
		a[i].Variants = append(a[i].Variants, model.AgeOlder)
	}
	for _, s := range set.AgendaFor(model.AgeChild) {
		if s.Prompt.SV == "ändrad" || (s.ID == "child_view" && slices.Contains(s.Variants, model.AgeOlder)) {
			t.Fatal("AgendaFor returned shared state")
		}
	}
}

func TestShow(t *testing.T) {
	set, _ := Load("")
	tests := []struct {
		variant model.AgeGroup
		lang    model.Lang
		want    []string
		notWant []string
	}{
		{model.AgeAdult, model.Swedish, []string{"DAGORDNING – vuxen (14 steg)", "Inledning", "Rum och teknik (2 %)",
			"FÖRE MÖTET", "EFTER MÖTET", "ORDLISTA", "LSS →", "defaults/agenda.ini:"}, []string{"Vad tycker barnet?"}},
		{model.AgeChild, model.English, []string{"AGENDA – child (14 steps)", "What does the child think?",
			"BEFORE THE MEETING", "round: everyone speaks", "at least one goal"}, []string{"Rum och teknik"}},
		{model.AgeOlder, model.Swedish, []string{"Läkemedel och hjälpmedel"}, nil},
	}
	for _, tt := range tests {
		var b strings.Builder
		if err := Show(&b, set, tt.variant, tt.lang); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s/%s: missing %q", tt.variant, tt.lang, w)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(out, w) {
				t.Errorf("%s/%s: should not contain %q", tt.variant, tt.lang, w)
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if n := len([]rune(line)); n > showWidth && strings.Contains(line, " ") && !strings.HasPrefix(strings.TrimSpace(line), "[") {
				t.Errorf("line of %d runes: %q", n, line)
			}
		}
	}
	var b strings.Builder
	if err := Show(&b, nil, model.AgeAdult, model.Swedish); err != nil {
		t.Error("Show on a nil set should print empty lists, not fail")
	}
}

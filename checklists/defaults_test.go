package checklists

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

func loadDefaults(t *testing.T) *Set {
	t.Helper()
	set, probs := Load("")
	for _, p := range probs {
		t.Errorf("defaults: %s", p.In(model.English))
	}
	return set
}

func TestEveryEmbeddedFileParsesAndValidates(t *testing.T) {
	names, err := iniFiles(defaultFS, defaultDir)
	if err != nil || len(names) < 4 {
		t.Fatalf("embedded files: %v %v", names, err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			data, err := fs.ReadFile(defaultFS, path.Join(defaultDir, name))
			if err != nil {
				t.Fatal(err)
			}
			recs, probs := parse(name, data)
			for _, p := range probs {
				t.Error(p.In(model.English))
			}
			if len(recs) == 0 {
				t.Error("no blocks")
			}
			// Each file must also stand on its own, without the others.
			m := newMerger()
			m.apply(recs)
			for _, p := range m.problems {
				t.Error(p.In(model.English))
			}
		})
	}
	loadDefaults(t)
}

func TestDefaultsHaveNoDuplicateIDs(t *testing.T) {
	seen := map[string]string{}
	for _, name := range []string{"agenda.ini", "before.ini", "after.ini", "words.ini"} {
		data, err := fs.ReadFile(defaultFS, path.Join(defaultDir, name))
		if err != nil {
			t.Fatal(err)
		}
		recs, _ := parse(name, data)
		for _, r := range recs {
			kind := r.kind
			if kind == kindAfter {
				kind = kindBefore // ticks share one namespace
			}
			key := kind + " " + strings.ToLower(r.id)
			if prev, dup := seen[key]; dup {
				t.Errorf("%s:%d: %s %q already defined at %s", r.file, r.line, r.kind, r.id, prev)
			}
			seen[key] = r.file
		}
	}
}

func TestBothLanguagesEverywhere(t *testing.T) {
	set := loadDefaults(t)
	check := func(where string, tx model.Text) {
		t.Helper()
		if strings.TrimSpace(tx.SV) == "" || strings.TrimSpace(tx.EN) == "" {
			t.Errorf("%s: missing a language: %+v", where, tx)
		}
	}
	for _, v := range Variants {
		for _, s := range set.AgendaFor(v) {
			check(string(v)+" step "+s.ID+" title", s.Title)
			check(string(v)+" step "+s.ID+" prompt", s.Prompt)
		}
		for _, it := range append(set.BeforeFor(v), set.AfterFor(v)...) {
			check(string(v)+" item "+it.ID, it.Text)
		}
	}
	for _, j := range set.Jargon {
		check("word "+j.Term, j.Plain)
	}
	for _, p := range Parts {
		if PartLabel(p, model.Swedish) == p || PartLabel(p, model.English) == p {
			t.Errorf("part %s has no label", p)
		}
	}
	for _, s := range sectionIDs() {
		if SectionLabel(s, model.Swedish) == s || SectionLabel(s, model.English) == s {
			t.Errorf("section %s has no label", s)
		}
	}
}

func TestAgendaNamesSectionsAndParts(t *testing.T) {
	set := loadDefaults(t)
	used := map[string]bool{}
	for _, s := range set.Agenda {
		if !slices.Contains(sectionIDs(), s.Section) {
			t.Errorf("step %s: unknown section %q", s.ID, s.Section)
		}
		if !slices.Contains(Parts, s.Part) {
			t.Errorf("step %s: unknown part %q", s.ID, s.Part)
		}
		if _, bad := parseConditions(s.Condition); bad != nil {
			t.Errorf("step %s: %s", s.ID, bad.EN)
		}
		used[s.Part] = true
	}
	for _, p := range Parts {
		if !used[p] {
			t.Errorf("no step in part %s", p)
		}
	}
}

func TestSharesSumTo100PerVariant(t *testing.T) {
	set := loadDefaults(t)
	for _, v := range Variants {
		// The data itself must add up, not only after scaling.
		raw := 0
		for _, s := range set.Agenda {
			if s.AppliesTo(v) {
				raw += s.resolve(v).Share
			}
		}
		if raw != 100 {
			t.Errorf("%s: raw shares sum to %d", v, raw)
		}
		sum := 0
		for _, s := range set.AgendaFor(v) {
			sum += s.Share
		}
		if sum != 100 {
			t.Errorf("%s: AgendaFor shares sum to %d", v, sum)
		}
	}
}

func TestAgendaFollowsMeetingOrder(t *testing.T) {
	set := loadDefaults(t)
	for _, v := range Variants {
		last := 0
		for _, s := range set.AgendaFor(v) {
			i := slices.Index(Parts, s.Part)
			if i < last {
				t.Errorf("%s: step %s (%s) comes after a later part", v, s.ID, s.Part)
			}
			last = i
		}
	}
}

func TestVariants(t *testing.T) {
	set := loadDefaults(t)
	ids := func(steps []Step) []string {
		var out []string
		for _, s := range steps {
			out = append(out, s.ID)
		}
		return out
	}
	itemIDs := func(items []Item) []string {
		var out []string
		for _, it := range items {
			out = append(out, it.ID)
		}
		return out
	}
	adult, child, older := set.AgendaFor(model.AgeAdult), set.AgendaFor(model.AgeChild), set.AgendaFor(model.AgeOlder)
	if len(adult) != 14 {
		t.Errorf("adult agenda has %d steps, want the 13 of the meeting, with point 6 in two (what matters, then goals): %v", len(adult), ids(adult))
	}
	rounds := 0
	for _, s := range adult {
		if s.Round {
			rounds++
		}
	}
	if rounds != 3 {
		t.Errorf("adult agenda has %d rounds, want 3 (introductions, contributions, evaluation)", rounds)
	}
	tests := []struct {
		name string
		got  []string
		want string
		has  bool
	}{
		{"child has child_view", ids(child), "child_view", true},
		{"adult lacks child_view", ids(adult), "child_view", false},
		{"older has medication", ids(older), "medication", true},
		{"adult lacks medication", ids(adult), "medication", false},
		{"child checks guardians", itemIDs(set.BeforeFor(model.AgeChild)), "guardians", true},
		{"adult lacks guardians", itemIDs(set.BeforeFor(model.AgeAdult)), "guardians", false},
		{"child checks school", itemIDs(set.BeforeFor(model.AgeChild)), "school", true},
		{"older checks relatives", itemIDs(set.BeforeFor(model.AgeOlder)), "relatives", true},
		{"adult offered survey", itemIDs(set.AfterFor(model.AgeAdult)), "survey", true},
	}
	for _, tt := range tests {
		if slices.Contains(tt.got, tt.want) != tt.has {
			t.Errorf("%s: %v", tt.name, tt.got)
		}
	}
	prompt := func(steps []Step, id string) string {
		for _, s := range steps {
			if s.ID == id {
				return s.Prompt.SV
			}
		}
		return ""
	}
	if prompt(adult, "situation") == prompt(child, "situation") {
		t.Error("child situation prompt should differ from the adult one")
	}
	if !strings.Contains(prompt(child, "child_view"), "Hur har vi fått veta") {
		t.Errorf("child_view prompt: %q", prompt(child, "child_view"))
	}
	// An unset variant is adult.
	if len(set.AgendaFor("")) != len(adult) {
		t.Error("empty variant should mean adult")
	}
}

func TestBeforeCoversTheChecklist(t *testing.T) {
	set := loadDefaults(t)
	var ids []string
	for _, it := range append(set.Before, set.After...) {
		ids = append(ids, it.ID)
	}
	for _, want := range []string{
		"consent", "own_goals", "not_raise", "network", "place", "support_person",
		"adaptations", "summons_sent", "summons_confirmed", "roles",
		"signed", "copies", "understood", "survey", "follow_up_prep",
	} {
		if !slices.Contains(ids, want) {
			t.Errorf("missing checklist item %s", want)
		}
	}
}

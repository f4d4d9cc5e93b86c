package model

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// MaxFieldChars is the most characters one text field holds. The screen's
// editor holds no more (a pasted book must not freeze it), so a plan from
// elsewhere with a longer field is refused at import rather than cut at
// the first key typed in it.
const MaxFieldChars = 50_000

// MaxFieldLines is the most lines the editor of a multi-line field holds.
const MaxFieldLines = 10_000

// editorTab is what the editor makes of a tab: four spaces.
const editorTab = 4

// FieldTooLong tells whether the editor could not hold s as it is: more
// characters than MaxFieldChars (a tab counts as the four spaces it
// becomes) or more lines than MaxFieldLines.
func FieldTooLong(s string) bool {
	if len(s)*editorTab <= MaxFieldChars && strings.Count(s, "\n") < MaxFieldLines && !strings.ContainsRune(s, '\r') {
		return false // the common case, without counting runes
	}
	n := utf8.RuneCountInString(s) + (editorTab-1)*strings.Count(s, "\t")
	lines := strings.Count(s, "\n") + strings.Count(s, "\r")
	return n > MaxFieldChars || lines >= MaxFieldLines
}

// MaxPlanBytes is the largest plan, as stored, that keeps the promise that
// nothing on screen for one second is lost: a plan this size is encoded,
// written and synced well within the half second the saver has (see
// BenchmarkSaveAtSizeLimit in store, and the figure in docs). A real plan
// with ten years of follow-ups is a few hundred kB.
const MaxPlanBytes = 1 << 20

// PlanSize is the plan's size as stored: its JSON encoding.
func PlanSize(p *Plan) (int, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return 0, err
	}
	return len(b), nil
}

// CheckLimits finds what the program could not handle without breaking a
// promise: a text field longer than the editor holds, and a plan larger
// than MaxPlanBytes. Paths are those of the export file.
func CheckLimits(p *Plan) []Finding {
	c := &checker{}
	walkStrings(reflect.ValueOf(p).Elem(), "plan", func(path, s string) {
		if FieldTooLong(s) {
			n := utf8.RuneCountInString(s)
			c.add(SevError, path,
				fmt.Sprintf("Texten har %d tecken eller %d rader; ett fält rymmer högst %d tecken och %d rader. Korta texten eller dela upp den.",
					n, strings.Count(s, "\n")+1, MaxFieldChars, MaxFieldLines),
				fmt.Sprintf("The text has %d characters or %d lines; a field holds at most %d characters and %d lines. Shorten it or split it.",
					n, strings.Count(s, "\n")+1, MaxFieldChars, MaxFieldLines))
		}
	})
	if n, err := PlanSize(p); err == nil && n > MaxPlanBytes {
		c.add(SevError, "plan",
			fmt.Sprintf("Planen är %.1f MB; högst %d MB går att spara inom en sekund. Ta bort gamla versioner eller långa texter i filen.", float64(n)/(1<<20), MaxPlanBytes>>20),
			fmt.Sprintf("The plan is %.1f MB; at most %d MB can be saved within a second. Remove old versions or long texts from the file.", float64(n)/(1<<20), MaxPlanBytes>>20))
	}
	return c.out
}

// walkStrings calls fn for every string in v (structs, slices, maps and
// pointers followed), with its path in the JSON form: plan.draft.content.
// goals[2].text, plan.versions[0].rounds.intro[1].
func walkStrings(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			walkStrings(v.Field(i), path+"."+name, fn)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkStrings(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			k := iter.Key()
			if k.Kind() == reflect.String {
				fn(path+" (key)", k.String())
			}
			walkStrings(iter.Value(), fmt.Sprintf("%s.%v", path, k), fn)
		}
	}
}

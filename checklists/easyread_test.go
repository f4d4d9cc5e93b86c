package checklists

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// easyText is the fixed text of the easy-read page in one language, one
// sentence per phrase, with the blanks filled as on a real page.
func easyText(w model.EasyWords) string {
	var b strings.Builder
	for _, id := range model.EasyReadPhrases {
		switch id {
		case "months", "date", "page":
			continue // not sentences: the parts of a date, the page number
		}
		s := w.Say(id, "name", "Ali Rahimi", "date", w.Date("2026-12-02"), "time", "10:00",
			"place", "Mottagningen", "phone", "070-174 06 12")
		if !strings.ContainsAny(s[len(s)-1:], ".?!") {
			s += "." // a heading ends where it ends
		}
		b.WriteString(s + " ")
	}
	return b.String()
}

// TestEasyReadLIX: the page's fixed text is easy to read. LIX (words per
// sentence plus the per cent of words longer than six letters) is at most
// 30 in Swedish and in English; the figures are logged for the note.
// Finnish is logged only: its long compound words make LIX, a Swedish
// measure, mean little there.
func TestEasyReadLIX(t *testing.T) {
	set, probs := Load("")
	if len(probs) > 0 {
		t.Fatalf("the defaults have problems: %v", probs)
	}
	for _, lang := range []string{"sv", "en", "fi"} {
		w, ok := set.EasyRead(lang)
		if !ok {
			t.Fatalf("no easy-read words in %s", lang)
		}
		lix := model.LIX(easyText(w))
		t.Logf("LIX of the easy-read page's fixed text, %s: %.1f", lang, lix)
		if lang != "fi" && lix > 30 {
			t.Errorf("%s: LIX %.1f, want at most 30:\n%s", lang, lix, easyText(w))
		}
	}
}

// TestEasyReadRules: the fixed words follow the easy-read rules that a
// program can check: no abbreviations, one sentence per phrase, short
// sentences.
func TestEasyReadRules(t *testing.T) {
	set, _ := Load("")
	for _, lang := range set.EasyReadLanguages() {
		w, _ := set.EasyRead(lang)
		for id, s := range w.Phrases {
			if id == "months" || id == "date" {
				continue // the parts of a date, not a sentence
			}
			for _, word := range strings.Fields(s) {
				word = strings.Trim(word, ".,:?!")
				if strings.Contains(word, ".") || len(word) >= 2 && strings.ToUpper(word) == word && strings.ToLower(word) != word {
					t.Errorf("%s %s: %q looks like an abbreviation", lang, id, word)
				}
			}
			if n := strings.Count(strings.TrimRight(s, ".?!"), ". "); n > 0 {
				t.Errorf("%s %s: more than one sentence: %q", lang, id, s)
			}
			if n := len(strings.Fields(s)); n > 10 {
				t.Errorf("%s %s: %d words; keep a sentence short", lang, id, n)
			}
		}
	}
}

func TestEasyReadLanguages(t *testing.T) {
	set, _ := Load("")
	if got := set.EasyReadLanguages(); !slices.Equal(got, []string{"en", "fi", "sv"}) {
		t.Errorf("languages %v, want en, fi, sv", got)
	}
	fi, _ := set.EasyRead("fi")
	sv, _ := set.EasyRead("sv")
	for _, id := range model.EasyReadPhrases {
		if fi.Phrases[id] == sv.Phrases[id] && id != "page" {
			t.Errorf("the Finnish %s is the Swedish one: %q", id, fi.Phrases[id])
		}
	}
	if got := fi.Date("2026-08-22"); got != "22. elokuuta 2026" {
		t.Errorf("a Finnish date: %q", got)
	}
	if got := sv.Date("2026-08-22"); got != "22 augusti 2026" {
		t.Errorf("a Swedish date: %q", got)
	}
	if _, ok := set.EasyRead("so"); ok {
		t.Error("Somali is offered without a single phrase")
	}
}

// TestEasyReadLocalLanguage: a municipality adds a language in a file of
// its own; a language with phrases missing is reported and not offered,
// and a key that is no language is reported.
func TestEasyReadLocalLanguage(t *testing.T) {
	var full, part strings.Builder
	for i, id := range model.EasyReadPhrases {
		text := "Somali " + id
		if id == "months" {
			text = "Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec"
		}
		full.WriteString("[easyread " + id + "]\ntext.so = " + text + "\n\n")
		if i < 3 {
			part.WriteString("[easyread " + id + "]\ntext.se = Sami " + id + "\n\n")
		}
	}
	part.WriteString("[easyread title]\ntext.svenska = Min plan\n")
	dir := writeDir(t, map[string]string{"so.ini": full.String(), "se.ini": part.String()})
	set, probs := Load(dir)
	if got := set.EasyReadLanguages(); !slices.Equal(got, []string{"en", "fi", "so", "sv"}) {
		t.Errorf("languages %v, want en, fi, so, sv", got)
	}
	so, ok := set.EasyRead("so")
	if !ok || so.Say("title") != "Somali title" {
		t.Errorf("Somali: %v %q", ok, so.Say("title"))
	}
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.In(model.English))
	}
	all := strings.Join(msgs, "\n")
	if !strings.Contains(all, fmt.Sprintf(`lacks %d phrases in the language "se"`, len(model.EasyReadPhrases)-3)) {
		t.Errorf("the half-done Sami set is not reported:\n%s", all)
	}
	if !strings.Contains(all, `Unknown key "text.svenska"`) {
		t.Errorf("a key that is no language is not reported:\n%s", all)
	}
	if sv, _ := set.EasyRead("sv"); sv.Say("title") != "Min plan" {
		t.Errorf("a local language changed the Swedish: %q", sv.Say("title"))
	}
}

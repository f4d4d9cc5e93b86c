package checklists

import (
	"slices"
	"sort"
	"strings"

	"github.com/sipmote/sipmote/model"
)

// Phrase is one fixed phrase of the easy-read page ("Min plan") in every
// language it is written in, by language code.
type Phrase struct {
	ID   string
	Text map[string]string
	File string
	Line int
}

// EasyRead returns the easy-read page's words in language lang ("sv",
// "fi"), and false when the language lacks any phrase the page needs, so
// that a half-translated page is never printed.
func (s *Set) EasyRead(lang string) (model.EasyWords, bool) {
	w := model.EasyWords{Lang: lang, Phrases: map[string]string{}}
	for _, ph := range s.Phrases {
		if t := strings.TrimSpace(ph.Text[lang]); t != "" {
			w.Phrases[ph.ID] = t
		}
	}
	for _, id := range model.EasyReadPhrases {
		if w.Phrases[id] == "" {
			return model.EasyWords{}, false
		}
	}
	return w, true
}

// EasyReadLanguages lists the languages the easy-read page can be printed
// in, in code order.
func (s *Set) EasyReadLanguages() []string {
	seen := map[string]bool{}
	for _, ph := range s.Phrases {
		for l := range ph.Text {
			seen[l] = true
		}
	}
	var out []string
	for l := range seen {
		if _, ok := s.EasyRead(l); ok {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// checkPhrases reports a language that some phrases have and others lack:
// the page is not offered in it until it is complete. A phrase the page
// needs that is missing altogether is reported too.
func (m *merger) checkPhrases() {
	have := map[string][]string{} // language → phrase ids
	file, line := "", 0
	for _, e := range m.lists[kindEasyRead] {
		for l, t := range e.phrase.Text {
			if strings.TrimSpace(t) != "" {
				have[l] = append(have[l], e.id)
			}
		}
		file, line = e.phrase.File, e.phrase.Line
	}
	langs := make([]string, 0, len(have))
	for l := range have {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		var missing []string
		for _, id := range model.EasyReadPhrases {
			if !slices.Contains(have[l], id) {
				missing = append(missing, id)
			}
		}
		if len(missing) == 0 {
			continue
		}
		m.add(problem(file, line,
			"Den lättlästa sidan saknar %d fraser på språket ”%s” (%s) och skrivs inte på det språket.",
			"The easy-read page lacks %d phrases in the language \"%s\" (%s) and is not printed in that language.",
			len(missing), l, strings.Join(missing, ", ")))
	}
}

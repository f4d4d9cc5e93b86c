package model

import (
	"fmt"
	"strings"
	"unicode"
)

// SevInfo is a finding that neither blocks nor warns: a figure the secretary
// may want to know, such as how easy the person's own sections are to read.
const SevInfo Severity = "info"

// LIX is the Swedish readability index (läsbarhetsindex): words per
// sentence plus the share of long words (over six letters) in percent.
// Below 30 is very easy, like children's books; above 50 is hard, like
// official documents. It returns 0 for a text without words.
func LIX(text string) float64 {
	words, long, sentences := 0, 0, 0
	inSentence := false
	for _, w := range strings.Fields(text) {
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters == 0 {
			continue
		}
		words++
		inSentence = true
		if letters > 6 {
			long++
		}
		if strings.ContainsAny(w[len(w)-1:], ".!?:") {
			sentences++
			inSentence = false
		}
	}
	if inSentence {
		sentences++
	}
	if words == 0 {
		return 0
	}
	return float64(words)/float64(sentences) + 100*float64(long)/float64(words)
}

// lixMinWords is the least text that gives a figure worth showing: a few
// words give a number that means nothing.
const lixMinWords = 20

// CheckReadability gives a readability figure for each of the person's own
// sections that has enough text, with a plain comment. These are the parts
// the person reads first on the printed plan.
func CheckReadability(v *Version) []Finding {
	ct := v.Content
	goals := make([]string, 0, len(ct.Goals))
	for _, g := range ct.Goals {
		goals = append(goals, strings.TrimRight(strings.TrimSpace(g.Text), ".")+".")
	}
	var out []Finding
	for _, f := range []plainTextField{
		{"content.own_words", ct.OwnWords},
		{"content.situation", ct.Situation},
		{"content.needs", ct.Needs},
		{"content.goals", strings.Join(goals, " ")},
	} {
		if len(strings.Fields(f.text)) < lixMinWords {
			continue
		}
		// A figure, not a fault: its own kind, counted neither as an
		// error nor as a warning, on screen and on the command line.
		lix := LIX(f.text)
		out = append(out, Finding{Severity: SevInfo, Path: f.path, Message: lixComment(lix)})
	}
	return out
}

func lixComment(lix float64) Text {
	var sv, en string
	switch {
	case lix < 30:
		sv, en = "mycket lätt att läsa", "very easy to read"
	case lix < 40:
		sv, en = "lätt att läsa", "easy to read"
	case lix < 50:
		sv, en = "medelsvår: kortare meningar gör texten lättare", "fairly hard: shorter sentences make it easier"
	default:
		sv, en = "svår att läsa: skriv kortare meningar och vanligare ord", "hard to read: use shorter sentences and everyday words"
	}
	return Text{
		SV: fmt.Sprintf("Läsbarhet (LIX) %.0f: %s.", lix, sv),
		// LIX is a Swedish index an English reader does not know: say
		// what it measures and where easy reading ends.
		EN: fmt.Sprintf("Readability score %.0f (sentence and word length; under 40 reads easily): %s.", lix, en),
	}
}

// Concerns returns the findings that ask for something, errors and
// warnings, leaving out figures given for information.
func Concerns(fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Severity != SevInfo {
			out = append(out, f)
		}
	}
	return out
}

// CountFindings counts the errors and the warnings; figures given for
// information count as neither.
func CountFindings(fs []Finding) (errs, warns int) {
	for _, f := range fs {
		switch f.Severity {
		case SevError:
			errs++
		case SevWarning:
			warns++
		}
	}
	return errs, warns
}

package model

import (
	"fmt"
	"strings"
	"unicode"
)

// Jargon is one word of professional jargon and its plain wording. The list
// itself is data in the checklists; the check lives here so that every
// text field is checked the same way.
type Jargon struct {
	Term  string `json:"term"`
	Plain Text   `json:"plain"`
}

// textFields lists the free-text fields of a version with their paths.
func textFields(v *Version) [][2]string {
	ct := v.Content
	out := [][2]string{
		{"content.own_words", ct.OwnWords},
		{"content.situation", ct.Situation},
		{"content.needs", ct.Needs},
		{"content.not_agreed", ct.NotAgreed},
		{"content.medication", ct.Medication},
		{"content.devices", ct.Devices},
		{"content.evaluation", ct.Evaluation},
		{"content.notes", ct.Notes},
	}
	for i, g := range ct.Goals {
		out = append(out, [2]string{fmt.Sprintf("content.goals[%d].text", i), g.Text})
	}
	for i, a := range ct.Actions {
		out = append(out, [2]string{fmt.Sprintf("content.actions[%d].what", i), a.What})
	}
	return out
}

// FindJargon returns the terms of list that occur in text as whole words.
// Abbreviations written in capitals match only in capitals, so that "SoL"
// is found but the Swedish word "sol" (sun) is not.
func FindJargon(text string, list []Jargon) []Jargon {
	if text == "" {
		return nil
	}
	var out []Jargon
	lower := strings.ToLower(text)
	for _, j := range list {
		term := j.Term
		hay := text
		if !hasUpper(term) {
			hay = lower
		}
		if containsWord(hay, term) && !explained(lower, j) {
			out = append(out, j)
		}
	}
	return out
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// containsWord reports whether w occurs in s bounded by non-letters. A
// lowercase term may be the start of a longer compound word only if it is
// at least eight letters long ("biståndsbedömningen").
func containsWord(s, w string) bool {
	if w == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		before := start == 0 || !isLetter(lastRune(s[:start]))
		after := end == len(s) || !isLetter(firstRune(s[end:]))
		if before && (after || (!hasUpper(w) && len([]rune(w)) >= 8)) {
			return true
		}
		i = start + 1
		if i >= len(s) {
			return false
		}
	}
}

// isLetter counts a hyphen as part of a word, so that a term inside a
// compound name ("SIP-kollen") is not flagged.
func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' }

func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// CheckPlainLanguage returns a warning for every jargon term in the plan's
// free text, with the plain wording as the suggestion.
func CheckPlainLanguage(v *Version, list []Jargon) []Finding {
	var out []Finding
	for _, f := range textFields(v) {
		for _, j := range FindJargon(f[1], list) {
			out = append(out, Finding{
				Severity: SevWarning,
				Path:     f[0],
				Message: Text{
					SV: fmt.Sprintf("”%s” är fackspråk. Skriv hellre: %s.", j.Term, j.Plain.In(Swedish)),
					EN: fmt.Sprintf("\"%s\" is jargon. Plainer: %s.", j.Term, j.Plain.In(English)),
				},
			})
		}
	}
	return out
}

// explained tells whether the text already gives the plain wording, as in
// "stöd i vardagen i egen bostad (boendestöd)": the term is then fine.
// The plain wording counts when its longer words all occur in the text.
func explained(lowerText string, j Jargon) bool {
	words := 0
	for _, w := range strings.Fields(strings.ToLower(j.Plain.In(Swedish))) {
		w = strings.Trim(w, ".,;:()")
		if len([]rune(w)) < 4 {
			continue
		}
		words++
		if !strings.Contains(lowerText, w) {
			return false
		}
	}
	return words > 0
}

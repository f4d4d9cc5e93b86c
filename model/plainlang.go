package model

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Jargon is one word of professional jargon and its plain wording. The list
// itself is data in the checklists; the check lives here so that every
// text field is checked the same way.
//
// Name marks a word that is the proper name of a service or a law the person
// will meet again (boendestöd, habilitering, SIP): it cannot be replaced, only
// explained once, so its hint says so.
type Jargon struct {
	Term  string `json:"term"`
	Plain Text   `json:"plain"`
	Name  bool   `json:"name,omitempty"`
}

// plainTextField is one checked text with its JSON path.
type plainTextField struct{ path, text string }

// textFields lists every free text of a version that is printed on the plan
// and that the secretary writes in words of their own, with its path: the
// person's sections, goals and actions. Names of units, services and job
// titles are not among them: the user cannot rewrite a name (see
// unitNames).
func textFields(v *Version) []plainTextField {
	ct := v.Content
	var out []plainTextField
	for _, p := range TextParts {
		if p.Plain {
			out = append(out, plainTextField{"content." + p.Key, *p.Of(&ct)})
		}
	}
	for i, g := range ct.Goals {
		out = append(out, plainTextField{fmt.Sprintf("content.goals[%d].text", i), g.Text})
	}
	for i, a := range ct.Actions {
		out = append(out,
			plainTextField{fmt.Sprintf("content.actions[%d].what", i), a.What},
			plainTextField{fmt.Sprintf("content.actions[%d].when", i), a.When})
	}
	return out
}

// unitNames lists the names of units, parties and job titles the plan
// holds ("Psykiatriska öppenvårdsmottagningen", "BUP", "handläggare"):
// names, which a text may repeat as they are.
func unitNames(v *Version) []string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	for _, p := range v.Meeting.Participants {
		add(p.Unit)
		add(p.Title)
	}
	for _, a := range v.Content.Actions {
		add(a.Unit)
		add(a.OtherParty)
	}
	// The longest first, so that a long name is blanked before a short
	// one inside it.
	slices.SortFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}

// withoutNames blanks each name in text where it stands whole, so that a
// name written out in a sentence is not read as jargon.
func withoutNames(text string, names []string) string {
	for _, n := range names {
		if !strings.Contains(text, n) {
			continue
		}
		var b strings.Builder
		rest := text
		for {
			i := strings.Index(rest, n)
			if i < 0 {
				b.WriteString(rest)
				break
			}
			end := i + len(n)
			whole := (i == 0 || !isLetter(lastRune(rest[:i]))) && (end == len(rest) || !isLetter(firstRune(rest[end:])))
			b.WriteString(rest[:i])
			if whole {
				b.WriteString(strings.Repeat(" ", len(n)))
			} else {
				b.WriteString(n)
			}
			rest = rest[end:]
		}
		text = b.String()
	}
	return text
}

// FindJargon returns the terms of list that occur in text as whole words
// and are not explained in the same text. Abbreviations written in capitals
// match only in capitals, so that "SoL" is found but the Swedish word "sol"
// (sun) is not.
func FindJargon(text string, list []Jargon) []Jargon {
	if text == "" {
		return nil
	}
	var out []Jargon
	lower := strings.ToLower(text)
	for _, j := range list {
		hay := text
		if !hasUpper(j.Term) {
			hay = lower
		}
		at := wordAt(hay, j.Term)
		if len(at) == 0 || explained(lower, j) {
			continue
		}
		if explainedInPlace(text, at, len(j.Term)) {
			continue
		}
		out = append(out, j)
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

// wordAt returns the byte offsets where w occurs in s bounded by non-letters.
// A lowercase term may be the start of a longer compound word only if it is
// at least eight letters long ("biståndsbedömningen").
func wordAt(s, w string) []int {
	if w == "" {
		return nil
	}
	var at []int
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], w)
		if j < 0 {
			break
		}
		start, end := i+j, i+j+len(w)
		before := start == 0 || !isLetter(lastRune(s[:start]))
		after := end == len(s) || !isLetter(firstRune(s[end:]))
		if before && (after || (!hasUpper(w) && len([]rune(w)) >= 8)) {
			at = append(at, start)
		}
		i = start + 1
	}
	return at
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
// printed text. An ordinary term gets a plainer wording wherever it stands.
// The name of a service is to be explained once in the plan, since the
// person will meet the name again in letters and decisions: it is flagged
// only at its first place. Any term explained somewhere in the plan, in
// brackets or by its plain wording, is not flagged again anywhere; names
// of units and job titles are never flagged.
func CheckPlainLanguage(v *Version, list []Jargon) []Finding {
	var out []Finding
	fields := textFields(v)
	names := unitNames(v)
	for i := range fields {
		fields[i].text = withoutNames(fields[i].text, names)
	}
	done := map[string]bool{} // terms explained somewhere, or names flagged once
	for _, f := range fields {
		for _, j := range list {
			if !done[j.Term] && containsTerm(f.text, j) && len(FindJargon(f.text, []Jargon{j})) == 0 {
				done[j.Term] = true
			}
		}
	}
	for _, f := range fields {
		for _, j := range FindJargon(f.text, list) {
			if done[j.Term] {
				continue
			}
			if j.Name {
				done[j.Term] = true
			}
			out = append(out, Finding{Severity: SevWarning, Path: f.path, Message: jargonHint(j)})
		}
	}
	return out
}

// containsTerm tells whether the term stands in text, explained or not.
func containsTerm(text string, j Jargon) bool {
	if !hasUpper(j.Term) {
		text = strings.ToLower(text)
	}
	return len(wordAt(text, j.Term)) > 0
}

// jargonHint speaks about the plan, never to the person it is about.
func jargonHint(j Jargon) Text {
	if j.Name {
		return Text{
			SV: fmt.Sprintf("”%s” är namnet på något som personen kommer att möta. Förklara det en gång, till exempel inom parentes: %s.", j.Term, j.Plain.In(Swedish)),
			EN: fmt.Sprintf("\"%s\" is the name of something the person will meet. Explain it once, in brackets for example: %s.", j.Term, j.Plain.In(English)),
		}
	}
	return Text{
		SV: fmt.Sprintf("”%s” är fackspråk. Skriv hellre med vanliga ord, till exempel: %s. Eller förklara ordet inom parentes.", j.Term, j.Plain.In(Swedish)),
		EN: fmt.Sprintf("\"%s\" is jargon. Use everyday words, such as: %s. Or explain the word in brackets.", j.Term, j.Plain.In(English)),
	}
}

// explained tells whether the text already gives the plain wording, as in
// "stöd i vardagen i egen bostad (boendestöd)": the term is then fine.
// The plain wording counts when its longer words all occur in the text.
func explained(lowerText string, j Jargon) bool {
	words := 0
	for _, w := range strings.Fields(strings.ToLower(j.Plain.In(Swedish))) {
		w = strings.Trim(w, ".,;:()")
		if len([]rune(w)) < 4 || w == "personen" {
			continue
		}
		words++
		if !strings.Contains(lowerText, w) {
			return false
		}
	}
	return words > 0
}

// explainedInPlace tells whether the writer explained the term in their own
// words at one of its places: "boendestöd (hjälp hemma med vardagen)",
// "LSS – en lag om stöd", or "hjälp hemma med vardagen (boendestöd)". Once
// is enough: the other places in the same text are then fine too.
func explainedInPlace(text string, at []int, n int) bool {
	for _, start := range at {
		after := strings.TrimLeft(text[start+n:], " ")
		switch {
		case strings.HasPrefix(after, "("):
			if inner, _, ok := strings.Cut(after[1:], ")"); ok && hasWords(inner) {
				return true
			}
		case strings.HasPrefix(after, "–"), strings.HasPrefix(after, "—"), strings.HasPrefix(after, "- "), strings.HasPrefix(after, ":"):
			rest := strings.TrimLeft(after, "–—-: ")
			if end := strings.IndexAny(rest, ".;\n"); end >= 0 {
				rest = rest[:end]
			}
			if hasWords(rest) {
				return true
			}
		}
		before := strings.TrimRight(text[:start], " ")
		if strings.HasSuffix(before, "(") && strings.HasPrefix(strings.TrimLeft(text[start+n:], " "), ")") {
			lead := strings.TrimRight(before[:len(before)-1], " ")
			if i := strings.LastIndexAny(lead, ".;\n"); i >= 0 {
				lead = lead[i+1:]
			}
			if hasWords(lead) {
				return true
			}
		}
	}
	return false
}

// hasWords tells whether s holds an explanation: at least two words, or one
// word of four letters or more (not a bare number or a date).
func hasWords(s string) bool {
	words := 0
	long := false
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		words++
		if len([]rune(w)) >= 4 {
			long = true
		}
	}
	return words >= 2 || long
}

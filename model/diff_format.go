package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Values returns the old and new value in words: coded values (status,
// role, principal, yes/no) in language l, empty ones as "(tomt)", and long
// texts shortened.
func (f FieldChange) Values(l Lang) (old, new string) {
	old, new = showValue(f.Key, f.Old, l), showValue(f.Key, f.New, l)
	if f.Old != "" && f.New != "" && (strings.HasSuffix(old, " …") || strings.HasSuffix(new, " …")) {
		// A long text is cut: both sides are shown from where they part,
		// or a change at its end would read the same on both sides.
		old, new = aroundChange(f.Old, f.New, maxShown)
	}
	return old, new
}

// aroundChange gives two long texts as excerpts of n characters that both
// start a few words before the first place where they differ, marked "… "
// when they do not start at the beginning.
func aroundChange(old, new string, n int) (string, string) {
	o, w := strings.Join(strings.Fields(old), " "), strings.Join(strings.Fields(new), " ")
	i := 0
	for i < len(o) && i < len(w) && o[i] == w[i] {
		i++
	}
	for i > 0 && i < len(o) && !utf8.RuneStart(o[i]) {
		i--
	}
	// Four words of what stayed the same, so the reader finds the place.
	start := i
	for words := 0; start > 0 && words < 5; {
		start = strings.LastIndexByte(o[:start], ' ')
		if start < 0 {
			start = 0
			break
		}
		words++
		if words == 5 {
			start++ // after the space
		}
	}
	if start <= 0 {
		return shorten(o, n), shorten(w, n)
	}
	return "… " + shorten(o[start:], n), "… " + shorten(w[start:], n)
}

func showValue(key, s string, l Lang) string {
	if key == "state" && s != "" {
		if t := FollowUpState(s).Label(l); t != "" {
			return t
		}
	}
	if key == "given" {
		if s == "" {
			return T(l, "nej", "no")
		}
		return T(l, "ja", "yes")
	}
	if s == "" {
		return T(l, "(tomt)", "(empty)")
	}
	switch key {
	case "status":
		if t := ActionStatus(s).Label(l); t != "" {
			return t
		}
	case "role":
		if t := Role(s).Label(l); t != "" {
			return t
		}
	case "party":
		if t := Principal(s).Label(l); t != "" {
			return t
		}
	case "actors", "subjects", "not_raise", "guardians":
		// Lists are short words, and every one of them matters.
		return s
	}
	return shorten(s, maxShown)
}

func shorten(s string, n int) string {
	// The same as joining strings.Fields(s) with single spaces and cutting
	// the result, but reading no further into s than the cut needs: the
	// list line is built on every save, from every action of the plan.
	var b []byte
	count, cutAt, gap := 0, 0, false
	add := func(c string) bool {
		if count == n-1 {
			cutAt = len(b)
		}
		b = append(b, c...)
		count++
		return count > n
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		c := s[i : i+size]
		i += size
		if unicode.IsSpace(r) {
			gap = count > 0
			continue
		}
		if gap && add(" ") {
			break
		}
		gap = false
		if add(c) {
			break
		}
	}
	if count <= n {
		return string(b)
	}
	cut := string(b[:cutAt])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimSpace(cut) + " …"
}

// FormatDiff writes the changes for a reader who is not a technician, one
// change a line: "Ändrad insats: Behandlingsgrupp — status: planerad →
// pågår". No changes gives "Inga skillnader."
func FormatDiff(cs []Change, l Lang) string {
	if len(cs) == 0 {
		return T(l, "Inga skillnader.", "No differences.")
	}
	lines := make([]string, 0, len(cs))
	for _, c := range cs {
		lines = append(lines, formatChange(c, l))
	}
	return strings.Join(lines, "\n")
}

func formatChange(c Change, l Lang) string {
	var b strings.Builder
	if w, ok := changeWords[c.Area][c.Kind]; ok {
		b.WriteString(w.In(l))
	} else {
		b.WriteString(T(l, "Ändring", "Change"))
	}
	label := shorten(c.Label, maxShown)
	if label == "" && (c.Area == AreaGoal || c.Area == AreaAction || c.Area == AreaParticipant) {
		label = T(l, "(utan namn)", "(unnamed)")
	}
	switch {
	case c.Area == AreaCoordinator && c.Kind == ChangeChanged && len(c.Fields) == 1:
		// "Ny samordnare: Karin Holm (förut Ali Rahimi)"
		b.WriteString(": " + label + " (" + T(l, "förut ", "was ") + shorten(c.Fields[0].Old, maxShown) + ")")
		return b.String()
	case c.Area == AreaCoordinator:
		b.WriteString(": " + label)
		return b.String()
	case c.Kind == ChangeChanged && len(c.Fields) == 1 && isLabelField(c.Area, c.Fields[0].Key):
		// "Ändrat mål: Eget boende → Eget boende inom ett år"
		old, new := c.Fields[0].Values(l)
		b.WriteString(": " + old + " → " + new)
		return b.String()
	}
	if label != "" {
		b.WriteString(": " + label)
	}
	var parts []string
	for _, f := range c.Fields {
		if c.Kind == ChangeAdded && isLabelField(c.Area, f.Key) {
			continue
		}
		old, new := f.Values(l)
		part := f.Field.In(l) + ": "
		switch {
		case c.Kind == ChangeAdded || (c.Area == AreaContent && c.Kind == ChangeChanged && f.Old == ""):
			part += new
		case c.Kind == ChangeRemoved && c.Area == AreaContent:
			part += old
		default:
			part += old + " → " + new
		}
		parts = append(parts, part)
	}
	if len(parts) > 0 {
		b.WriteString(" — " + strings.Join(parts, "; "))
	}
	return b.String()
}

// isLabelField tells whether a field is the one the row is named by, so
// that its change is not written twice.
func isLabelField(area, key string) bool {
	switch area {
	case AreaGoal:
		return key == "text"
	case AreaAction:
		return key == "what"
	case AreaParticipant:
		return key == "name"
	}
	return false
}

// quoteText is a text shortened to be quoted in a finding, without a full
// stop of its own: the finding's sentence ends after the quote, so a goal
// written as a sentence never ends in two stops (”… glömma.”.).
func quoteText(s string) string {
	q := shorten(strings.TrimSpace(s), maxShown)
	if t := strings.TrimRight(q, ". "); t != "" && !strings.HasSuffix(q, "...") {
		q = t
	}
	return q
}

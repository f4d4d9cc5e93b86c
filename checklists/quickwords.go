package checklists

import (
	"slices"
	"strings"

	"github.com/sipmote/sipmote/model"
)

// The quick row's words ([quick TERM] blocks, defaults/quickrow.ini) let a
// municipality teach the participants' quick row its own titles and
// organisations: "[quick boendestödjare]" with "means = title" is enough.

// quickValues are the values each meaning takes; a meaning without any
// takes none.
func quickValues(m model.QuickMeaning) []string {
	switch m {
	case model.QuickRole:
		var out []string
		for _, r := range model.Roles {
			out = append(out, string(r))
		}
		return out
	case model.QuickPrincipal:
		var out []string
		for _, p := range model.Principals {
			out = append(out, string(p))
		}
		return out
	case model.QuickAttendance:
		return []string{string(model.AttendRoom), string(model.AttendVideo), string(model.AttendPhone), "absent", model.QuickPresent}
	}
	return nil
}

// buildQuick makes a word of the quick row from its merged fields.
func buildQuick(term string, c *checker) model.QuickWord {
	w := model.QuickWord{Term: term}
	if strings.TrimSpace(model.FoldQuick(term)) == "" {
		c.add(field{file: c.file, line: c.line}, "Ordet ”%s” har inga bokstäver.", "The word \"%s\" has no letters.", term)
	}
	f, ok := c.required("means")
	if !ok {
		return w
	}
	var meanings []string
	for _, m := range model.QuickMeanings {
		meanings = append(meanings, string(m))
	}
	w.Means = model.QuickMeaning(strings.ToLower(f.value))
	if !slices.Contains(meanings, string(w.Means)) {
		c.add(f, "Okänd betydelse ”%s”. Möjliga: %s.", "Unknown meaning \"%s\". Possible: %s.", f.value, strings.Join(meanings, ", "))
		return w
	}
	values := quickValues(w.Means)
	v, hasValue := c.f["value"]
	switch {
	case len(values) > 0 && !hasValue:
		c.missing("value")
	case len(values) > 0 && !slices.Contains(values, strings.ToLower(v.value)):
		c.add(v, "Okänt värde ”%s” för %s. Möjliga: %s.", "Unknown value \"%s\" for %s. Possible: %s.", v.value, w.Means, strings.Join(values, ", "))
	case len(values) == 0 && hasValue && v.value != "":
		c.add(v, "”value” används inte när means = %s.", "\"value\" is not used when means = %s.", w.Means)
	default:
		w.Value = strings.ToLower(v.value)
	}
	if t, ok := c.f["trustee"]; ok && t.value != "" {
		switch k := model.TrusteeKind(strings.ToLower(t.value)); {
		case w.Value != string(model.RoleTrustee):
			c.add(t, "”trustee” gäller bara value = trustee.", "\"trustee\" applies only to value = trustee.")
		case k == model.TrusteeGodMan || k == model.TrusteeForvaltare:
			w.Trustee = k
		default:
			c.add(t, "”trustee” ska vara god_man eller forvaltare, inte ”%s”.", "\"trustee\" must be god_man or forvaltare, not \"%s\".", t.value)
		}
	}
	w.Rest = c.boolean("rest")
	w.Parent = c.boolean("parent")
	if w.Parent && w.Means != model.QuickRelation {
		c.add(c.f["parent"], "”parent” gäller bara means = relation.", "\"parent\" applies only to means = relation.")
	}
	return w
}

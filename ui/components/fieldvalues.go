package components

import (
	"strconv"
	"strings"

	"github.com/sipmote/sipmote/model"
)

// DateCheck and clockCheck give the immediate message under a field.
func DateCheck(l model.Lang) func(string) string {
	return func(s string) string {
		s = strings.TrimSpace(s)
		if model.CheckDate(s) != nil {
			if model.DateMissingDigit(s) {
				return model.T(l, "Datumet verkar sakna en siffra. Skriv hela datumet, ÅÅÅÅ-MM-DD, t.ex. 2027-01-10.",
					"The date seems to lack a digit. Write the whole date, YYYY-MM-DD, e.g. 2027-01-10.")
			}
			if model.DateShaped(s) {
				return model.T(l, "Datumet finns inte i kalendern.", "The date does not exist in the calendar.")
			}
			// The findings' words (model's checker.date), so that one
			// mistake reads the same under the field and in ctrl+f
			// (tryout42a #13).
			return model.T(l, "Datumet ska skrivas ÅÅÅÅ-MM-DD, till exempel 2026-11-24.", "Write the date as YYYY-MM-DD, for example 2026-11-24.")
		}
		return ""
	}
}

func ClockCheck(l model.Lang) func(string) string {
	return func(s string) string {
		if model.CheckClock(strings.TrimSpace(s)) != nil {
			return model.T(l, "Skriv tiden som TT:MM, t.ex. 13:00.", "Write the time as HH:MM, e.g. 13:00.")
		}
		return ""
	}
}

func BoolStr(b bool) string { return strconv.FormatBool(b) }

// SplitList reads a list typed on one line. Items are separated by
// semicolons, since unit names often hold commas ("Socialtjänsten,
// familjeenheten").
func SplitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// JoinList shows a list for editing. A trailing comma being typed is kept
// by the caller through the raw text, so only finished items are joined.
func JoinList(xs []string) string { return strings.Join(xs, "; ") }

func PrincipalOpts(l model.Lang) []Option {
	out := []Option{{"", "—"}}
	for _, p := range model.Principals {
		out = append(out, Option{string(p), p.Label(l)})
	}
	return out
}

func RoleOpts(l model.Lang) []Option {
	var out []Option
	for _, r := range model.Roles {
		out = append(out, Option{string(r), r.Label(l)})
	}
	return out
}

func FormOpts(l model.Lang) []Option {
	var out []Option
	for _, f := range model.Forms {
		out = append(out, Option{string(f), f.Label(l)})
	}
	return out
}

func StatusOpts(l model.Lang) []Option {
	var out []Option
	for _, s := range model.ActionStatuses {
		out = append(out, Option{string(s), s.Label(l)})
	}
	return out
}

// LanguageField is the language the person reads best, as a code of two
// or three letters ("fi"): the easy-read page is printed in it where there
// are words for it. A value that is no such code is said and never
// written; empty means the print's own language.
func LanguageField(path string, l model.Lang, get func() *string) Field {
	f := TextField(path, model.T(l, "Språk som personen läser bäst (för den lättlästa sidan)", "Language the person reads best (for the easy-read page)"),
		model.T(l, "namn eller kod, t.ex. finska eller fi; tomt = svenska", "name or code, e.g. Finnish or fi; empty = the print's language"), get)
	f.Check = LanguageCheck(l)
	f.Set = func(s string) {
		if c, ok := model.LanguageCode(s); ok {
			*get() = c
		}
	}
	return f
}

// LanguageCheck accepts an empty value or a language code.
func LanguageCheck(l model.Lang) func(string) string {
	return func(s string) string {
		if _, ok := model.LanguageCode(s); !ok {
			return model.T(l, "Skriv språkets namn eller kod med två eller tre bokstäver, t.ex. finska eller fi, somaliska eller so.",
				"Write the language's name or its code of two or three letters, e.g. Finnish or fi, Somali or so.")
		}
		return ""
	}
}

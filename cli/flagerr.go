package cli

import (
	"strings"
)

// flagError says what the flag package refused in the user's language:
// its own texts ("flag provided but not defined: -bogus", "invalid value
// "x" for flag -days: parse error") are Go's English and name the flag
// with one dash, which a Swedish screen must not show. name is the
// command, for the pointer to its --help.
func flagError(name string, err error) error {
	msg := err.Error()
	help := "sipmote --help"
	if name != "" {
		help = "sipmote " + name + " --help"
	}
	flagName := func(s string) string {
		s = strings.TrimLeft(strings.TrimSpace(s), "-")
		if i := strings.IndexByte(s, '='); i >= 0 {
			s = s[:i]
		}
		return "--" + s
	}
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		f := flagName(strings.TrimPrefix(msg, "flag provided but not defined: "))
		return fail("okänd flagga: "+f+" (se "+help+")", "unknown flag: "+f+" (see "+help+")")
	case strings.HasPrefix(msg, "flag needs an argument: "):
		f := flagName(strings.TrimPrefix(msg, "flag needs an argument: "))
		return fail(f+" behöver ett värde (se "+help+")", f+" needs a value (see "+help+")")
	case strings.HasPrefix(msg, "invalid value ") || strings.HasPrefix(msg, "invalid boolean value "):
		// invalid value "x" for flag -days: …; invalid boolean value "x" for -json: …
		rest := msg[strings.Index(msg, "value ")+len("value "):]
		val, f := rest, ""
		if i := strings.Index(rest, " for "); i >= 0 {
			val, f = rest[:i], strings.TrimPrefix(rest[i+len(" for "):], "flag ")
			if j := strings.Index(f, ":"); j >= 0 {
				f = f[:j]
			}
		}
		f = flagName(f)
		return fail("fel värde för "+f+": "+val+" (se "+help+")", "wrong value for "+f+": "+val+" (see "+help+")")
	}
	return fail("fel i flaggorna (se "+help+")", "bad flags (see "+help+")")
}

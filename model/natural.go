package model

import (
	"strconv"
	"strings"
)

// Natural inputs: what a secretary types in her own words where a form
// asks for a number or a code (tryout2 #10). Only what has one reading is
// taken; the rest is left to the field's check, which says the form.

// ParseMinutes reads a meeting's length: "90", "90 min", "90 minuter",
// "1 h 30 min", "1 timme 30 minuter", "1,5 h", "2 tim", "1:30". It
// accepts 1 to 600 minutes.
func ParseMinutes(s string) (int, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	if h, m, ok := strings.Cut(t, ":"); ok {
		hn, e1 := strconv.Atoi(strings.TrimSpace(h))
		mn, e2 := strconv.Atoi(strings.TrimSpace(m))
		if e1 != nil || e2 != nil || len(strings.TrimSpace(m)) != 2 || mn > 59 {
			return 0, false
		}
		return inMinutes(hn*60 + mn)
	}
	// Split "1h30min" into numbers and words.
	var toks []string
	cur, digits := "", false
	flush := func() {
		if cur != "" {
			toks = append(toks, cur)
		}
		cur = ""
	}
	for _, r := range t {
		d := r >= '0' && r <= '9' || r == ',' || r == '.'
		switch {
		case r == ' ' || r == '\t':
			flush()
			continue
		case cur != "" && d != digits:
			flush()
		}
		cur += string(r)
		digits = d
	}
	flush()
	if len(toks) == 0 {
		return 0, false
	}
	total, seen := 0.0, map[string]bool{}
	for i := 0; i < len(toks); i++ {
		n, err := strconv.ParseFloat(strings.ReplaceAll(toks[i], ",", "."), 64)
		if err != nil || n < 0 {
			return 0, false
		}
		unit := "min"
		if i+1 < len(toks) {
			i++
			switch toks[i] {
			case "h", "t", "tim", "timme", "timmar", "hour", "hours", "hr", "hrs":
				unit = "h"
			case "m", "min", "mins", "minut", "minuter", "minute", "minutes":
				unit = "min"
			default:
				return 0, false
			}
		}
		if seen[unit] || (unit == "h" && seen["min"]) {
			return 0, false
		}
		seen[unit] = true
		if unit == "h" {
			total += n * 60
		} else {
			if n != float64(int(n)) {
				return 0, false
			}
			total += n
		}
	}
	if total != float64(int(total)) {
		return 0, false
	}
	return inMinutes(int(total))
}

func inMinutes(n int) (int, bool) {
	if n <= 0 || n > 600 {
		return 0, false
	}
	return n, true
}

// languageNames are the names of languages, in Swedish and English, that a
// secretary writes instead of the code the easy-read page is chosen by.
var languageNames = map[string]string{
	"svenska": "sv", "swedish": "sv", "finska": "fi", "finnish": "fi", "engelska": "en", "english": "en",
	"arabiska": "ar", "arabic": "ar", "somaliska": "so", "somali": "so", "persiska": "fa", "persian": "fa",
	"farsi": "fa", "dari": "prs", "tigrinja": "ti", "tigrinya": "ti", "kurdiska": "ku", "kurdish": "ku",
	"polska": "pl", "polish": "pl", "bosniska": "bs", "bosnian": "bs", "kroatiska": "hr", "croatian": "hr",
	"serbiska": "sr", "serbian": "sr", "turkiska": "tr", "turkish": "tr", "spanska": "es", "spanish": "es",
	"ryska": "ru", "russian": "ru", "ukrainska": "uk", "ukrainian": "uk", "tyska": "de", "german": "de",
	"franska": "fr", "french": "fr", "thailändska": "th", "thai": "th", "pashto": "ps", "amhariska": "am",
	"amharic": "am", "norska": "no", "norwegian": "no", "danska": "da", "danish": "da", "estniska": "et",
	"estonian": "et", "meänkieli": "fit", "nordsamiska": "se", "northern sami": "se", "lulesamiska": "smj",
	"lule sami": "smj", "sydsamiska": "sma", "southern sami": "sma", "romani": "rom", "jiddisch": "yi",
	"yiddish": "yi", "teckenspråk": "swl", "svenskt teckenspråk": "swl", "swedish sign language": "swl",
}

// LanguageCode reads the language the person reads best: a code of two
// or three letters ("fi"), or a language's name ("finska", "Finnish"),
// given as its code. Empty is empty (the print's language).
func LanguageCode(s string) (string, bool) {
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if t == "" {
		return "", true
	}
	if c, ok := languageNames[t]; ok {
		return c, true
	}
	if ValidLanguageCode(t) {
		return t, true
	}
	return "", false
}

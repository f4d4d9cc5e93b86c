package model

import (
	"testing"
	"time"
)

func TestParseMinutes(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"90", 90, true}, {" 90 min", 90, true}, {"90 minuter", 90, true}, {"90min", 90, true},
		{"1 h 30 min", 90, true}, {"1h30", 90, true}, {"1 timme 30 minuter", 90, true},
		{"1,5 h", 90, true}, {"1.5 timmar", 90, true}, {"2 tim", 120, true}, {"1:30", 90, true},
		{"1 hour 15 minutes", 75, true},
		{"", 0, false}, {"nittio", 0, false}, {"0", 0, false}, {"601", 0, false}, {"90 dagar", 0, false},
		{"30 min 1 h", 0, false}, {"1 h 1 h", 0, false}, {"1:3", 0, false}, {"1,25 min", 0, false},
		{"-5", 0, false}, {"1 h 30 min 5", 0, false},
	} {
		got, ok := ParseMinutes(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseMinutes(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestTidyDateAt(t *testing.T) {
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.Local)
	for _, c := range []struct{ in, want string }{
		{"idag", "2026-12-07"}, {"I dag", "2026-12-07"}, {"today", "2026-12-07"},
		{"imorgon", "2026-12-08"}, {"I morgon", "2026-12-08"}, {"tomorrow", "2026-12-08"},
		{"7/12 2027", "2027-12-07"}, {"7/12-2027", "2027-12-07"}, {"07.12.2027", "2027-12-07"},
		{"2027-6-9", "2027-06-09"}, {"2027.06.09", "2027-06-09"}, {"20270609", "2027-06-09"},
		{"2027-06-09", "2027-06-09"},
		// a digit short: left as typed, for the check to refuse
		{"2027-01-1", "2027-01-1"}, {"2027-12-1", "2027-12-1"},
		// a month never padded: the day is read as written
		{"2027-1-15", "2027-01-15"}, {"2027/1/12", "2027-01-12"},
		{"31/2 2027", "31/2 2027"}, {"1/12/2026", "1/12/2026"},
		// one reader for every date field (tryout42a #16): day words, a
		// day and month without a year (the nearest such date), a
		// month's name in Swedish or English
		{"igår", "2026-12-06"}, {"I går", "2026-12-06"}, {"yesterday", "2026-12-06"},
		{"7/12", "2026-12-07"}, {"15/1", "2027-01-15"}, {"7.12", "2026-12-07"}, {"30/6", "2026-06-30"}, {"1/6", "2027-06-01"},
		{"7 jan 2027", "2027-01-07"}, {"7 januari 2027", "2027-01-07"}, {"den 7:e januari 2027", "2027-01-07"},
		{"15 januari", "2027-01-15"}, {"3 mars", "2027-03-03"}, {"January 7, 2027", "2027-01-07"}, {"7th Jan 2027", "2027-01-07"},
		{"29 feb 2028", "2028-02-29"}, {"29 feb 2027", "29 feb 2027"}, {"31/2", "31/2"}, {"7/13", "7/13"},
		{"nästa vecka", "nästa vecka"}, {"7 jan 27", "7 jan 27"}, {"jan", "jan"}, {"9.30", "9.30"},
	} {
		if got := TidyDateAt(c.in, now); got != c.want {
			t.Errorf("TidyDateAt(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for s, want := range map[string]bool{"2027-01-1": true, "2027-1-15": false, "2027-1-5": false, "2027-01-05": false, "7/12 2027": false} {
		if DateMissingDigit(s) != want {
			t.Errorf("DateMissingDigit(%q) = %v", s, !want)
		}
	}
}

func TestLanguageCode(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"fi", "fi", true}, {"FI", "fi", true}, {"finska", "fi", true}, {"Svenska", "sv", true},
		{"Finnish", "fi", true}, {"nordsamiska", "se", true}, {"", "", true},
		{"finskan", "", false}, {"f", "", false}, {"klingon språk", "", false},
	} {
		got, ok := LanguageCode(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("LanguageCode(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// A date among the words of a sentence is read only when it says its
// year: "svar 7/12" must not be given one (ConsiderDate).
func TestTidyDateWord(t *testing.T) {
	for in, want := range map[string]string{"7/12": "7/12", "7/12 2027": "2027-12-07", "2027-1-5": "2027-01-05", "jan": "jan"} {
		if got := TidyDateWord(in); got != want {
			t.Errorf("TidyDateWord(%q) = %q, want %q", in, got, want)
		}
	}
}

package model

import (
	"errors"
	"strings"
	"time"
)

// DateLayout and TimeLayout are the only forms dates and times take, on
// screen, in print and in files.
const (
	DateLayout = "2006-01-02"
	TimeLayout = "15:04"
)

// NextMeetingSlot is when a new plan's meeting is set for unless it is
// told otherwise: the next full hour, on the day that hour falls on, so
// that a plan made in the afternoon is never booked for a time already
// gone. The new-plan form and sipmote new both use it.
func NextMeetingSlot(now time.Time) (date, clock string) {
	t := now.Truncate(time.Hour).Add(time.Hour)
	return t.Format(DateLayout), t.Format(TimeLayout)
}

// Errors for dates and times. They carry no user data.
var (
	ErrDate = errors.New("invalid date")
	ErrTime = errors.New("invalid time")
)

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, ErrDate
	}
	return t, nil
}

// ParseClock parses HH:MM on the 24-hour clock.
func ParseClock(s string) (time.Time, error) {
	t, err := time.Parse(TimeLayout, s)
	if err != nil {
		return time.Time{}, ErrTime
	}
	return t, nil
}

// TidyDate writes a date typed loosely (2027-6-9, 2027.06.09, 20270609,
// 7/12 2027, idag) as YYYY-MM-DD; anything it cannot read is returned as
// it was. See TidyDateAt.
func TidyDate(s string) string { return TidyDateAt(s, time.Now()) }

// TidyDateAt is TidyDate with today given. Swedish order is day before
// month when the year comes last ("7/12 2027", "7.12.2027" is 7 December);
// "1/12/2026", slashes throughout, is the American order's form as well
// (12 January), so it is not guessed at but left for the check to refuse.
// A date with a padded month and a day of one digit ("2027-01-1") is not
// completed: it may be the 10th to the 19th (tryout2 #25), so it is left
// for the check to refuse (DateMissingDigit).
//
// It is the one reader of every date field (the meeting's, the consent's,
// an action's, the follow-up's, the closing form's), so a form of date
// read in one is read in all (tryout42a #16). Besides the forms with a
// year it reads day words (idag, imorgon, igår) and a day and month
// without a year or with the month's name ("7/12", "7 jan 2027", "15
// januari"): see readDateWords.
func TidyDateAt(s string, now time.Time) string {
	if d, ok := readFullDate(s, now); ok {
		return d
	}
	if d, ok := readDateWords(strings.ToLower(strings.Join(strings.Fields(s), " ")), now); ok {
		return d
	}
	return s
}

// readFullDate reads the forms that carry their own year, and today. A
// date found among the words of a sentence (the time to consider) is read
// with it alone, so that "svar 7/12" is not given a year it does not say.
func readFullDate(s string, now time.Time) (string, bool) {
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
	switch t {
	case "idag", "i dag", "today":
		return now.Format(DateLayout), true
	case "imorgon", "i morgon", "tomorrow":
		return now.AddDate(0, 0, 1).Format(DateLayout), true
	}
	if DateMissingDigit(t) {
		return "", false
	}
	for _, layout := range []string{"2006-1-2", "2006.1.2", "2006/1/2", "20060102",
		"2/1 2006", "2/1-2006", "2.1.2006", "2.1 2006"} {
		if d, err := time.Parse(layout, t); err == nil {
			return d.Format(DateLayout), true
		}
	}
	return "", false
}

// TidyDateWord is TidyDate for one word of a sentence: only a date that
// says its year (or "idag") is read.
func TidyDateWord(s string) string {
	if d, ok := readFullDate(s, time.Now()); ok {
		return d
	}
	return s
}

// DateMissingDigit tells whether s is a year-first date whose month was
// typed with two digits and its day with one, "2027-01-1": whoever pads
// the month pads the day, so the day is likely a digit short (the 10th to
// the 19th) and no date is guessed (tryout2 #25). A month of one digit
// and a day of two ("2027-1-15") is the way of one who never pads: it is
// read as written.
func DateMissingDigit(s string) bool {
	parts := strings.FieldsFunc(strings.TrimSpace(s), func(r rune) bool { return r == '-' || r == '.' || r == '/' })
	if len(parts) != 3 || len(parts[0]) != 4 {
		return false
	}
	for _, p := range parts {
		for _, r := range p {
			if r < '0' || r > '9' {
				return false
			}
		}
	}
	m, d := len(parts[1]), len(parts[2])
	return m == 2 && d == 1
}

// TidyClock writes a time typed loosely (9.30, 9:30, 930, 0930, 9) as
// HH:MM; anything it cannot read is returned as it was.
func TidyClock(s string) string {
	t := strings.ReplaceAll(strings.TrimSpace(s), ".", ":")
	for _, layout := range []string{"15:04", "15", "1504"} {
		if d, err := time.Parse(layout, t); err == nil {
			return d.Format(TimeLayout)
		}
	}
	if len(t) == 3 { // 930
		if d, err := time.Parse("1504", "0"+t); err == nil {
			return d.Format(TimeLayout)
		}
	}
	return s
}

// DateShaped tells whether s has the form YYYY-MM-DD, valid or not, so that
// a message can say "no such date" rather than "wrong form".
func DateShaped(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// CheckDate returns ErrDate for a non-empty string that is not a date.
func CheckDate(s string) error {
	if s == "" {
		return nil
	}
	_, err := ParseDate(s)
	return err
}

// CheckClock returns ErrTime for a non-empty string that is not a time.
func CheckClock(s string) error {
	if s == "" {
		return nil
	}
	_, err := ParseClock(s)
	return err
}

// FarMeetingDate says, in l, when a new plan's meeting date lies far from
// now: more than a month back (a plan written up after the meeting is
// usual; one from years ago is most often a mistyped year) or more than a
// year ahead. "" when the date is near, or not a date.
func FarMeetingDate(l Lang, date string, now time.Time) string {
	d, err := ParseDate(date)
	if err != nil {
		return ""
	}
	today, _ := ParseDate(now.Format(DateLayout))
	days := int(today.Sub(d).Hours() / 24)
	var ago string
	switch {
	case days > 2*365:
		ago = Plural(l, days/365, "för %d år sedan", "för %d år sedan", "%d year ago", "%d years ago")
	case days > 62:
		ago = Plural(l, days/30, "för %d månad sedan", "för %d månader sedan", "%d month ago", "%d months ago")
	case days > 31:
		ago = Plural(l, days, "för %d dag sedan", "för %d dagar sedan", "%d day ago", "%d days ago")
	case days < -366:
		return T(l, "Mötets datum "+date+" ligger mer än ett år fram i tiden.", "The meeting date "+date+" is more than a year ahead.")
	default:
		return ""
	}
	return T(l, "Mötets datum "+date+" var "+ago+".", "The meeting date "+date+" was "+ago+".")
}

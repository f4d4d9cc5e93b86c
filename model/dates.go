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

// TidyDate writes a date typed loosely (2027-6-9, 2027.06.09, 20270609)
// as YYYY-MM-DD; anything it cannot read is returned as it was.
func TidyDate(s string) string {
	t := strings.TrimSpace(s)
	for _, layout := range []string{"2006-1-2", "2006.1.2", "2006/1/2", "20060102"} {
		if d, err := time.Parse(layout, t); err == nil {
			return d.Format(DateLayout)
		}
	}
	return s
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

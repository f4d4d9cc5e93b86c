package model

import (
	"errors"
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

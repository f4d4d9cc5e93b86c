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

package model

import (
	"strconv"
	"strings"
	"time"
)

// Dates as people say them: "imorgon", "7/12", "7 jan 2027", "15 januari",
// "January 7, 2027". A secretary writes the date the way it was said in
// the room; the field writes it as YYYY-MM-DD when she leaves it.

// dayWords are the days named relative to today.
// (today and tomorrow are read with the dates that say their year).
var dayWords = map[string]int{
	"igår": -1, "i går": -1, "igar": -1, "i gar": -1, "yesterday": -1,
	"i övermorgon": 2, "övermorgon": 2, "i förrgår": -2, "förrgår": -2,
}

// monthNames are the months in Swedish and English, whole and short.
var monthNames = map[string]time.Month{
	"januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
	"augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
	"january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
	"august": 8, "october": 10,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}

// readDateWords reads t (lower case, single spaces) as a day word, a day
// and month without a year ("7/12", "7.12"), or a date with the month's
// name. A date without a year is the one nearest today, so "15/1" typed in
// December is next January and "7/12" typed in January last December.
// Day before month is the Swedish order; with the month's name either
// order is read.
func readDateWords(t string, now time.Time) (string, bool) {
	if n, ok := dayWords[t]; ok {
		return now.AddDate(0, 0, n).Format(DateLayout), true
	}
	t = strings.TrimPrefix(t, "den ")
	// "7/12" and "7.12": a day and a month, both numbers, nothing more.
	for _, sep := range []string{"/", "."} {
		if d, m, ok := strings.Cut(strings.TrimSuffix(t, "."), sep); ok {
			day, err1 := strconv.Atoi(d)
			mon, err2 := strconv.Atoi(m)
			if err1 == nil && err2 == nil && len(d) <= 2 && len(m) <= 2 {
				return nearestDate(day, time.Month(mon), now)
			}
		}
	}
	words := strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == ',' || r == '-' })
	if len(words) < 2 || len(words) > 3 {
		return "", false
	}
	day, month, year := 0, time.Month(0), 0
	for i, w := range words {
		w = strings.TrimSuffix(w, ".")
		if m, ok := monthNames[w]; ok && month == 0 {
			month = m
			continue
		}
		n, ok := dayNumber(w)
		switch {
		case !ok:
			return "", false
		case i == len(words)-1 && len(words) == 3 && len(w) == 4:
			year = n
		case day == 0 && n <= 31:
			day = n
		default:
			return "", false
		}
	}
	if month == 0 || day == 0 {
		return "", false
	}
	if year == 0 {
		return nearestDate(day, month, now)
	}
	return dateOf(year, month, day)
}

// dayNumber reads a day as said or written: "7", "7:e", "1:a", "7th".
func dayNumber(w string) (int, bool) {
	for _, end := range []string{":e", ":a", "st", "nd", "rd", "th"} {
		if strings.HasSuffix(w, end) && len(w) > len(end) {
			w = strings.TrimSuffix(w, end)
			break
		}
	}
	n, err := strconv.Atoi(w)
	return n, err == nil && n > 0
}

// nearestDate is day and month in the year that puts it nearest now.
func nearestDate(day int, month time.Month, now time.Time) (string, bool) {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	best, found := time.Time{}, false
	for _, y := range []int{now.Year() - 1, now.Year(), now.Year() + 1} {
		s, ok := dateOf(y, month, day)
		if !ok {
			continue
		}
		d, _ := time.Parse(DateLayout, s)
		if !found || absDuration(d.Sub(today)) < absDuration(best.Sub(today)) {
			best, found = d, true
		}
	}
	if !found {
		return "", false
	}
	return best.Format(DateLayout), true
}

// dateOf is the date, when it is in the calendar.
func dateOf(y int, m time.Month, d int) (string, bool) {
	if m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999 {
		return "", false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != m {
		return "", false // 31/2
	}
	return t.Format(DateLayout), true
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

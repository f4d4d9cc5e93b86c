package model

import (
	"errors"
	"strings"
	"time"
	"unicode"
)

// ErrPNR is returned for a personnummer or samordningsnummer that is not
// valid. It carries no part of the number, so it is safe to log.
var ErrPNR = errors.New("invalid personnummer")

// NormalisePNR checks a personnummer or samordningsnummer and returns it as
// YYYYMMDD-NNNN. It accepts YYYYMMDD-NNNN, YYMMDD-NNNN, YYMMDD+NNNN (over 100
// years old) and both without the separator. The century of a ten-digit
// number is taken so that the person is at most 100 years old at now.
// A samordningsnummer has 60 added to the day.
func NormalisePNR(s string, now time.Time) (string, error) {
	s = strings.TrimSpace(s)
	plus := strings.Contains(s, "+")
	digits := make([]byte, 0, 12)
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = append(digits, byte(r))
		case r == '-' || r == '+' || unicode.IsSpace(r):
		default:
			return "", ErrPNR
		}
	}
	switch len(digits) {
	case 12:
	case 10:
		two := func(i int) int { return int(digits[i]-'0')*10 + int(digits[i+1]-'0') }
		yy, mm, dd := two(0), two(2), two(4)
		if dd > 60 {
			dd -= 60
		}
		// The latest century in which the birthday is not after now: one
		// born later this year would not have a number yet.
		century := now.Year() / 100 * 100
		year := century + yy
		if year > now.Year() || (year == now.Year() && mm*100+dd > int(now.Month())*100+now.Day()) {
			year -= 100
		}
		if plus {
			year -= 100
		}
		c := year / 100
		digits = append([]byte{byte('0' + c/10), byte('0' + c%10)}, digits...)
	default:
		return "", ErrPNR
	}
	if _, err := pnrBirth(string(digits)); err != nil {
		return "", err
	}
	if !luhn(digits[2:]) {
		return "", ErrPNR
	}
	return string(digits[:8]) + "-" + string(digits[8:]), nil
}

// pnrBirth returns the birth date in a 12-digit number, day adjusted for a
// samordningsnummer.
func pnrBirth(d string) (time.Time, error) {
	if len(d) < 8 {
		return time.Time{}, ErrPNR
	}
	num := func(s string) int {
		n := 0
		for _, c := range s {
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, day := num(d[0:4]), num(d[4:6]), num(d[6:8])
	if day > 60 {
		day -= 60
	}
	t := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || day < 1 || t.Day() != day || int(t.Month()) != m {
		return time.Time{}, ErrPNR
	}
	return t, nil
}

// luhn checks the control digit over the last ten digits.
func luhn(d []byte) bool {
	if len(d) != 10 {
		return false
	}
	sum := 0
	for i, c := range d {
		n := int(c - '0')
		if i%2 == 0 {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
	}
	return sum%10 == 0
}

// BirthDate returns the birth date of a normalised number.
func BirthDate(pnr string) (time.Time, error) {
	return pnrBirth(strings.ReplaceAll(pnr, "-", ""))
}

// AgeGroupOf derives the checklist variant from the age at now: under 18 is
// a child, 65 and over an older person.
func AgeGroupOf(pnr string, now time.Time) (AgeGroup, error) {
	b, err := BirthDate(pnr)
	if err != nil {
		return AgeAdult, err
	}
	// Compare month and day, not the day of the year, which shifts by one
	// after February in leap years.
	age := now.Year() - b.Year()
	if now.Month() < b.Month() || (now.Month() == b.Month() && now.Day() < b.Day()) {
		age--
	}
	switch {
	case age < 18:
		return AgeChild, nil
	case age >= 65:
		return AgeOlder, nil
	}
	return AgeAdult, nil
}

// MaskPNR shows only the birth date: 19890412-****. It is what lists and
// screens show, so that a glance at the screen does not expose the number.
// A number not in the normalised form is masked by its digits, so that no
// digit of the last four shows whatever the form.
func MaskPNR(pnr string) string {
	var digits []byte
	for i := 0; i < len(pnr); i++ {
		if c := pnr[i]; c >= '0' && c <= '9' {
			digits = append(digits, c)
		}
	}
	switch len(digits) {
	case 12:
		return string(digits[:8]) + "-****"
	case 10:
		return string(digits[:6]) + "-****"
	}
	return ""
}

// Initials returns the initials of a name, for places that must not carry
// the whole name (a calendar invitation).
func Initials(name string) string {
	var b strings.Builder
	for _, f := range strings.Fields(name) {
		r := []rune(f)
		b.WriteRune(unicode.ToUpper(r[0]))
		b.WriteByte('.')
	}
	return b.String()
}

package model

import "fmt"

// Plural formats n with the singular or plural form in the language l:
// "1 sak", "2 saker". Each form is a format string with one %d.
func Plural(l Lang, n int, svOne, svMany, enOne, enMany string) string {
	f := T(l, svMany, enMany)
	if n == 1 {
		f = T(l, svOne, enOne)
	}
	return fmt.Sprintf(f, n)
}

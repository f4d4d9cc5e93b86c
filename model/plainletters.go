package model

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// PlainLetters is how a lower-case Latin letter with a mark is written in
// plain letters a-z: "ễ" as "e", "ć" as "c", "å" as "a"; letters with no
// mark to take off have their usual spelling: ø as o, æ as ae, ß as ss,
// đ as d, ł as l. ok is false for a letter that is plain already or not
// Latin. The home screen's search finds names by it, and a file name made
// from a name uses it, since a file is mailed and copied to shares that
// take only plain letters.
func PlainLetters(r rune) (string, bool) {
	s, ok := plainLetters[r]
	return s, ok
}

// plainLetters is made once from Unicode's decompositions.
var plainLetters = func() map[rune]string {
	m := map[rune]string{
		'ø': "o", 'æ': "ae", 'œ': "oe", 'ß': "ss", 'đ': "d", 'ð': "d",
		'þ': "th", 'ł': "l", 'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŀ': "l",
	}
	for _, block := range [][2]rune{{0xC0, 0x24F}, {0x1E00, 0x1EFF}} {
		for r := block[0]; r <= block[1]; r++ {
			if !unicode.IsLower(r) {
				continue
			}
			base := make([]rune, 0, 2)
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					base = append(base, d)
				}
			}
			if len(base) == 1 && base[0] < utf8.RuneSelf && base[0] != r {
				m[r] = string(base)
			}
		}
	}
	return m
}()

package common

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// ErrText says what went wrong in the user's language, as a part of a
// sentence: it begins in lower case, to follow "Printing failed: " and the
// like.
func ErrText(l model.Lang, err error) string { return service.ErrorText(l, err) }

// ErrSentence is ErrText for a line that shows nothing before it (the home
// screen's message line): a sentence of its own.
func ErrSentence(l model.Lang, err error) string { return Sentence(ErrText(l, err)) }

// Sentence makes s read as a sentence: a capital first letter and a full
// stop at the end.
func Sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	if r, n := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	if !strings.ContainsAny(s[len(s)-1:], ".!?") {
		s += "."
	}
	return s
}

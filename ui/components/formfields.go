package components

import (
	"strings"

	"github.com/sipmote/sipmote/model"
)

// WithCheck adds a check, and for dates and times the tidying that goes
// with it; a date or a time is then a whole value (Field.Whole). Every
// date field reads what model.TidyDate reads, "idag", "15/1 2027", "7
// jan" alike (tryout42a #16).
func WithCheck(f Field, check func(string) string) Field {
	f.Check = check
	switch {
	case strings.Contains(f.Hint, "MM-DD"):
		f.Tidy, f.Whole = model.TidyDate, true
	case strings.Contains(f.Hint, ":MM"):
		f.Tidy, f.Whole = model.TidyClock, true
	}
	return f
}

// TextField is a one-line field that reads and writes *get().
func TextField(path, label, hint string, get func() *string) Field {
	return Field{Path: path, Label: label, Hint: hint, Kind: KindText,
		Get: func() string { return *get() }, Set: func(s string) { *get() = s }}
}

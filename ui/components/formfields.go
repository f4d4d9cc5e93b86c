package components

import (
	"strings"

	"github.com/sipmote/sipmote/model"
)

// WithCheck adds a check, and for dates and times the tidying that goes
// with it.
func WithCheck(f Field, check func(string) string) Field {
	f.Check = check
	switch {
	case strings.Contains(f.Hint, "MM-DD"):
		f.Tidy = model.TidyDate
	case strings.Contains(f.Hint, ":MM"):
		f.Tidy = model.TidyClock
	}
	return f
}

// TextField is a one-line field that reads and writes *get().
func TextField(path, label, hint string, get func() *string) Field {
	return Field{Path: path, Label: label, Hint: hint, Kind: KindText,
		Get: func() string { return *get() }, Set: func(s string) { *get() = s }}
}

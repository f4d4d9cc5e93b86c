package ui

import (
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
)

// withCheck adds a check, and for dates and times the tidying that goes
// with it.
func withCheck(f components.Field, check func(string) string) components.Field {
	f.Check = check
	switch {
	case strings.Contains(f.Hint, "MM-DD"):
		f.Tidy = model.TidyDate
	case strings.Contains(f.Hint, ":MM"):
		f.Tidy = model.TidyClock
	}
	return f
}

// textField is a one-line field that reads and writes *get().
func textField(path, label, hint string, get func() *string) components.Field {
	return components.Field{Path: path, Label: label, Hint: hint, Kind: components.KindText,
		Get: func() string { return *get() }, Set: func(s string) { *get() = s }}
}

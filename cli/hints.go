package cli

import (
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// command is a command line printed for the user to give next ("Open it
// with: …"): the words, then the flags this run was given that decide
// which file is used and how (--db, --lang, --checklists), quoted for a
// POSIX shell. Following a hint must open the same database in the same
// language: without them it opened the default file, in Swedish.
func (a *app) command(words ...string) string { return a.commandOn(a.dbFlag, words...) }

// commandOn is command for the database db instead of this run's.
func (a *app) commandOn(db string, words ...string) string {
	parts := append([]string{"sipmote"}, words...)
	if db != "" {
		parts = append(parts, "--db", shellQuote(service.Shown(db)))
	}
	if a.langGiven {
		parts = append(parts, "--lang", model.T(a.lang, "sv", "en"))
	}
	if a.checkDir != "" {
		parts = append(parts, "--checklists", shellQuote(a.checkDir))
	}
	return strings.Join(parts, " ")
}

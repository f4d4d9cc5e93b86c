package closeplan

import (
	"strings"

	"github.com/sipmote/sipmote/model"
)

// A reason chosen, an explanation typed or a date changed and then esc:
// the form used to be empty at the next x. What was typed is kept by the
// root, in memory while the program runs, and the form opens with it
// again on the same plan; the home screen says so.

// Kept is what the form held when it was left before closing the plan.
type Kept struct{ Reason, Text, Date string }

// Kept returns what the form holds, and whether anything was typed or
// chosen in it.
func (m *Model) Kept() (Kept, bool) {
	k := Kept{Reason: m.reason, Text: m.Text, Date: m.date}
	if m.Done || m.busy {
		return k, false
	}
	typed := k.Reason != "" || strings.TrimSpace(k.Text) != "" || k.Date != m.now().Format(model.DateLayout)
	return k, typed
}

// Restore puts back what the form held when it was left. It is called
// before the form's first field is focused, which reads the values.
func (m *Model) Restore(k Kept) {
	m.reason, m.Text, m.date = k.Reason, k.Text, k.Date
}

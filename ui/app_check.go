// The daily whole-file check: run in the background a moment after the
// first frame, at most once a day (service.CheckDaily), and said on the
// home screen when it, or the last one recorded, found something wrong.

package ui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// checkDelay is how long after the start the daily check begins, so that
// it never competes with the first frame.
const checkDelay = 2 * time.Second

type (
	// checkDueMsg says it is time to start the daily check.
	checkDueMsg struct{}
	// checkedMsg is the daily check's outcome; ran is false when none
	// was due.
	checkedMsg struct {
		rec service.CheckRecord
		ran bool
		err error
	}
)

// startChecks says what the last recorded check found, if it was wrong,
// and schedules the daily check.
func (m *Model) startChecks() tea.Cmd {
	if rec, ok := m.o.Service.LastCheck(); ok && !rec.OK() {
		m.home.Message = checkText(m.o.Lang, rec, m.command)
	}
	return tea.Tick(checkDelay, func(time.Time) tea.Msg { return checkDueMsg{} })
}

// checkUpdate handles the daily check's messages.
func (m *Model) checkUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case checkDueMsg:
		svc := m.o.Service
		return m.io(func() tea.Msg {
			rec, ran, err := svc.CheckDaily(m.ctx)
			return checkedMsg{rec, ran, err}
		}), true
	case checkedMsg:
		switch {
		case msg.err != nil:
			m.home.Message = model.T(m.o.Lang, "Den dagliga kontrollen av databasfilen kunde inte göras: ", "The daily check of the database file could not be done: ") +
				service.ErrorText(m.o.Lang, msg.err)
		case msg.ran && !msg.rec.OK():
			m.home.Message = checkText(m.o.Lang, msg.rec, m.command)
		}
		return nil, true
	}
	return nil, false
}

// checkText says what a whole-file check found wrong, and what to do.
func checkText(l model.Lang, rec service.CheckRecord, command func(...string) string) string {
	when := rec.At.Local().Format("2006-01-02 15:04")
	var what string
	switch {
	case rec.Structure:
		what = model.T(l, "filens struktur är skadad", "the file's structure is damaged")
	case len(rec.Damaged) > 0 || rec.OtherDamaged > 0:
		what = model.T(l, "skadade poster i "+count(l, len(rec.Damaged), "plan", "planer", "plan", "plans"), "damaged records in "+count(l, len(rec.Damaged), "plan", "planer", "plan", "plans"))
		if rec.OtherDamaged > 0 {
			what += model.T(l, " och ", " and ") + count(l, rec.OtherDamaged, "annan post", "andra poster", "other record", "other records")
		}
		what += model.T(l, ", så inget mer skrivs i filen", ", so nothing more is written to the file")
	default:
		what = model.T(l, fmt.Sprintf("loggen bryts på %d ställen", rec.Breaks), fmt.Sprintf("the trail breaks in %d places", rec.Breaks))
	}
	return model.T(l, "Kontrollen av databasfilen "+when+" hittade fel: "+what+". "+command("check")+" visar mer; "+command("rescue", "NYFIL")+" kopierar det som är helt.",
		"The check of the database file at "+when+" found something wrong: "+what+". "+command("check")+" shows more; "+command("rescue", "NEWFILE")+" copies what is whole.")
}

// command is a command line for a hint on screen, with the flags the
// program was started with (Options.Command).
func (m *Model) command(words ...string) string {
	if m.o.Command != nil {
		return m.o.Command(words...)
	}
	return strings.Join(append([]string{"sipmote"}, words...), " ")
}

// count says n things in l, in the singular or the plural.
func count(l model.Lang, n int, svOne, svMany, enOne, enMany string) string {
	one, many := model.T(l, svOne, enOne), model.T(l, svMany, enMany)
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/termsafe"
)

// cmdTrail prints a plan's access trail (or, without an id, the file's
// own events such as lists shown): when, what, who and from where.
// Reading the trail is itself logged on the plan.
func cmdTrail(a *app, args []string) error {
	fs := a.flags("trail")
	pos, err := a.parse(fs, "trail", args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return fail("ange en plans id: sipmote trail [ID]", "give one plan's id: sipmote trail [ID]")
	}
	db, err := a.openDB()
	if err != nil {
		return err
	}
	defer db.Close()
	// The heading only once the events are read: a trail that cannot be
	// shown leaves nothing on standard output.
	var events []service.TrailEvent
	var heading string
	if len(pos) == 0 {
		heading = model.T(a.lang, "Filens egna händelser (för en plans logg: "+a.command("trail", "ID")+")", "The file's own events (for a plan's trail: "+a.command("trail", "ID")+")")
		events, err = db.FileTrail(a.ctx)
	} else {
		var id string
		if id, err = a.resolve(db, pos[0]); err != nil {
			return err
		}
		heading = model.T(a.lang, "Åtkomstlogg för plan ", "Access trail of plan ") + id
		events, err = db.Trail(a.ctx, id)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, heading)
	if len(events) == 0 {
		fmt.Fprintln(a.stdout, model.T(a.lang, "Inga händelser.", "No events."))
		return nil
	}
	rows := [][]string{{model.T(a.lang, "NR", "NO"), model.T(a.lang, "NÄR", "WHEN"), model.T(a.lang, "VAD", "WHAT"),
		model.T(a.lang, "VEM", "WHO"), model.T(a.lang, "VARIFRÅN", "FROM")}}
	var details [][]string
	details = append(details, nil)
	for _, e := range events {
		what, more := eventWhat(a.lang, e)
		rows = append(rows, []string{fmt.Sprint(e.Seq), e.At.Local().Format("2006-01-02 15:04:05"),
			what, termsafe.String(eventWho(a.lang, e)), termsafe.String(orDash(e.From))})
		details = append(details, more)
	}
	writeTable(a.stdout, rows, details)
	fmt.Fprintln(a.stdout, model.T(a.lang, "Kör sipmote check för att visa att inget har ändrats i efterhand.",
		"Run sipmote check to show that nothing was changed afterwards."))
	return nil
}

// writeTable writes rows in columns two spaces apart, each row followed
// by its details on lines of their own, indented under the row: a long
// detail (a key's fingerprint) does not widen a column for every row, so
// a row stays one line in an 80-column terminal.
func writeTable(w io.Writer, rows, details [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	indent := 0
	if len(widths) > 0 {
		indent = widths[0] + 2
	}
	for i, r := range rows {
		var b strings.Builder
		for j, c := range r {
			b.WriteString(c)
			if j < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[j]-ansi.StringWidth(c)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
		if i < len(details) {
			for _, d := range details[i] {
				fmt.Fprintln(w, strings.Repeat(" ", indent)+d)
			}
		}
	}
}

// eventWhat is what an event says, and the details that go on lines of
// their own under it: the keys a plan was signed with or sealed for.
func eventWhat(l model.Lang, e service.TrailEvent) (what string, more []string) {
	what = model.TrailWhat(l, e.Kind, e.Section, e.Count)
	if e.Carried {
		what = model.T(l, "[avsändarens logg] ", "[sender's trail] ") + what
	}
	if e.Key != "" {
		more = append(more, termsafe.String(model.T(l, "signerad med ", "signed with ")+e.Key))
	}
	for _, to := range e.To {
		more = append(more, termsafe.String(model.T(l, "för ", "for ")+to))
	}
	return termsafe.String(what), more
}

func eventWho(l model.Lang, e service.TrailEvent) string {
	if e.OSUser == service.UnknownDevice {
		// A shared screen on another computer: its account cannot be known.
		return model.T(l, "okänt konto", "unknown account")
	}
	if e.Secretary != "" {
		return e.OSUser + " (" + e.Secretary + ")"
	}
	return orDash(e.OSUser)
}

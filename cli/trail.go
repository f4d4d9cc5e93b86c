package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

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
	var events []service.TrailEvent
	if len(pos) == 0 {
		fmt.Fprintln(a.stdout, model.T(a.lang, "Filens egna händelser (för en plans logg: sipmote trail ID)", "The file's own events (for a plan's trail: sipmote trail ID)"))
		events, err = db.FileTrail(a.ctx)
	} else {
		var id string
		if id, err = a.resolve(db, pos[0]); err != nil {
			return err
		}
		fmt.Fprintln(a.stdout, model.T(a.lang, "Åtkomstlogg för plan ", "Access trail of plan ")+id)
		events, err = db.Trail(a.ctx, id)
	}
	if err != nil {
		return err
	}
	if len(events) == 0 {
		fmt.Fprintln(a.stdout, model.T(a.lang, "Inga händelser.", "No events."))
		return nil
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, model.T(a.lang, "NR\tNÄR\tVAD\tVEM\tVARIFRÅN", "NO\tWHEN\tWHAT\tWHO\tFROM"))
	for _, e := range events {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", e.Seq, e.At.Local().Format("2006-01-02 15:04:05"),
			eventWhat(a.lang, e), termsafe.String(eventWho(a.lang, e)), termsafe.String(orDash(e.From)))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, model.T(a.lang, "Att inget ändrats i efterhand visar sipmote check.", "sipmote check shows that nothing was changed afterwards."))
	return nil
}

func eventWhat(l model.Lang, e service.TrailEvent) string {
	s := model.TrailWhat(l, e.Kind, e.Section, e.Count)
	if e.Key != "" {
		s += model.T(l, ", signerad med ", ", signed with ") + e.Key
	}
	if len(e.To) > 0 {
		s += model.T(l, ", för ", ", for ") + strings.Join(e.To, " ")
	}
	if e.Carried {
		s = model.T(l, "[avsändarens logg] ", "[sender's trail] ") + s
	}
	return termsafe.String(s)
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

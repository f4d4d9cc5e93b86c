package cli

import (
	"fmt"
	"strings"

	"github.com/sipmote/sipmote/model"
)

// cmdCopies lists who gets the plan: the originals and each copy, with
// why, whether the paper starts with the easy-read page, and for those who
// were not there how to reach them.
func cmdCopies(a *app, args []string) error {
	fs := a.flags("copies")
	ver := fs.Int("version", 0, "")
	pos, err := a.parse(fs, "copies", args)
	if err != nil {
		return err
	}
	db, p, v, err := a.loadHandout(pos, *ver, "ange planens id: sipmote copies ID", "give the plan's id: sipmote copies ID")
	if err != nil {
		return err
	}
	defer db.Close()
	cl, err := db.CopyList(a.ctx, p, v, a.lang)
	if err != nil {
		return err
	}
	if p.Status == model.StatusClosed && p.Closure != nil {
		// A closed plan is handed to nobody: what is left is to tell
		// everyone that it has ended.
		printTell(a, p.Closure)
		return nil
	}
	for _, r := range append(append([]model.Recipient{}, cl.Originals...), cl.Copies...) {
		line := r.Mark(a.lang) + "  (" + r.Explain(a.lang)
		if r.Contact != "" && r.Reason != model.CopyPresent {
			line += "; " + r.Contact
		}
		fmt.Fprintln(a.stdout, line+")")
	}
	if len(cl.Originals) > 1 {
		fmt.Fprintln(a.stdout, model.T(a.lang,
			"Ett original för sig skrivs ut med: "+a.command("print", "ID", "--copies-for", "\"namn\"")+". Kopior till personal har aldrig den lättlästa sidan.",
			"One original alone is printed with: "+a.command("print", "ID", "--copies-for", "\"name\"")+". Copies for staff never have the easy-read page."))
	}
	for _, r := range cl.Removed {
		fmt.Fprintln(a.stdout, model.T(a.lang, "Ingen kopia (borttagen): ", "No copy (removed): ")+r.Label())
	}
	if note := a.draftNote(p, v, *ver); note != "" {
		fmt.Fprintln(a.stdout, note)
	}
	return nil
}

// cmdSummons lists who to summon to the plan's next (or current) meeting,
// with contact details, and what to book: "Boka tolk: finska".
func cmdSummons(a *app, args []string) error {
	fs := a.flags("summons")
	pos, err := a.parse(fs, "summons", args)
	if err != nil {
		return err
	}
	db, p, v, err := a.loadVersion(pos, 0, "ange planens id: sipmote summons ID", "give the plan's id: sipmote summons ID")
	if err != nil {
		return err
	}
	defer db.Close()
	s, err := db.Summons(a.ctx, p, v, a.lang)
	if err != nil {
		return err
	}
	if p.Status == model.StatusClosed && p.Closure != nil {
		return fail(p.Closure.Ended(model.Swedish)+" Ingen ska kallas.", p.Closure.Ended(model.English)+" Nobody is to be summoned.")
	}
	if v.FinalisedAt != nil {
		// The version is held: the meeting to call is its follow-up,
		// booked, to be booked by a date, or none at all.
		if line := v.NextMeeting(a.lang); line != "" {
			fmt.Fprintln(a.stdout, line)
		}
		if v.Content.FollowUp.State == model.FollowUpNone {
			return nil
		}
	} else if when := strings.TrimSpace(v.Meeting.Date + " " + v.Meeting.Start); when != "" {
		fmt.Fprintln(a.stdout, model.T(a.lang, "Möte: ", "Meeting: ")+when)
	}
	for _, pl := range s.People {
		line := pl.Name
		if pl.Affiliation != "" {
			line += ", " + pl.Affiliation
		}
		if pl.Contact != "" {
			line += " · " + pl.Contact
		}
		fmt.Fprintln(a.stdout, line)
	}
	for _, b := range s.Bookings {
		fmt.Fprintln(a.stdout, b)
	}
	if by := v.SummonsBy(); by != "" && by >= a.now().Format(model.DateLayout) {
		fmt.Fprintln(a.stdout, model.SummonsByLine(by, a.lang))
	}
	for _, w := range p.SummonsWarnings(v, a.now().Format(model.DateLayout), a.lang) {
		fmt.Fprintln(a.stdout, w)
	}
	return nil
}

// printTell lists who is to be told that the plan has ended, ticked for
// those who have been: the one thing left to do with a closed plan.
func printTell(a *app, c *model.Closure) {
	fmt.Fprintln(a.stdout, c.Ended(a.lang))
	told := 0
	for _, r := range c.Tell {
		if r.Told {
			told++
		}
	}
	fmt.Fprintf(a.stdout, model.T(a.lang, "Ska få veta att planen är avslutad (%d av %d meddelade):\n",
		"To be told that the plan has ended (%d of %d told):\n"), told, len(c.Tell))
	for _, r := range c.Tell {
		mark := "[ ]"
		if r.Told {
			mark = "[x]"
		}
		fmt.Fprintf(a.stdout, "  %s %s\n", mark, r.Line())
	}
}

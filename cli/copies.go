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
	db, p, v, err := a.loadVersion(pos, *ver, "ange planens id: sipmote copies ID", "give the plan's id: sipmote copies ID")
	if err != nil {
		return err
	}
	defer db.Close()
	cl, err := db.CopyList(p, v, a.lang)
	if err != nil {
		return err
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
			"Ett original för sig skrivs ut med: sipmote print ID --copies-for \"namn\". Kopior till personal har aldrig den lättlästa sidan.",
			"One original alone is printed with: sipmote print ID --copies-for \"name\". Copies for staff never have the easy-read page."))
	}
	for _, r := range cl.Removed {
		fmt.Fprintln(a.stdout, model.T(a.lang, "Ingen kopia (borttagen): ", "No copy (removed): ")+r.Label())
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
	s, err := db.Summons(p, v, a.lang)
	if err != nil {
		return err
	}
	when := strings.TrimSpace(v.Meeting.Date + " " + v.Meeting.Start)
	if v.FinalisedAt != nil && v.Content.FollowUp.Date != "" {
		// The version is held: the meeting to call is its follow-up.
		when = strings.TrimSpace(v.Content.FollowUp.Date + " " + v.Content.FollowUp.Time)
	}
	if when != "" {
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
	for _, w := range p.SummonsWarnings(v, a.now().Format(model.DateLayout), a.lang) {
		fmt.Fprintln(a.stdout, w)
	}
	return nil
}

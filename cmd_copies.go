package main

import (
	"fmt"
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// printSelection says which papers one print holds.
type printSelection struct {
	// originalOnly prints the original and no copies.
	originalOnly bool
	// copiesFor names the recipients whose copies to print, without the
	// original; empty means every copy on the list.
	copiesFor []string
	// copies, when above zero, prints that many unnamed copies after the
	// original (the older --copies N).
	copies int
}

// printOptions gives the papers of a print (see service.PDFOptions): the
// original only, the copies of the recipients named, a number of unnamed
// copies, or by default the original and every copy on the list.
func (a *app) printOptions(p *model.Plan, v *model.Version, sel printSelection) (service.PrintOptions, error) {
	o := service.PrintOptions{Lang: a.lang}
	if v.FinalisedAt == nil {
		if sel.originalOnly || len(sel.copiesFor) > 0 {
			// A draft is one paper marked UTKAST; asking for named papers
			// of it is a mistake worth saying, not ignoring.
			return o, fail("ett utkast skrivs ut som ett papper märkt UTKAST; --original-only och --copies-for gäller en fastställd version (--version N). Inget skrevs ut.",
				"a draft prints as one paper marked DRAFT; --original-only and --copies-for apply to a finalised version (--version N). Nothing was printed.")
		}
		return o, nil
	}
	cl := p.Copies(v, a.lang)
	switch {
	case sel.originalOnly:
		o.Papers = &service.Papers{Original: true}
	case len(sel.copiesFor) > 0:
		picked, missing := cl.Pick(sel.copiesFor)
		if len(missing) > 0 {
			// The names stay out of the message: errors carry no
			// personal data. The copies command lists the names.
			return o, fail(
				fmt.Sprintf("%d av namnen finns inte i kopielistan, eller passar fler än en; inget skrevs ut. Se listan med: sipmote copies ID", len(missing)),
				fmt.Sprintf("%d of the names are not on the copy list, or fit more than one; nothing was printed. See the list with: sipmote copies ID", len(missing)))
		}
		o.Papers = &service.Papers{Copies: picked}
	case sel.copies > 0:
		o.Copies = sel.copies
	}
	return o, nil
}

// splitNames reads --copies-for "Per Wall, Eva Lind".
func splitNames(s string) []string {
	var out []string
	for _, n := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// cmdCopies lists who gets the plan: the original and each copy, with why
// and, for those who were not there, how to reach them.
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
	db.Viewed(p.ID, "copies")
	cl := p.Copies(v, a.lang)
	fmt.Fprintln(a.stdout, cl.Original.Mark(a.lang))
	for _, r := range cl.Copies {
		line := r.Mark(a.lang) + "  (" + r.Reason.Label(a.lang)
		if r.Contact != "" && r.Reason != model.CopyPresent {
			line += "; " + r.Contact
		}
		fmt.Fprintln(a.stdout, line+")")
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
	db.Viewed(p.ID, "summons")
	s := v.Summons(a.lang)
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
	return nil
}

package main

import (
	"fmt"
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/printout"
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

// pdfOptions gives the papers of a print. A draft gets one paper marked as
// a draft: it must never pass for the signed original. A finalised version
// gets the original, named for its recipient, and a copy named for each
// one on the copy list.
func (a *app) pdfOptions(p *model.Plan, v *model.Version, sel printSelection) (printout.PDFOptions, error) {
	if v.FinalisedAt == nil {
		return printout.PDFOptions{Marks: []string{model.T(a.lang, "UTKAST – inte fastställd", "DRAFT – not finalised")}}, nil
	}
	cl := p.Copies(v, a.lang)
	switch {
	case sel.originalOnly:
		return printout.PDFOptions{Marks: printout.CopyMarks(a.lang, cl.Original, nil, true)}, nil
	case len(sel.copiesFor) > 0:
		picked, missing := cl.Pick(sel.copiesFor)
		if len(missing) > 0 {
			// The names stay out of the message: errors carry no
			// personal data. The copies command lists the names.
			return printout.PDFOptions{}, fail(
				fmt.Sprintf("%d av namnen finns inte i kopielistan, eller passar fler än en; inget skrevs ut. Se listan med: sipmote copies ID", len(missing)),
				fmt.Sprintf("%d of the names are not on the copy list, or fit more than one; nothing was printed. See the list with: sipmote copies ID", len(missing)))
		}
		return printout.PDFOptions{Marks: printout.CopyMarks(a.lang, cl.Original, picked, false)}, nil
	case sel.copies > 0:
		return printout.PDFOptions{Copies: sel.copies}, nil
	}
	return printout.PDFOptions{Marks: printout.CopyMarks(a.lang, cl.Original, cl.Copies, true)}, nil
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
	a.trail(db, p.ID, "opened", v.Meeting.Secretary)
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

package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sipmote/sipmote/checklists"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// maxCopies bounds --copies: a SIP meeting hands a copy to each of a
// handful of participants, and each copy costs time and memory (20 000 took
// 46 s and 3 GB). Fifty is far above any meeting and prints in well under
// a second.
const maxCopies = 50

func cmdPrint(a *app, args []string) error {
	fs := a.flags("print")
	out := fs.String("o", "", "")
	printer := fs.String("printer", "", "")
	copies := fs.Int("copies", 0, "")
	ver := fs.Int("version", 0, "")
	force := fs.Bool("force", false, "")
	originalOnly := fs.Bool("original-only", false, "")
	copiesFor := fs.String("copies-for", "", "")
	easy := fs.String("easy-read", "", "")
	pos, err := a.parse(fs, "print", args)
	if err != nil {
		return err
	}
	sel := printSelection{originalOnly: *originalOnly, copiesFor: splitNames(*copiesFor), copies: *copies}
	if n := btoi(sel.originalOnly) + btoi(len(sel.copiesFor) > 0) + btoi(sel.copies > 0); n > 1 {
		return fail("välj en av --original-only, --copies-for och --copies; inget skrevs ut",
			"choose one of --original-only, --copies-for and --copies; nothing was printed")
	}
	if *copies > maxCopies {
		return fail(fmt.Sprintf("--copies kan vara högst %d; inget skrevs ut. Skriv ut flera gånger om fler kopior behövs.", maxCopies),
			fmt.Sprintf("--copies can be at most %d; nothing was printed. Print more than once if more copies are needed.", maxCopies))
	}
	db, p, v, err := a.loadHandout(pos, *ver, "ange planens id: sipmote print ID", "give the plan's id: sipmote print ID")
	if err != nil {
		return err
	}
	defer db.Close()
	opt, err := a.printOptions(p, v, sel)
	if err != nil {
		return err
	}
	opt.Printer, opt.File, opt.Force = *printer, *out, *force
	if opt.EasyRead, err = a.easyRead(p, v, *easy); err != nil {
		return err
	}
	res, err := db.Print(a.ctx, p, v, opt)
	if fe := (*service.FileError)(nil); errors.As(err, &fe) {
		return fileError(fe.Path, fe.Err)
	}
	if err != nil {
		return err
	}
	if *out != "" && *printer == "" {
		fmt.Fprintln(a.stdout, model.T(a.lang, "PDF sparad: ", "PDF saved: ")+res.Path)
	} else {
		fmt.Fprintln(a.stdout, service.PrintedText(a.lang, res))
	}
	if note := a.draftNote(p, v, *ver); note != "" {
		fmt.Fprintln(a.stdout, note)
	}
	return nil
}

// easyRead builds the easy-read first page ("Min plan") for a print or an
// export. choice is the --easy-read flag: "" picks the person's own
// language when the checklists have its words, else the language of the
// print; "off" leaves the page out (nil); a language code asks for that
// language, and one without words is an error that names those there are.
func (a *app) easyRead(p *model.Plan, v *model.Version, choice string) (*model.EasyRead, error) {
	switch strings.ToLower(strings.TrimSpace(choice)) {
	case "off", "no", "none", "nej", "av":
		return nil, nil
	case "", "auto":
		choice = ""
	}
	set, _ := a.loadChecklists()
	langs := []string{strings.ToLower(strings.TrimSpace(choice))}
	if choice == "" {
		langs = []string{p.Person.Language, string(a.lang)}
	}
	for _, l := range langs {
		if l == "" {
			continue
		}
		if w, ok := set.EasyRead(l); ok {
			e := model.BuildEasyRead(p, v, w, a.now())
			return &e, nil
		}
	}
	if choice == "" {
		// A local routine that broke the print language's words: the
		// program's own words still make the page.
		def, _ := checklists.Load("")
		if w, ok := def.EasyRead(string(a.lang)); ok {
			e := model.BuildEasyRead(p, v, w, a.now())
			return &e, nil
		}
		return nil, nil
	}
	have := strings.Join(set.EasyReadLanguages(), ", ")
	return nil, fail("den lättlästa sidan finns inte på språket "+choice+" (finns: "+have+", eller off)",
		"the easy-read page has no words in the language "+choice+" (there are: "+have+", or off)")
}

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
				fmt.Sprintf("%d av namnen finns inte i kopielistan, eller passar fler än en; inget skrevs ut. Se listan med: %s", len(missing), a.command("copies", "ID")),
				fmt.Sprintf("%d of the names are not on the copy list, or fit more than one; nothing was printed. See the list with: %s", len(missing), a.command("copies", "ID")))
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

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

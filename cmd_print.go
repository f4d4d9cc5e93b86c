package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
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
	db, p, v, err := a.loadVersion(pos, *ver, "ange planens id: sipmote print ID", "give the plan's id: sipmote print ID")
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
	res, err := db.Print(p, v, opt)
	if fe := (*service.FileError)(nil); errors.As(err, &fe) {
		return fileError(fe.Path, fe.Err)
	}
	if err != nil {
		return err
	}
	if *out != "" && *printer == "" {
		fmt.Fprintln(a.stdout, model.T(a.lang, "PDF sparad: ", "PDF saved: ")+res.Path)
		return nil
	}
	fmt.Fprintln(a.stdout, service.PrintedText(a.lang, res))
	return nil
}

func cmdDiff(a *app, args []string) error {
	fs := a.flags("diff")
	pos, err := a.parse(fs, "diff", args)
	if err != nil {
		return err
	}
	if len(pos) < 1 || len(pos) > 3 {
		return fail("ange planens id: sipmote diff ID [FRÅN] [TILL]", "give the plan's id: sipmote diff ID [FROM] [TO]")
	}
	db, p, err := a.loadPlan(pos[0])
	if err != nil {
		return err
	}
	defer db.Close()
	// Without numbers: the last finalised version against the draft, or
	// the two last versions.
	to := len(p.Versions)
	if p.Draft != nil {
		to = p.Draft.Number
	}
	from := to - 1
	nums := []*int{&from, &to}
	for i, s := range pos[1:] {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return fail("versioner anges med nummer, t.ex. 1 2", "versions are given as numbers, e.g. 1 2")
		}
		*nums[i] = n
	}
	va, err := a.pickVersion(p, from)
	if err != nil || from < 1 {
		return fail("det finns ingen tidigare version att jämföra med", "there is no earlier version to compare with")
	}
	vb, err := a.pickVersion(p, to)
	if err != nil {
		return err
	}
	db.Viewed(p.ID, "diff")
	fmt.Fprintf(a.stdout, model.T(a.lang, "Skillnader från version %d till version %d:\n", "Differences from version %d to version %d:\n"), from, to)
	fmt.Fprintln(a.stdout, model.FormatDiff(model.Diff(va, vb), a.lang))
	return nil
}

func cmdDue(a *app, args []string) error {
	fs := a.flags("due")
	days := fs.Int("days", model.DefaultDueDays, "")
	asJSON := fs.Bool("json", false, "")
	if _, err := a.parse(fs, "due", args); err != nil {
		return err
	}
	db, err := a.openDB()
	if err != nil {
		return err
	}
	defer db.Close()
	due, err := db.Due(*days)
	if err != nil {
		return err
	}
	if *asJSON {
		if due == nil {
			due = []model.DueItem{}
		}
		for _, d := range due {
			db.Viewed(d.PlanID, "due")
		}
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(due)
	}
	if len(due) == 0 {
		fmt.Fprintf(a.stdout, model.T(a.lang, "Inget att åtgärda inom %d dagar.\n", "Nothing due within %d days.\n"), *days)
		return nil
	}
	for _, d := range due {
		db.Viewed(d.PlanID, "due")
		fmt.Fprintf(a.stdout, "%s  %s: %s\n", d.PlanID[:8], d.Person, d.Describe(a.lang))
	}
	return nil
}

func cmdClose(a *app, args []string) error {
	fs := a.flags("close")
	reason := fs.String("reason", "", "")
	text := fs.String("text", "", "")
	date := fs.String("date", a.now().Format(model.DateLayout), "")
	discard := fs.Bool("discard-draft", false, "")
	pos, err := a.parse(fs, "close", args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *reason == "" {
		return fail("ange id och skäl: sipmote close ID --reason goals_met|no_need|consent_withdrawn|moved|other",
			"give the id and a reason: sipmote close ID --reason goals_met|no_need|consent_withdrawn|moved|other")
	}
	db, err := a.openDB()
	if err != nil {
		return err
	}
	defer db.Close()
	p, err := db.ClosePlan(pos[0], model.Closure{Reason: model.ClosureReason(*reason), Text: *text, Date: *date, DraftDiscarded: *discard})
	switch {
	case errors.Is(err, model.ErrClosed):
		return fail("planen är redan avslutad", "the plan is already closed")
	case errors.Is(err, model.ErrDraftOpen):
		return fail("planen har ett påbörjat utkast som inte är fastställt; det tas bort om planen avslutas. Fastställ det först, eller avsluta med --discard-draft. Inget har ändrats.",
			"the plan has an unfinished draft that is not finalised; closing discards it. Finalise it first, or close with --discard-draft. Nothing was changed.")
	case errors.Is(err, model.ErrReason):
		return fail("okänt skäl: "+*reason+" (goals_met, no_need, consent_withdrawn, moved eller other)", "unknown reason: "+*reason+" (goals_met, no_need, consent_withdrawn, moved or other)")
	case errors.Is(err, model.ErrReasonText):
		return fail("skriv en förklaring med --text när skälet är other", "write an explanation with --text when the reason is other")
	case errors.Is(err, model.ErrCloseDate):
		return fail("datumet ska vara ÅÅÅÅ-MM-DD och inte senare än i dag", "the date must be YYYY-MM-DD and not later than today")
	}
	if ce := (*service.CloseError)(nil); errors.As(err, &ce) {
		return fail("planen kunde inte avslutas: "+err.Error(), "the plan could not be closed: "+err.Error())
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, p.Closure.Describe(a.lang))
	fmt.Fprintln(a.stdout, model.T(a.lang, "Samordnaren meddelar det till (bocka av i programmet med x på planen):", "The coordinator tells (tick them off in the program with x on the plan):"))
	for _, r := range p.Closure.Tell {
		fmt.Fprintf(a.stdout, "  [ ] %s\n", r.Line())
	}
	return nil
}

func cmdChecklists(a *app, args []string) error {
	fs := a.flags("checklists")
	variant := fs.String("variant", "adult", "")
	pos, err := a.parse(fs, "checklists", args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return fail("ange show, validate MAPP eller defaults MAPP", "give show, validate DIR or defaults DIR")
	}
	sub := append([]string{pos[0]}, pos[1:]...)
	if pos[0] == "show" {
		sub = []string{"show", "--variant", *variant}
	}
	if code := checklists.RunCLI(sub, a.stdout, a.stderr, a.lang, checklists.Resolve(a.checkDir)); code != 0 {
		return exitCode(code)
	}
	return nil
}

// exitCode is an error whose message has already been printed.
type exitCode int

func (e exitCode) Error() string { return "exit " + strconv.Itoa(int(e)) }

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
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
			e := model.BuildEasyRead(p, v, w)
			return &e, nil
		}
	}
	if choice == "" {
		// A local routine that broke the print language's words: the
		// program's own words still make the page.
		def, _ := checklists.Load("")
		if w, ok := def.EasyRead(string(a.lang)); ok {
			e := model.BuildEasyRead(p, v, w)
			return &e, nil
		}
		return nil, nil
	}
	have := strings.Join(set.EasyReadLanguages(), ", ")
	return nil, fail("den lättlästa sidan finns inte på språket "+choice+" (finns: "+have+", eller off)",
		"the easy-read page has no words in the language "+choice+" (there are: "+have+", or off)")
}

package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sipmote/sipmote/checklists"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/outfile"
)

// cmdChecklists shows, checks or writes out the agenda and checklists.
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
	if code := checklistsCommand(sub, a.stdout, a.stderr, a.lang, checklists.Resolve(a.checkDir)); code != 0 {
		return exitCode(code)
	}
	return nil
}

// Exit codes of checklistsCommand.
const (
	exitOK       = 0
	exitProblems = 1
	exitUsage    = 2
)

// checklistsCommand runs "sipmote checklists <command>": args start with
// the command. dir is the local routine resolved (see checklists.Resolve), "" for none;
// lang is the language of messages. It returns the exit code: 0 when all
// is well, 1 when there were problems, 2 for a usage error.
//
//	show [--variant adult|child|older] [--lang sv|en]
//	validate [DIR]
//	defaults DIR
func checklistsCommand(args []string, stdout, stderr io.Writer, lang model.Lang, dir string) int {
	t := func(sv, en string) string { return model.T(lang, sv, en) }
	usage := func(w io.Writer) {
		fmt.Fprint(w, t(`Användning: sipmote checklists <kommando>

Kommandon:
  show [--variant adult|child|older] [--lang sv|en]
        Visar dagordningen och checklistorna som de gäller nu, med den
        lokala rutinen inräknad, och var varje punkt kommer ifrån.
  validate [MAPP]
        Kontrollerar filerna i MAPP (annars den lokala rutinen) och visar
        varje fel med fil och rad.
  defaults MAPP
        Skriver de förvalda filerna till MAPP, att utgå från när ni skriver
        en egen rutin. Befintliga filer skrivs inte över.
`, `Usage: sipmote checklists <command>

Commands:
  show [--variant adult|child|older] [--lang sv|en]
        Shows the agenda and checklists as they apply now, with the local
        routine laid on, and where each point comes from.
  validate [DIR]
        Checks the files in DIR (else the local routine) and shows every
        problem with file and line.
  defaults DIR
        Writes the default files to DIR, to start a local routine from.
        Existing files are not overwritten.
`))
	}
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return exitOK
	case "show":
		return checklistsShow(rest, stdout, stderr, lang, dir)
	case "validate":
		return checklistsValidate(rest, stdout, stderr, lang, dir)
	case "defaults":
		return checklistsDefaults(rest, stdout, stderr, lang)
	}
	fmt.Fprintf(stderr, t("Okänt kommando ”%s”.\n\n", "Unknown command \"%s\".\n\n"), cmd)
	usage(stderr)
	return exitUsage
}

// checklistsFlags makes a flag set that prints help, in the chosen language, to
// stderr and returns errors instead of exiting.
func checklistsFlags(name string, stderr io.Writer, help string) *flag.FlagSet {
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprintln(stderr, help)
		flags.PrintDefaults()
	}
	return flags
}

// parseFlags returns the exit code to stop with, or -1 to go on.
func parseFlags(flags *flag.FlagSet, args []string) int {
	err := flags.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case err != nil:
		return exitUsage
	}
	return -1
}

func checklistsShow(args []string, stdout, stderr io.Writer, lang model.Lang, dir string) int {
	t := func(sv, en string) string { return model.T(lang, sv, en) }
	flags := checklistsFlags("show", stderr, t(
		"Användning: sipmote checklists show [--variant adult|child|older] [--lang sv|en]",
		"Usage: sipmote checklists show [--variant adult|child|older] [--lang sv|en]"))
	variant := flags.String("variant", "adult", t("variant: adult (vuxen), child (barn) eller older (äldre)", "variant: adult, child or older"))
	langFlag := flags.String("lang", string(lang), t("språk: sv eller en", "language: sv or en"))
	if code := parseFlags(flags, args); code >= 0 {
		return code
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, t("För många argument: %v\n", "Too many arguments: %v\n"), flags.Args())
		return exitUsage
	}
	v, ok := checklists.ParseVariant(*variant)
	if !ok {
		fmt.Fprintf(stderr, t("Okänd variant ”%s”. Skriv adult, child eller older.\n", "Unknown variant \"%s\". Write adult, child or older.\n"), *variant)
		return exitUsage
	}
	out, ok := model.ParseLang(*langFlag)
	if !ok {
		fmt.Fprintf(stderr, t("Okänt språk ”%s”. Skriv sv eller en.\n", "Unknown language \"%s\". Write sv or en.\n"), *langFlag)
		return exitUsage
	}
	set, probs := checklists.Load(dir)
	if err := checklists.Show(stdout, set, v, out); err != nil {
		fmt.Fprintln(stderr, t("Kunde inte skriva ut listorna.", "Could not write the lists."))
		return exitProblems
	}
	if len(probs) > 0 {
		fmt.Fprintln(stderr)
		fmt.Fprintln(stderr, t("Problem i checklistfilerna (det som står ovan gäller ändå):",
			"Problems in the checklist files (what is shown above applies all the same):"))
		printProblems(stderr, probs, lang)
		return exitProblems
	}
	return exitOK
}

func checklistsValidate(args []string, stdout, stderr io.Writer, lang model.Lang, dir string) int {
	t := func(sv, en string) string { return model.T(lang, sv, en) }
	flags := checklistsFlags("validate", stderr, t(
		"Användning: sipmote checklists validate [MAPP]",
		"Usage: sipmote checklists validate [DIR]"))
	if code := parseFlags(flags, args); code >= 0 {
		return code
	}
	switch flags.NArg() {
	case 0:
	case 1:
		dir = flags.Arg(0)
	default:
		fmt.Fprintf(stderr, t("Ange en mapp, inte flera: %v\n", "Give one directory, not several: %v\n"), flags.Args())
		return exitUsage
	}
	var probs []checklists.Problem
	if dir == "" {
		_, probs = checklists.Load("")
		fmt.Fprintln(stdout, t("Ingen lokal rutin hittades; kontrollerar de förvalda listorna.",
			"No local routine found; checking the default lists."))
	} else {
		probs = checklists.ValidateDir(dir)
	}
	if len(probs) > 0 {
		printProblems(stdout, probs, lang)
		fmt.Fprintln(stdout, model.Plural(lang, len(probs), "%d problem", "%d problem", "%d problem", "%d problems")+t(" hittades.", " found."))
		return exitProblems
	}
	set, _ := checklists.Load(dir)
	fmt.Fprintln(stdout, t("Inga fel.", "No problems."))
	for _, v := range checklists.Variants {
		fmt.Fprintf(stdout, t("  %s: %s, %s före och %d efter mötet\n",
			"  %s: %s, %s before and %d after the meeting\n"),
			v.Label(lang), model.Plural(lang, len(set.AgendaFor(v)), "%d steg", "%d steg", "%d step", "%d steps"),
			model.Plural(lang, len(set.BeforeFor(v)), "%d punkt", "%d punkter", "%d item", "%d items"), len(set.AfterFor(v)))
	}
	fmt.Fprintln(stdout, t("  ordlistan: ", "  word list: ")+model.Plural(lang, len(set.Jargon), "%d ord", "%d ord", "%d word", "%d words"))
	fmt.Fprintln(stdout, t("  snabbraden: ", "  quick row: ")+model.Plural(lang, len(set.QuickWords), "%d ord", "%d ord", "%d word", "%d words"))
	return exitOK
}

func printProblems(w io.Writer, probs []checklists.Problem, lang model.Lang) {
	for _, p := range probs {
		fmt.Fprintln(w, p.In(lang))
	}
}

// checklistsDefaults writes the embedded files out, because the easiest way to
// write a local routine is to start from a copy of the defaults.
func checklistsDefaults(args []string, stdout, stderr io.Writer, lang model.Lang) int {
	t := func(sv, en string) string { return model.T(lang, sv, en) }
	flags := checklistsFlags("defaults", stderr, t(
		"Användning: sipmote checklists defaults MAPP",
		"Usage: sipmote checklists defaults DIR"))
	if code := parseFlags(flags, args); code >= 0 {
		return code
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return exitUsage
	}
	dir := flags.Arg(0)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		fmt.Fprintf(stderr, t("Kunde inte skapa mappen %s.\n", "Could not create the directory %s.\n"), dir)
		return exitProblems
	}
	files, err := checklists.Defaults()
	if err != nil {
		return exitProblems
	}
	code := exitOK
	for _, f := range files {
		dst := filepath.Join(dir, f.Name)
		err = outfile.Write(dst, f.Data, false)
		if errors.Is(err, outfile.ErrExists) {
			fmt.Fprintf(stderr, t("%s finns redan och skrivs inte över.\n", "%s already exists and is not overwritten.\n"), dst)
			code = exitProblems
			continue
		}
		if err != nil {
			fmt.Fprintf(stderr, t("Kunde inte skriva %s.\n", "Could not write %s.\n"), dst)
			code = exitProblems
			continue
		}
		fmt.Fprintln(stdout, dst)
	}
	return code
}

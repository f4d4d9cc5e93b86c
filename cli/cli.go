// Package cli is sipmote's command line: every command, its flags and its
// messages, and the start of the screens. main calls Run and exits with
// what it returns; the commands use the service, never the database.
package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/sipmote/sipmote/checklists"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/termsafe"
)

// app carries what every command shares: the flags common to all, the
// streams and the clock. There is no global state.
type app struct {
	// ctx goes to every service call: context.Background() here; the
	// screens' commands, which handle signals, cancel theirs on one.
	ctx      context.Context
	lang     model.Lang
	dbFlag   string
	checkDir string
	stdin    io.Reader
	lines    *bufio.Reader // stdin read line by line, for passphrases from a pipe
	// screens is set while the program's screens open the database, so
	// that the passphrase is asked in a masked field; unlockProblem says
	// why it is asked again.
	screens       bool
	unlockProblem string
	stdout        io.Writer
	stderr        io.Writer
	now           func() time.Time
	// listen is where a shared meeting listens (--listen); serve shares
	// the meeting opened at once (sipmote serve).
	listen string
	serve  bool
	// accessible runs the screens as plain lines (ui/accessible).
	accessible bool
	// mayCreate lets the database be created when its file is missing:
	// only the program's start, new, demo, import and open may, and they
	// say so (created); every other command refuses a missing file, so a
	// mistyped --db is never taken for an empty set of plans.
	mayCreate bool
	created   string
	// langGiven is set when --lang is on the command line: the hints the
	// commands print carry it on (hints.go).
	langGiven bool
}

// userError is an error with a message in both languages for the user.
type userError struct{ sv, en string }

func (e *userError) Error() string { return e.en }

func fail(sv, en string) error { return &userError{sv, en} }

// Run runs the command line args (without the program's name) and gives
// the exit code: 0 when all went well, 1 for an error it has reported, 2
// for a command or flag it does not know.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// Everything a command prints may hold stored or file text (a name
	// from an import, a local checklist): nothing of it may reach the
	// terminal as a control sequence.
	stdout, stderr = termsafe.Writer(stdout), termsafe.Writer(stderr)
	a := &app{ctx: context.Background(), lang: model.Swedish, stdin: stdin, stdout: stdout, stderr: stderr, now: time.Now}
	if l, ok := model.ParseLang(os.Getenv("SIPMOTE_LANG")); ok && os.Getenv("SIPMOTE_LANG") != "" {
		a.lang = l
	}
	// The language may come anywhere on the line; find it first so that
	// even an error about the other flags is in the right language.
	for i, s := range args {
		v := ""
		switch {
		case strings.HasPrefix(s, "--lang="), strings.HasPrefix(s, "-lang="):
			v = s[strings.Index(s, "=")+1:]
		case (s == "--lang" || s == "-lang") && i+1 < len(args):
			v = args[i+1]
		default:
			continue
		}
		if l, ok := model.ParseLang(v); ok {
			a.lang, a.langGiven = l, true
		} else {
			fmt.Fprintln(stderr, "sipmote: --lang tar sv eller en / --lang takes sv or en")
			return 2
		}
	}
	args, accOn, accGiven, err := accessibleFlag(args)
	if err != nil {
		fmt.Fprintln(stderr, "sipmote: --accessible tar true eller false / --accessible takes true or false")
		return 2
	}
	a.chooseAccessible(accOn, accGiven)
	name := ""
	rest := args
	for i, s := range args {
		if !strings.HasPrefix(s, "-") {
			if i > 0 && isValueFlag(args[i-1]) {
				continue
			}
			name, rest = s, append(append([]string{}, args[:i]...), args[i+1:]...)
			break
		}
	}
	if name == "" && (contains(rest, "--version") || contains(rest, "-version")) {
		fmt.Fprintln(a.stdout, "sipmote "+version())
		return 0
	}
	if name == "" && (contains(rest, "--help") || contains(rest, "-help") || contains(rest, "-h")) {
		a.usage(a.stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name == name {
			err := c.run(a, rest)
			return a.report(err)
		}
	}
	if name == "help" {
		a.usage(a.stdout)
		return 0
	}
	fmt.Fprintf(stderr, "sipmote: %s\n", model.T(a.lang, "okänt kommando: "+name+" (prova sipmote --help)", "unknown command: "+name+" (try sipmote --help)"))
	return 2
}

func isValueFlag(s string) bool {
	switch strings.TrimLeft(s, "-") {
	case "db", "lang", "checklists", "listen":
		return true
	}
	return false
}

// report prints an error in the user's language and gives the exit code.
func (a *app) report(err error) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ue *userError
	var ec exitCode
	if errors.As(err, &ec) {
		return int(ec)
	}
	msg := ""
	if errors.As(err, &ue) {
		msg = model.T(a.lang, ue.sv, ue.en)
	} else {
		msg = service.ErrorText(a.lang, err)
	}
	fmt.Fprintln(a.stderr, "sipmote: "+msg)
	return 1
}

func (a *app) usage(w io.Writer) {
	fmt.Fprintln(w, model.T(a.lang, "sipmote — för SIP-möten (samordnad individuell plan)", "sipmote — for SIP meetings (coordinated individual plan)"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, model.T(a.lang, "Användning:", "Usage:"))
	for _, c := range commands() {
		fmt.Fprintf(w, "  sipmote %-11s %s\n      %s\n", c.name, argsIn(c.args, a.lang), model.T(a.lang, c.sv, c.en))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, model.T(a.lang, "Flaggor för alla kommandon:", "Flags of every command:"))
	fmt.Fprintln(w, model.T(a.lang,
		"  --db SÖKVÄG         databasfilen (annars $SIPMOTE_DB eller standardplatsen)\n  --lang sv|en        språk på skärm och utskrift (svenska är standard)\n  --checklists MAPP   lokal rutin: checklistor som ersätter eller lägger till\n  --accessible        tillgängligt läge: rader för skärmläsare och punktskrift (kommer ihåg valet)\n  --help              hjälp\n  --version           programmets version",
		"  --db PATH           the database file (else $SIPMOTE_DB or the default place)\n  --lang sv|en        language of screen and print (Swedish is the default)\n  --checklists DIR    local routine: checklists that override or extend\n  --accessible        accessible mode: lines for screen readers and braille (remembered)\n  --help              help\n  --version           the program's version"))
}

// flags makes a command's flag set with the flags every command takes.
func (a *app) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("sipmote "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&a.dbFlag, "db", "", "")
	fs.Func("lang", "", func(string) error { return nil }) // read in run
	fs.StringVar(&a.checkDir, "checklists", "", "")
	return fs
}

// parse parses flags; --help prints the command's usage.
func (a *app) parse(fs *flag.FlagSet, name string, args []string) ([]string, error) {
	// Flags may follow positional arguments: sipmote export ID --format md.
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				a.commandUsage(name)
				return nil, flag.ErrHelp
			}
			return nil, flagError(name, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	return pos, nil
}

func (a *app) commandUsage(name string) {
	for _, c := range commands() {
		if c.name == name {
			fmt.Fprintf(a.stdout, "sipmote %s %s\n  %s\n\n", c.name, argsIn(c.args, a.lang), model.T(a.lang, c.sv, c.en))
		}
	}
	fmt.Fprintln(a.stdout, model.T(a.lang, "Alla kommandon tar --db SÖKVÄG (eller postgres://…), --lang sv|en och --help.", "Every command takes --db PATH (or postgres://…), --lang sv|en and --help."))
}

// openDB opens the database the flags, the environment or the default
// name. The caller closes it.
func (a *app) openDB() (*service.Service, error) {
	return a.openService(nil)
}

// openService is openDB with the word list that validation uses.
func (a *app) openService(jargon []model.Jargon) (*service.Service, error) {
	path, err := service.ResolvePath(a.dbFlag)
	if err != nil {
		return nil, fail("hittar ingen plats för databasen; ange --db SÖKVÄG", "cannot find a place for the database; give --db PATH")
	}
	fresh, err := a.missingDB(path)
	if err != nil {
		return nil, err
	}
	svc, err := service.Open(path, service.Options{Now: a.now, Jargon: jargon, Passphrase: a.askPassphrase})
	if err != nil {
		return nil, err
	}
	if fresh {
		a.created = path
		if !a.screens {
			fmt.Fprintln(a.stderr, a.createdText())
		}
	}
	a.noteOpened(svc)
	return svc, nil
}

// dbToCreate tells whether the database the command works on is a file
// still to be made (and the command may make it): then nothing can hold it
// yet, and it may be opened last, once there is something to store.
func (a *app) dbToCreate() bool {
	path, err := service.ResolvePath(a.dbFlag)
	if err != nil {
		return false
	}
	fresh, err := a.missingDB(path)
	return err == nil && fresh
}

// missingDB tells whether the database file at path is still to be made,
// and refuses that unless the command may create it (mayCreate).
func (a *app) missingDB(path string) (bool, error) {
	if service.IsServer(path) {
		return false, nil
	}
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		return false, nil // there, or not readable: Open says which
	}
	shown := service.Shown(path)
	if a.mayCreate {
		// Only the default place's folder is made without a word: a
		// folder that is not there in a path the user gave is most often
		// a typing mistake, and a new empty database in it would look as
		// if every plan were gone.
		dir := filepath.Dir(path)
		if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) && !a.defaultDB() {
			d := service.Shown(dir)
			return false, fail("mappen "+d+" finns inte, så databasen "+shown+" skapas inte. Se efter om sökvägen i --db (eller SIPMOTE_DB) är rätt skriven; ska databasen ligga där, skapa mappen först (mkdir -p "+shellQuote(dir)+"). Inget skapades.",
				"the folder "+d+" does not exist, so the database "+shown+" is not created. Check that the path in --db (or SIPMOTE_DB) is spelt right; if the database belongs there, make the folder first (mkdir -p "+shellQuote(dir)+"). Nothing was created.")
		}
		return true, nil
	}
	if a.defaultDB() {
		return false, fail("det finns ingen databas ännu ("+shown+"). Den skapas när programmet startas (sipmote), eller med sipmote new --person NAMN, sipmote demo, sipmote import eller sipmote open.",
			"there is no database yet ("+shown+"). It is created when the program starts (sipmote), or by sipmote new --person NAME, sipmote demo, sipmote import or sipmote open.")
	}
	return false, fail("databasen "+shown+" finns inte. Se efter om sökvägen i --db (eller SIPMOTE_DB) är rätt skriven; inget skapades. En ny databas skapas bara när programmet startas, eller med sipmote new, demo, import eller open.",
		"the database "+shown+" does not exist. Check that the path in --db (or SIPMOTE_DB) is spelt right; nothing was created. A new database is created only when the program starts, or by sipmote new, demo, import or open.")
}

// defaultDB tells whether the database is the one sipmote chooses itself,
// no --db or SIPMOTE_DB naming one: its folder is sipmote's own to make.
func (a *app) defaultDB() bool { return a.dbFlag == "" && os.Getenv("SIPMOTE_DB") == "" }

// createdText says that a new, empty database was made, and where.
func (a *app) createdText() string {
	// The path on a line of its own: a line of the accessible mode keeps
	// to 80 characters.
	return "sipmote: " + model.T(a.lang, "en ny databas skapades:", "a new database was created:") + "\n  " + service.Shown(a.created)
}

// resolve finds a plan id from any unique prefix.
func (a *app) resolve(svc *service.Service, prefix string) (string, error) {
	if prefix == "" {
		return "", fail("ange planens id (eller början av det)", "give the plan's id (or its beginning)")
	}
	return svc.Resolve(prefix)
}

// loadPlan opens the database and loads the plan an id prefix names. The
// caller closes the database.
func (a *app) loadPlan(prefix string) (*service.Service, *model.Plan, error) {
	if prefix == "" {
		return nil, nil, fail("ange planens id (eller början av det)", "give the plan's id (or its beginning)")
	}
	svc, err := a.openDB()
	if err != nil {
		return nil, nil, err
	}
	p, err := svc.Load(a.ctx, prefix)
	if err != nil {
		svc.Close()
		return nil, nil, err
	}
	return svc, p, nil
}

// loadVersion is loadPlan for commands that take one id and --version:
// the plan and the version asked for, or the current one (the draft when
// there is one).
func (a *app) loadVersion(pos []string, ver int, usageSV, usageEN string) (*service.Service, *model.Plan, *model.Version, error) {
	return a.loadPicked(pos, ver, usageSV, usageEN, a.pickVersion)
}

// loadHandout is loadVersion for print, export and copies: without
// --version they take the last finalised version (model.Plan.Handout), as
// the home screen's p does, and draftNote says so when a draft is open.
func (a *app) loadHandout(pos []string, ver int, usageSV, usageEN string) (*service.Service, *model.Plan, *model.Version, error) {
	return a.loadPicked(pos, ver, usageSV, usageEN, func(p *model.Plan, n int) (*model.Version, error) {
		if n == 0 {
			if v := p.Handout(); v != nil {
				return v, nil
			}
			if p.ContentHidden() {
				// Consent withdrawn before any version was finalised:
				// the draft is gone, and what is printed or exported is
				// the closure notice, which needs no version.
				return &model.Version{}, nil
			}
		}
		return a.pickVersion(p, n)
	})
}

func (a *app) loadPicked(pos []string, ver int, usageSV, usageEN string, pick func(*model.Plan, int) (*model.Version, error)) (*service.Service, *model.Plan, *model.Version, error) {
	if len(pos) != 1 {
		return nil, nil, nil, fail(usageSV, usageEN)
	}
	svc, p, err := a.loadPlan(pos[0])
	if err != nil {
		return nil, nil, nil, err
	}
	v, err := pick(p, ver)
	if err != nil {
		svc.Close()
		return nil, nil, nil, err
	}
	return svc, p, v, nil
}

// loadChecklists loads the agenda and the checklists with the local
// routine; problems are reported but never stop the program.
func (a *app) loadChecklists() (*checklists.Set, string) {
	set, probs := checklists.Load(checklists.Resolve(a.checkDir))
	if len(probs) == 0 {
		return set, ""
	}
	var b strings.Builder
	b.WriteString(model.T(a.lang, "Den lokala rutinen har fel; standardlistorna används för det som inte gick att läsa:",
		"The local routine has errors; the defaults are used for what could not be read:"))
	for i, p := range probs {
		if i == 3 {
			b.WriteString(model.T(a.lang, " … (sipmote checklists validate visar alla)", " … (sipmote checklists validate shows all)"))
			break
		}
		b.WriteString(" " + p.In(a.lang) + ";")
	}
	return set, b.String()
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// demoCommand is the command line that makes the sample plans in the file
// this run uses, in its language: with the --db and --lang it was given,
// quoted for a POSIX shell when the path needs it, so that it can be
// copied as it stands.
func (a *app) demoCommand() string { return a.command("demo") }

// shellQuote quotes s for a POSIX shell unless it holds only characters
// that need none.
func shellQuote(s string) string {
	plain := s != ""
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+=:,@%", r)) {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// pickVersion is version n, or the current one for 0.
func (a *app) pickVersion(p *model.Plan, n int) (*model.Version, error) {
	if n == 0 {
		if v := p.Current(); v != nil {
			return v, nil
		}
		return nil, fail("planen är tom", "the plan is empty")
	}
	v, err := p.VersionByNumber(n)
	if err != nil {
		return nil, fail(fmt.Sprintf("planen har ingen version %d", n), fmt.Sprintf("the plan has no version %d", n))
	}
	return v, nil
}

// draftNote is the line that names the version taken when a follow-up
// draft is open beside it and no --version was given, and how to take the
// draft instead; "" otherwise.
func (a *app) draftNote(p *model.Plan, v *model.Version, ver int) string {
	if ver != 0 || p.Draft == nil || v == nil || v == p.Draft {
		return ""
	}
	return fmt.Sprintf(model.T(a.lang,
		"Det här är version %d, den senast fastställda. Utkastet som skrivs nu är version %d: lägg till --version %d för det.",
		"This is version %d, the last finalised one. The draft being written is version %d: add --version %d for it."),
		v.Number, p.Draft.Number, p.Draft.Number)
}

// exitCode is an error whose message has already been printed.
type exitCode int

func (e exitCode) Error() string { return "exit " + strconv.Itoa(int(e)) }

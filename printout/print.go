package printout

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/outfile"
)

// Result says where a print went: to a printer, or to a file when no
// printer was found.
type Result struct {
	Printed bool
	Printer string
	Path    string
	// NoPrinter says the PDF was saved because no printer was chosen: the
	// system has no default printer and none was named.
	NoPrinter bool
	// Refused is the default printer's answer when it did not take the
	// job (Printer names it); the PDF was saved instead.
	Refused string
}

// Errors of printing. They carry no personal data.
var (
	ErrNoLP     = errors.New("printout: the lp command is not installed")
	ErrLP       = errors.New("printout: the printer did not take the job")
	ErrNoPDF    = errors.New("printout: nothing to print")
	ErrFileName = errors.New("printout: no free file name")
)

// printTimeout bounds how long lp may take to queue a job; a hung CUPS
// must not freeze the meeting.
const printTimeout = 30 * time.Second

// Print sends the PDF to a CUPS printer, or saves it when there is none.
//
// With printer given, the job goes to that printer and a failure is an
// error. Without it, the system's default printer is used, and only that
// one: a printer the system merely knows of may stand in a corridor. If
// there is no default (Result.NoPrinter), or it refuses the job
// (Result.Refused), the PDF is saved as name in the user's documents
// folder (see SaveDir) so that the secretary still has it and can find
// it: never in whatever folder the program happened to be started from. The file is readable by its owner
// only and never replaces an existing file: a name already taken gets -2,
// -3 before the extension. Result.Path is the full path.
//
// The PDF goes to lp on standard input, so no copy is left in a temporary
// directory; the job is titled "SIP" so that the print queue, which other
// users can list, shows no name.
func Print(pdf []byte, printer string, name string) (Result, error) {
	if len(pdf) == 0 {
		return Result{}, ErrNoPDF
	}
	lp, lpErr := exec.LookPath("lp")
	if printer != "" {
		if lpErr != nil {
			return Result{}, ErrNoLP
		}
		if err := sendLP(lp, printer, pdf); err != nil {
			return Result{}, err
		}
		return Result{Printed: true, Printer: printer}, nil
	}
	res := Result{NoPrinter: true}
	if lpErr == nil {
		if dest := DefaultPrinter(); dest != "" {
			err := sendLP(lp, dest, pdf)
			if err == nil {
				return Result{Printed: true, Printer: dest}, nil
			}
			res = Result{Printer: dest, Refused: lpMessage(err)}
		}
	}
	dir, err := SaveDir()
	if err != nil {
		return Result{}, err
	}
	if name = filepath.Base(name); name == "." || name == string(filepath.Separator) {
		name = "sip.pdf"
	}
	path, err := saveNew(filepath.Join(dir, name), pdf)
	if err != nil {
		return Result{}, err
	}
	res.Path = path
	return res, nil
}

// lpMessage is what lp said, without the package's prefix.
func lpMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), ErrLP.Error())
	return strings.TrimSpace(strings.TrimPrefix(msg, ":"))
}

// ErrNoSaveDir is returned when there is no home folder to save a PDF in.
var ErrNoSaveDir = errors.New("printout: no documents folder to save the PDF in")

// SaveDir is the folder a PDF is saved in when no printer takes it: a
// sipmote folder in the user's documents folder. The documents folder is
// $XDG_DOCUMENTS_DIR, else the one named in the desktop's user-dirs.dirs
// (a Swedish desktop calls it ~/Dokument), else ~/Documents. The sipmote
// folder is created, and kept, readable by its owner only, since every
// file in it is a plan.
func SaveDir() (string, error) {
	dir, err := SaveDirPath()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	if st, err := os.Stat(dir); err == nil && st.Mode().Perm() != 0o700 {
		if err := os.Chmod(dir, 0o700); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// SaveDirPath is the folder SaveDir uses, found the same way but not
// made: the print dialog names it before anything is printed.
func SaveDirPath() (string, error) {
	home, _ := os.UserHomeDir()
	docs := os.Getenv("XDG_DOCUMENTS_DIR")
	if !filepath.IsAbs(docs) {
		docs = userDirsDocuments(home)
	}
	if !filepath.IsAbs(docs) {
		if !filepath.IsAbs(home) {
			return "", ErrNoSaveDir
		}
		docs = filepath.Join(home, "Documents")
	}
	return filepath.Join(docs, "sipmote"), nil
}

// userDirsDocuments reads XDG_DOCUMENTS_DIR from the desktop's
// user-dirs.dirs ("$HOME/Dokument"); "" when there is none.
func userDirsDocuments(home string) string {
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if !filepath.IsAbs(cfg) {
		if home == "" {
			return ""
		}
		cfg = filepath.Join(home, ".config")
	}
	data, err := os.ReadFile(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), "=")
		if !ok || k != "XDG_DOCUMENTS_DIR" {
			continue
		}
		v = strings.Trim(v, `"`)
		if rest, ok := strings.CutPrefix(v, "$HOME"); ok {
			if home == "" {
				return ""
			}
			v = home + rest
		}
		v = filepath.Clean(v)
		if v == filepath.Clean(home) {
			return "" // the desktop has no documents folder of its own
		}
		return v
	}
	return ""
}

func sendLP(lp, printer string, pdf []byte) error {
	if strings.HasPrefix(printer, "-") || strings.ContainsAny(printer, " \t\r\n") {
		return ErrLP // not a printer name; never pass it on as an option
	}
	ctx, cancel := context.WithTimeout(context.Background(), printTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, lp, "-d", printer, "-t", "SIP", "-o", "media=A4")
	cmd.Stdin = bytes.NewReader(pdf)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		// lp's message names only the printer; pass it on for the screen.
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 200 {
			msg = msg[:200]
		}
		if msg == "" {
			return fmt.Errorf("%w: %v", ErrLP, err)
		}
		return fmt.Errorf("%w: %s", ErrLP, msg)
	}
	return nil
}

// DefaultPrinter asks CUPS for the system's default printer, the one a
// print goes to when none is named; "" when there is none (or no CUPS).
// It never guesses from the printers CUPS knows of. It runs lpstat, so a
// screen calls it from a tea.Cmd.
func DefaultPrinter() string {
	if _, err := exec.LookPath("lpstat"); err != nil {
		return ""
	}
	out := lpstat("-d")
	// "system default destination: office" (or "no system default destination")
	if _, name, ok := strings.Cut(out, "destination:"); ok {
		if f := strings.Fields(name); len(f) > 0 {
			return f[0]
		}
	}
	return ""
}

func lpstat(arg string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "lpstat", arg)
	// lpstat answers in the user's language; ask for the words parsed above.
	cmd.Env = append(os.Environ(), "LC_ALL=C", "LANG=C")
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// saveNew writes data to path, or to path-2, path-3... if it is taken,
// as a new private file: nothing is ever overwritten (see outfile).
func saveNew(path string, data []byte) (string, error) {
	p, err := outfile.WriteFree(path, data)
	if errors.Is(err, outfile.ErrNoFreeName) {
		return "", ErrFileName
	}
	return p, err
}

// DefaultFileName is the name a saved print gets: sip-ML-v2-2026-11-30.pdf.
// It carries the initials only, since file names show in lists and
// backups; the date is the meeting's, or today's when the meeting has none.
func DefaultFileName(p *model.Plan, v *model.Version) string {
	name, number, date := "", 1, ""
	if p != nil {
		name = p.Person.Name
		if v == nil {
			v = p.Current()
		}
	}
	if v != nil {
		number = v.Number
		date = v.Meeting.Date
	}
	if model.CheckDate(date) != nil || date == "" {
		date = time.Now().Format(model.DateLayout)
	}
	// Plain letters a-z only: the file is mailed and copied to shares
	// and systems that mangle others (ÉØÅJ becomes EOAJ).
	var b strings.Builder
	for _, r := range initials(name) {
		lower := unicode.ToLower(r)
		switch p, ok := model.PlainLetters(lower); {
		case ok:
			b.WriteString(strings.ToUpper(p[:1]))
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		}
	}
	ini := b.String()
	if ini == "" {
		ini = "x"
	}
	return fmt.Sprintf("sip-%s-v%d-%s.pdf", ini, number, date)
}

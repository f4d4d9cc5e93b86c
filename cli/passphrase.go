package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/term"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui"
)

// The passphrase of an encrypted database is asked for on the screen and
// nowhere else: never taken from an argument (which other users can see in
// the process list) or an environment variable (inherited by every child
// and often logged). On a terminal it is read without echo; from a pipe,
// one line is read, so that scripts and tests can still drive sipmote.

// errNoPassphrase is a passphrase prompt that got nothing.
var errNoPassphrase = errors.New("no passphrase given")

// stdinFD returns the file descriptor of standard input when it is a
// terminal.
func (a *app) stdinTerminal() (int, bool) {
	f, ok := a.stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0, false
	}
	return int(f.Fd()), true
}

// readSecret shows prompt on standard error and reads one passphrase.
func (a *app) readSecret(prompt string) ([]byte, error) {
	fmt.Fprint(a.stderr, prompt)
	if fd, ok := a.stdinTerminal(); ok {
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(a.stderr)
		if err != nil {
			return nil, err
		}
		return b, nil
	}
	if a.lines == nil {
		a.lines = bufio.NewReader(a.stdin)
	}
	line, err := a.lines.ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		fmt.Fprintln(a.stderr)
		return nil, errNoPassphrase
	}
	fmt.Fprintln(a.stderr)
	return []byte(strings.TrimRight(line, "\r\n")), nil
}

// askPassphrase is the store's prompt for an existing encrypted file: the
// masked field of the unlock screen when the screens are starting on a
// terminal, else a no-echo prompt.
func (a *app) askPassphrase() ([]byte, error) {
	if _, ok := a.stdinTerminal(); ok && a.screens {
		m := ui.NewUnlock(a.lang, a.unlockProblem)
		if _, err := tea.NewProgram(m).Run(); err != nil {
			return nil, err
		}
		if m.Cancelled() {
			return nil, errNoPassphrase
		}
		return m.Passphrase(), nil
	}
	return a.readSecret(model.T(a.lang, "Lösenfras för databasen: ", "Passphrase of the database: "))
}

// openForScreens opens the database for the program's screens: a wrong
// passphrase is asked for again, twice, with a word about why.
func (a *app) openForScreens(jargon []model.Jargon) (*service.Service, error) {
	a.screens = true
	defer func() { a.screens, a.unlockProblem = false, "" }()
	for try := 0; ; try++ {
		db, err := a.openService(jargon)
		if errors.Is(err, service.ErrPassphrase) && try < 2 {
			a.unlockProblem = model.T(a.lang, "Lösenfrasen stämmer inte. Försök igen.", "The passphrase is not right. Try again.")
			continue
		}
		if errors.Is(err, errNoPassphrase) {
			return nil, fail("ingen lösenfras gavs; inget öppnades", "no passphrase was given; nothing was opened")
		}
		if err != nil {
			return nil, err
		}
		return db, nil
	}
}

// newPassphrase asks for a new passphrase twice, and refuses a short one.
func (a *app) newPassphrase() ([]byte, error) {
	p, err := a.readSecret(model.T(a.lang, "Ny lösenfras (minst 10 tecken): ", "New passphrase (at least 10 characters): "))
	if err != nil {
		return nil, fail("ingen lösenfras angavs; inget har ändrats", "no passphrase was given; nothing was changed")
	}
	if len([]rune(string(p))) < 10 {
		return nil, fail("lösenfrasen är för kort: minst 10 tecken. Inget har ändrats.", "the passphrase is too short: at least 10 characters. Nothing was changed.")
	}
	again, err := a.readSecret(model.T(a.lang, "Samma lösenfras igen: ", "The same passphrase again: "))
	if err != nil || string(again) != string(p) {
		return nil, fail("lösenfraserna var inte lika; inget har ändrats", "the passphrases did not match; nothing was changed")
	}
	clear(again)
	return p, nil
}

package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

func cmdBackup(a *app, args []string) error {
	fs := a.flags("backup")
	var to multiFlag
	fs.Var(&to, "to", "")
	keep := fs.Int("keep", 0, "")
	pos, err := a.parse(fs, "backup", args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fail("ange mappen: sipmote backup MAPP --to NYCKEL [--keep N]", "give the folder: sipmote backup DIR --to KEY [--keep N]")
	}
	// 0 is the default (keep every backup); written out, it would mean
	// keep none, which is refused as -1 is.
	keepGiven := false
	fs.Visit(func(f *flag.Flag) { keepGiven = keepGiven || f.Name == "keep" })
	if *keep < 0 || keepGiven && *keep == 0 {
		return fail("--keep tar ett antal, 1 eller fler", "--keep takes a number, 1 or more")
	}
	rs, err := a.recipients(to)
	if err != nil {
		return err
	}
	path, err := service.ResolvePath(a.dbFlag)
	if err != nil {
		return fail("hittar ingen plats för databasen; ange --db SÖKVÄG", "cannot find a place for the database; give --db PATH")
	}
	if _, err := os.Stat(path); err != nil && !service.IsServer(path) {
		return fail("det finns ingen databas att säkerhetskopiera: "+path, "there is no database to back up: "+path)
	}
	// The folder is made when missing (0700, with its parents): say so,
	// so that a mistyped folder name is noticed.
	dir := pos[0]
	missing := !exists(dir)
	var res *service.BackupResult
	db, err := a.openDB()
	switch {
	case errors.Is(err, service.ErrLocked):
		// A meeting has the file: it takes the snapshot for us.
		fmt.Fprintln(a.stderr, model.T(a.lang, "Databasen är öppen i en annan sipmote; den tar kopian medan den arbetar vidare.",
			"The database is open in another sipmote; it takes the copy while it goes on working."))
		res, err = service.RemoteBackup(path, dir, rs, *keep, a.now())
	case err != nil:
		return err
	default:
		res, err = db.Backup(a.ctx, dir, rs, *keep)
		db.Close()
	}
	if missing && exists(dir) {
		a.saidMade(dir)
	}
	if res != nil && res.Path != "" {
		var names []string
		for _, r := range rs {
			names = append(names, recipientLabel(r))
		}
		fmt.Fprintln(a.stdout, model.T(a.lang, "Säkerhetskopia sparad: ", "Backup saved: ")+res.Path+
			fmt.Sprintf(" (%s)", sizeText(res.Size)))
		fmt.Fprintln(a.stdout, model.T(a.lang, "  krypterad för: ", "  encrypted for: ")+strings.Join(names, ", "))
		for _, r := range res.Removed {
			fmt.Fprintln(a.stdout, model.T(a.lang, "  äldre kopia borttagen: ", "  older backup removed: ")+r)
		}
	}
	return err
}

// saidMade says that the folder dir was made for what the command wrote.
func (a *app) saidMade(dir string) {
	fmt.Fprintln(a.stdout, model.T(a.lang, "Skapade mappen "+dir+" (bara du kommer åt den).",
		"Created the folder "+dir+" (only you can open it)."))
}

// exists tells whether path names something on disk.
func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d kB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

func cmdRestore(a *app, args []string) error {
	fs := a.flags("restore")
	var ids multiFlag
	fs.Var(&ids, "identity", "")
	pos, err := a.parse(fs, "restore", args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return fail("ange säkerhetskopian och den nya databasen: sipmote restore FIL NYFIL [--identity NYCKEL]",
			"give the backup and the new database: sipmote restore FILE NEWFILE [--identity KEY]")
	}
	if _, err := os.Lstat(pos[1]); err == nil || !errors.Is(err, os.ErrNotExist) {
		return fail("det finns redan en fil "+pos[1]+"; restore skriver bara en ny fil. Inget har ändrats.",
			"a file "+pos[1]+" exists already; restore writes only a new file. Nothing was changed.")
	}
	if _, err := os.Stat(pos[0]); err != nil {
		return fail("kan inte öppna filen "+pos[0], "cannot open the file "+pos[0])
	}
	kr, err := a.keyring(ids)
	if err != nil {
		return err
	}
	// An encrypted database is checked, opened and checked again: its
	// passphrase is asked once.
	var pass []byte
	ask := func() ([]byte, error) {
		if pass == nil {
			p, err := a.askPassphrase()
			if err != nil {
				return nil, err
			}
			pass = append([]byte(nil), p...)
		}
		return append([]byte(nil), pass...), nil
	}
	defer func() { clear(pass) }()
	// The new file's folder is made when missing, as backup's is: said.
	dir := filepath.Dir(pos[1])
	missing := !exists(dir)
	rep, err := service.Restore(pos[0], pos[1], kr, service.Options{Now: a.now, Passphrase: ask})
	if missing && exists(dir) {
		a.saidMade(dir)
	}
	if err != nil {
		if errors.Is(err, errNoPassphrase) {
			return fail("ingen lösenfras gavs; inget har skrivits", "no passphrase was given; nothing was written")
		}
		return err
	}
	fmt.Fprintln(a.stdout, model.T(a.lang, "Databasen återskapad: ", "Database restored: ")+pos[1])
	fmt.Fprintf(a.stdout, model.T(a.lang, "  kontrollen godkänd: %d poster, %d logghändelser\n", "  the check passed: %d records, %d trail events\n"), rep.Records, rep.Events)
	fmt.Fprintln(a.stdout, model.T(a.lang, "  öppna den med: sipmote --db ", "  open it with: sipmote --db ")+shellQuote(pos[1]))
	return nil
}

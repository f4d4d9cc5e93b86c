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
		return inputError(pos[0], err)
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
		if errors.Is(err, service.ErrRestoreCheck) && rep != nil && rep.Report != nil {
			why := strings.Join(restoreWhy(a.lang, rep.Report), "; ")
			return fail("säkerhetskopian gav en databas som inte klarar kontrollen ("+why+"); den har inte sparats och inget har skrivits.",
				"the backup gave a database that does not pass the check ("+why+"); it was not kept and nothing was written.")
		}
		return err
	}
	fmt.Fprintln(a.stdout, model.T(a.lang, "Databasen återskapad: ", "Database restored: ")+pos[1])
	fmt.Fprintf(a.stdout, model.T(a.lang, "  kontrollen godkänd: %d poster, %d logghändelser\n", "  the check passed: %d records, %d trail events\n"), rep.Records, rep.Events)
	if rep.Adopted > 0 {
		fmt.Fprintf(a.stdout, model.T(a.lang,
			"  säkerhetskopian skrevs på en annan dator: dess %d poster kan inte visas oförändrade mot den datorns nyckel här, och är nu förseglade med din nyckel på den här datorn (ändringar utan den syns från och med nu)\n",
			"  the backup was written on another computer: its %d records cannot be shown unchanged against that computer's key here, and are now sealed with your key on this computer (changes made without it show from now on)\n"), rep.Adopted)
	}
	fmt.Fprintln(a.stdout, model.T(a.lang, "  öppna den med: ", "  open it with: ")+a.commandOn(pos[1]))
	return nil
}

// restoreWhy names, in short, what the check of a restored file found
// wrong: the same findings sipmote check lists, without the ids.
func restoreWhy(l model.Lang, r *service.Report) []string {
	t := func(sv, en string) string { return model.T(l, sv, en) }
	var out []string
	add := func(n int, sv, en string) {
		if n > 0 {
			out = append(out, fmt.Sprintf(t(sv, en), n))
		}
	}
	if r.Structure != nil {
		out = append(out, t("filens struktur är trasig", "the file's structure is broken"))
	}
	add(len(r.Damaged), "%d planer med skadade poster", "%d plans with damaged records")
	add(r.OtherDamaged, "%d andra skadade poster", "%d other damaged records")
	add(len(r.Changed), "%d planer ändrade utan nyckeln", "%d plans changed without the key")
	add(len(r.Replayed), "%d planer där en äldre version lagts tillbaka", "%d plans with an older copy put back")
	add(len(r.Breaks), "%d brott i åtkomstloggens kedjor", "%d breaks in the access trail's chains")
	if r.Front == service.FrontDamaged {
		out = append(out, t("hemskärmens första sida är ändrad", "the home screen's first page was changed"))
	}
	if r.Key == service.KeyUser && r.Unsealed+r.OtherKey > 0 {
		out = append(out, fmt.Sprintf(t("%d poster är förseglade med en annan nyckel eller ingen bredvid %d med din nyckel här, vilket är vad en ändring utan din nyckel lämnar",
			"%d records are sealed with another key or none beside %d with your key here, which is what a change made without your key leaves"), r.Unsealed+r.OtherKey, r.Ours))
	}
	if len(out) == 0 {
		out = append(out, t("se sipmote check", "see sipmote check"))
	}
	return out
}

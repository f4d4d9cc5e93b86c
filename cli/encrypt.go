package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// cmdEncrypt encrypts the database: a missing file is created encrypted,
// a plain one is converted through a verified new file.
func cmdEncrypt(a *app, args []string) error {
	fset := a.flags("encrypt")
	pos, err := a.parse(fset, "encrypt", args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fail("encrypt tar inga argument; ange filen med --db", "encrypt takes no arguments; give the file with --db")
	}
	path, err := service.ResolvePath(a.dbFlag)
	if err != nil {
		return fail("hittar ingen plats för databasen; ange --db SÖKVÄG", "cannot find a place for the database; give --db PATH")
	}
	t := func(sv, en string) string { return model.T(a.lang, sv, en) }
	_, statErr := os.Lstat(path)
	if statErr == nil {
		// Refuse before asking: an encrypted file needs no new passphrase.
		r, err := service.Check(path, service.Options{Passphrase: func() ([]byte, error) { return nil, service.ErrEncrypted }})
		if errors.Is(err, service.ErrEncrypted) || err == nil && r.Encrypted {
			return fail("databasen är redan krypterad", "the database is already encrypted")
		}
		if err != nil {
			return err
		}
	}
	fmt.Fprintln(a.stderr, t(
		"Välj en lösenfras som ingen kan gissa, och förvara den säkert:\nutan den går planerna inte att läsa, av någon.",
		"Choose a passphrase nobody can guess, and keep it safe:\nwithout it the plans cannot be read, by anyone."))
	pass, err := a.newPassphrase()
	if err != nil {
		return err
	}
	defer clear(pass)
	if errors.Is(statErr, fs.ErrNotExist) {
		db, err := service.Open(path, service.Options{Now: a.now, NewPassphrase: pass})
		if err != nil {
			return err
		}
		a.noteOpened(db)
		if err := db.Close(); err != nil {
			return err
		}
		fmt.Fprintln(a.stdout, t("En ny krypterad databas är skapad: ", "A new encrypted database is created: ")+path)
		return nil
	}
	if err := service.Encrypt(path, pass); err != nil {
		if errors.Is(err, service.ErrAlreadyEncrypted) {
			return fail("databasen är redan krypterad", "the database is already encrypted")
		}
		return err
	}
	fmt.Fprintln(a.stdout, t("Databasen är krypterad och kontrollerad: ", "The database is encrypted and verified: ")+path)
	return nil
}

package service

import (
	"errors"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/outfile"
	"github.com/sipmote/sipmote/seal"
)

// sealErrorText says what went wrong sealing, opening, backing up or
// restoring, when it was that; ok is false for any other error.
func sealErrorText(l model.Lang, err error) (msg string, ok bool) {
	var se *seal.Error
	var fe *FileError
	switch {
	case errors.As(err, &se):
		return se.In(l), true
	case errors.Is(err, ErrSealWithheld):
		return model.T(l, "samtycket är återkallat, så planen förseglas inte: inget av den får lämnas över. Det som får lämnas är meddelandet att planen är avslutad (utskrift, eller export som md, txt eller fhir). Ingen fil skrevs.",
			"the consent has been withdrawn, so the plan is not sealed: none of it may be handed over. What may leave is the notice that the plan has ended (a print, or an export as md, txt or fhir). No file was written."), true
	case errors.Is(err, ErrSignerMismatch):
		return model.T(l, "filen säger att den är signerad av en annan nyckel än den som signerade den; den öppnas inte och inget har skrivits",
			"the file says it is signed by another key than the one that signed it; it is not opened and nothing was written"), true
	case errors.Is(err, ErrNewerSealed):
		return model.T(l, "filen är förseglad av en nyare sipmote; uppdatera programmet", "the file was sealed by a newer sipmote; update the program"), true
	case errors.Is(err, ErrRestoreExists):
		return model.T(l, "det finns redan en fil med det namnet; restore skriver bara nya filer. Ange ett nytt namn.",
			"a file of that name exists already; restore only writes new files. Give a new name."), true
	case errors.Is(err, ErrRestoreCheck):
		return model.T(l, "säkerhetskopian gav en databas som inte klarar kontrollen; den har inte sparats",
			"the backup gave a database that does not pass the check; it was not kept"), true
	case errors.Is(err, ErrNoAnswer):
		return model.T(l, "databasen används av en annan sipmote som inte svarar på begäran om säkerhetskopia. Ta säkerhetskopian i det programmet, eller stäng det först.",
			"the database is in use by another sipmote that does not answer a backup request. Take the backup in that program, or close it first."), true
	case errors.As(err, &fe) && errors.Is(err, outfile.ErrExists):
		return model.T(l, "filen "+fe.Path+" finns redan; inget skrevs över. Ange ett nytt namn.",
			"the file "+fe.Path+" exists already; nothing was overwritten. Give a new name."), true
	}
	return "", false
}

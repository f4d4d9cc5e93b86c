package service

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/printout"
	"github.com/sipmote/sipmote/store"
	"github.com/sipmote/sipmote/store/postgres"
)

// ErrorText says what went wrong in the user's language. It never repeats
// the error's own text for errors it does not know, since that text may be
// technical; it names only the kind of trouble and what to do.
func ErrorText(l model.Lang, err error) string {
	var se *store.SaveError
	var fe *FileError
	var re *store.RecoveryError
	var rm *RemoveError
	var held *HeldError
	var ue *UnsavedError
	if msg, ok := sealErrorText(l, err); ok {
		return msg
	}
	if msg, ok := pgErrorText(l, err); ok {
		return msg
	}
	var unrec *UnrecordedError
	var early *model.EarlyCloseError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &early):
		return early.Message(l)
	case errors.As(err, &unrec) && errors.Is(err, store.ErrReadOnlyFile):
		// The law's rule (recorded.go) stands: a reading the trail cannot
		// take is not made. The way round it keeps the rule: a copy of
		// the file records the reading in its own trail.
		return model.T(l, "databasfilen "+pathIn(err)+" är skrivskyddad. sipmote för in varje läsning av planerna i filens åtkomstlogg, och den går inte att skriva i, så inget visas. Gör filen skrivbar, eller kopiera den till en egen mapp och läs kopian med --db: då förs läsningen in i kopians logg. sipmote check går att köra på filen som den är.",
			"the database file "+pathIn(err)+" is read-only. sipmote records every reading of its plans in the file's access trail, which cannot be written, so nothing is shown. Make the file writable, or copy it to a folder of your own and read the copy with --db: the copy's trail then records the reading. sipmote check works on the file as it is.")
	case errors.As(err, &unrec):
		return model.T(l, "det gick inte att skriva i åtkomstloggen ("+ErrorText(l, unrec.Err)+"), så planen visas, skrivs ut eller sparas inte. Det som redan är sparat är kvar.",
			"the access could not be written to the trail ("+ErrorText(l, unrec.Err)+"), so the plan is not shown, printed or written out. What is saved is still there.")
	case errors.As(err, &ue):
		return unsavedText(l, ue.Closed)
	case errors.As(err, &re) && re.DiskFull():
		return model.T(l, "det är fullt även där", "that disk is full too")
	case errors.As(err, &rm):
		return model.T(l, "filen "+rm.Path+" kunde inte tas bort; ta bort den själv", "the file "+rm.Path+" could not be removed; remove it yourself")
	case errors.Is(err, store.ErrDamagedRecovery):
		return model.T(l, "återställningsfilen är skadad och kan inte läsas. Den ligger kvar som den är.",
			"the recovery file is damaged and cannot be read. It is left as it is.")
	case errors.Is(err, ErrClosedSince):
		return model.T(l, "planen har avslutats efter att filen skrevs, och en avslutad plan ändras inte.",
			"the plan was closed after the file was written, and a closed plan is not changed.")
	case errors.Is(err, store.ErrOtherDatabase):
		return model.T(l, "återställningsfilen hör till en annan databas.", "the recovery file belongs to another database.")
	case errors.As(err, &re) && len(re.Reasons) == 0:
		return model.T(l, "ingen av mapparna "+strings.Join(re.Tried, ", ")+" tog emot den", "none of the folders "+strings.Join(re.Tried, ", ")+" would take it")
	case errors.As(err, &re):
		return model.T(l, "ingen av mapparna tog emot den: ", "none of the folders would take it: ") + recoveryReasons(l, re)
	case errors.As(err, &held):
		return model.T(l, "planen är öppen i ett annat sipmote ("+held.Owner+") sedan "+held.Since.Local().Format("2006-01-02 15:04")+". Den kan läsas men inte ändras förrän det mötet är slut; har det programmet stängts av släpper det planen inom en halv minut.",
			"the plan is open in another sipmote ("+held.Owner+") since "+held.Since.Local().Format("2006-01-02 15:04")+". It can be read but not changed until that meeting ends; if that program was shut down, it lets go of the plan within half a minute.")
	case errors.Is(err, ErrUnreachable):
		return model.T(l, "databasservern går inte att nå (nätverket eller servern är nere); försök igen om en stund",
			"the database server cannot be reached (the network or the server is down); try again in a while")
	case errors.Is(err, ErrLogin):
		return model.T(l, "databasservern godtar inte användarnamnet eller lösenordet i adressen (--db).",
			"the database server does not accept the user name or password in the address (--db).")
	case errors.Is(err, ErrNoDatabase):
		return model.T(l, "databasservern har ingen databas med det namnet; be IT skapa den (se README).",
			"the database server has no database of that name; ask IT to create it (see the README).")
	case errors.Is(err, postgres.ErrEmpty):
		return model.T(l, "databasen är tom: sipmote har inte skapat något i den ännu. Inget har skrivits i den.",
			"the database is empty: sipmote has made nothing in it yet. Nothing was written to it.")
	case errors.Is(err, postgres.ErrForeign):
		return model.T(l, "databasen har tabeller från ett annat program och är inte sipmotes. Inget har skrivits i den.",
			"the database has another program's tables and is not sipmote's. Nothing was written to it.")
	case errors.Is(err, ErrFileOnly):
		return model.T(l, "kommandot gäller en databasfil, inte PostgreSQL. Där tar servern säkerhetskopior (pg_dump); sipmote migrate flyttar planerna.",
			"the command works on a database file, not on PostgreSQL. There the server takes the backups (pg_dump); sipmote migrate moves the plans.")
	case errors.Is(err, store.ErrNotEmpty):
		return model.T(l, "måldatabasen är inte tom. sipmote migrate skriver bara i en tom databas, så att inget blandas ihop.",
			"the target database is not empty. sipmote migrate writes only into an empty one, so that nothing gets mixed up.")
	case errors.As(err, &se) && se.DiskFull():
		// Whether the text is still kept depends on where this is said
		// (an open meeting keeps it in memory; a closed one does not), so
		// the caller says that, never this text.
		return model.T(l, "disken är full; frigör utrymme", "the disk is full; free some space")
	case errors.Is(err, store.ErrLocked):
		return model.T(l, "databasen används redan av en annan sipmote. Stäng den andra först.",
			"the database is already in use by another sipmote. Close the other one first.")
	case errors.Is(err, store.ErrKeyFolder):
		return model.T(l, "nyckelmappen "+pathIn(err)+" är inte privat för dig (den ska vara din och bara läsbar för dig); sipmote använder den inte.",
			"the key folder "+pathIn(err)+" is not private to you (it must be yours and readable by you only); sipmote does not use it.")
	case errors.Is(err, store.ErrEmptyFile):
		return model.T(l, "filen är tom; om den är ny, ta bort den. sipmote gör den inte till en databas.",
			"the file is empty; if it is new, remove it. sipmote does not make it a database.")
	case errors.Is(err, store.ErrNoFile):
		return model.T(l, "det finns ingen databasfil där. Inget har skapats.", "there is no database file there. Nothing was created.")
	case errors.Is(err, store.ErrDowngraded):
		return model.T(l, "filen har krypterade poster men ingen krypteringsrubrik: någon har tagit bort den, eller filen är skadad. Inget skrivs i den.",
			"the file has encrypted records but no encryption header: someone removed it, or the file is damaged. Nothing is written to it.")
	case errors.Is(err, store.ErrNotSipmote):
		return model.T(l, "filen är inte en sipmote-databas. Den har inte ändrats.",
			"the file is not a sipmote database. It has not been changed.")
	case errors.Is(err, store.ErrDamaged):
		return model.T(l, "databasfilen har skadade poster, så inget mer skrivs i den. sipmote check visar vilka; sipmote rescue NYFIL kopierar det som är helt till en ny fil.",
			"the database file has damaged records, so nothing more is written to it. sipmote check shows which; sipmote rescue NEWFILE copies what is whole to a new file.")
	case errors.Is(err, store.ErrReadOnlyOld):
		return model.T(l, "databasfilen "+pathIn(err)+" är skrivskyddad och gjord av en äldre sipmote. Den måste göras om till den här versionens form, och det går bara i en fil som kan skrivas i. Inget har ändrats. Gör filen skrivbar, eller kopiera den till en egen mapp och använd kopian med --db.",
			"the database file "+pathIn(err)+" is read-only and was made by an older sipmote. It must be brought up to this version's form, which needs a file that can be written. Nothing was changed. Make the file writable, or copy it to a folder of your own and use the copy with --db.")
	case errors.Is(err, store.ErrReadOnlyFile):
		return model.T(l, "databasfilen "+pathIn(err)+" är skrivskyddad (den går att läsa men inte skriva i), så inget skrevs. Gör filen skrivbar, eller kopiera den till en egen mapp och arbeta i kopian med --db.",
			"the database file "+pathIn(err)+" is read-only (it can be read but not written), so nothing was written. Make the file writable, or copy it to a folder of your own and work on the copy with --db.")
	case errors.Is(err, store.ErrReadOnly):
		return model.T(l, "databasen är öppnad bara för läsning, så inget skrivs i den.",
			"the database is open for reading only, so nothing is written to it.")
	case errors.Is(err, store.ErrDamagedRecord):
		return model.T(l, "planen är skadad i databasfilen och visas inte"+planIDIn(err)+". sipmote check visar mer; sipmote rescue NYFIL kopierar det som är helt.",
			"the plan is damaged in the database file and is not shown"+planIDIn(err)+". sipmote check shows more; sipmote rescue NEWFILE copies what is whole.")
	case errors.Is(err, store.ErrPassphrase):
		return model.T(l, "lösenfrasen stämmer inte. Inget har ändrats; försök igen.", "the passphrase is not right. Nothing was changed; try again.")
	case errors.Is(err, store.ErrEncrypted):
		return model.T(l, "databasen är krypterad och ingen lösenfras gavs.", "the database is encrypted and no passphrase was given.")
	case errors.Is(err, store.ErrSymlink):
		return model.T(l, "databasens sökväg "+pathIn(err)+" är en symbolisk länk. sipmote följer inte länkar till databasen; ange den riktiga filen med --db.",
			"the database path "+pathIn(err)+" is a symbolic link. sipmote does not follow links to the database; give the real file with --db.")
	case errors.Is(err, store.ErrForeignOwner):
		return model.T(l, "databasfilen "+pathIn(err)+" tillhör en annan användare. sipmote använder bara dina egna filer.",
			"the database file "+pathIn(err)+" belongs to another user. sipmote uses only your own files.")
	case errors.Is(err, store.ErrLooseFolder):
		return model.T(l, "andra kan skriva i mappen "+pathIn(err)+", och den är inte din. Lägg databasen i en egen mapp (--db).",
			"others can write in the folder "+pathIn(err)+", and it is not yours. Keep the database in a folder of your own (--db).")
	case errors.Is(err, fs.ErrPermission):
		return model.T(l, "du har inte behörighet att läsa "+pathIn(err)+". Se efter att filen och mappen är dina.",
			"you have no permission to read "+pathIn(err)+". Check that the file and the folder are yours.")
	case errors.Is(err, store.ErrCorrupt):
		return model.T(l, "databasfilen är skadad. Den har inte ändrats; ta en kopia och kontakta support.",
			"the database file is damaged. It has not been changed; make a copy and contact support.")
	case errors.Is(err, store.ErrNewerSchema):
		return model.T(l, "databasen är skapad av en nyare sipmote. Uppdatera programmet.",
			"the database was made by a newer sipmote. Update the program.")
	case errors.Is(err, store.ErrClosedPlan):
		return model.T(l, "planen är avslutad och kan inte ändras.", "the plan is closed and cannot be changed.")
	case errors.Is(err, ErrNotRemovable):
		return model.T(l, "bara ett utkast som aldrig har fastställts, skrivits ut, exporterats eller förseglats kan tas bort; avsluta planen i stället (x).",
			"only a draft never finalised, printed, exported or sealed can be removed; close the plan instead (x).")
	case errors.Is(err, ErrPlanOpen):
		return model.T(l, "planen är öppen i ett möte; stäng mötet först.", "the plan is open in a meeting; close the meeting first.")
	case errors.Is(err, store.ErrNotFound):
		return model.T(l, "planen finns inte.", "no such plan.")
	case errors.Is(err, store.ErrAmbiguous):
		return model.T(l, "id-början passar flera planer; skriv fler tecken.", "the id prefix matches several plans; type more characters.")
	case errors.Is(err, model.ErrBlocked):
		return model.T(l, "planen har fel som måste rättas först (ctrl+f visar dem).", "the plan has errors to fix first (ctrl+f shows them).")
	case errors.Is(err, model.ErrClosed):
		return model.T(l, "planen är avslutad och kan inte ändras.", "the plan is closed and cannot be changed.")
	case errors.Is(err, model.ErrNoDraft):
		return model.T(l, "det finns inget utkast att fastställa.", "there is no draft to finalise.")
	case errors.Is(err, model.ErrHasDraft):
		return model.T(l, "planen har redan ett pågående möte.", "the plan already has a meeting in progress.")
	case errors.Is(err, model.ErrNoVersion):
		return model.T(l, "planen har ingen fastställd version ännu.", "the plan has no finalised version yet.")
	case errors.Is(err, model.ErrPNR):
		return model.T(l, "personnumret är inte giltigt (kontrollera datum och sista siffran).", "the personal identity number is not valid (check the date and the last digit).")
	case errors.Is(err, model.ErrDate):
		return model.T(l, "datumet ska skrivas ÅÅÅÅ-MM-DD.", "write the date as YYYY-MM-DD.")
	case errors.Is(err, model.ErrTime):
		return model.T(l, "tiden ska skrivas TT:MM.", "write the time as HH:MM.")
	case errors.As(err, &fe):
		return FileErrorText(l, fe.Path, fe.Err)
	case errors.Is(err, ErrNoFollowUpDate):
		return model.T(l, "planen har ingen bokad uppföljning att skicka som kalenderinbjudan", "the plan has no booked follow-up to send as a calendar invitation")
	case errors.Is(err, ErrWithheld):
		return model.T(l, "samtycket är återkallat: planens innehåll lämnas inte ut.", "the consent has been withdrawn: the plan's content does not leave.")
	case errors.Is(err, ErrClosedNoMeeting):
		return model.T(l, "planen är avslutad: det finns inget möte att bjuda in till.", "the plan is closed: there is no meeting to invite to.")
	case errors.Is(err, ErrNoEasyRead):
		return model.T(l, "det finns ingen lättläst sida att exportera.", "there is no easy-read page to export.")
	case errors.As(err, &se):
		return model.T(l, "kunde inte skriva till disken.", "could not write to the disk.")
	case errors.Is(err, printout.ErrNoLP):
		return model.T(l, "utskrift går genom CUPS (kommandot lp), och det finns inte på den här datorn; inget skrevs ut. Spara PDF:en i stället, till exempel sipmote print ID -o plan.pdf, och skriv ut den från ett annat program.",
			"printing goes through CUPS (the lp command), which is not installed on this computer; nothing was printed. Save the PDF instead, for example sipmote print ID -o plan.pdf, and print it from another program.")
	case errors.Is(err, printout.ErrLP):
		// lp's own words name only the printer; they are kept, since
		// they say why (an unknown printer, a stopped queue).
		why := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(err.Error(), printout.ErrLP.Error()), ":"))
		if why != "" {
			why = " (lp: " + why + ")"
		}
		return model.T(l, "skrivaren tog inte emot utskriften"+why+"; inget skrevs ut. Se efter att skrivarens namn är rätt (lpstat -p visar skrivarna), eller spara PDF:en med -o FIL.pdf.",
			"the printer did not take the job"+why+"; nothing was printed. Check the printer's name (lpstat -p lists the printers), or save the PDF with -o FILE.pdf.")
	}
	return model.T(l, "ett oväntat fel: ", "an unexpected error: ") + err.Error()
}

// pathIn finds the file or folder an error is about: the user's own path,
// never personal data.
func pathIn(err error) string {
	var pe *store.PathError
	if errors.As(err, &pe) {
		return pe.Path
	}
	var fe *fs.PathError
	if errors.As(err, &fe) {
		return fe.Path
	}
	return ""
}

// planIDIn finds the plan id in a store error, which names the plan by its
// random id and nothing else.
func planIDIn(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, "plan "); i >= 0 && len(msg) >= i+5+36 {
		return " (id " + msg[i+5:i+5+36] + ")"
	}
	return ""
}

// unsavedText says why a plan whose last meeting was not saved is not
// opened, and where that meeting's text is.
func unsavedText(l model.Lang, c Closed) string {
	why := ErrorText(l, c.SaveErr)
	if c.Outcome == OutcomeRecovered {
		return model.T(l, "planens förra möte kunde inte sparas i databasen ("+why+"), och det går inte nu heller. Det som skrevs finns i filen "+c.Recovery+"; planen öppnas inte från en äldre text.",
			"the plan's last meeting could not be saved in the database ("+why+"), and it still cannot. What was typed is in the file "+c.Recovery+"; the plan is not opened from older text.")
	}
	return model.T(l, "planens förra möte kunde inte sparas i databasen ("+why+"), och det går inte nu heller; planen öppnas inte från en äldre text.",
		"the plan's last meeting could not be saved in the database ("+why+"), and it still cannot; the plan is not opened from older text.")
}

// recoveryReasons says for each folder tried why it did not take the
// recovery file: full, not private to the user (another's, a link, a
// file), or another trouble.
func recoveryReasons(l model.Lang, re *store.RecoveryError) string {
	parts := make([]string, 0, len(re.Tried))
	for i, dir := range re.Tried {
		why := model.T(l, "gick inte att skriva", "could not be written")
		if i < len(re.Reasons) {
			switch r := re.Reasons[i]; {
			case (&store.SaveError{Err: r}).DiskFull():
				why = model.T(l, "full", "full")
			case errors.Is(r, store.ErrRecoveryFolder):
				why = model.T(l, "inte din egen privata mapp", "not a private folder of your own")
			case errors.Is(r, fs.ErrPermission):
				why = model.T(l, "behörighet saknas", "permission denied")
			}
		}
		parts = append(parts, dir+" ("+why+")")
	}
	return strings.Join(parts, ", ")
}

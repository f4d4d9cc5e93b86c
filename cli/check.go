package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// noteOpened tells the user what Open did or found that they should know:
// a folder made private, a file with damaged records.
func (a *app) noteOpened(db *service.Service) {
	if dir := db.Tightened(); dir != "" {
		fmt.Fprintln(a.stderr, "sipmote: "+model.T(a.lang,
			"mappen "+dir+" var öppen för andra; nu kan bara du läsa och skriva i den.",
			"the folder "+dir+" was open to others; now only you can read and write in it."))
	}
	if from, to := db.Upgraded(); from > 0 {
		fmt.Fprintln(a.stderr, "sipmote: "+fmt.Sprintf(model.T(a.lang,
			"databasen var av en äldre sort (schema %d) och är nu uppgraderad till schema %d; uppgraderingen står i åtkomstloggen.",
			"the database was of an older kind (schema %d) and is now upgraded to schema %d; the upgrade is in the access trail."), from, to))
	}
	if ids, other := db.Damaged(); len(ids) > 0 || other > 0 {
		fmt.Fprintln(a.stderr, "sipmote: "+damagedText(a.lang, ids, other))
	}
}

// readOnlyNotice is the screens' first word on a database file that may
// be read but not written: its list is shown, but no plan is opened, as
// the access trail cannot record the reading. "" for any other file.
func (a *app) readOnlyNotice(db *service.Service, notice string) string {
	if !errors.Is(db.Writable(), service.ErrReadOnlyFile) {
		return notice
	}
	return strings.TrimSpace(model.T(a.lang,
		"Databasfilen "+service.Shown(db.Path())+" är skrivskyddad: listan visas, men ingen plan kan öppnas eller ändras, eftersom läsningen inte kan föras in i åtkomstloggen. Kopiera filen till en egen mapp och öppna kopian med --db. ",
		"The database file "+service.Shown(db.Path())+" is read-only: the list is shown, but no plan can be opened or changed, as the reading cannot be recorded in the access trail. Copy the file to a folder of your own and open the copy with --db. ") + notice)
}

// damagedText says which plans are damaged, by id only, and what to do.
func damagedText(l model.Lang, ids []string, other int) string {
	var b strings.Builder
	b.WriteString(model.T(l, "databasfilen har skadade poster", "the database file has damaged records"))
	if len(ids) > 0 {
		b.WriteString(model.T(l, " i planerna ", " in the plans ") + strings.Join(short(ids), ", "))
	}
	if other > 0 {
		b.WriteString(fmt.Sprintf(model.T(l, " (och %d poster i åtkomstloggen)", " (and %d records of the access trail)"), other))
	}
	b.WriteString(model.T(l,
		". Inget mer skrivs i filen. Kopiera det som är helt till en ny fil med sipmote rescue NYFIL.",
		". Nothing more is written to the file. Copy what is whole to a new file with sipmote rescue NEWFILE."))
	return b.String()
}

func short(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if len(id) > 8 {
			out[i] = id[:8]
		}
	}
	return out
}

// cmdCheck runs sipmote check: the file's structure (what bbolt's
// tx.Check looks at, read page by page), every record's checksum and
// every trail chain, without writing to the file.
func cmdCheck(a *app, args []string) error {
	fs := a.flags("check")
	pos, err := a.parse(fs, "check", args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fail("check tar inga argument; ange filen med --db", "check takes no arguments; give the file with --db")
	}
	path, err := service.ResolvePath(a.dbFlag)
	if err != nil {
		return fail("hittar ingen plats för databasen; ange --db SÖKVÄG", "cannot find a place for the database; give --db PATH")
	}
	r, err := service.Check(path, service.Options{Passphrase: a.askPassphrase})
	if err != nil {
		return err
	}
	t := func(sv, en string) string { return model.T(a.lang, sv, en) }
	ok, bad := t("i ordning", "whole"), t("FEL", "BROKEN")
	mark := func(good bool) string {
		if good {
			return ok
		}
		return bad
	}
	server := service.IsServer(path)
	if server {
		fmt.Fprintln(a.stdout, t("Databas (PostgreSQL): ", "Database (PostgreSQL): ")+service.Shown(path))
	} else {
		fmt.Fprintln(a.stdout, t("Fil: ", "File: ")+path)
	}
	if r.Encrypted {
		fmt.Fprintln(a.stdout, t("Krypterad: ja", "Encrypted: yes"))
	} else {
		fmt.Fprintln(a.stdout, t("Krypterad: nej", "Encrypted: no"))
	}
	if !server {
		fmt.Fprintf(a.stdout, "%s: %s\n", t("Filens struktur (sidor, fria sidor och nycklarnas ordning)", "File structure (pages, free pages and the order of keys)"), mark(r.Structure == nil))
	}
	if r.Structure != nil {
		fmt.Fprintln(a.stdout, t("  Filen går inte att läsa igenom. Rör den inte; prova sipmote rescue NYFIL för att kopiera ut det som går.",
			"  The file cannot be read through. Leave it as it is; try sipmote rescue NEWFILE to copy out what can be read."))
		return exitCode(1)
	}
	if !server && r.Schema < 3 {
		fmt.Fprintln(a.stdout, t("Filen är av en äldre sort utan kontrollsummor; öppna den en gång i sipmote så uppgraderas den.",
			"The file is of an older kind without checksums; open it once in sipmote to upgrade it."))
		return nil
	}
	fmt.Fprintf(a.stdout, "%s: %s (%d %s)\n", t("Kontrollsummor", "Record checksums"), mark(len(r.Damaged) == 0 && r.OtherDamaged == 0), r.Records, t("poster", "records"))
	for _, id := range r.Damaged {
		fmt.Fprintf(a.stdout, "  %s %s\n", t("skadad plan:", "damaged plan:"), id)
	}
	if r.OtherDamaged > 0 {
		fmt.Fprintf(a.stdout, "  %s %d\n", t("skadade poster utanför planerna:", "damaged records outside the plans:"), r.OtherDamaged)
	}
	said := a.checkSeals(r, server)
	switch r.Front {
	case service.FrontDamaged:
		fmt.Fprintf(a.stdout, "%s: %s\n", t("Hemskärmens första sida", "The home screen's first page"), bad)
		fmt.Fprintln(a.stdout, t("  Den har ändrats utanför sipmote. Den används inte; sipmote gör den på nytt nästa gång listan visas.",
			"  It was changed outside sipmote. It is not used; sipmote makes it again the next time the list is shown."))
	case service.FrontStale:
		fmt.Fprintf(a.stdout, "%s: %s\n", t("Hemskärmens första sida", "The home screen's first page"),
			t("gammal; görs på nytt nästa gång listan visas", "out of date; made again the next time the list is shown"))
	case service.FrontWhole:
		fmt.Fprintf(a.stdout, "%s: %s\n", t("Hemskärmens första sida", "The home screen's first page"), ok)
	}
	fmt.Fprintf(a.stdout, "%s: %s (%d %s)\n", t("Åtkomstloggens kedjor", "Access trail chains"), mark(len(r.Breaks) == 0), r.Events, t("händelser", "events"))
	for _, br := range r.Breaks {
		chain := t("filens kedja", "the file's chain")
		if br.Chain != "" {
			chain = t("plan ", "plan ") + br.Chain
		}
		at := ""
		if !br.At.IsZero() {
			at = " (" + br.At.Local().Format("2006-01-02 15:04") + ")"
		}
		fmt.Fprintf(a.stdout, "  %s, %s %d%s: %s\n", chain, t("händelse", "event"), br.Seq, at, breakText(a.lang, br))
	}
	a.checkSeen(r, said)
	if r.Head != "" {
		fmt.Fprintln(a.stdout, t("Kedjans senaste länk (anteckna den för att kunna visa senare att inget tagits bort): ",
			"The chain's newest link (note it down to show later that nothing was removed): ")+r.Head)
	}
	if !r.OK() {
		if server {
			fmt.Fprintln(a.stdout, t("Något har ändrats i databasen utanför sipmote. Visa detta för IT; återställ från en säkerhetskopia (pg_dump) om det behövs.",
				"Something was changed in the database outside sipmote. Show this to IT; restore from a backup (pg_dump) if need be."))
		} else if len(r.Damaged) > 0 || r.OtherDamaged > 0 {
			fmt.Fprintln(a.stdout, t("Inget mer skrivs i filen. Kopiera det som är helt till en ny fil: "+a.command("rescue", "NYFIL"),
				"Nothing more is written to the file. Copy what is whole to a new file: "+a.command("rescue", "NEWFILE")))
		}
		return exitCode(1)
	}
	fmt.Fprintln(a.stdout, t("Allt är i ordning.", "Everything is whole."))
	return nil
}

func breakText(l model.Lang, br service.ChainBreak) string {
	switch br.Code {
	case service.BreakDamaged:
		return model.T(l, "händelsen är skadad", "the event is damaged")
	case service.BreakLink:
		return model.T(l, "händelsen före har ändrats eller tagits bort", "the event before it was changed or removed")
	case service.BreakMissing:
		return model.T(l, "en händelse saknas: ", "an event is missing: ") + br.Problem
	case service.BreakUnlisted:
		return model.T(l, "händelsen finns inte i filens kedja (tillagd i efterhand?)", "the event is not in the file's chain (added afterwards?)")
	case service.BreakNumber:
		return model.T(l, "händelsens nummer stämmer inte med dess plats", "the event's number does not match its place")
	}
	return br.Problem
}

// checkSeals says which key the records were checked with and what that
// proves, then names what was changed: records whose seal fails, records
// without a seal or with another key's, and plans whose record is older
// than their trail says. It gives the key folder's problem when it said
// one, so that the link's line need not say it again.
func (a *app) checkSeals(r *service.Report, server bool) (said string) {
	t := func(sv, en string) string { return model.T(a.lang, sv, en) }
	dir, _ := service.KeyDir()
	key := r.Key
	if r.Encrypted {
		key = service.KeyFile
	}
	switch {
	case server && key != service.KeyFile:
		fmt.Fprintln(a.stdout, t("Nyckel: ingen. Posterna på servern har kontrollsummor men ingen försegling; vem som kan ändra dem avgör PostgreSQL:s egna behörigheter.",
			"Key: none. The records on the server carry checksums but no seal; who can change them is up to PostgreSQL's own permissions."))
	case key == service.KeyFile:
		fmt.Fprintln(a.stdout, t("Nyckel: filens egen nyckel (från lösenfrasen). Varje post är förseglad med den; den som inte har lösenfrasen kan inte ändra en post utan att det syns.",
			"Key: the file's own key (from the passphrase). Every record is sealed with it; without the passphrase no record can be changed unseen."))
	case key == service.KeyUser:
		fmt.Fprintln(a.stdout, t("Nyckel: din egen postnyckel på den här datorn ("+dir+"). Den som ändrar filen utan nyckeln syns här; den som har både nyckeln och filen syns inte.",
			"Key: your own record key on this computer ("+dir+"). Whoever changes the file without the key shows here; whoever has both the key and the file does not."))
	default:
		fmt.Fprintln(a.stdout, t("Nyckel: ingen. Filen är inte krypterad och din postnyckel finns inte på den här datorn (den finns där filen skrevs). Kontrollsummorna visar skador, men inte att någon ändrat filen med avsikt: det kan bara datorn med nyckeln visa.",
			"Key: none. The file is not encrypted and your record key is not on this computer (it is where the file was written). The checksums show damage, but not that someone changed the file on purpose: only the computer with the key can show that."))
		if r.KeyErr != nil && !server {
			said = service.ErrorText(a.lang, r.KeyErr)
			fmt.Fprintln(a.stdout, "  "+said)
		}
	}
	for _, id := range r.Changed {
		fmt.Fprintf(a.stdout, "  %s %s\n", t("ändrad utan nyckeln (förseglingen stämmer inte): plan", "changed without the key (its seal does not match): plan"), id)
	}
	if r.Unsealed > 0 && r.Key == service.KeyUser {
		fmt.Fprintf(a.stdout, "  %s: %d\n", t("poster utan försegling (förseglingen borttagen, eller skrivna av en äldre sipmote som inte öppnat filen sedan)",
			"records without a seal (their seal removed, or written by an older sipmote that has not opened the file since)"), r.Unsealed)
	}
	if r.OtherKey > 0 && r.Key == service.KeyUser {
		fmt.Fprintf(a.stdout, "  %s: %d\n", t("poster förseglade med en annan nyckel (en annan dator eller användare, eller någon som gjort en egen): kan inte visas oförändrade här",
			"records sealed with another key (another computer or user, or someone who made their own): cannot be shown unchanged here"), r.OtherKey)
	}
	for _, id := range r.Replayed {
		fmt.Fprintf(a.stdout, "  %s %s\n", t("en äldre version av planen har lagts tillbaka (loggen har skrivit en nyare): plan", "an older copy of the plan was put back (the trail recorded a newer one): plan"), id)
	}
	return said
}

// checkSeen compares the chain with what an earlier check on this
// computer noted, which is the one way to see its newest events cut off.
// said is the key folder's problem when the key's line named it already.
func (a *app) checkSeen(r *service.Report, said string) {
	t := func(sv, en string) string { return model.T(a.lang, sv, en) }
	switch {
	case r.Seen == nil && r.SeenKept:
		fmt.Fprintln(a.stdout, t("Tidigare kontroll: ingen på den här datorn; den här kontrollens senaste länk sparas nu, så att en nästa kan se om något tas bort i slutet.",
			"Earlier check: none on this computer; this check's newest link is kept now, so that the next can see whether events are cut off at the end."))
	case r.Seen == nil:
		fmt.Fprintln(a.stdout, t("Tidigare kontroll: ingen på den här datorn.", "Earlier check: none on this computer."))
	case r.CutOff > 0:
		fmt.Fprintf(a.stdout, "%s %s %s\n", t("Åtkomstloggens slut: FEL:", "The trail's end: BROKEN:"),
			model.Plural(a.lang, int(min(r.CutOff, 1<<30)), "%d av de senaste händelserna har tagits bort sedan kontrollen", "%d av de senaste händelserna har tagits bort sedan kontrollen",
				"%d of the newest events was removed since the check of", "%d of the newest events were removed since the check of"), r.Seen.At.Local().Format("2006-01-02 15:04"))
	case r.Rewritten:
		fmt.Fprintln(a.stdout, t("Åtkomstloggens slut: FEL: händelsen som var senast vid kontrollen "+r.Seen.At.Local().Format("2006-01-02 15:04")+" är inte längre densamma.",
			"The trail's end: BROKEN: the event that was newest at the check of "+r.Seen.At.Local().Format("2006-01-02 15:04")+" is not the same any more."))
	default:
		fmt.Fprintln(a.stdout, t("Åtkomstloggens slut: i ordning (inget borttaget sedan kontrollen ", "The trail's end: whole (nothing removed since the check of ")+r.Seen.At.Local().Format("2006-01-02 15:04")+")")
	}
	if r.SeenErr != nil && said != "" && service.ErrorText(a.lang, r.SeenErr) == said {
		fmt.Fprintln(a.stdout, "  "+t("den här kontrollens senaste länk kunde inte sparas till nästa kontroll, av samma skäl (nyckelmappen ovan).",
			"this check's newest link could not be kept for the next check, for the same reason (the key folder above)."))
	} else if r.SeenErr != nil {
		fmt.Fprintln(a.stdout, "  "+t("den här kontrollens senaste länk kunde inte sparas till nästa kontroll: ", "this check's newest link could not be kept for the next check: ")+
			service.ErrorText(a.lang, r.SeenErr))
	}
}

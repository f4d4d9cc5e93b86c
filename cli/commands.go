package cli

import (
	"fmt"
	"strings"

	"github.com/sipmote/sipmote/model"
)

// The commands: each one's name, its arguments as its usage shows them,
// what it does in both languages, and the function that runs it. Run
// looks a command up here; usage and --help list them from here.

type command struct {
	name   string
	args   string
	sv, en string
	run    func(a *app, args []string) error
}

func commands() []command {
	return []command{
		{"", "", "öppnar programmet (hemskärmen)", "opens the program (the home screen)", cmdTUI},
		{"meeting", "ID [--listen VÄRD:PORT]", "öppnar en plans möte direkt", "opens a plan's meeting directly", cmdMeeting},
		{"serve", "ID [--listen VÄRD:PORT]", "öppnar mötet delat över SSH: mötesledarens och rummets vy på andra datorer (127.0.0.1 om inte --listen)",
			"opens the meeting shared over SSH: the chair's and the room's view on other computers (127.0.0.1 unless --listen)", cmdServe},
		{"new", "--person NAMN [--pnr PNR] [--language SPRÅK] [--date ÅÅÅÅ-MM-DD] [--time TT:MM] [--anyway]", "skapar en plan och skriver ut dess id; mötet blir nästa hela timme om inget annat anges", "creates a plan and prints its id; its meeting is the next full hour unless told otherwise", cmdNew},
		{"list", "[--json]", "listar planerna", "lists the plans", cmdList},
		{"export", "ID [--format json|md|txt|easyread|ics|fhir] [--version N] [-o FIL [--force]] [--with-place] [--easy-read SPRÅK]", "skriver planen i terminalen eller till en ny fil; utan --format json, som sipmote import läser (kalendern utan plats om inte --with-place; fhir: HL7 FHIR R4 för journalsystem)", "writes a plan to standard output or a new file; without --format as json, which sipmote import reads (the calendar leaves the place out unless --with-place; fhir: HL7 FHIR R4 for record systems)", cmdExport},
		{"import", "FIL [--as-draft] [--anyway]", "läser in en plan från en JSON-fil; en fastställd version som inte klarar reglerna vägras (--as-draft: läs in den som utkast)", "reads a plan from a JSON file; a finalised version that breaks the rules is refused (--as-draft: take it in as a draft)", cmdImport},
		{"print", "ID [-o FIL.pdf [--force]] [--printer NAMN] [--original-only | --copies-for NAMN,NAMN | --copies N] [--version N] [--easy-read SPRÅK|off]",
			"skriver ut planen (PDF): originalet och en namngiven kopia till var och en i kopielistan", "prints the plan (PDF): the original and a named copy for each one on the copy list", cmdPrint},
		{"copies", "ID [--version N]", "visar vem som får originalet och kopiorna", "shows who gets the original and the copies", cmdCopies},
		{"summons", "ID", "visar vilka som ska kallas till nästa möte och vad som ska bokas (tolk)", "shows who to summon to the next meeting and what to book (interpreter)", cmdSummons},
		{"diff", "ID [FRÅN] [TILL]", "visar vad som ändrats mellan två versioner", "shows what changed between two versions", cmdDiff},
		{"findings", "ID [--json]", "visar vad planen saknar (fel och varningar); avslutas med fel om planen inte kan fastställas", "shows what the plan lacks (errors and warnings); exits with an error when it cannot be finalised", cmdFindings},
		{"due", "[--days N] [--json]", "visar vad samordnaren ska göra inom fyra veckor: uppföljningar, samtycken, uppdrag, betänketider, insatser, orörda utkast", "shows what the coordinator must act on within four weeks: follow-ups, consents, mandates, times to consider, actions, idle drafts", cmdDue},
		{"close", "ID --reason goals_met|no_need|consent_withdrawn|moved|other [--text T] [--date D] [--discard-draft]", "avslutar en plan", "closes a plan", cmdClose},
		{"demo", "[--again]", fmt.Sprintf("skapar %d exempelplaner för påhittade personer", model.DemoPlanCount),
			fmt.Sprintf("creates %d sample plans for fictional people", model.DemoPlanCount), cmdDemo},
		{"trail", "[ID]", "visar vem som gjort vad med en plan, när och varifrån", "shows who did what to a plan, when and from where", cmdTrail},
		{"check", "", "kontrollerar databasfilen: struktur, kontrollsummor och åtkomstloggens kedjor", "checks the database file: structure, checksums and the access trail's chains", cmdCheck},
		{"rescue", "NYFIL", "kopierar allt som är helt till en ny fil", "copies everything whole to a new file", cmdRescue},
		{"migrate", "FRÅN TILL", "kopierar alla planer, versioner, utkast och hela åtkomstloggen till en tom databas (fil eller postgres://…) och kontrollerar båda",
			"copies every plan, version, draft and the whole access trail into an empty database (a file or postgres://…) and checks both", cmdMigrate},
		{"encrypt", "", "krypterar databasen (eller skapar en ny krypterad)", "encrypts the database (or creates a new encrypted one)", cmdEncrypt},
		{"seal", "ID --to NYCKEL… [--sign NYCKEL] [-o FIL]", "skriver planen (alla versioner och loggen) som en krypterad och signerad fil för en kollega",
			"writes the plan (every version and the trail) as an encrypted, signed file for a colleague", cmdSeal},
		{"open", "FIL [--identity NYCKEL] [--anyway]", "öppnar en förseglad fil (eller en age-krypterad export), säger vem som signerat och skapar planen som ny plan",
			"opens a sealed file (or an age-encrypted export), says who signed it and creates the plan as a new plan", cmdOpen},
		{"backup", "MAPP --to NYCKEL… [--keep N]", "krypterad säkerhetskopia av hela databasen, även medan ett möte pågår",
			"an encrypted backup of the whole database, even while a meeting is on", cmdBackup},
		{"restore", "FIL NYFIL [--identity NYCKEL]", "återskapar en säkerhetskopia som en ny databas och kontrollerar den",
			"restores a backup as a new database and checks it", cmdRestore},
		{"checklists", "show|validate …", "visar eller kontrollerar checklistorna", "shows or checks the checklists", cmdChecklists},
	}
}

// argsPlaceholders turn the Swedish placeholders of the usage into English,
// so that English help is English throughout. Longer words come first:
// NYFIL before FIL.
var argsPlaceholders = strings.NewReplacer(
	"VÄRD:PORT", "HOST:PORT", "NYFIL", "NEWFILE", "FIL", "FILE", "NAMN", "NAME", "ÅÅÅÅ-MM-DD", "YYYY-MM-DD", "ÅÅÅÅMMDD", "YYYYMMDD",
	"TT:MM", "HH:MM", "SPRÅK", "LANGUAGE", "FRÅN", "FROM", "TILL", "TO", "KOD", "CODE", "SÖKVÄG", "PATH", "MAPP", "DIR", "NYCKEL", "KEY")

// argsIn is a command's arguments as its usage shows them in l.
func argsIn(args string, l model.Lang) string {
	if l == model.English {
		return argsPlaceholders.Replace(args)
	}
	return args
}

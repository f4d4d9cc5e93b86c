package cli

import (
	"fmt"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// cmdMigrate copies one database into another, empty one: a file to
// PostgreSQL when a municipality moves its plans to a server, or back.
func cmdMigrate(a *app, args []string) error {
	fset := a.flags("migrate")
	pos, err := a.parse(fset, "migrate", args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return fail("ange varifrån och vart: sipmote migrate FRÅN TILL (en fil eller postgres://…)",
			"give where from and where to: sipmote migrate FROM TO (a file or postgres://…)")
	}
	t := func(sv, en string) string { return model.T(a.lang, sv, en) }
	rep, err := service.Migrate(pos[0], pos[1], service.Options{Passphrase: a.askPassphrase})
	if err != nil {
		if rep != nil && rep.From != nil && rep.To != nil {
			fmt.Fprintf(a.stderr, t("sipmote: kopian stämmer inte med källan (källan: %d händelser, kopian: %d). Använd inte kopian.\n",
				"sipmote: the copy does not match its source (source: %d events, copy: %d). Do not use the copy.\n"), rep.From.Events, rep.To.Events)
		}
		return err
	}
	fmt.Fprintf(a.stdout, t("%d planer (med alla versioner), %d öppna fält, %d formulär och %d händelser i åtkomstloggen kopierade.\n",
		"%d plans (with every version), %d open fields, %d forms and %d access trail events copied.\n"),
		rep.Plans, rep.Drafts, rep.Forms, rep.Events)
	fmt.Fprintln(a.stdout, t("Båda databaserna är kontrollerade och hela; åtkomstloggens kedja slutar i samma länk:",
		"Both databases are checked and whole; the access trail's chain ends in the same link:"))
	fmt.Fprintln(a.stdout, "  "+rep.Head)
	// The address as given, query and all (sslmode=verify-full must not be
	// lost on the way), without its password, quoted for the shell.
	to := shellQuote(service.Shown(pos[1]))
	fmt.Fprintln(a.stdout, t("Källan är orörd (utom en rad i loggen om kopieringen). Använd den nya med --db "+to+".",
		"The source is untouched (but for a line in its trail about the copy). Use the new one with --db "+to+"."))
	return nil
}

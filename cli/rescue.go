package cli

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// cmdRescue copies everything whole from the database into a new file.
func cmdRescue(a *app, args []string) error {
	fset := a.flags("rescue")
	pos, err := a.parse(fset, "rescue", args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fail("ange den nya filen: sipmote rescue NYFIL", "give the new file: sipmote rescue NEWFILE")
	}
	path, err := service.ResolvePath(a.dbFlag)
	if err != nil {
		return fail("hittar ingen plats för databasen; ange --db SÖKVÄG", "cannot find a place for the database; give --db PATH")
	}
	rep, err := service.Rescue(path, pos[0], service.Options{Passphrase: a.askPassphrase})
	if errors.Is(err, fs.ErrExist) {
		return fail(pos[0]+" finns redan; rescue skriver bara till en ny fil", pos[0]+" already exists; rescue writes to a new file only")
	}
	if err != nil {
		return err
	}
	t := func(sv, en string) string { return model.T(a.lang, sv, en) }
	fmt.Fprintf(a.stdout, t("%d planer och %d händelser i åtkomstloggen kopierade till %s.\n", "%d plans and %d access trail events copied to %s.\n"), rep.Plans, rep.Events, pos[0])
	for _, id := range rep.Lost {
		fmt.Fprintln(a.stdout, t("  skadad, inte kopierad: plan ", "  damaged, not copied: plan ")+id)
	}
	if rep.LostEvents > 0 || rep.LostDrafts > 0 {
		fmt.Fprintf(a.stdout, t("  skadade och inte kopierade: %d händelser, %d osparade fält\n", "  damaged and not copied: %d events, %d unsaved fields\n"), rep.LostEvents, rep.LostDrafts)
	}
	fmt.Fprintln(a.stdout, t("Den gamla filen är orörd. Använd den nya med --db "+pos[0]+" (eller flytta den till den gamlas plats).",
		"The old file is untouched. Use the new one with --db "+pos[0]+" (or move it to the old one's place)."))
	return nil
}

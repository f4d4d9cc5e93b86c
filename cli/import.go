package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

func cmdImport(a *app, args []string) error {
	fs := a.flags("import")
	pos, err := a.parse(fs, "import", args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fail("ange filen: sipmote import FIL", "give the file: sipmote import FILE")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return fail("kan inte öppna filen "+pos[0], "cannot open the file "+pos[0])
	}
	defer f.Close()
	db, err := a.openDB()
	if err != nil {
		return err
	}
	defer db.Close()
	p, err := db.Import(f)
	if err != nil {
		if ie, ok := err.(*model.ImportError); ok {
			return importFailure(ie)
		}
		if errors.Is(err, service.ErrUnreadable) {
			return fail("kan inte läsa filen", "cannot read the file")
		}
		return err
	}
	fmt.Fprintln(a.stdout, p.ID)
	return nil
}

// importFailure lists every problem of a file import (or open) refused.
func importFailure(ie *model.ImportError) error {
	var sv, en strings.Builder
	sv.WriteString("filen kan inte läsas in; inget har ändrats:")
	en.WriteString("the file cannot be imported; nothing was changed:")
	for _, pr := range ie.Problems {
		sv.WriteString("\n  " + orDash(pr.Path) + ": " + pr.Message.SV)
		en.WriteString("\n  " + orDash(pr.Path) + ": " + pr.Message.EN)
	}
	return fail(sv.String(), en.String())
}

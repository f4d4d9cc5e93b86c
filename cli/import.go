package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

func cmdImport(a *app, args []string) error {
	fs := a.flags("import")
	asDraft := fs.Bool("as-draft", false, "")
	anyway := fs.Bool("anyway", false, "")
	pos, err := a.parse(fs, "import", args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fail("ange filen: sipmote import FIL", "give the file: sipmote import FILE")
	}
	f, err := openInput(pos[0])
	if err != nil {
		return err
	}
	defer f.Close()
	// The file is checked first: a database still to be made is made only
	// when there is a plan to store in it.
	drafted := false
	p, err := service.CheckImport(f, a.now(), model.ImportOptions{AsDraft: *asDraft, Drafted: &drafted})
	if err != nil {
		if ie, ok := err.(*model.ImportError); ok {
			return importFailure(ie, !*asDraft && versionRules(ie))
		}
		if errors.Is(err, service.ErrUnreadable) {
			return fail("kan inte läsa filen", "cannot read the file")
		}
		return err
	}
	db, err := a.openForNew(p, *anyway)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.SaveImported(a.ctx, p); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, p.ID)
	if drafted && p.Draft != nil {
		fmt.Fprintln(a.stderr, "sipmote: "+model.T(a.lang,
			fmt.Sprintf("inläst med version %d som utkast: fastställ den när det som saknas är ifyllt", p.Draft.Number),
			fmt.Sprintf("taken in with version %d as a draft: finalise it once what is missing is filled in", p.Draft.Number)))
	}
	return nil
}

// importFailure lists every problem of a file import (or open) refused.
// With hint, it says that --as-draft takes the newest version in as a
// draft.
func importFailure(ie *model.ImportError, hint bool) error {
	var sv, en strings.Builder
	sv.WriteString("filen kan inte läsas in; inget har ändrats:")
	en.WriteString("the file cannot be imported; nothing was changed:")
	for _, pr := range ie.Problems {
		sv.WriteString("\n  " + orDash(pr.Path) + ": " + pr.Message.SV)
		en.WriteString("\n  " + orDash(pr.Path) + ": " + pr.Message.EN)
	}
	if hint {
		sv.WriteString("\nEn fastställd version ska klara reglerna för att fastställa. Med --as-draft läses den senaste versionen in som ett utkast att göra klart.")
		en.WriteString("\nA finalised version must pass the rules for finalising. With --as-draft the newest version is taken in as a draft to finish.")
	}
	return fail(sv.String(), en.String())
}

// versionRules tells whether an import was refused for a finalised
// version that breaks the rules of finalising.
func versionRules(ie *model.ImportError) bool {
	for _, pr := range ie.Problems {
		if strings.HasPrefix(pr.Path, "plan.versions[") && strings.Contains(pr.Path, "].") {
			return true
		}
	}
	return false
}

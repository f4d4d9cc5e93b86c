package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/printout/fhir"
	"github.com/sipmote/sipmote/service"
)

func cmdExport(a *app, args []string) error {
	fs := a.flags("export")
	format := fs.String("format", "json", "")
	ver := fs.Int("version", 0, "")
	easy := fs.String("easy-read", "", "")
	outPath := fs.String("o", "", "")
	force := fs.Bool("force", false, "")
	withPlace := fs.Bool("with-place", false, "")
	pos, err := a.parse(fs, "export", args)
	if err != nil {
		return err
	}
	db, p, v, err := a.loadHandout(pos, *ver, "ange planens id: sipmote export ID [--format json|md|txt|easyread|ics|fhir]", "give the plan's id: sipmote export ID [--format json|md|txt|easyread|ics|fhir]")
	if err != nil {
		return err
	}
	defer db.Close()
	var w io.Writer = a.stdout // unless -o names a file
	xo := service.ExportOptions{Format: service.Format(*format), Lang: a.lang, WithPlace: *withPlace}
	if xo.Format == service.FormatEasyRead {
		// The easy-read page alone, as Markdown: no personnummer on it.
		if xo.EasyRead, err = a.easyRead(p, v, *easy); err != nil {
			return err
		}
		if xo.EasyRead == nil {
			return fail("--easy-read off ger ingen sida att exportera", "--easy-read off leaves no page to export")
		}
	}
	// The service writes the file: it records the export only once the
	// file can be written, so that a refused one is no export in the trail.
	xo.File, xo.Force = *outPath, *force
	var fe *service.FileError
	switch err := db.Export(a.ctx, w, p, v, xo); {
	case errors.As(err, &fe):
		return fileError(fe.Path, fe.Err)
	case errors.Is(err, service.ErrUnknownFormat):
		return fail("okänt format: "+*format+" (json, md, txt, easyread, ics eller fhir)", "unknown format: "+*format+" (json, md, txt, easyread, ics or fhir)")
	case errors.Is(err, service.ErrWithheld):
		return fail("samtycket är återkallat: planen lämnas inte ut som JSON. Det som får lämnas är avslutet (--format md, txt eller fhir). Hela databasen säkerhetskopieras med sipmote backup.",
			"the consent has been withdrawn: the plan is not exported as JSON. What may leave is the closure (--format md, txt or fhir). The whole database is backed up with sipmote backup.")
	case errors.Is(err, service.ErrClosedNoMeeting) && p.Closure != nil:
		return fail(p.Closure.Ended(model.Swedish)+" Det finns inget möte att bjuda in till.", p.Closure.Ended(model.English)+" There is no meeting to invite to.")
	case err != nil:
		return err
	}
	if xo.Format == service.FormatFHIR && fhir.Withheld(p) {
		// Written, but not the plan: the user must not take it for one.
		fmt.Fprintln(a.stderr, "sipmote: "+model.T(a.lang,
			"samtycket är återkallat: exporten säger bara att planen är avslutad (en återkallad CarePlan utan innehåll, och personens namn och personnummer)",
			"the consent has been withdrawn: the export says only that the plan has ended (a revoked CarePlan without content, and the person's name and personal identity number)"))
	}
	// The note goes beside the export, never into it; JSON holds every
	// version and names none.
	if note := a.draftNote(p, v, *ver); note != "" && xo.Format != service.FormatJSON {
		fmt.Fprintln(a.stderr, "sipmote: "+note)
	}
	return nil
}

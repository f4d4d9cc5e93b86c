package cli

import (
	"errors"
	"io"

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
	db, p, v, err := a.loadVersion(pos, *ver, "ange planens id: sipmote export ID --format json|md|txt|easyread|ics", "give the plan's id: sipmote export ID --format json|md|txt|easyread|ics")
	if err != nil {
		return err
	}
	defer db.Close()
	var w io.Writer = a.stdout
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
	if *outPath != "" {
		w = fileWriter(func(b []byte) error { return a.writeFile(*outPath, b, *force) })
	}
	switch err := db.Export(w, p, v, xo); {
	case errors.Is(err, service.ErrUnknownFormat):
		return fail("okänt format: "+*format+" (json, md, txt, easyread eller ics)", "unknown format: "+*format+" (json, md, txt, easyread or ics)")
	default:
		return err
	}
}

// fileWriter writes the whole of one Write call as a new file; the
// service's Export writes in one call.
type fileWriter func([]byte) error

func (f fileWriter) Write(b []byte) (int, error) {
	if err := f(b); err != nil {
		return 0, err
	}
	return len(b), nil
}

package cli

import (
	"fmt"
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui"
)

func cmdNew(a *app, args []string) error {
	fs := a.flags("new")
	var in ui.NewPlanInput
	fs.StringVar(&in.Person, "person", "", "")
	fs.StringVar(&in.PNR, "pnr", "", "")
	fs.StringVar(&in.Date, "date", a.now().Format(model.DateLayout), "")
	fs.StringVar(&in.Time, "time", "13:00", "")
	fs.StringVar(&in.Minutes, "minutes", "60", "")
	fs.StringVar(&in.Place, "place", "", "")
	fs.StringVar(&in.Chair, "chair", "", "")
	fs.StringVar(&in.Secretary, "secretary", "", "")
	language := fs.String("language", "", "")
	anyway := fs.Bool("anyway", false, "")
	in.Form = string(model.FormRoom)
	if _, err := a.parse(fs, "new", args); err != nil {
		return err
	}
	p, msg := in.Build(a.lang, a.now())
	if msg != "" {
		return fail(msg, msg)
	}
	if l := strings.ToLower(strings.TrimSpace(*language)); l != "" {
		if !model.ValidLanguageCode(l) {
			return fail("--language tar en språkkod med två eller tre bokstäver, till exempel fi",
				"--language takes a language code of two or three letters, for example fi")
		}
		p.Person.Language = l
	}
	a.mayCreate = true
	db, err := a.openDB()
	if err != nil {
		return err
	}
	defer db.Close()
	if !*anyway {
		same, err := db.SamePerson(a.ctx, p.Person.PNR)
		if err != nil {
			return err
		}
		if len(same) > 0 {
			// The id, never the name: errors carry no personal data.
			id := same[0].ID[:8]
			return fail(fmt.Sprintf("Det finns redan en plan som inte är avslutad för det personnumret (%s). Ingen ny plan skapades. Öppna den med: sipmote meeting %s. Är det rätt med två planer, skriv samma kommando med --anyway.", id, id),
				fmt.Sprintf("A plan not yet closed already exists for that personnummer (%s). No new plan was made. Open it with: sipmote meeting %s. If two plans are right, give the same command with --anyway.", id, id))
		}
	}
	if err := db.Create(a.ctx, p); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, p.ID)
	return nil
}

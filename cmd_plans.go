package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/termsafe"
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
	db, err := a.openDB()
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Create(p); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, p.ID)
	return nil
}

func cmdList(a *app, args []string) error {
	fs := a.flags("list")
	asJSON := fs.Bool("json", false, "")
	if _, err := a.parse(fs, "list", args); err != nil {
		return err
	}
	db, err := a.openDB()
	if err != nil {
		return err
	}
	defer db.Close()
	sums, listErr := db.List()
	if listErr != nil && len(sums) == 0 {
		return listErr
	}
	// Showing the list shows every person's name: logged, for the file.
	db.Listed("list", len(sums))
	if *asJSON {
		type row struct {
			ID           string `json:"id"`
			Person       string `json:"person"`
			PNR          string `json:"pnr_masked"`
			Status       string `json:"status"`
			Version      int    `json:"version"`
			Draft        bool   `json:"has_draft"`
			NextFollowUp string `json:"next_follow_up"`
		}
		rows := []row{}
		for _, s := range sums {
			rows = append(rows, row{s.ID, s.Person, s.PNRMasked, string(s.Status), s.Version, s.HasDraft, s.NextFollowUp})
		}
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return err
		}
		// The whole plans are listed; the damaged ones are named after.
		return listErr
	}
	if len(sums) == 0 {
		fmt.Fprintln(a.stdout, model.T(a.lang, "Inga planer ännu. Skapa en med sipmote new --person NAMN, eller prova: "+a.demoCommand(),
			"No plans yet. Create one with sipmote new --person NAME, or try: "+a.demoCommand()))
		return nil
	}
	// One buffered writer under the table: the tabwriter writes every cell
	// and its padding apart, which with 10 000 plans was most of the time
	// in write system calls.
	bw := bufio.NewWriterSize(a.stdout, 64<<10)
	tw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, model.T(a.lang, "ID\tPERSON\tPERSONNUMMER\tSTATUS\tVERSION\tUPPFÖLJNING", "ID\tPERSON\tPERSONNUMMER\tSTATUS\tVERSION\tFOLLOW-UP"))
	for _, s := range sums {
		fu := s.NextFollowUp
		if fu == "" {
			fu = "—"
		}
		// Cleaned here as well as by the output writer, so that the
		// columns line up.
		name := termsafe.String(s.Person)
		if s.ConsentGone {
			name = model.T(a.lang, "(samtycket återkallat)", "(consent withdrawn)")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", s.ID[:8], name, orDash(s.PNRMasked), s.Status.Label(a.lang), s.Version, fu)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return listErr
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

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

// pickVersion is version n, or the current one for 0.
func (a *app) pickVersion(p *model.Plan, n int) (*model.Version, error) {
	if n == 0 {
		if v := p.Current(); v != nil {
			return v, nil
		}
		return nil, fail("planen är tom", "the plan is empty")
	}
	v, err := p.VersionByNumber(n)
	if err != nil {
		return nil, fail(fmt.Sprintf("planen har ingen version %d", n), fmt.Sprintf("the plan has no version %d", n))
	}
	return v, nil
}

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
			var sv, en strings.Builder
			sv.WriteString("filen kan inte läsas in; inget har ändrats:")
			en.WriteString("the file cannot be imported; nothing was changed:")
			for _, pr := range ie.Problems {
				sv.WriteString("\n  " + orDash(pr.Path) + ": " + pr.Message.SV)
				en.WriteString("\n  " + orDash(pr.Path) + ": " + pr.Message.EN)
			}
			return fail(sv.String(), en.String())
		}
		if errors.Is(err, service.ErrUnreadable) {
			return fail("kan inte läsa filen", "cannot read the file")
		}
		return err
	}
	fmt.Fprintln(a.stdout, p.ID)
	return nil
}

func cmdDemo(a *app, args []string) error {
	fs := a.flags("demo")
	if _, err := a.parse(fs, "demo", args); err != nil {
		return err
	}
	db, err := a.openDB()
	if err != nil {
		return err
	}
	defer db.Close()
	now := a.now()
	for _, p := range model.DemoPlans(now) {
		// Marked in the name, so a sample is never taken for a real plan.
		p.Person.Name += model.T(a.lang, " (exempel)", " (example)")
		if err := db.Create(p); err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "%s  %s\n", p.ID, p.Person.Name)
	}
	open := "sipmote"
	if a.dbFlag != "" {
		open += " --db " + shellQuote(a.dbFlag)
	}
	fmt.Fprintln(a.stdout, model.T(a.lang, "Exempelplaner skapade för påhittade personer. Öppna dem med: ", "Sample plans created for fictional people. Open them with: ")+open)
	return nil
}

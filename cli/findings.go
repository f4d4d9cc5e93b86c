package cli

import (
	"encoding/json"
	"fmt"

	"github.com/sipmote/sipmote/checklists"
	"github.com/sipmote/sipmote/model"
)

// findingJSON is one finding of `sipmote findings --json`: the severity,
// the field path, the section it concerns (id and name), and the message
// in the chosen language.
type findingJSON struct {
	Severity model.Severity `json:"severity"`
	Path     string         `json:"path"`
	Section  string         `json:"section"`
	Label    string         `json:"section_label"`
	Message  string         `json:"message"`
}

// findingsReport is the --json output: the plan, the version checked and
// the findings apart by severity, so that a script need not sort them.
type findingsReport struct {
	PlanID   string        `json:"plan_id"`
	Version  int           `json:"version"`
	Errors   []findingJSON `json:"errors"`
	Warnings []findingJSON `json:"warnings"`
	Notices  []findingJSON `json:"notices"`
	// Info are figures given for information (readability): counted
	// apart, as on the screen.
	Info []findingJSON `json:"info"`
}

// cmdFindings prints what the finish screen would list for the plan's
// current version (the draft being prepared, else the last finalised
// one): errors and warnings apart, each with its section. It exits with
// 1 when there are errors, so that a script can check a prepared plan.
func cmdFindings(a *app, args []string) error {
	fs := a.flags("findings")
	asJSON := fs.Bool("json", false, "")
	pos, err := a.parse(fs, "findings", args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fail("ange planens id: sipmote findings ID [--json]", "give the plan's id: sipmote findings ID [--json]")
	}
	set, _ := a.loadChecklists()
	svc, err := a.openService(set.Jargon)
	if err != nil {
		return err
	}
	defer svc.Close()
	id, err := a.resolve(svc, pos[0])
	if err != nil {
		return err
	}
	if p, err := svc.Load(a.ctx, id); err == nil && p.ContentHidden() {
		return fail("samtycket är återkallat; planens innehåll visas inte", "the consent was withdrawn; the plan's content is not shown")
	}
	p, v, found, err := svc.Findings(a.ctx, id)
	if err != nil {
		return err
	}
	rep := findingsReport{PlanID: p.ID, Version: v.Number, Errors: []findingJSON{}, Warnings: []findingJSON{}, Notices: []findingJSON{}, Info: []findingJSON{}}
	for _, f := range found {
		sec := model.SectionOf(f.Path)
		j := findingJSON{Severity: f.Severity, Path: f.Path, Section: sec, Label: sectionName(sec, a.lang), Message: f.Message.In(a.lang)}
		switch f.Severity {
		case model.SevError:
			rep.Errors = append(rep.Errors, j)
		case model.SevNotice:
			rep.Notices = append(rep.Notices, j)
		case model.SevInfo:
			rep.Info = append(rep.Info, j)
		default:
			rep.Warnings = append(rep.Warnings, j)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		a.printFindings(p, v, rep)
	}
	if len(rep.Errors) > 0 {
		return exitCode(1)
	}
	return nil
}

func (a *app) printFindings(p *model.Plan, v *model.Version, rep findingsReport) {
	l := a.lang
	fmt.Fprintf(a.stdout, "%s: %s\n", p.ID[:8], v.Label(l))
	group := func(title string, fs []findingJSON) {
		if len(fs) == 0 {
			return
		}
		fmt.Fprintf(a.stdout, "\n%s (%d):\n", title, len(fs))
		for _, f := range fs {
			fmt.Fprintf(a.stdout, "  [%s] %s\n", f.Label, f.Message)
		}
	}
	group(model.T(l, "Fel som måste rättas innan planen kan fastställas", "Errors to fix before the plan can be finalised"), rep.Errors)
	group(model.T(l, "Varningar", "Warnings"), rep.Warnings)
	group(model.SevNotice.Label(l), rep.Notices)
	group(model.SevInfo.Label(l), rep.Info)
	switch {
	case p.Status == model.StatusClosed && p.Closure != nil:
		// Nothing is finalised any more: the plan has ended.
		fmt.Fprintln(a.stdout, "\n"+p.Closure.Ended(l))
	case v.FinalisedAt != nil:
		fmt.Fprintln(a.stdout, "\n"+model.T(l, "Versionen är redan fastställd. Ändringar görs vid nästa möte.", "The version is already finalised. Changes are made at the next meeting."))
	case len(rep.Errors) == 0:
		fmt.Fprintln(a.stdout, "\n"+model.T(l, "Inga fel: planen kan fastställas.", "No errors: the plan can be finalised."))
	}
}

// sectionName is a section's name on screen; the follow-up review and the
// person's data have names of their own.
func sectionName(id string, l model.Lang) string {
	switch id {
	case "review":
		return model.T(l, "Resultat sedan förra mötet", "Results since the last meeting")
	}
	return checklists.SectionLabel(id, l)
}

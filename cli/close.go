package cli

import (
	"errors"
	"fmt"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

func cmdClose(a *app, args []string) error {
	fs := a.flags("close")
	reason := fs.String("reason", "", "")
	text := fs.String("text", "", "")
	date := fs.String("date", a.now().Format(model.DateLayout), "")
	discard := fs.Bool("discard-draft", false, "")
	pos, err := a.parse(fs, "close", args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *reason == "" {
		return fail("ange id och skäl: sipmote close ID --reason goals_met|no_need|consent_withdrawn|moved|other",
			"give the id and a reason: sipmote close ID --reason goals_met|no_need|consent_withdrawn|moved|other")
	}
	db, err := a.openDB()
	if err != nil {
		return err
	}
	defer db.Close()
	// What closing does to an open draft, said before and after: the
	// rules differ by reason.
	fate := model.Text{}
	if before, err := db.Load(a.ctx, pos[0]); err == nil {
		fate = before.DraftOnClosing(model.ClosureReason(*reason))
	}
	p, err := db.ClosePlan(a.ctx, pos[0], model.Closure{Reason: model.ClosureReason(*reason), Text: *text, Date: *date, DraftDiscarded: *discard})
	var early *model.EarlyCloseError
	switch {
	case errors.As(err, &early):
		return fail(early.Message(model.Swedish)+" Inget har ändrats.", early.Message(model.English)+" Nothing was changed.")
	case errors.Is(err, model.ErrClosed):
		return fail("planen är redan avslutad", "the plan is already closed")
	case errors.Is(err, model.ErrDraftOpen) && *reason == string(model.CloseConsentGone):
		return fail(fate.SV+" Avsluta med --discard-draft. Inget har ändrats.", fate.EN+" Close with --discard-draft. Nothing was changed.")
	case errors.Is(err, model.ErrDraftOpen):
		return fail(fate.SV+" Fastställ det först, eller avsluta med --discard-draft. Inget har ändrats.",
			fate.EN+" Finalise it first, or close with --discard-draft. Nothing was changed.")
	case errors.Is(err, model.ErrReason):
		return fail("okänt skäl: "+*reason+" (goals_met, no_need, consent_withdrawn, moved eller other)", "unknown reason: "+*reason+" (goals_met, no_need, consent_withdrawn, moved or other)")
	case errors.Is(err, model.ErrReasonText):
		return fail("skriv en förklaring med --text när skälet är other", "write an explanation with --text when the reason is other")
	case errors.Is(err, model.ErrCloseDate):
		return fail("datumet ska vara ÅÅÅÅ-MM-DD och inte senare än i dag", "the date must be YYYY-MM-DD and not later than today")
	}
	if ce := (*service.CloseError)(nil); errors.As(err, &ce) {
		return fail("planen kunde inte avslutas: "+err.Error(), "the plan could not be closed: "+err.Error())
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, p.Closure.Describe(a.lang))
	if fate.SV != "" {
		fmt.Fprintln(a.stdout, fate.In(a.lang))
	}
	fmt.Fprintln(a.stdout, model.T(a.lang, "Samordnaren meddelar det till (bocka av i programmet med x på planen):", "The coordinator tells (tick them off in the program with x on the plan):"))
	for _, r := range p.Closure.Tell {
		fmt.Fprintf(a.stdout, "  [ ] %s\n", r.Line())
	}
	return nil
}

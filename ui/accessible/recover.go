package accessible

import (
	"errors"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
)

// offerRecoveries offers the recovery files of the database before
// anything else, one by one, as the full screen does: put back, throw
// away, or later. then runs when none is left to ask about.
func (r *runner) offerRecoveries(recs []service.Recovery, then func()) {
	if len(recs) == 0 {
		then()
		return
	}
	l, rec := r.l, recs[0]
	rest := func() { r.offerRecoveries(recs[1:], then) }
	who := rec.Person
	if who == "" {
		who = model.T(l, "en okänd plan", "an unknown plan")
	}
	r.say(model.T(l, "Förra gången tog databasen inte emot det som skrevs sist i planen för ", "Last time the database did not take what was typed last in the plan of ") +
		who + model.T(l, ". Det sparades i en fil i stället, skriven ", ". It was saved in a file instead, written ") + rec.Written.Local().Format("2006-01-02 15:04") + ".")
	var opts []string
	var acts []func()
	if rec.Err == nil && !rec.StoredClosed {
		q := model.T(l, "Lägg tillbaka det i databasen", "Put it back in the database")
		if rec.ChangedSince() {
			q += model.T(l, " (planen har ändrats efter filen; de ändringarna ersätts)", " (the plan changed after the file; those changes are replaced)")
		}
		opts = append(opts, q)
		acts = append(acts, func() {
			_, err := r.o.Service.Restore(r.ctx, rec)
			var rm *service.RemoveError
			switch {
			case err != nil && errors.As(err, &rm):
				r.say(model.T(l, "Planen är tillbaka i databasen, men ", "The plan is back in the database, but ") + common.ErrText(l, err))
			case err != nil:
				r.say(model.T(l, "Det gick inte: ", "That did not work: ") + common.ErrText(l, err))
			default:
				r.sayT("Planen är tillbaka i databasen och filen är borttagen.", "The plan is back in the database and the file is removed.")
			}
			rest()
		})
	} else if rec.Err != nil {
		r.say(common.ErrText(l, rec.Err))
	} else {
		r.sayT("Planen har avslutats sedan dess; filen kan inte läggas tillbaka.", "The plan was closed since; the file cannot be put back.")
	}
	opts = append(opts, model.T(l, "Kasta filen (det som inte finns i databasen går förlorat)", "Throw the file away (what is not in the database is lost)"))
	acts = append(acts, func() {
		if err := r.o.Service.DiscardRecovery(rec); err != nil {
			r.say(model.T(l, "Det gick inte: ", "That did not work: ") + common.ErrText(l, err))
		} else {
			r.sayT("Filen är kastad.", "The file was thrown away.")
		}
		rest()
	})
	opts = append(opts, model.T(l, "Senare (filen erbjuds igen nästa gång)", "Later (the file is offered again next time)"))
	acts = append(acts, rest)
	r.choose(model.T(l, "Vad vill du göra?", "What do you want to do?"), opts, func(i int) { acts[i]() }, rest)
}

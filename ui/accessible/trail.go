package accessible

import (
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
)

// trail reads a plan's access trail, one event a line: when, what, who
// and from where, as the trail screen shows them.
func (r *runner) trail(id string) {
	l := r.l
	events, err := r.o.Service.Trail(r.ctx, id)
	if err != nil {
		r.say(model.T(l, "Loggen kunde inte läsas: ", "The trail could not be read: ") + common.ErrText(l, err))
		return
	}
	if len(events) == 0 {
		r.sayT("Inga händelser.", "No events.")
		return
	}
	r.say(model.T(l, "Åtkomstloggen, ", "The access trail, ") + model.Plural(l, len(events), "%d händelse:", "%d händelser:", "%d event:", "%d events:"))
	for i, e := range events {
		what := model.TrailWhat(l, e.Kind, e.Section, e.Count)
		if e.Carried {
			what = model.T(l, "avsändarens logg: ", "sender's trail: ") + what
		}
		who := e.OSUser
		switch {
		case e.OSUser == service.UnknownDevice:
			who = model.T(l, "okänt konto", "unknown account")
		case e.Secretary != "":
			who += " (" + e.Secretary + ")"
		}
		parts := []string{e.At.Local().Format("2006-01-02 15:04"), what}
		for _, s := range []string{who, e.From} {
			if s = strings.TrimSpace(s); s != "" {
				parts = append(parts, s)
			}
		}
		r.say(itoa(i+1) + ". " + strings.Join(parts, ", ") + ".")
	}
}

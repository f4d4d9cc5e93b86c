package cli

import (
	"fmt"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

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
		if err := db.Create(a.ctx, p); err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "%s  %s\n", p.ID, p.Person.Name)
	}
	open := "sipmote"
	if a.dbFlag != "" {
		open += " --db " + shellQuote(service.Shown(a.dbFlag))
	}
	fmt.Fprintln(a.stdout, model.T(a.lang, "Exempelplaner skapade för påhittade personer. Öppna dem med: ", "Sample plans created for fictional people. Open them with: ")+open)
	return nil
}

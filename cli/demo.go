package cli

import (
	"fmt"

	"github.com/sipmote/sipmote/model"
)

func cmdDemo(a *app, args []string) error {
	fs := a.flags("demo")
	again := fs.Bool("again", false, "")
	if _, err := a.parse(fs, "demo", args); err != nil {
		return err
	}
	a.mayCreate = true
	db, err := a.openDB()
	if err != nil {
		return err
	}
	defer db.Close()
	open := a.command()
	if !*again {
		there, err := db.Examples(a.ctx)
		if err != nil {
			return err
		}
		if n := len(there); n > 0 {
			// A second set would put each example person in the list
			// twice: made only when asked for.
			fmt.Fprintln(a.stdout, model.Plural(a.lang, n,
				"Exempelplanerna finns redan i filen (%d plan); inga nya skapades. Öppna dem med: ", "Exempelplanerna finns redan i filen (%d planer); inga nya skapades. Öppna dem med: ",
				"The sample plans are in the file already (%d plan); none were added. Open them with: ", "The sample plans are in the file already (%d plans); none were added. Open them with: ")+
				open+model.T(a.lang, ". En uppsättning till: "+a.demoCommand()+" --again", ". Another set: "+a.demoCommand()+" --again"))
			return nil
		}
	}
	now := a.now()
	for _, p := range model.DemoPlans(now) {
		// Marked in the name, so a sample is never taken for a real plan.
		p.Person.Name += model.T(a.lang, " (exempel)", " (example)")
		if err := db.Create(a.ctx, p); err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "%s  %s\n", p.ID, p.Person.Name)
	}
	fmt.Fprintln(a.stdout, model.T(a.lang, "Exempelplaner skapade för påhittade personer. Öppna dem med: ", "Sample plans created for fictional people. Open them with: ")+open)
	return nil
}

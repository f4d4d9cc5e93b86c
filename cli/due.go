package cli

import (
	"encoding/json"
	"fmt"

	"github.com/sipmote/sipmote/model"
)

func cmdDue(a *app, args []string) error {
	fs := a.flags("due")
	days := fs.Int("days", model.DefaultDueDays, "")
	asJSON := fs.Bool("json", false, "")
	if _, err := a.parse(fs, "due", args); err != nil {
		return err
	}
	if *days < 1 {
		// The service takes 0 or less as four weeks; saying "within -5
		// days" over that list would be untrue.
		return fail("--days tar ett antal dagar, 1 eller fler", "--days takes a number of days, 1 or more")
	}
	db, err := a.openDB()
	if err != nil {
		return err
	}
	defer db.Close()
	due, err := db.Due(a.ctx, *days)
	if err != nil {
		return err
	}
	if *asJSON {
		if due == nil {
			due = []model.DueItem{}
		}
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(due)
	}
	if len(due) == 0 {
		fmt.Fprintf(a.stdout, model.T(a.lang, "Inget att åtgärda inom %d dagar.\n", "Nothing due within %d days.\n"), *days)
		return nil
	}
	for _, d := range due {
		fmt.Fprintf(a.stdout, "%s  %s: %s\n", d.PlanID[:8], d.Person, d.Describe(a.lang))
	}
	return nil
}

package service

import (
	"github.com/sipmote/sipmote/model"
)

// ClosedText says in l what became of a meeting's text when the program
// ended, for standard error once the screen is gone: nothing when it is
// all in the database; otherwise why not, and either exactly where the
// text is now and that it is offered back at the next start, or plainly
// that it is lost. It names the plan by the start of its id, never by the
// person, and says "saved" only of a file that was written and synced.
func ClosedText(l model.Lang, c Closed) string {
	if c.Outcome == OutcomeSaved {
		return ""
	}
	plan := c.Plan
	if len(plan) > 8 {
		plan = plan[:8]
	}
	why := ErrorText(l, c.SaveErr)
	if c.Outcome == OutcomeLost {
		return model.T(l,
			"sipmote: Det senaste som skrevs i planen "+plan+" kunde inte sparas i databasen: "+why+
				"\nDet gick inte heller att skriva en återställningsfil: "+ErrorText(l, c.RecoveryErr)+
				"\nDet som skrevs efter den senaste lyckade sparningen är förlorat.",
			"sipmote: What was typed last in plan "+plan+" could not be saved in the database: "+why+
				"\nNo recovery file could be written either: "+ErrorText(l, c.RecoveryErr)+
				"\nWhat was typed after the last successful save is lost.")
	}
	out := model.T(l,
		"sipmote: Det senaste som skrevs i planen "+plan+" kunde inte sparas i databasen: "+why+
			"\nHela planen är i stället sparad i en återställningsfil:\n  "+c.Recovery+
			"\nNästa gång sipmote startas med samma databas erbjuds du att lägga tillbaka den.",
		"sipmote: What was typed last in plan "+plan+" could not be saved in the database: "+why+
			"\nThe whole plan is saved in a recovery file instead:\n  "+c.Recovery+
			"\nThe next time sipmote starts with the same database it offers to put it back.")
	if c.InMemory {
		out += model.T(l,
			"\nFilen ligger i datorns minne och försvinner om datorn startas om: starta sipmote innan dess.",
			"\nThe file is kept in the computer's memory and is gone if the computer restarts: start sipmote before that.")
	}
	return out
}

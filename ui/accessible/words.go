package accessible

import (
	"strings"
	"unicode/utf8"

	"github.com/sipmote/sipmote/model"
)

// cmd names a command of the mode.
type cmd int

const (
	cmdNone cmd = iota
	cmdHelp
	cmdNext
	cmdPrev
	cmdStep
	cmdRead
	cmdField
	cmdRow
	cmdNew
	cmdDone
	cmdTime
	cmdStart
	cmdFindings
	cmdFinalise
	cmdPrint
	cmdShow
	cmdSection
	cmdList
	cmdOpen
	cmdClose
	cmdRemove
	cmdCopies
	cmdRound
	cmdPlan
	cmdTrail
	cmdChecklist
	cmdUndoStart
	cmdShare
	cmdUnshare
	cmdCancel
	cmdQuit
)

// word is one command: its Swedish and English names, what it takes and
// what it does, for the help. Both names work in either language, so a
// secretary who knows one set is never refused; help shows the
// language's own.
type word struct {
	c        cmd
	sv, en   string
	arg      model.Text
	what     model.Text
	inMeet   bool // offered in the meeting
	atHome   bool // offered on the home list
	inPrompt bool // works while a question waits (the form, a choice)
}

var words = []word{
	{cmdHelp, "hjälp", "help", model.Text{}, model.Text{SV: "visar kommandona", EN: "lists the commands"}, true, true, true},
	{cmdNext, "nästa", "next", model.Text{}, model.Text{SV: "nästa punkt på dagordningen", EN: "the next agenda step"}, true, false, false},
	{cmdPrev, "förra", "prev", model.Text{}, model.Text{SV: "förra punkten", EN: "the previous step"}, true, false, false},
	{cmdStep, "punkt", "step", model.Text{SV: " N", EN: " N"}, model.Text{SV: "går till punkt N; utan N läses dagordningen", EN: "goes to step N; without N reads the agenda"}, true, false, false},
	{cmdRead, "läs", "read", model.Text{}, model.Text{SV: "läser delen i fokus, fält för fält", EN: "reads the section in focus, field by field"}, true, false, false},
	{cmdPlan, "planen", "plan", model.Text{}, model.Text{SV: "läser hela planen som den skrivs ut", EN: "reads the whole plan as it is printed"}, true, false, false},
	{cmdField, "fält", "field", model.Text{SV: " N", EN: " N"}, model.Text{SV: "sätter fokus på fält N", EN: "puts the focus on field N"}, true, false, false},
	{cmdRow, "rad", "row", model.Text{SV: " N", EN: " N"}, model.Text{SV: "öppnar rad N i en lista (deltagare, mål, insatser)", EN: "opens row N of a list (participants, goals, actions)"}, true, false, false},
	{cmdNew, "ny", "new", model.Text{}, model.Text{SV: "ny deltagare, nytt mål eller ny insats; på listan: ny plan", EN: "a new participant, goal or action; on the list: a new plan"}, true, true, false},
	{cmdRemove, "ta bort", "remove", model.Text{SV: " [N]", EN: " [N]"}, model.Text{SV: "tar bort den öppna raden, eller rad N, efter en fråga", EN: "removes the open row, or row N, after a question"}, true, false, false},
	{cmdDone, "klar", "done", model.Text{}, model.Text{SV: "markerar punkten klar och går vidare", EN: "marks the step done and moves on"}, true, false, false},
	{cmdRound, "runda", "round", model.Text{SV: " [N]", EN: " [N]"}, model.Text{SV: "vem som talat i punktens runda; N bockar av deltagare N", EN: "who has spoken in the step's round; N ticks participant N"}, true, false, false},
	{cmdTime, "tid", "time", model.Text{}, model.Text{SV: "säger klockorna", EN: "tells the clocks"}, true, false, false},
	{cmdStart, "starta", "start", model.Text{}, model.Text{SV: "startar mötets klocka", EN: "starts the meeting's clock"}, true, false, false},
	{cmdUndoStart, "ångra start", "undo start", model.Text{}, model.Text{SV: "tar tillbaka en start i onödan", EN: "takes back a false start"}, true, false, false},
	{cmdChecklist, "checklista", "checklist", model.Text{SV: " [N]", EN: " [N]"}, model.Text{SV: "läser checklistorna före och efter mötet; N bockar av punkt N", EN: "reads the before and after checklists; N ticks item N"}, true, false, false},
	{cmdFindings, "fynd", "findings", model.Text{SV: " [N]", EN: " [N]"}, model.Text{SV: "vad planen saknar; med N: gå dit", EN: "what the plan lacks; with N: go there"}, true, false, false},
	{cmdCopies, "kopior", "copies", model.Text{SV: " [N | + Namn, verksamhet]", EN: " [N | + Name, unit]"}, model.Text{SV: "läser och ändrar kopielistan", EN: "reads and changes the copy list"}, true, false, false},
	{cmdFinalise, "fastställ", "finalise", model.Text{}, model.Text{SV: "fastställer planen", EN: "finalises the plan"}, true, false, false},
	{cmdPrint, "skriv ut", "print", model.Text{SV: " [N]", EN: " [N]"}, model.Text{SV: "skriver ut planen; på listan plan N", EN: "prints the plan; on the list plan N"}, true, true, false},
	{cmdShow, "visa", "show", model.Text{}, model.Text{SV: "läser det dolda fältet; hörlurar om skärmläsaren talar", EN: "reads the hidden field; headphones if the screen reader speaks"}, true, false, false},
	{cmdSection, "del", "section", model.Text{SV: " N", EN: " N"}, model.Text{SV: "går till del N av planen; utan N läses delarna", EN: "goes to section N of the plan; without N lists them"}, true, false, false},
	{cmdList, "lista", "list", model.Text{}, model.Text{SV: "lämnar mötet och läser listan över planer", EN: "leaves the meeting and reads the list of plans"}, true, true, false},
	{cmdTrail, "logg", "trail", model.Text{SV: " [N]", EN: " [N]"}, model.Text{SV: "läser åtkomstloggen: den öppna planens, på listan plan N:s", EN: "reads the access trail: the open plan's, on the list plan N's"}, true, true, false},
	{cmdOpen, "öppna", "open", model.Text{SV: " N", EN: " N"}, model.Text{SV: "öppnar plan N", EN: "opens plan N"}, false, true, false},
	{cmdClose, "stäng", "close", model.Text{SV: " N", EN: " N"}, model.Text{SV: "avslutar plan N (med skäl)", EN: "closes plan N (with a reason)"}, false, true, false},
	{cmdShare, "dela", "share", model.Text{}, model.Text{SV: "delar mötet över SSH med mötesledarens dator och rummets skärm", EN: "shares the meeting over SSH with the chair's computer and the room's screen"}, true, false, false},
	{cmdUnshare, "sluta dela", "unshare", model.Text{}, model.Text{SV: "slutar dela mötet", EN: "stops sharing the meeting"}, true, false, false},
	{cmdCancel, "avbryt", "cancel", model.Text{}, model.Text{SV: "avbryter frågan", EN: "cancels the question"}, false, false, true},
	{cmdQuit, "avsluta", "quit", model.Text{}, model.Text{SV: "sparar och avslutar programmet", EN: "saves and ends the program"}, true, true, true},
}

// parse reads a command line (it starts with ':'); arg is what follows
// the command's name. Unknown commands give cmdNone.
func parse(line string) (c cmd, arg string) {
	s := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), ":")))
	best := -1
	for i, w := range words {
		for _, n := range []string{w.sv, w.en} {
			if (s == n || strings.HasPrefix(s, n+" ")) && (best < 0 || len(n) > bestLen(best, s)) {
				best = i
			}
		}
	}
	if best < 0 {
		if s == "?" {
			return cmdHelp, ""
		}
		return cmdNone, ""
	}
	w := words[best]
	n := w.sv
	if !(s == n || strings.HasPrefix(s, n+" ")) {
		n = w.en
	}
	// The argument keeps its case (a name); the command's name is skipped
	// by its count of letters, which lower case does not change.
	orig := []rune(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), ":")))
	return w.c, strings.TrimSpace(string(orig[min(len(orig), utf8.RuneCountInString(n)):]))
}

// bestLen is the length of the name of word i that s starts with.
func bestLen(i int, s string) int {
	w := words[i]
	if s == w.sv || strings.HasPrefix(s, w.sv+" ") {
		return len(w.sv)
	}
	return len(w.en)
}

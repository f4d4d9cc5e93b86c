package ui

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
)

// Step is one agenda step as the meeting screen needs it. It is built from
// the checklists, which are data; the screen does not know their format.
type Step struct {
	ID      string
	Part    string
	PartTxt model.Text
	Share   int // percent of the planned length
	Prompt  model.Text
	Title   model.Text
	// Section is the part of the plan the step fills; the step opens it.
	Section string
	Round   bool
	// Complete tells whether the plan already holds what the step fills.
	Complete func(p *model.Plan, v *model.Version) bool
}

// budget colours: amber from the step's time, red from a fifth over it.
const redOver = 1.2

// clockLine says how far the meeting is, or that it has not started.
func clockLine(st *Styles, l model.Lang, v *model.Version, elapsed time.Duration) string {
	if !v.Started() {
		return st.Warn.Render(model.T(l, "Förberedelse · ctrl+o startar mötet", "Preparing · ctrl+o starts the meeting"))
	}
	planned := time.Duration(max(1, v.Meeting.Minutes)) * time.Minute
	clock := fmt.Sprintf(model.T(l, "Mötet: %d av %d min", "Meeting: %d of %d min"), int(elapsed.Minutes()), v.Meeting.Minutes)
	return budgetStyle(st, elapsed, planned).Render(clock)
}

// agendaView draws the chair's pane. It changes once a second at most, so
// the meeting screen caches it between clock ticks.
func agendaView(st *Styles, l model.Lang, steps []Step, cur int, p *model.Plan, v *model.Version, elapsed time.Duration, width, height int, compact bool) string {
	planned := time.Duration(max(1, v.Meeting.Minutes)) * time.Minute
	clock := clockLine(st, l, v, elapsed)
	if len(steps) == 0 {
		return clock
	}
	cur = min(max(cur, 0), len(steps)-1)
	times := make([]model.StepTime, len(steps))
	for i, s := range steps {
		times[i] = model.StepTime{ID: s.ID, Share: s.Share}
	}
	budgets := model.Budgets(planned, times, cur, v)
	shrunk := false
	var b strings.Builder
	state := func(s Step) (mark, plain, word string) {
		switch {
		case v.Agenda[s.ID].Done:
			return st.Done.Render("✓ "), st.Done.Render("✓"), model.T(l, "klar", "done")
		case s.Complete != nil && s.Complete(p, v):
			return st.Done.Render("· "), st.Done.Render("·"), model.T(l, "ifyllt", "filled in")
		}
		return "  ", " ", ""
	}
	line := func(i int, note string) string {
		s := steps[i]
		mark, plain, _ := state(s)
		bu := budgets[i]
		t := fmt.Sprintf("%d/%d min", int(bu.Used.Minutes()), int(math.Round(bu.Now.Minutes())))
		if bu.Shrunk() {
			t = fmt.Sprintf("%d/↓%d min", int(bu.Used.Minutes()), int(math.Round(bu.Now.Minutes())))
			shrunk = true
		}
		title := fmt.Sprintf("%d %s", i+1, s.Title.In(l))
		room := max(8, width-ansi.StringWidth(t)-4)
		if note != "" {
			// The note is kept whole; the title gives way.
			title = ansi.Truncate(title, max(8, room-ansi.StringWidth(note)-2), "…") + "  " + st.Done.Render(note)
		}
		title = ansi.Truncate(title, room, "…")
		pad := strings.Repeat(" ", max(1, width-2-ansi.StringWidth(title)-ansi.StringWidth(t)))
		tst := budgetStyle(st, bu.Used, bu.Now)
		if bu.Shrunk() && !bu.Over() {
			tst = st.Warn
		}
		row := title + pad + tst.Render(t)
		if i == cur {
			row = st.Focused.Render("›") + plain + row
			return row
		}
		return mark + row
	}
	if compact {
		// One line for the step and its clock, the rest for the prompt.
		// No legend fits here, so the step's mark is said in words.
		note := ""
		if mark, _, word := state(steps[cur]); word != "" {
			note = strings.TrimSpace(ansi.Strip(mark)) + " " + word
		}
		b.WriteString(clock + "\n" + line(cur, note) + "\n")
		prompt := strings.Split(ansi.Wordwrap(steps[cur].Prompt.In(l), max(10, width), ""), "\n")
		room := height - 2
		if notRaiseLine(l, steps[cur], v) != "" {
			room--
		}
		if len(prompt) > room {
			prompt = prompt[:max(1, room)]
			prompt[len(prompt)-1] = ansi.Truncate(prompt[len(prompt)-1]+" …", width, "…")
		}
		b.WriteString(st.Label.Render(strings.Join(prompt, "\n")))
		if nr := notRaiseLine(l, steps[cur], v); nr != "" {
			b.WriteString("\n" + st.Warn.Render(ansi.Truncate(nr, width, "…")))
		}
		return b.String()
	}
	if !v.Started() {
		clock = st.Warn.Render(ansi.Wordwrap(ansi.Strip(clock), width, ""))
	}
	b.WriteString(st.Title.Render(model.T(l, "Dagordning", "Agenda")) + "\n" + clock + "\n")
	part := ""
	for i, s := range steps {
		if s.Part != part {
			part = s.Part
			b.WriteString(st.Subtle.Render(strings.ToUpper(s.PartTxt.In(l))) + "\n")
		}
		b.WriteString(line(i, "") + "\n")
		if i == cur {
			prompt := ansi.Wordwrap(s.Prompt.In(l), max(10, width-4), "")
			for _, pl := range strings.Split(prompt, "\n") {
				b.WriteString("    " + st.Label.Render(pl) + "\n")
			}
			if s.Round {
				b.WriteString(roundView(st, l, s.ID, v, width))
			}
			if s.Section == secConsent {
				b.WriteString(consentSummary(st, l, v, width))
			}
		}
	}
	out := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	legend := legendLines(st, l, shrunk, width)
	if len(out)+1+len(legend) > height {
		// A short window: the legend stays, the steps are cut, keeping the
		// current step in view.
		room := max(1, height-len(legend))
		first := 0
		for i, ln := range out {
			if strings.Contains(ln, "›") {
				first = max(0, min(i-2, len(out)-room))
				break
			}
		}
		out = out[first:min(len(out), first+room)]
		return strings.Join(append(out, legend...), "\n")
	}
	return strings.Join(out, "\n") + "\n\n" + strings.Join(legend, "\n")
}

// legendLines explain the agenda's marks, in as many lines as the width
// needs, so that no mark is left unexplained.
func legendLines(st *Styles, l model.Lang, shrunk bool, width int) []string {
	parts := []string{model.T(l, "✓ klar", "✓ done"), model.T(l, "· ifyllt i planen", "· filled in the plan")}
	if shrunk {
		parts = append(parts, model.T(l, "↓ kortad så att mötet slutar i tid", "↓ shortened so the meeting ends on time"))
	}
	var out []string
	cur := ""
	for _, p := range parts {
		switch {
		case cur == "":
			cur = p
		case ansi.StringWidth(cur)+2+ansi.StringWidth(p) <= width:
			cur += "  " + p
		default:
			out = append(out, st.Subtle.Render(cur))
			cur = p
		}
	}
	return append(out, st.Subtle.Render(ansi.Truncate(cur, width, "…")))
}

func budgetStyle(st *Styles, used, share time.Duration) interface{ Render(...string) string } {
	switch {
	case share > 0 && float64(used) > float64(share)*redOver:
		return st.Err
	case share > 0 && used > share:
		return st.Warn
	}
	return st.Subtle
}

// roundView lists the present participants with a tick for those who have
// spoken in this round.
func roundView(st *Styles, l model.Lang, stepID string, v *model.Version, width int) string {
	spoke := map[string]bool{}
	for _, id := range v.Rounds[stepID] {
		spoke[id] = true
	}
	var b strings.Builder
	for _, pt := range v.Present() {
		mark := "[ ]"
		if spoke[pt.ID] {
			mark = st.Done.Render("[x]")
		}
		b.WriteString("    " + mark + " " + ansi.Truncate(pt.Name, max(5, width-10), "…") + "\n")
	}
	if b.Len() == 0 {
		w := ansi.Wordwrap(model.T(l, "Ingen är markerad närvarande ännu.", "Nobody is marked present yet."), max(10, width-4), "")
		return "    " + st.Subtle.Render(strings.ReplaceAll(w, "\n", "\n    ")) + "\n"
	}
	return b.String() + "    " + st.Subtle.Render(model.T(l, "ctrl+r bockar av talare", "ctrl+r ticks speakers")) + "\n"
}

// consentSummary reminds the chair what the consent covers and what must
// not be raised.
func consentSummary(st *Styles, l model.Lang, v *model.Version, width int) string {
	c := v.Consent
	var b strings.Builder
	w := max(10, width-6)
	if !c.Given {
		return "    " + st.Err.Render(model.T(l, "Samtycke saknas.", "No consent recorded.")) + "\n"
	}
	if len(c.Actors) > 0 {
		b.WriteString("    " + ansi.Wordwrap(model.T(l, "Gäller: ", "Covers: ")+strings.Join(c.Actors, ", "), w, "") + "\n")
	}
	if c.ValidUntil != "" {
		b.WriteString("    " + model.T(l, "Till och med ", "Until ") + c.ValidUntil + "\n")
	}
	if len(c.NotRaise) > 0 {
		b.WriteString("    " + st.Warn.Render(ansi.Wordwrap(model.T(l, "Ta inte upp: ", "Do not raise: ")+strings.Join(c.NotRaise, ", "), w, "")) + "\n")
	}
	return b.String()
}

// notRaiseLine reminds the chair, at the confidentiality step, of the
// subjects the person does not want raised. It is never printed.
func notRaiseLine(l model.Lang, s Step, v *model.Version) string {
	if s.Section != secConsent || len(v.Consent.NotRaise) == 0 {
		return ""
	}
	return model.T(l, "Ta inte upp: ", "Do not raise: ") + strings.Join(v.Consent.NotRaise, "; ")
}

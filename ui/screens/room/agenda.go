// Package room draws what the chair and the room see of a meeting: the
// agenda and its clock, the chair's view, the room's view and the round of
// speakers. The meeting screen and a shared device's screen both use it.
package room

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
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

// clockLine says how far the meeting is, or that it has not started; for
// a closed plan, that it is closed: no clock runs for a plan that ended.
func clockLine(st *common.Styles, l model.Lang, p *model.Plan, v *model.Version, elapsed time.Duration) string {
	if p != nil && p.Status == model.StatusClosed {
		return st.Subtle.Render(ClosedLine(l, p))
	}
	if !v.Started() {
		return st.Warn.Render(model.T(l, "Förberedelse · ctrl+o startar mötet", "Preparing · ctrl+o starts the meeting"))
	}
	planned := time.Duration(max(1, v.Meeting.Minutes)) * time.Minute
	clock := fmt.Sprintf(model.T(l, "Mötet: %d av %d min", "Meeting: %d of %d min"), int(elapsed.Minutes()), v.Meeting.Minutes)
	return budgetStyle(st, elapsed, planned).Render(clock)
}

// ClosedLine says that a plan is closed, since when, and what can be done
// with it: "Avslutad 2026-12-07 · kan läsas och skrivas ut, inte ändras".
func ClosedLine(l model.Lang, p *model.Plan) string {
	date := ""
	if p.Closure != nil && p.Closure.Date != "" {
		date = " " + p.Closure.Date
	}
	return model.T(l, "Avslutad"+date+" · kan läsas och skrivas ut, inte ändras", "Closed"+date+" · can be read and printed, not changed")
}

// AgendaView draws the chair's pane. It changes once a second at most, so
// the meeting screen caches it between clock ticks.
func AgendaView(st *common.Styles, l model.Lang, steps []Step, cur int, p *model.Plan, v *model.Version, elapsed time.Duration, width, height int, compact bool) string {
	clock := clockLine(st, l, p, v, elapsed)
	if len(steps) == 0 {
		return clock
	}
	cur = min(max(cur, 0), len(steps)-1)
	budgets := stepBudgets(steps, cur, v)
	shrunk := false
	for _, bu := range budgets {
		shrunk = shrunk || bu.Shrunk()
	}
	var b strings.Builder
	line := func(i int, note string) string { return stepRow(st, l, steps, i, cur, p, v, budgets[i], note, width) }
	if compact {
		// One line for the step and its clock, the rest for the prompt.
		// No legend fits here, so the step's mark is said in words.
		note := ""
		if mark, _, word := stepState(st, l, steps[cur], p, v); word != "" {
			note = strings.TrimSpace(ansi.Strip(mark)) + " " + word
		}
		b.WriteString(clock + "\n" + line(cur, note) + "\n")
		prompt := strings.Split(ansi.Wordwrap(steps[cur].Prompt.In(l), max(10, width), ""), "\n")
		room := height - 2
		if ChairHint(l, steps[cur]) != "" {
			room--
		}
		if len(prompt) > room {
			prompt = prompt[:max(1, room)]
			prompt[len(prompt)-1] = ansi.Truncate(prompt[len(prompt)-1]+" …", width, "…")
		}
		b.WriteString(st.Label.Render(strings.Join(prompt, "\n")))
		if h := ChairHint(l, steps[cur]); h != "" {
			b.WriteString("\n" + st.Subtle.Render(ansi.Truncate(h, width, "…")))
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
		row := line(i, "")
		b.WriteString(row + "\n")
		if i == cur {
			// The current step's title whole, when its row had to cut it.
			if title := s.Title.In(l); !strings.Contains(ansi.Strip(row), title) {
				w := ansi.Wordwrap(title, max(10, width-4), "")
				b.WriteString("    " + st.Focused.Render(strings.ReplaceAll(w, "\n", "\n    ")) + "\n")
			}
			prompt := ansi.Wordwrap(s.Prompt.In(l), max(10, width-4), "")
			for _, pl := range strings.Split(prompt, "\n") {
				b.WriteString("    " + st.Label.Render(pl) + "\n")
			}
			if s.Round {
				b.WriteString(roundView(st, l, s.ID, StepOrder(steps), v, width))
			}
			if h := ChairHint(l, s); h != "" {
				w := ansi.Wordwrap(h, max(10, width-4), "")
				b.WriteString("    " + st.Subtle.Render(strings.ReplaceAll(w, "\n", "\n    ")) + "\n")
			}
		}
	}
	out := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	legend := legendLines(st, l, shrunk, width)
	if len(out)+1+len(legend) > height {
		// A short window: the title and the meeting's clock stay on top,
		// the legend at the bottom; the steps between scroll to keep the
		// current one in view, saying how many are above and below.
		pinned := min(2+strings.Count(clock, "\n"), len(out))
		room := max(1, height-len(legend)-pinned)
		focus := 0
		for i, ln := range out[pinned:] {
			if strings.Contains(ln, "›") {
				focus = i
				break
			}
		}
		steps := windowLines(st, l, out[pinned:], focus, room)
		out = append(out[:pinned:pinned], steps...)
		return strings.Join(append(out, legend...), "\n")
	}
	return strings.Join(out, "\n") + "\n\n" + strings.Join(legend, "\n")
}

// legendLines explain the agenda's marks, in as many lines as the width
// needs, so that no mark is left unexplained.
func legendLines(st *common.Styles, l model.Lang, shrunk bool, width int) []string {
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

// stepBudgets gives each step its time now: its share of the meeting,
// shortened when earlier steps ran over (see model.Budgets).
func stepBudgets(steps []Step, cur int, v *model.Version) []model.Budget {
	planned := time.Duration(max(1, v.Meeting.Minutes)) * time.Minute
	times := make([]model.StepTime, len(steps))
	for i, s := range steps {
		times[i] = model.StepTime{ID: s.ID, Share: s.Share}
	}
	return model.Budgets(planned, times, cur, v)
}

// stepState is a step's mark: "✓" done, "·" filled in the plan, and the
// same in a word for where no legend fits.
func stepState(st *common.Styles, l model.Lang, s Step, p *model.Plan, v *model.Version) (mark, plain, word string) {
	switch {
	case v.Agenda[s.ID].Done:
		return st.Done.Render("✓ "), st.Done.Render("✓"), model.T(l, "klar", "done")
	case s.Complete != nil && s.Complete(p, v):
		return st.Done.Render("· "), st.Done.Render("·"), model.T(l, "ifyllt", "filled in")
	}
	return "  ", " ", ""
}

// stepLine is one step of the agenda with its mark and its clock: "✓"
// done, "·" filled in the plan, "›" the current step, "↓" a time
// shortened by earlier overruns.
func stepLine(st *common.Styles, l model.Lang, steps []Step, i, cur int, p *model.Plan, v *model.Version, _ time.Duration, width int) string {
	return stepRow(st, l, steps, i, cur, p, v, stepBudgets(steps, cur, v)[i], "", width)
}

// stepRow draws a step with its budget; note, when set, is said after the
// title and kept whole.
func stepRow(st *common.Styles, l model.Lang, steps []Step, i, cur int, p *model.Plan, v *model.Version, bu model.Budget, note string, width int) string {
	s := steps[i]
	mark, plain, _ := stepState(st, l, s, p, v)
	t := fmt.Sprintf("%d/%d min", int(bu.Used.Minutes()), int(math.Round(bu.Now.Minutes())))
	if bu.Shrunk() {
		t = fmt.Sprintf("%d/↓%d min", int(bu.Used.Minutes()), int(math.Round(bu.Now.Minutes())))
	}
	title := fmt.Sprintf("%d %s", i+1, s.Title.In(l))
	room := max(8, width-ansi.StringWidth(t)-4)
	if note != "" {
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
		return st.Focused.Render("›") + plain + row
	}
	return mark + row
}

func budgetStyle(st *common.Styles, used, share time.Duration) interface{ Render(...string) string } {
	switch {
	case share > 0 && float64(used) > float64(share)*redOver:
		return st.Err
	case share > 0 && used > share:
		return st.Warn
	}
	return st.Subtle
}

// ChairHint points, at the consent step, to the chair's own view. The
// secretary's screen may be the one on the wall, so the consent's scope and
// the subjects not to raise are shown only in the chair's view.
func ChairHint(l model.Lang, s Step) string {
	if s.Section != model.SectionConsent {
		return ""
	}
	return model.T(l, "Samtycket och det som inte tas upp: mötesledarens vy (f2)",
		"Consent scope and what not to raise: the chair's view (f2)")
}

// CountText says how many errors and warnings, in the right number.
func CountText(l model.Lang, nErr, nWarn int) string {
	e := model.T(l, "fel", "errors")
	if nErr == 1 && l == model.English {
		e = "error"
	}
	w := model.T(l, "varningar", "warnings")
	if nWarn == 1 {
		w = model.T(l, "varning", "warning")
	}
	return fmt.Sprintf("%d %s, %d %s", nErr, e, nWarn, w)
}

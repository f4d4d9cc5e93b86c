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
	Section string
	// First, when set, is a section the step opens before Section: the
	// person's own words before the goals written from them.
	First string
	Round bool
	// Complete tells whether the plan already holds what the step fills.
	Complete func(p *model.Plan, v *model.Version) bool
}

// budget colours: amber from the step's share, red from a fifth over it.
const redOver = 1.2

// agendaView draws the chair's pane. It changes once a second at most, so
// the meeting screen caches it between clock ticks.
func agendaView(st *Styles, l model.Lang, steps []Step, cur int, p *model.Plan, v *model.Version, elapsed time.Duration, width, height int, compact bool) string {
	planned := time.Duration(max(1, v.Meeting.Minutes)) * time.Minute
	clock := fmt.Sprintf(model.T(l, "Mötet: %d av %d minuter", "Meeting: %d of %d minutes"), int(elapsed.Minutes()), v.Meeting.Minutes)
	clock = budgetStyle(st, elapsed, planned).Render(clock)
	if len(steps) == 0 {
		return clock
	}
	cur = min(max(cur, 0), len(steps)-1)
	var b strings.Builder
	line := func(i int) string { return stepLine(st, l, steps, i, cur, p, v, planned, width) }
	if compact {
		// One line for the step and its clock, the rest for the prompt.
		b.WriteString(clock + "\n" + line(cur) + "\n")
		prompt := strings.Split(ansi.Wordwrap(steps[cur].Prompt.In(l), max(10, width), ""), "\n")
		room := height - 2
		if chairHint(l, steps[cur]) != "" {
			room--
		}
		if len(prompt) > room {
			prompt = prompt[:max(1, room)]
			prompt[len(prompt)-1] = ansi.Truncate(prompt[len(prompt)-1]+" …", width, "…")
		}
		b.WriteString(st.Label.Render(strings.Join(prompt, "\n")))
		if h := chairHint(l, steps[cur]); h != "" {
			b.WriteString("\n" + st.Subtle.Render(ansi.Truncate(h, width, "…")))
		}
		return b.String()
	}
	b.WriteString(st.Title.Render(model.T(l, "Dagordning", "Agenda")) + "\n" + clock + "\n")
	part := ""
	for i, s := range steps {
		if s.Part != part {
			part = s.Part
			b.WriteString(st.Subtle.Render(strings.ToUpper(s.PartTxt.In(l))) + "\n")
		}
		b.WriteString(line(i) + "\n")
		if i == cur {
			prompt := ansi.Wordwrap(s.Prompt.In(l), max(10, width-4), "")
			for _, pl := range strings.Split(prompt, "\n") {
				b.WriteString("    " + st.Label.Render(pl) + "\n")
			}
			if s.Round {
				b.WriteString(roundView(st, l, s.ID, stepOrder(steps), v, width))
			}
			if h := chairHint(l, s); h != "" {
				w := ansi.Wordwrap(h, max(10, width-4), "")
				b.WriteString("    " + st.Subtle.Render(strings.ReplaceAll(w, "\n", "\n    ")) + "\n")
			}
		}
	}
	b.WriteString("\n" + st.Subtle.Render(model.T(l, "✓ klar  · ifyllt i planen", "✓ done  · filled in the plan")) + "\n")
	out := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if len(out) > height {
		// Keep the current step in view on a short window.
		out = out[:height]
	}
	return strings.Join(out, "\n")
}

// stepLine is one step of the agenda with its mark and its clock: "✓"
// done, "·" filled in the plan, "›" the current step.
func stepLine(st *Styles, l model.Lang, steps []Step, i, cur int, p *model.Plan, v *model.Version, planned time.Duration, width int) string {
	s := steps[i]
	mark, plain := "  ", " "
	if v.Agenda[s.ID].Done {
		mark, plain = st.Done.Render("✓ "), st.Done.Render("✓")
	} else if s.Complete != nil && s.Complete(p, v) {
		mark, plain = st.Done.Render("· "), st.Done.Render("·")
	}
	used := time.Duration(v.Agenda[s.ID].Seconds) * time.Second
	share := planned * time.Duration(s.Share) / 100
	t := fmt.Sprintf("%d/%d min", int(used.Minutes()), int(math.Round(share.Minutes())))
	title := fmt.Sprintf("%d %s", i+1, s.Title.In(l))
	room := max(8, width-ansi.StringWidth(t)-4)
	title = ansi.Truncate(title, room, "…")
	pad := strings.Repeat(" ", max(1, width-2-ansi.StringWidth(title)-ansi.StringWidth(t)))
	row := title + pad + budgetStyle(st, used, share).Render(t)
	if i == cur {
		return st.Focused.Render("›") + plain + row
	}
	return mark + row
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

// chairHint points, at the consent step, to the chair's own view. The
// secretary's screen may be the one on the wall, so the consent's scope and
// the subjects not to raise are shown only in the chair's view.
func chairHint(l model.Lang, s Step) string {
	if s.Section != secConsent {
		return ""
	}
	return model.T(l, "Samtycket och det som inte tas upp: mötesledarens vy (f2)",
		"Consent scope and what not to raise: the chair's view (f2)")
}

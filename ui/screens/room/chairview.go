package room

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
)

type chairKeys struct {
	next, prev, done, up, down, tick, help, start key.Binding
}

// No letter is a command here: the chair's view is opened by mistake now
// and then, and a sentence typed on it ("det är bra att vi ses igen")
// marked a step done with its d and moved the agenda with its n. Space,
// which ticks a speaker, acts only typed alone (components.LoneKeys).
func newChairKeys(l model.Lang) chairKeys {
	return chairKeys{
		next: key.NewBinding(key.WithKeys("right", "ctrl+n"), key.WithHelp("→", model.T(l, "nästa punkt", "next step"))),
		prev: key.NewBinding(key.WithKeys("left", "ctrl+p"), key.WithHelp("←", model.T(l, "förra punkten", "previous step"))),
		done: key.NewBinding(key.WithKeys("ctrl+k"), key.WithHelp("ctrl+k", model.T(l, "punkten klar", "step done"))),
		up:   key.NewBinding(key.WithKeys("up"), key.WithHelp("↑↓", model.T(l, "välj talare", "choose speaker"))),
		down: key.NewBinding(key.WithKeys("down")),
		tick: key.NewBinding(key.WithKeys("space", "enter"), key.WithHelp(model.T(l, "mellanslag", "space"), model.T(l, "har talat", "has spoken"))),
		help: key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", model.T(l, "hjälp", "help"))),
		// The chair starts the meeting here as in the secretary's view; a
		// false start is taken back there (ctrl+o asks first).
		start: key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", model.T(l, "starta mötet", "start the meeting"))),
	}
}

// ChairModel is the chair's own view: the agenda with its prompts and
// clocks, the round of speakers, and the cues only the chair may see (what
// not to raise, the consent's scope, units outside it, open findings). It
// never writes the plan itself; it asks with ChairAction values.
type ChairModel struct {
	lang   model.Lang
	st     *common.Styles
	keys   chairKeys
	help   help.Model
	cursor int
	full   bool
	// extra are the keys of the host around the view (switch view, leave),
	// shown in its help line.
	extra   []key.Binding
	message string
	width   int
	height  int
	// cutFindings draws each finding on one line: while fitting the view
	// to a short window, before the cues are left out altogether.
	cutFindings bool
	// back is the host's key back to the secretary's view, named when
	// text is typed here; lone tells a space typed alone from one in a
	// sentence, and undo is the tick to take back when it was text.
	back key.Binding
	lone components.LoneKeys
	undo ChairAction
}

// SetBack names the key that leaves the chair's view for the plan.
func (c *ChairModel) SetBack(b key.Binding) { c.back = b }

// typedHere answers text typed on the chair's view: nothing is written
// here, and the line says where text goes.
func (c *ChairModel) typedHere() {
	c.message = model.T(c.lang, "Mötesledarens vy: här skrivs ingen text.", "The chair's view: no text is written here.")
	if c.back.Enabled() {
		c.message += " " + c.back.Help().Key + model.T(c.lang, " går tillbaka till planen.", " goes back to the plan.")
	}
}

func NewChairModel(l model.Lang, st *common.Styles, extra ...key.Binding) *ChairModel {
	return &ChairModel{lang: l, st: st, keys: newChairKeys(l), help: help.New(), extra: extra, width: 80, height: 24}
}

func (c *ChairModel) SetSize(w, h int) { c.width, c.height = w, h }

// Update reads one key and says what the chair asks of the meeting.
func (c *ChairModel) Update(msg tea.Msg, s MeetingState) ChairAction {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return ChairAction{}
	}
	c.message = ""
	if c.full {
		c.full = false // any key closes the help
		return ChairAction{}
	}
	members, roundID := roundOf(s)
	kind, undone := c.lone.Key(k, key.Matches(k, c.keys.tick))
	if kind == components.InRun {
		c.typedHere()
		undo := c.undo
		c.undo = ChairAction{}
		if undone {
			return undo
		}
		return ChairAction{}
	}
	switch {
	case key.Matches(k, c.keys.help):
		c.full = true
		return ChairAction{}
	case key.Matches(k, c.keys.up):
		c.cursor = max(0, c.cursor-1)
		return ChairAction{}
	case key.Matches(k, c.keys.down):
		c.cursor = max(0, min(c.cursor+1, len(members)-1))
		return ChairAction{}
	}
	if len(s.Steps) == 0 {
		return ChairAction{}
	}
	if s.readOnly() {
		c.message = model.T(c.lang, "Planen kan inte ändras nu (fastställd eller avslutad).", "The plan cannot be changed now (finalised or closed).")
		return ChairAction{}
	}
	switch {
	case key.Matches(k, c.keys.start):
		if !s.version().Started() {
			return ChairAction{Kind: ChairStartMeeting}
		}
		c.message = model.T(c.lang, "Mötet har redan startat. En start i onödan ångras i sekreterarens vy (ctrl+o).", "The meeting has already started. A false start is undone in the secretary's view (ctrl+o).")
		return ChairAction{}
	case key.Matches(k, c.keys.next):
		if s.Step < len(s.Steps)-1 {
			return ChairAction{Kind: ChairGoStep, Step: s.Step + 1}
		}
	case key.Matches(k, c.keys.prev):
		if s.Step > 0 {
			return ChairAction{Kind: ChairGoStep, Step: s.Step - 1}
		}
	case key.Matches(k, c.keys.done):
		cur, _ := s.current()
		return ChairAction{Kind: ChairToggleDone, Step: s.Step, StepID: cur.ID}
	case key.Matches(k, c.keys.tick):
		if roundID == "" {
			c.message = model.T(c.lang, "Den här punkten har ingen talarrunda.", "This step has no round of speakers.")
			return ChairAction{}
		}
		if c.cursor < len(members) {
			id := members[c.cursor].ID // tick and stay, as in every tick list
			a := ChairAction{Kind: ChairToggleSpoke, StepID: roundID, Participant: id}
			if kind == components.Lone {
				c.lone.Acted(func() { c.undo = a })
			}
			return a
		}
	}
	if kind == components.Lone {
		c.typedHere() // a space typed alone where it ticks nothing
	}
	return ChairAction{}
}

func (c *ChairModel) shortKeys(s MeetingState) []key.Binding {
	// Help and the host's keys (switch view, leave) first, so that a
	// narrow window never cuts off the way out; then starting the meeting
	// while it has not started.
	out := append([]key.Binding{c.keys.help}, c.extra...)
	if !s.version().Started() && !s.readOnly() {
		out = append(out, c.keys.start)
	}
	return append(out, c.keys.next, c.keys.prev, c.keys.done, c.keys.up, c.keys.tick)
}

// View draws the chair's screen: a banner that says it is not for the
// room, the agenda beside the current step on a wide window, the current
// step alone on a narrow one, and the key help.
func (c *ChairModel) View(s MeetingState) string {
	w, h := c.width, c.height
	banner := c.st.Err.Reverse(true).Render(ansi.Truncate(" "+model.T(c.lang,
		"MÖTESLEDARENS VY · inte för rummet, visa den inte på skärmen i rummet",
		"CHAIR'S VIEW · not for the room, do not put it on the room's screen")+" ", w, "…"))
	foot := common.ShortHelp(common.StyledHelp(c.st, c.help), c.shortKeys(s), w)
	if c.message != "" {
		foot = c.st.Warn.Render(ansi.Truncate(c.message, w, "…"))
	}
	bh := max(4, h-2)
	var body []string
	switch {
	case c.full:
		c.help.SetWidth(w - 4)
		full := c.help.FullHelpView([][]key.Binding{{c.keys.start, c.keys.next, c.keys.prev, c.keys.done}, append([]key.Binding{c.keys.up, c.keys.tick, c.keys.help}, c.extra...)})
		body = components.Pane(c.st.FocusBorder, c.st.Title.Render(model.T(c.lang, "Tangenter", "Keys"))+"\n\n"+full, w, bh)
	case w >= 100:
		aw := min(56, max(40, w*42/100))
		left := components.Pane(c.st.PaneBorder, c.agenda(s, aw-4, bh-2), aw, bh)
		right := components.Pane(c.st.FocusBorder, c.fitted(s, w-aw-4, false, bh-2), w-aw, bh)
		body = make([]string, bh)
		for i := range body {
			body[i] = left[i] + right[i]
		}
	default:
		// The clock is on top, so a cut takes the end of the round, and
		// says how much.
		body = components.Pane(c.st.FocusBorder, c.fitted(s, w-4, true, bh-2), w, bh)
	}
	return banner + "\n" + strings.Join(body, "\n") + "\n" + foot
}

// agenda is the list of steps with their clocks, under the meeting's clock.
func (c *ChairModel) agenda(s MeetingState, width, height int) string {
	l, st, v := c.lang, c.st, s.version()
	planned := time.Duration(max(1, v.Meeting.Minutes)) * time.Minute
	var b strings.Builder
	b.WriteString(st.Title.Render(model.T(l, "Dagordning", "Agenda")) + "\n" + c.clockLine(s) + "\n")
	part := ""
	lines := 2
	for i, stp := range s.Steps {
		if stp.Part != part {
			part = stp.Part
			b.WriteString(st.Subtle.Render(strings.ToUpper(stp.PartTxt.In(l))) + "\n")
			lines++
		}
		b.WriteString(stepLine(st, l, s.Steps, i, s.Step, s.Plan, v, planned, width) + "\n")
		lines++
	}
	if lines < height {
		b.WriteString("\n" + st.Subtle.Render(model.T(l, "✓ klar  · ifyllt i planen", "✓ done  · filled in the plan")))
		return strings.TrimRight(b.String(), "\n")
	}
	// A short window: the title and the meeting's clock stay on top; the
	// steps scroll to keep the current one in view, saying how many are
	// above and below.
	out := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	pinned := min(2+strings.Count(c.clockLine(s), "\n"), len(out))
	focus := 0
	for i, ln := range out[pinned:] {
		if strings.Contains(ln, "›") {
			focus = i
			break
		}
	}
	return strings.Join(append(out[:pinned:pinned], windowLines(st, l, out[pinned:], focus, max(1, height-pinned))...), "\n")
}

// clockLine is the meeting's clock, and how far over time it is.
func (c *ChairModel) clockLine(s MeetingState) string {
	v := s.version()
	if !v.Started() || (s.Plan != nil && s.Plan.Status == model.StatusClosed) {
		return clockLine(c.st, c.lang, s.Plan, v, s.Elapsed)
	}
	planned := time.Duration(max(1, v.Meeting.Minutes)) * time.Minute
	line := fmt.Sprintf(model.T(c.lang, "Mötet: %d av %d minuter", "Meeting: %d of %d minutes"), int(s.Elapsed.Minutes()), v.Meeting.Minutes)
	if over := s.Elapsed - planned; over >= time.Minute {
		line += fmt.Sprintf(model.T(c.lang, " · %d min över tiden", " · %d min over time"), int(over.Minutes()))
	}
	return budgetStyle(c.st, s.Elapsed, planned).Render(line)
}

// current is the step the meeting is on: its prompt and clock, the chair's
// private cues, then the round of speakers.
// fitted is the current step in h lines: when it does not fit, the
// findings are only counted, the next step and the spacing go; a round
// that still does not fit scrolls to keep the chair's cursor in sight,
// saying how many names are above and below; anything else is cut at the
// end, saying how much.
func (c *ChairModel) fitted(s MeetingState, width int, clock bool, h int) string {
	out := c.current(s, width, clock, false)
	if strings.Count(out, "\n")+1 <= h {
		return out
	}
	// The findings on a line each, then only the briefest view.
	c.cutFindings = true
	out = c.current(s, width, clock, false)
	c.cutFindings = false
	if strings.Count(out, "\n")+1 <= h {
		return out
	}
	out = c.current(s, width, clock, true)
	lines := strings.Split(out, "\n")
	if members, id := roundOf(s); id != "" && len(members) > 0 && len(lines) > h {
		title := model.T(c.lang, "Talarrunda", "Round of speakers")
		at := -1
		for i := len(lines) - 1; i >= 0; i-- {
			if ansi.Strip(lines[i]) == title {
				at = i
				break
			}
		}
		if at >= 0 && h-at-1 >= 3 {
			names := windowLines(c.st, c.lang, lines[at+1:], min(c.cursor, len(members)-1), h-at-1)
			return strings.Join(append(lines[:at+1:at+1], names...), "\n")
		}
	}
	return cutText(c.st, c.lang, out, h)
}

func (c *ChairModel) current(s MeetingState, width int, clock, brief bool) string {
	l, st, v := c.lang, c.st, s.version()
	width = max(10, width)
	var b strings.Builder
	wrap := func(style interface{ Render(...string) string }, text, indent string) {
		for _, line := range strings.Split(ansi.Wordwrap(text, max(10, width-len(indent)), ""), "\n") {
			b.WriteString(indent + style.Render(line) + "\n")
		}
	}
	if clock {
		b.WriteString(c.clockLine(s) + "\n\n")
	}
	if cur, ok := s.current(); ok {
		b.WriteString(st.Title.Render(ansi.Truncate(fmt.Sprintf(model.T(l, "Punkt %d av %d: %s", "Step %d of %d: %s"), s.Step+1, len(s.Steps), cur.Title.In(l)), width, "…")) + "\n")
		planned := time.Duration(max(1, v.Meeting.Minutes)) * time.Minute
		share := planned * time.Duration(cur.Share) / 100
		used := time.Duration(v.Agenda[cur.ID].Seconds) * time.Second
		clock := fmt.Sprintf(model.T(l, "%d av %d min på punkten", "%d of %d min on this step"), int(used.Minutes()), int((share + 30*time.Second).Minutes()))
		if over := used - share; share > 0 && over >= time.Minute {
			clock += fmt.Sprintf(model.T(l, " · %d min över, gå vidare när ni kan", " · %d min over, move on when you can"), int(over.Minutes()))
		}
		state := ""
		if v.Agenda[cur.ID].Done {
			state = st.Done.Render(model.T(l, "  ✓ klar", "  ✓ done"))
		}
		b.WriteString(budgetStyle(st, used, share).Render(clock) + state + "\n")
		wrap(st.Label, cur.Prompt.In(l), "")
		if s.Step+1 < len(s.Steps) && !brief {
			b.WriteString(st.Subtle.Render(ansi.Truncate(model.T(l, "Sedan: ", "Next: ")+s.Steps[s.Step+1].Title.In(l), width, "…")) + "\n")
		}
	}
	// The cues before the round: a long round may be cut by the window,
	// the cues never.
	if !brief {
		b.WriteString("\n")
	}
	b.WriteString(c.cues(s, width, brief))
	if _, id := roundOf(s); id != "" {
		if !brief {
			b.WriteString("\n")
		}
		b.WriteString(c.round(s, width))
	}
	return strings.TrimRight(b.String(), "\n")
}

// roundOf is the round of the step the meeting is on: who belongs in it
// (the interpreter and those who left before it began do not), as the
// secretary's ctrl+r counts them, and the step's id; none on a step
// without a round.
func roundOf(s MeetingState) ([]model.Participant, string) {
	cur, ok := s.current()
	if !ok || !cur.Round {
		return nil, ""
	}
	return s.version().RoundMembers(cur.ID, StepOrder(s.Steps)), cur.ID
}

// round lists the round's members, ticked when they have spoken, with the
// chair's cursor, and names who left, so that the chair knows why they
// are not in it.
func (c *ChairModel) round(s MeetingState, width int) string {
	l, st, v := c.lang, c.st, s.version()
	members, id := roundOf(s)
	var b strings.Builder
	b.WriteString(st.Label.Render(ansi.Truncate(model.T(l, "Talarrunda", "Round of speakers"), width, "…")) + "\n")
	if len(members) == 0 {
		b.WriteString(st.Subtle.Render(ansi.Truncate(model.T(l, "Ingen är markerad närvarande ännu.", "Nobody is marked present yet."), width, "…")) + "\n")
		return b.String()
	}
	spoke := map[string]bool{}
	for _, p := range v.Rounds[id] {
		spoke[p] = true
	}
	cur := min(c.cursor, len(members)-1)
	for i, p := range members {
		mark := "[ ] "
		if spoke[p.ID] {
			mark = st.Done.Render("[x] ")
		}
		name := ansi.Truncate(p.Name, max(5, width-6), "…")
		if i == cur {
			b.WriteString(st.Focused.Render("›") + " " + mark + st.Selected.Render(name) + "\n")
		} else {
			b.WriteString("  " + mark + name + "\n")
		}
	}
	if gone := leftNames(v, id, StepOrder(s.Steps)); gone != "" {
		b.WriteString(st.Subtle.Render(ansi.Wordwrap(model.T(l, "Har gått: ", "Has left: ")+gone, max(10, width), "")) + "\n")
	}
	return b.String()
}

// cues are what only the chair sees: never printed, never on the room's
// screen.
func (c *ChairModel) cues(s MeetingState, width int, brief bool) string {
	l, st, v := c.lang, c.st, s.version()
	var b strings.Builder
	wrap := func(style interface{ Render(...string) string }, text string) {
		for _, line := range strings.Split(ansi.Wordwrap(text, max(10, width), ""), "\n") {
			b.WriteString(style.Render(line) + "\n")
		}
	}
	b.WriteString(st.Warn.Render(model.T(l, "Bara för dig", "For you only")) + "\n")
	k := v.Consent
	if len(k.NotRaise) > 0 {
		wrap(st.Warn, model.T(l, "Ta inte upp: ", "Do not raise: ")+strings.Join(k.NotRaise, "; "))
	}
	switch {
	case k.WithdrawnOn != "":
		wrap(st.Err, model.T(l, "Samtycket är återkallat ", "The consent was withdrawn on ")+k.WithdrawnOn)
	case !k.Given:
		wrap(st.Err, model.T(l, "Samtycke saknas: dela inga uppgifter mellan verksamheterna.", "No consent recorded: share nothing between the units."))
	default:
		scope := model.T(l, "Samtycket gäller för: ", "The consent covers: ") + orNone(l, strings.Join(k.Actors, ", "))
		if len(k.Subjects) > 0 {
			scope += model.T(l, ". Ämnen: ", ". Subjects: ") + strings.Join(k.Subjects, ", ")
		}
		if k.ValidUntil != "" {
			scope += model.T(l, ". Gäller till och med ", ". Valid until ") + k.ValidUntil
		}
		wrap(st.Label, scope+".")
		if s.Plan != nil && len(k.Guardians) > 1 && s.Plan.GuardiansDecide(v, model.Today()) {
			// What one guardian said yes to and another did not is not
			// in the list above: the chair says so if it comes up.
			for _, g := range k.Gaps() {
				if len(g.Actors) > 0 {
					who := model.Possessive(model.GuardianName(k.Guardians[g.Index], g.Index, l), l)
					wrap(st.Warn, model.T(l, who+" samtycke saknar: ", who+" consent lacks: ")+strings.Join(g.Actors, ", "))
				}
			}
		}
	}
	if out := model.OutsideConsent(v); len(out) > 0 {
		var names []string
		for _, o := range out {
			names = append(names, o.Party+" ("+o.Name+")")
		}
		wrap(st.Err, model.T(l, "Här men utanför samtycket: ", "Here but outside the consent: ")+strings.Join(names, ", "))
	}
	nErr, nWarn := model.CountFindings(s.Findings)
	if nErr+nWarn > 0 {
		style := st.Subtle
		if nErr > 0 {
			style = st.Err
		}
		b.WriteString(style.Render(model.T(l, "Brister i planen: ", "Open findings: ")+CountText(l, nErr, nWarn)) + "\n")
		shown := 0
		for _, f := range s.Findings {
			if f.Severity == model.SevError && shown < 3 && !brief {
				// Whole, wrapped, where the window has the room: the chair
				// reads what blocks the plan.
				line := "• " + strings.ReplaceAll(ansi.Wordwrap(f.Message.In(l), max(10, width-2), ""), "\n", "\n  ")
				if c.cutFindings {
					line = ansi.Truncate("• "+f.Message.In(l), width, "…")
				}
				b.WriteString(st.Subtle.Render(line) + "\n")
				shown++
			}
		}
	}
	return b.String()
}

func orNone(l model.Lang, s string) string {
	if strings.TrimSpace(s) == "" {
		return model.T(l, "(inga verksamheter angivna)", "(no units named)")
	}
	return s
}

package meeting

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
)

// finaliseMsg asks the meeting to freeze the version; printMsg to print it.
type (
	finaliseMsg struct{}
	printMsg    struct{}
)

// FinishSection is the last step: what the plan still lacks, then
// finalising and printing.
type FinishSection struct {
	lang     model.Lang
	st       *common.Styles
	Findings func() []model.Finding
	// finalised tells whether the plan has no draft left to finalise.
	finalised func() bool
	// early, when set, tells the booked meeting time while it is still to
	// come: finalising a plan before its meeting is most likely a mistake.
	early func() (time.Time, bool)
	// originals, when set, names who gets an original: for a child, each
	// guardian, not the child.
	originals func() []model.Recipient
	// version, when set, is the version at hand, so that the step names
	// it by the number list and findings use.
	version func() *model.Version
	// closed, when set, gives the plan's closure once it is closed: the
	// step then says so, and p prints a copy, not originals to sign.
	closed func() *model.Closure
	width  int
	height int
	ask    *components.Confirm
	keys   struct{ finalise, print key.Binding }
}

func NewFinishSection(l model.Lang, st *common.Styles, fs func() []model.Finding) *FinishSection {
	s := &FinishSection{lang: l, st: st, Findings: fs}
	s.keys.finalise = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T(l, "fastställ planen", "finalise the plan")))
	s.keys.print = key.NewBinding(key.WithKeys("p"), key.WithHelp("p", model.T(l, "skriv ut", "print")))
	return s
}

func (s *FinishSection) Update(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	if s.ask != nil {
		a := s.ask.Update(k)
		if a != components.Pending {
			s.ask = nil
		}
		if a == components.AnsweredYes {
			return func() tea.Msg { return finaliseMsg{} }, false
		}
		return nil, false
	}
	switch {
	case key.Matches(k, s.keys.finalise):
		if len(model.Errors(s.Findings())) == 0 && (s.finalised == nil || !s.finalised()) {
			s.ask = components.NewConfirm(s.lang, s.st, fmt.Sprintf(model.T(s.lang, "Fastställa %s nu? Den går sedan inte att ändra.",
				"Finalise %s now? It cannot be changed afterwards."), s.versionName(false)))
		}
	case key.Matches(k, s.keys.print):
		return func() tea.Msg { return printMsg{} }, false
	}
	return nil, false
}

func (s *FinishSection) View(int, map[string]string) string {
	l := s.lang
	if s.closure() != nil {
		// The pane's head already says when and why it was closed.
		return ansi.Wordwrap(fmt.Sprintf(model.T(l,
			"Tryck p för att skriva ut en kopia av %s, märkt AVSLUTAD på varje sida och utan rader att skriva under. Inga nya original skrivs ut; i listan kan du välja kopior med namn.",
			"Press p to print a copy of %s, marked CLOSED on every page and with no lines to sign. No new originals are printed; the list lets you choose named copies."),
			s.versionName(false)), max(10, s.width), "")
	}
	if s.finalised != nil && s.finalised() {
		return s.st.OK.Render(fmt.Sprintf(model.T(l, "%s är fastställd.", "%s is finalised."), s.versionName(true))) + "\n\n" +
			ansi.Wordwrap(model.T(l, "Tryck p för att skriva ut: ", "Press p to print: ")+s.originalsPhrase()+
				model.T(l, " och en kopia till varje närvarande deltagare. Alla skriver under.",
					" and a copy for each participant present. Everyone signs."), max(10, s.width), "") +
			"\n\n" + ansi.Wordwrap(model.T(l,
			"När alla har skrivit under: erbjud den enskilde SIP-kollen, några korta frågor om mötet. Det som sades om hur mötet kändes finns kvar i planens uppgifter men skrivs inte ut.",
			"Once everyone has signed: offer the person the feedback survey (SIP-kollen), a few short questions about the meeting. What was said about how the meeting felt is kept in the record but not printed."), max(10, s.width), "")
	}
	fs := s.Findings()
	errs := model.Errors(fs)
	// What follows the findings first: they take the room it leaves.
	var t strings.Builder
	switch {
	case s.ask != nil:
		if s.early != nil {
			if at, ok := s.early(); ok {
				t.WriteString(s.st.Err.Render(ansi.Wordwrap(fmt.Sprintf(model.T(l,
					"Mötet är bokat %s kl. %s och den tiden har inte kommit än. Fastställ bara om mötet redan är hållet.",
					"The meeting is booked for %s at %s, and that time has not come yet. Finalise only if the meeting has been held."),
					at.Format(model.DateLayout), at.Format(model.TimeLayout)), max(10, s.width), "")) + "\n")
			}
		}
		t.WriteString(s.ask.View(s.width))
	case len(errs) == 0:
		t.WriteString(ansi.Wordwrap(fmt.Sprintf(model.T(l, "Tryck enter för att fastställa %s. Varningar hindrar inte.", "Press enter to finalise %s. Warnings do not block it."), s.versionName(false)), max(10, s.width), ""))
	default:
		t.WriteString(ansi.Wordwrap(model.T(l, "ctrl+f visar bristerna: enter läser en hel, g går dit.", "ctrl+f lists the findings: enter reads one whole, g goes there."), max(10, s.width), ""))
	}
	var b strings.Builder
	room := s.height - 1 - strings.Count(t.String(), "\n") - 1
	if len(errs) == 0 {
		b.WriteString(s.st.OK.Render(model.T(l, "Planen har allt som krävs och kan fastställas.", "The plan has everything required and can be finalised.")) + "\n")
		room--
	}
	s.writeFindings(&b, fs, room)
	return b.String() + "\n" + t.String()
}

// writeFindings lists errors and warnings apart, each under a heading with
// its count, then what is good to know of a rule that applies differently
// (a notice) and the figures given for information, under the words the
// findings command uses, as far as room lines allow; each finding whole,
// wrapped, while there is room for it.
func (s *FinishSection) writeFindings(b *strings.Builder, fs []model.Finding, room int) {
	l := s.lang
	w := max(10, s.width-2)
	room = max(3, room)
	groups := []struct {
		sev   model.Severity
		mark  string
		style func(...string) string
		head  func(n int) string
	}{
		{model.SevError, "✗ ", s.st.Err.Render, func(n int) string {
			return model.Plural(l, n, "%d sak måste ordnas innan planen kan fastställas:", "%d saker måste ordnas innan planen kan fastställas:",
				"%d thing must be fixed before the plan can be finalised:", "%d things must be fixed before the plan can be finalised:")
		}},
		{model.SevWarning, "! ", s.st.Warn.Render, func(n int) string {
			return model.Plural(l, n, "%d varning (hindrar inte):", "%d varningar (hindrar inte):",
				"%d warning (does not block):", "%d warnings (do not block):")
		}},
		{model.SevNotice, "* ", s.st.Subtle.Render, func(int) string { return model.SevNotice.Label(l) + ":" }},
		{model.SevInfo, "i ", s.st.Subtle.Render, func(int) string { return model.SevInfo.Label(l) + ":" }},
	}
	// more says what the list holds beyond what fits, by kind: "fler"
	// read as more errors when the rest were warnings.
	// Each kind is counted apart: "3 varningar och annat" under a
	// heading of 2 warnings read as a third count of warnings.
	shown := map[model.Severity]int{}
	more := func() string {
		left := map[model.Severity]int{}
		for _, f := range fs {
			left[f.Severity]++
		}
		errs := left[model.SevError] - shown[model.SevError]
		warns := left[model.SevWarning] - shown[model.SevWarning]
		notes := left[model.SevNotice] + left[model.SevInfo] - shown[model.SevNotice] - shown[model.SevInfo]
		var parts []string
		if errs > 0 {
			parts = append(parts, fmt.Sprintf(model.T(l, "%d till som måste ordnas", "%d more to fix"), errs))
		}
		if warns > 0 {
			parts = append(parts, model.Plural(l, warns, "%d varning till", "%d varningar till", "%d more warning", "%d more warnings"))
		}
		if notes > 0 {
			parts = append(parts, model.Plural(l, notes, "%d sak att känna till", "%d saker att känna till", "%d thing to know", "%d things to know"))
		}
		return model.T(l, "… ctrl+f visar resten: ", "… ctrl+f shows the rest: ") + strings.Join(parts, ", ")
	}
	for _, g := range groups {
		var these []model.Finding
		for _, f := range fs {
			if f.Severity == g.sev {
				these = append(these, f)
			}
		}
		if len(these) == 0 {
			continue
		}
		if room <= 1 {
			b.WriteString(s.st.Subtle.Render(ansi.Wordwrap(more(), w, "")) + "\n")
			return
		}
		b.WriteString(g.style(g.head(len(these))) + "\n")
		room--
		for _, f := range these {
			lines := strings.Split(ansi.Wordwrap(f.Message.In(l), w, ""), "\n")
			if room-len(lines) < 1 {
				b.WriteString(s.st.Subtle.Render(ansi.Wordwrap(more(), w, "")) + "\n")
				return
			}
			b.WriteString(g.style(g.mark) + strings.Join(lines, "\n  ") + "\n")
			room -= len(lines)
			shown[f.Severity]++
		}
	}
}

// versionName is "version 1", the version at hand by its number, or
// "versionen" when it is not known; capital for the start of a sentence.
func (s *FinishSection) versionName(capital bool) string {
	if s.version != nil {
		if v := s.version(); v != nil && v.Number > 0 {
			// The word is the same in both languages.
			if capital {
				return fmt.Sprintf("Version %d", v.Number)
			}
			return fmt.Sprintf("version %d", v.Number)
		}
	}
	if capital {
		return model.T(s.lang, "Versionen", "The version")
	}
	return model.T(s.lang, "versionen", "the version")
}

// closure is the plan's closure when it is closed, else nil.
func (s *FinishSection) closure() *model.Closure {
	if s.closed == nil {
		return nil
	}
	return s.closed()
}

func (s *FinishSection) SetSize(w, h int) { s.width, s.height = w, h }
func (s *FinishSection) Help() []key.Binding {
	if s.finalised != nil && s.finalised() {
		return []key.Binding{s.keys.print}
	}
	return []key.Binding{s.keys.finalise, s.keys.print}
}
func (s *FinishSection) Jump(string, int) tea.Cmd { return nil }

// originalsPhrase says who gets an original, as the print dialog does:
// the person, or for a child each guardian by name.
func (s *FinishSection) originalsPhrase() string {
	l := s.lang
	var rs []model.Recipient
	if s.originals != nil {
		rs = s.originals()
	}
	if len(rs) == 0 || rs[0].Reason != model.CopyOriginal || rs[0].Unit == "" {
		return model.T(l, "ett original till den enskilde", "an original for the person")
	}
	var names []string
	for _, r := range rs {
		names = append(names, r.Name)
	}
	joined := names[0]
	if n := len(names); n > 1 {
		joined = strings.Join(names[:n-1], ", ") + model.T(l, " och ", " and ") + names[n-1]
		return model.T(l, "ett original var till vårdnadshavarna "+joined, "an original each for the guardians "+joined)
	}
	return model.T(l, "ett original till vårdnadshavaren "+joined, "an original for the guardian "+joined)
}

package home

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
)

type homeKeys struct {
	up, down, open, new, filter, closed, help, quit, clear, end, trail, seal key.Binding
	// pageUp, pageDown, top and bottom move a screenful or to either end:
	// a list of thousands of plans is long to walk a line at a time.
	pageUp, pageDown, top, bottom key.Binding
	// arrows end a search and go back to the list; j and k are letters
	// of the search there.
	arrows key.Binding
}

func newHomeKeys(l model.Lang) homeKeys {
	return homeKeys{
		up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", model.T(l, "välj", "choose"))),
		down:     key.NewBinding(key.WithKeys("down", "j")),
		pageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", model.T(l, "bläddra", "page"))),
		pageDown: key.NewBinding(key.WithKeys("pgdown")),
		top:      key.NewBinding(key.WithKeys("home"), key.WithHelp("home/end", model.T(l, "först/sist", "first/last"))),
		bottom:   key.NewBinding(key.WithKeys("end")),
		open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T(l, "öppna", "open"))),
		new:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", model.T(l, "ny SIP", "new SIP"))),
		filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", model.T(l, "sök", "search"))),
		end:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", model.T(l, "avsluta planen", "close the plan"))),
		closed:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", model.T(l, "visa avslutade", "show closed"))),
		trail:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", model.T(l, "åtkomstlogg", "access trail"))),
		seal:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", model.T(l, "försegla för en kollega", "seal for a colleague"))),
		help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", model.T(l, "hjälp", "help"))),
		quit:     key.NewBinding(key.WithKeys("q", "ctrl+c", "ctrl+q"), key.WithHelp("q", model.T(l, "stäng", "quit"))),
		clear:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T(l, "rensa sökningen", "clear search"))),
		arrows:   key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", model.T(l, "till listan", "to the list"))),
	}
}

// forView names what a and x do in the list shown: the closed plans'
// list goes back to the open ones, and x there ticks who has been told.
func (k *homeKeys) forView(l model.Lang, closed bool) {
	if closed {
		k.closed.SetHelp("a", model.T(l, "visa öppna", "show open"))
		k.end.SetHelp("x", model.T(l, "vilka som ska få veta", "who to tell"))
		return
	}
	k.closed.SetHelp("a", model.T(l, "visa avslutade", "show closed"))
	k.end.SetHelp("x", model.T(l, "avsluta planen", "close the plan"))
}

// ShortHelp puts help and quitting first, so a narrow window never hides
// how to get help or how to leave. Sealing for a colleague is rare and
// shown in the full help (?) only.
func (k homeKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.help, k.quit, k.open, k.new, k.filter, k.up, k.closed, k.end, k.trail}
}

func (k homeKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.up, k.pageUp, k.top, k.open, k.new}, {k.filter, k.clear, k.closed}, {k.end, k.trail, k.seal, k.help, k.quit}}
}

type (
	ClosePlanMsg struct{ ID string }
	OpenPlanMsg  struct{ ID string }
	NewPlanMsg   struct{}
	QuitMsg      struct{}
)

// Model lists the plans, with what is due at the top.
type Model struct {
	common.Asker
	lang    model.Lang
	st      *common.Styles
	keys    homeKeys
	help    help.Model
	gen     uint64            // names the list (SetList), for RowsMsg and DueMsg
	entries []model.ListEntry // every plan, in name order
	index   searchIndex       // of entries, row for row, once indexed
	indexed bool
	lists   uint64  // counts SetList, for SearchMsg
	shown   []int32 // rows of entries, which is never changed in place
	rows    map[string]model.Summary
	pending map[string]bool // ids whose lines are asked for
	due     []model.DueItem
	// Fetch reads the lines of the plans named, for the list gen, in a
	// tea.Cmd that answers with a RowsMsg; nil reads none (the lines
	// given with the list are all there is).
	Fetch  func(gen uint64, ids []string) tea.Cmd
	cursor int
	Filter textinput.Model
	// filterLimit and filterNote say what a full search field did not take.
	filterLimit components.InputLimit
	filterNote  string
	filtering   bool
	closed      bool // show closed plans instead of open ones
	// endedFrom is the first row of the closed plans a search of the open
	// ones found too, listed after them (len(shown) when none); ended is
	// where apply gathers them.
	endedFrom int
	ended     []int32
	Loading   bool // the first list is still being read
	// retype is set while a search begun earlier is on screen again after
	// /: the first letter typed starts a new one (search_keys.go).
	retype bool
	// Unread says why the list could not be read ("" once it was). With
	// no plans on screen the home screen says so, not "no plans yet",
	// which would ask for a new plan in a file that has many; it stays
	// while Message, which a key clears, says other things.
	Unread    string
	Demo      string // the command that makes the sample plans
	full      bool
	openCount func(model.Summary) int
	Message   string
	Width     int
	Height    int
	now       func() time.Time
}

func New(l model.Lang, st *common.Styles, now func() time.Time, openCount func(model.Summary) int) *Model {
	f := textinput.New()
	f.SetStyles(st.Input)
	f.Prompt = model.T(l, "Sök: ", "Search: ")
	f.CharLimit = 100 // a name or a birth date; more is refused, and said
	f.SetWidth(70)
	return &Model{lang: l, st: st, keys: newHomeKeys(l), help: help.New(), Filter: f, now: now, openCount: openCount, Width: 80, Height: 24}
}

// Update handles a key or a message of the search field, then asks for
// the lines of the rows that have come into view.
func (h *Model) Update(msg tea.Msg) tea.Cmd {
	cmd := h.update(msg)
	if more := h.fetch(); more != nil {
		return tea.Batch(cmd, more)
	}
	return cmd
}

func (h *Model) update(msg tea.Msg) tea.Cmd {
	if h.filtering {
		note, full := h.filterLimit.Refuse(h.lang, &h.Filter, msg)
		if _, isKey := msg.(tea.KeyPressMsg); full || isKey {
			h.filterNote = note
		}
		if full {
			return nil
		}
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if h.filtering {
			var cmd tea.Cmd
			h.Filter, cmd = h.Filter.Update(msg)
			h.apply()
			return cmd
		}
		return nil
	}
	if h.full {
		h.full = false
		return nil
	}
	if h.filtering {
		return h.searchKey(k)
	}
	h.Message = ""
	switch {
	case key.Matches(k, h.keys.quit):
		return h.Request(QuitMsg{})
	case key.Matches(k, h.keys.up):
		if h.cursor > 0 {
			h.cursor--
		}
	case key.Matches(k, h.keys.down):
		if h.cursor < len(h.shown)-1 {
			h.cursor++
		}
	case key.Matches(k, h.keys.pageUp):
		h.cursor = max(0, h.cursor-max(1, h.Height-8))
	case key.Matches(k, h.keys.pageDown):
		h.cursor = max(0, min(len(h.shown)-1, h.cursor+max(1, h.Height-8)))
	case key.Matches(k, h.keys.top):
		h.cursor = 0
	case key.Matches(k, h.keys.bottom):
		h.cursor = max(0, len(h.shown)-1)
	case key.Matches(k, h.keys.open):
		return h.openCurrent()
	case key.Matches(k, h.keys.new):
		return h.Request(NewPlanMsg{})
	case key.Matches(k, h.keys.filter):
		h.filtering = true
		h.retype = h.Filter.Value() != ""
		return h.Filter.Focus()
	case key.Matches(k, h.keys.clear):
		h.Filter.SetValue("")
		h.apply()
	case key.Matches(k, h.keys.closed):
		h.closed = !h.closed
		h.keys.forView(h.lang, h.closed)
		h.cursor = 0
		h.apply()
	case key.Matches(k, h.keys.help):
		h.full = true
	case key.Matches(k, h.keys.trail):
		if h.cursor < len(h.shown) {
			e := h.entry(h.cursor)
			return h.Request(ShowTrailMsg{e.ID, h.name(e)})
		}
	case key.Matches(k, h.keys.seal):
		if h.cursor < len(h.shown) {
			e := h.entry(h.cursor)
			return h.Request(SealPlanMsg{e.ID, h.name(e)})
		}
	case key.Matches(k, h.keys.end):
		// On a closed plan: the list of people to tell, to tick.
		if h.cursor < len(h.shown) {
			return h.Request(ClosePlanMsg{h.entry(h.cursor).ID})
		}
	}
	return nil
}

func (h *Model) openCurrent() tea.Cmd {
	if h.cursor >= len(h.shown) {
		return nil
	}
	return h.Request(OpenPlanMsg{h.entry(h.cursor).ID})
}

func (h *Model) View() string {
	l := h.lang
	var b strings.Builder
	b.WriteString(h.st.Title.Render("sipmote") + h.st.Subtle.Render(" — "+model.T(l, "samordnad individuell plan", "coordinated individual plan")) + "\n\n")
	if h.full {
		b.WriteString(h.fullView())
		return b.String()
	}
	if len(h.due) > 0 && !h.closed {
		b.WriteString(h.st.Warn.Render(model.T(l, "Att göra snart", "Due soon")) + "\n")
		for i, d := range h.due {
			if i >= 4 {
				b.WriteString(h.st.Subtle.Render(fmt.Sprintf(model.T(l, "  … och %d till", "  … and %d more"), len(h.due)-4)) + "\n")
				break
			}
			// Wrapped, not cut: what is due is read whole.
			b.WriteString("  " + strings.ReplaceAll(ansi.Wordwrap(d.Person+": "+d.Describe(l), max(20, h.Width-2), ""), "\n", "\n  ") + "\n")
		}
		b.WriteString("\n")
	}
	if h.filtering || h.Filter.Value() != "" {
		b.WriteString(h.Filter.View() + "\n" + h.retypeHint())
		if h.filterNote != "" && h.filtering {
			b.WriteString(h.st.Warn.Render(ansi.Wordwrap(h.filterNote, max(20, h.Width), "")) + "\n")
		}
	}
	title := model.T(l, "Planer", "Plans")
	if h.closed {
		title = model.T(l, "Avslutade planer", "Closed plans")
	}
	b.WriteString(h.st.Label.Render(title) + "\n")
	if len(h.shown) > 0 {
		b.WriteString(h.st.Header.Render(h.header()) + "\n")
	}
	if h.Loading {
		b.WriteString("\n" + h.st.Subtle.Render(model.T(l, "Läser in planerna …", "Reading the plans …")) + "\n")
	} else if len(h.entries) == 0 && h.Unread != "" {
		b.WriteString("\n" + model.T(l, "Planerna kunde inte läsas in:", "The plans could not be read:") + "\n" +
			h.st.Warn.Render(ansi.Wordwrap(common.Sentence(h.Unread), max(20, h.Width), "")) + "\n")
	} else if len(h.entries) == 0 {
		// Wrapped, and the command on a line of its own, so that it can
		// be read whole (and copied) in an 80-column window.
		b.WriteString("\n" + ansi.Wordwrap(model.T(l,
			"Det finns inga planer ännu.\n\nTryck n för att skapa en ny SIP inför ett möte.\nVill du först se hur en färdig plan ser ut? Stäng programmet med q och kör:",
			"There are no plans yet.\n\nPress n to create a new SIP for a meeting.\nWant to see a finished plan first? Quit with q and run:"), max(20, h.Width), "") +
			"\n  " + h.Demo + "\n")
	} else if len(h.shown) == 0 {
		// Say why the list is empty: a search, or only the other kind.
		msg := model.T(l, "Inga öppna planer. Tryck n för en ny SIP, a för att visa de avslutade.", "No open plans. Press n for a new SIP, a to show the closed ones.")
		switch {
		case strings.TrimSpace(h.Filter.Value()) != "" && !h.closed:
			msg = model.T(l, "Inga planer matchar sökningen, inte heller bland de avslutade. esc rensar den.",
				"No plans match the search, closed ones included. esc clears it.")
		case strings.TrimSpace(h.Filter.Value()) != "":
			msg = model.T(l, "Inga avslutade planer matchar sökningen. esc rensar den, a visar de öppna.", "No closed plans match the search. esc clears it, a shows the open ones.")
		case h.closed:
			msg = model.T(l, "Inga avslutade planer. Tryck a för att visa de öppna.", "No closed plans. Press a to show the open ones.")
		}
		b.WriteString(h.st.Subtle.Render(ansi.Wordwrap(msg, max(20, h.Width), "")) + "\n")
	}
	used := strings.Count(b.String(), "\n") + 3
	whole := h.cursorLine()
	if whole != "" {
		used += strings.Count(whole, "\n") + 1
	}
	ended := ""
	if n := len(h.shown) - h.endedFrom; n > 0 {
		ended = model.Plural(l, n, "%d avslutad plan matchar också; den står sist, i grått.", "%d avslutade planer matchar också; de står sist, i grått.",
			"%d closed plan matches too; it is listed last, in grey.", "%d closed plans match too; they are listed last, in grey.")
		ended = ansi.Wordwrap(ended, max(20, h.Width), "")
		used += strings.Count(ended, "\n") + 1
	}
	room := max(1, h.Height-used)
	first := 0
	if h.cursor >= room {
		first = h.cursor - room + 1
	}
	for i := first; i < len(h.shown) && i < first+room; i++ {
		e := h.entry(i)
		var line string
		if s, ok := h.rows[e.ID]; ok {
			line = h.rowOf(s, h.shown[i])
		} else {
			// Its line is being read: what the index has, for now.
			name, pnr, _ := h.cells(h.shown[i], h.layout().name)
			line = h.columns(rowParts{name: name, pnr: pnr, status: e.Status.Label(h.lang)})
		}
		switch {
		case i == h.cursor:
			line = h.st.Selected.Render(line)
		case i >= h.endedFrom:
			// A closed plan the search found among the open ones.
			line = h.st.Subtle.Render(line)
		}
		b.WriteString(line + "\n")
	}
	if whole != "" {
		b.WriteString(h.st.Subtle.Render(whole) + "\n")
	}
	if ended != "" {
		b.WriteString(h.st.Subtle.Render(ended) + "\n")
	}
	if h.Unread != "" && len(h.entries) > 0 {
		// The list on screen is the one read before.
		b.WriteString(h.st.Warn.Render(ansi.Wordwrap(model.T(l, "Listan kunde inte läsas in på nytt: ", "The list could not be read again: ")+h.Unread, max(20, h.Width), "")) + "\n")
	}
	if h.Message != "" {
		b.WriteString(h.st.Warn.Render(ansi.Wordwrap(h.Message, max(20, h.Width), "")) + "\n")
	}
	out := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	for len(out) < h.Height-1 {
		out = append(out, "")
	}
	if len(out) > h.Height-1 {
		out = out[:h.Height-1]
	}
	h.help.SetWidth(h.Width)
	return strings.Join(out, "\n") + "\n" + common.ShortHelp(common.StyledHelp(h.st, h.help), h.ShortHelp(), h.Width)
}

// nextMeeting is the date of the plan's next meeting: the meeting a
// draft is being written for, when it is today or later and before the
// follow-up booked (a plan just made with sipmote new has its first
// meeting booked and no follow-up yet), else the follow-up.
func (h *Model) nextMeeting(s model.Summary) string {
	fu := s.NextFollowUp
	if s.Status == model.StatusClosed || !s.HasDraft || len(s.MeetingDate) != len("2006-01-02") {
		return fu
	}
	today := time.Now().Format("2006-01-02")
	if h.now != nil {
		today = h.now().Format("2006-01-02")
	}
	if s.MeetingDate >= today && (fu == "" || s.MeetingDate < fu) {
		return s.MeetingDate
	}
	return fu
}

// name is what the list shows for the plan's person: never the name of
// a plan whose consent was withdrawn.
func (h *Model) name(e *model.ListEntry) string {
	if e.ConsentGone {
		return model.T(h.lang, "(samtycket återkallat)", "(consent withdrawn)")
	}
	return e.Person
}

// ShowTrailMsg asks the root for a plan's access trail.
type ShowTrailMsg struct{ ID, Person string }

// SealPlanMsg asks the root to seal a plan for someone in the recipients
// file.
type SealPlanMsg struct{ ID, Person string }

// SamePerson gives a listed plan with the same name and birth date, so
// that a second plan for one person is not made by mistake; "" when there
// is none. It looks at the list the home screen has, never the disk: it
// runs inside Update.
func (h *Model) SamePerson(p *model.Plan) (id, person string) {
	masked := model.MaskPNR(p.Person.PNR)
	for _, s := range h.entries {
		if model.SameName(s.Person, p.Person.Name) && s.PNRMasked == masked {
			return s.ID, s.Person
		}
	}
	return "", ""
}

var _ common.Component = (*Model)(nil)

// ShortHelp names the keys that work now. While a search is typed, letters
// are the search's: q does not quit and n makes no plan, so the line names
// only what works.
func (h *Model) ShortHelp() []key.Binding {
	if h.filtering {
		return []key.Binding{h.keys.clear, h.keys.open, h.keys.arrows}
	}
	return h.keys.ShortHelp()
}

// SetSize gives the list the window; the search field takes its width.
func (h *Model) SetSize(width, height int) {
	h.Width, h.Height = width, height
	h.Filter.SetWidth(max(10, width-10))
}

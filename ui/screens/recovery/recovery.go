package recovery

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
)

// When the database would not take a meeting's last text (a full disk),
// the plan went to a recovery file as the program ended. At the next start
// this screen comes first and offers each such file back: put it back in
// the plan, throw it away (both behind a question type-ahead cannot
// answer), or decide later (it is offered again at the next start). Keys
// that arrive before the screen can have been read are not taken, since
// they were typed for another screen.

type recoverKeys struct{ restore, discard, later key.Binding }

func newRecoverKeys(l model.Lang) recoverKeys {
	return recoverKeys{
		restore: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", model.T(l, "lägg tillbaka", "put back"))),
		discard: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", model.T(l, "kasta", "throw away"))),
		later:   key.NewBinding(key.WithKeys("esc", "l"), key.WithHelp("esc", model.T(l, "senare", "later"))),
	}
}

type (
	// DoneMsg answers a restore or a discard of the file at path.
	DoneMsg struct {
		path    string
		discard bool
		plan    *model.Plan
		err     error
	}
	// LaterMsg says the user leaves the rest for the next start.
	LaterMsg struct{}
)

// Model offers the recovery files back, one at a time.
type Model struct {
	lang    model.Lang
	st      *common.Styles
	keys    recoverKeys
	Recs    []service.Recovery
	Ask     *components.Confirm
	discard bool // the question is about throwing the file away
	busy    bool // a restore or discard is running
	Message string
	// since is when the screen (or the next file) appeared, or the last
	// key not taken; ignored counts those keys.
	since   time.Time
	ignored int
	width   int
	height  int
	// svc and io do the work asked for: restoring or throwing away a file,
	// in a tea.Cmd the root waits for before the database closes.
	svc *service.Service
	ctx context.Context // the program's
	io  func(func() tea.Msg) tea.Cmd
}

func New(ctx context.Context, l model.Lang, st *common.Styles, recs []service.Recovery, svc *service.Service, io func(func() tea.Msg) tea.Cmd) *Model {
	return &Model{lang: l, st: st, keys: newRecoverKeys(l), Recs: recs, since: components.ConfirmClock(), width: 80, height: 24, svc: svc, ctx: ctx, io: io}
}

// name is how the offer names the plan: the person's name, or the start
// of the id when the file cannot be read or the content is hidden.
func (r *Model) name(rec service.Recovery) string {
	if rec.Person != "" {
		return rec.Person
	}
	if id := rec.PlanID; id != "" {
		return model.T(r.lang, "planen ", "plan ") + id[:min(8, len(id))]
	}
	return model.T(r.lang, "en okänd plan", "an unknown plan")
}

// Update takes a key while the offer is in front; it returns the command
// that does what was chosen.
func (r *Model) Update(msg tea.Msg) tea.Cmd {
	svc, io, ctx := r.svc, r.io, r.ctx
	if len(r.Recs) == 0 || r.busy {
		return nil
	}
	rec := r.Recs[0]
	if r.Ask != nil {
		switch r.Ask.Update(msg) {
		case components.AnsweredYes:
			r.Ask, r.busy = nil, true
			discard := r.discard
			return io(func() tea.Msg {
				if discard {
					return DoneMsg{path: rec.Path, discard: true, err: svc.DiscardRecovery(rec)}
				}
				p, err := svc.Restore(ctx, rec)
				return DoneMsg{path: rec.Path, plan: p, err: err}
			})
		case components.AnsweredNo:
			r.Ask = nil
		}
		return nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if now := components.ConfirmClock(); now.Sub(r.since) < components.ConfirmQuiet {
		r.ignored++
		r.since = now
		return nil
	}
	l, who := r.lang, r.name(rec)
	switch {
	case key.Matches(k, r.keys.restore) && rec.Err == nil && !rec.StoredClosed:
		q := model.T(l, "Lägga tillbaka det som skrevs sist i planen för "+who+" från filen?",
			"Put what was typed last in the plan of "+who+" back from the file?")
		if rec.ChangedSince() {
			q += model.T(l, " Planen har ändrats efter att filen skrevs; de ändringarna ersätts.",
				" The plan was changed after the file was written; those changes are replaced.")
		}
		r.Ask, r.discard, r.Message = components.NewConfirm(l, r.st, q), false, ""
	case key.Matches(k, r.keys.discard):
		r.Ask, r.discard, r.Message = components.NewConfirm(l, r.st, model.T(l,
			"Kasta filen? Det som skrevs sist i planen för "+who+" och inte finns i databasen går förlorat.",
			"Throw the file away? What was typed last in the plan of "+who+" and is not in the database is lost.")), true, ""
	case key.Matches(k, r.keys.later):
		return func() tea.Msg { return LaterMsg{} }
	}
	return nil
}

// Done takes the answer of a restore or discard; it tells whether files
// are left to offer.
func (r *Model) Done(msg DoneMsg) bool {
	r.busy = false
	if len(r.Recs) == 0 || r.Recs[0].Path != msg.path {
		return len(r.Recs) > 0
	}
	rec, l := r.Recs[0], r.lang
	var rm *service.RemoveError
	switch {
	case msg.err != nil && errors.As(msg.err, &rm) && !msg.discard:
		r.Message = model.T(l, "Planen för "+r.name(rec)+" är tillbaka i databasen, men ", "The plan of "+r.name(rec)+" is back in the database, but ") + common.ErrText(l, msg.err)
	case msg.err != nil:
		r.Message = model.T(l, "Det gick inte: ", "That did not work: ") + common.ErrText(l, msg.err)
		return true
	case msg.discard:
		r.Message = model.T(l, "Filen för "+r.name(rec)+" är kastad.", "The file of "+r.name(rec)+" was thrown away.")
	default:
		r.Message = model.T(l, "Planen för "+r.name(rec)+" är tillbaka i databasen och filen är borttagen.",
			"The plan of "+r.name(rec)+" is back in the database and the file is removed.")
	}
	r.Recs = r.Recs[1:]
	r.since = components.ConfirmClock()
	return len(r.Recs) > 0
}

func (r *Model) View() string {
	width, height := r.width, r.height
	l, w := r.lang, max(20, width-2)
	var b strings.Builder
	b.WriteString(r.st.Title.Render("sipmote") + r.st.Subtle.Render(" — "+model.T(l, "återställningsfil", "recovery file")) + "\n\n")
	if len(r.Recs) == 0 {
		return b.String() + ansi.Wordwrap(r.Message, w, "")
	}
	rec := r.Recs[0]
	wrap := func(s string) { b.WriteString(ansi.Wordwrap(s, w, "") + "\n") }
	if r.Ask == nil {
		// While a question is asked, it needs the room more.
		wrap(model.T(l, "Förra gången tog databasen inte emot det som skrevs sist. Det sparades i en fil i stället.",
			"Last time the database did not take what was typed last. It was saved in a file instead."))
		b.WriteString("\n")
	}
	b.WriteString(r.st.Label.Render(model.T(l, "Plan:   ", "Plan:    ")) + r.name(rec) + "\n")
	if !rec.Written.IsZero() {
		b.WriteString(r.st.Label.Render(model.T(l, "Skrevs: ", "Written: ")) + rec.Written.Local().Format("2006-01-02 15:04") + "\n")
	}
	b.WriteString(ansi.Hardwrap(r.st.Label.Render(model.T(l, "Fil:    ", "File:    "))+rec.Path, w, false) + "\n")
	switch {
	case rec.Err != nil:
		b.WriteString(r.st.Err.Render(ansi.Wordwrap(common.ErrText(l, rec.Err), w, "")) + "\n")
	case rec.StoredClosed:
		wrap(model.T(l, "Planen har avslutats sedan dess och kan inte få tillbaka texten.",
			"The plan was closed since then and cannot take the text back."))
	case rec.ChangedSince():
		wrap(model.T(l, "Planen har ändrats efter det ("+rec.Stored.Local().Format("2006-01-02 15:04")+").",
			"The plan was changed after that ("+rec.Stored.Local().Format("2006-01-02 15:04")+")."))
	}
	if n := len(r.Recs); n > 1 {
		b.WriteString(r.st.Subtle.Render(fmt.Sprintf(model.T(l, "%d filer till väntar.", "%d more files wait."), n-1)) + "\n")
	}
	b.WriteString("\n")
	switch {
	case r.busy:
		b.WriteString(model.T(l, "Ett ögonblick…", "One moment…") + "\n")
	case r.Ask != nil:
		b.WriteString(r.Ask.View(w) + "\n")
	default:
		if r.Message != "" {
			b.WriteString(r.st.Warn.Render(ansi.Wordwrap(r.Message, w, "")) + "\n")
		}
		if r.ignored > 0 {
			b.WriteString(r.st.Subtle.Render(ansi.Wordwrap(model.Plural(l, r.ignored,
				"%d tangent som trycktes innan skärmen hann läsas togs inte emot.",
				"%d tangenter som trycktes innan skärmen hann läsas togs inte emot.",
				"%d key pressed before the screen could be read was not taken.",
				"%d keys pressed before the screen could be read were not taken."), w, "")) + "\n")
		}
	}
	out := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	for len(out) < height-1 {
		out = append(out, "")
	}
	if len(out) > height-1 {
		out = out[:max(0, height-1)]
	}
	return strings.Join(out, "\n") + "\n" + common.ShortHelp(common.StyledHelp(r.st, help.New()), r.ShortHelp(), width)
}

var _ common.Component = (*Model)(nil)

// SetSize gives the offer the window.
func (r *Model) SetSize(width, height int) { r.width, r.height = width, height }

// ShortHelp names the answers: a file that cannot be read or whose plan
// is closed cannot be restored, only thrown away or kept for later.
func (r *Model) ShortHelp() []key.Binding {
	keys := []key.Binding{r.keys.restore, r.keys.discard, r.keys.later}
	if len(r.Recs) > 0 && (r.Recs[0].Err != nil || r.Recs[0].StoredClosed) {
		keys = keys[1:]
	}
	return keys
}

// Package printdialog is the meeting's print dialog (ctrl+p): the
// original and the copies, whom each is for and whether the consent
// covers them, before anything is printed.
package printdialog

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
)

// JobMsg asks the meeting to print the papers the copies overlay chose.
type JobMsg struct{ Job Job }

// Job says which papers a print from the screen holds: the original or
// not, and a copy named for each recipient given.
type Job struct {
	Original bool
	Copies   []model.Recipient
}

type copiesKeys struct {
	up, down, toggle, add, print, close, confirm, cancel key.Binding
}

func newCopiesKeys(l model.Lang) copiesKeys {
	return copiesKeys{
		up:      key.NewBinding(key.WithKeys("up")),
		down:    key.NewBinding(key.WithKeys("down")),
		toggle:  key.NewBinding(key.WithKeys("space")),
		add:     key.NewBinding(key.WithKeys("n", "+")),
		print:   key.NewBinding(key.WithKeys("enter", "p")),
		close:   key.NewBinding(key.WithKeys("esc")),
		confirm: key.NewBinding(key.WithKeys("enter")),
		cancel:  key.NewBinding(key.WithKeys("esc")),
	}
}

// copyRow is one paper the print may hold.
type copyRow struct {
	r  model.Recipient
	on bool
	// adhoc is a recipient typed in for this print only, when the
	// version is finalised and its copy list can no longer change.
	adhoc bool
}

// Overlay is shown before printing: the original and a copy for each
// one on the copy list, each of which the secretary can leave out, and
// room to add someone. On a draft the changes are kept in the plan (and
// the plan's list of who gets it follows); on a finalised version they
// hold for this print only.
type Overlay struct {
	common.Panel
	lang     model.Lang
	st       *common.Styles
	keys     copiesKeys
	plan     *model.Plan
	v        *model.Version
	editable bool
	// closed is a closed plan: its papers are copies marked as closed,
	// never new originals; the first row is one copy without a name and
	// the named copies are there to choose, not chosen.
	closed   bool
	original bool
	rows     []copyRow
	cursor   int // 0 is the original, 1… the rows
	adding   bool
	input    textinput.Model
	// escOnce is set once esc was pressed on a name typed but not added
	// (pending.go).
	escOnce bool
	// limit and full say what the full input did not take.
	limit components.InputLimit
	full  string
	// lone lets space, n and p act only typed alone: a sentence typed
	// here must not take the original out, or print (typed.go).
	lone components.LoneKeys
	note string
	// printer is where the print will go, asked of the system when the
	// overlay opens: "" while not yet known, noPrinter when there is none.
	printer string
	saveDir string
	// warn is said under the list after a copy was added to a unit the
	// consent does not cover.
	warn string
	// today stands in for a meeting date not written (the child's age).
	today string
}

// noPrinter marks a print with no printer chosen: the PDF is saved.
const noPrinter = "\x00none"

// PrinterMsg says which printer a print from the meeting would go to.
type PrinterMsg struct {
	common.Owner
	Name string
	Dir  string // where the PDF is saved when there is no printer
}

func New(l model.Lang, st *common.Styles, p *model.Plan, v *model.Version, editable bool) *Overlay {
	o := &Overlay{lang: l, st: st, keys: newCopiesKeys(l), plan: p, v: v, editable: editable, original: true,
		closed: p.Status == model.StatusClosed, today: time.Now().Format(model.DateLayout)}
	o.reload()
	return o
}

// reload builds the rows from the copy list, keeping what was typed in
// for this print only.
func (o *Overlay) reload() {
	var adhoc []copyRow
	for _, r := range o.rows {
		if r.adhoc {
			adhoc = append(adhoc, r)
		}
	}
	cl := o.plan.Copies(o.v, o.lang)
	o.rows = o.rows[:0]
	for _, r := range cl.Copies {
		o.rows = append(o.rows, copyRow{r: r, on: !o.closed})
	}
	for _, r := range cl.Removed {
		o.rows = append(o.rows, copyRow{r: r})
	}
	o.rows = append(o.rows, adhoc...)
}

func (o *Overlay) job() Job {
	j := Job{Original: o.original}
	for _, r := range o.rows {
		if r.on {
			j.Copies = append(j.Copies, r.r)
		}
	}
	return j
}

func (o *Overlay) Update(msg tea.Msg) tea.Cmd {
	if pm, ok := msg.(PrinterMsg); ok {
		o.printer, o.saveDir = pm.Name, pm.Dir
		if o.printer == "" {
			o.printer = noPrinter
		}
		return nil
	}
	if o.adding {
		return o.updateAdding(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if o.typed(k) {
		return nil
	}
	switch {
	case key.Matches(k, o.keys.close):
		o.Close()
		return nil
	case key.Matches(k, o.keys.up):
		o.cursor = max(0, o.cursor-1)
	case key.Matches(k, o.keys.down):
		o.cursor = min(len(o.rows), o.cursor+1)
	case key.Matches(k, o.keys.toggle):
		o.lone.Acted(o.undoToggle())
		o.toggle()
	case key.Matches(k, o.keys.add):
		return o.startAdding("")
	case key.Matches(k, o.keys.print):
		job := o.job()
		if !job.Original && len(job.Copies) == 0 {
			return nil
		}
		o.Close()
		return func() tea.Msg { return JobMsg{job} }
	}
	return nil
}

func (o *Overlay) toggle() {
	if o.cursor == 0 {
		o.original = !o.original
		return
	}
	i := o.cursor - 1
	if i >= len(o.rows) {
		return
	}
	row := &o.rows[i]
	row.on = !row.on
	if !o.editable || row.adhoc {
		return
	}
	if row.on {
		o.v.AddCopy(row.r.Name, row.r.Unit)
	} else {
		o.v.RemoveCopy(row.r.Name)
	}
	o.reload()
	o.cursor = min(o.cursor, len(o.rows))
}

func (o *Overlay) updateAdding(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, o.keys.cancel):
			if o.holdOnEsc() {
				return nil
			}
			o.adding, o.escOnce = false, false
			return nil
		case key.Matches(k, o.keys.confirm):
			o.adding, o.escOnce = false, false
			name, unit, _ := strings.Cut(o.input.Value(), ",")
			name, unit = strings.TrimSpace(name), strings.TrimSpace(unit)
			if name == "" {
				return nil
			}
			if o.editable {
				o.v.AddCopy(name, unit)
				o.reload()
			} else {
				o.rows = append(o.rows, copyRow{r: model.Recipient{Name: name, Unit: unit, Reason: model.CopyAdded}, on: true, adhoc: true})
			}
			// The cursor goes to the row added, wherever the list puts it.
			o.cursor = len(o.rows)
			for i, r := range o.rows {
				if model.SameName(r.r.Name, name) {
					o.cursor = i + 1
				}
			}
			// Warned as a unit at the table is: the consent is what lets
			// the plan go to a unit.
			o.warn = ""
			if t, out := o.plan.CopyOutsideConsent(o.v, unit, o.today); out {
				o.warn = t.In(o.lang)
			}
			return nil
		}
	}
	if _, isKey := msg.(tea.KeyPressMsg); isKey {
		o.escOnce = false
	}
	note, full := o.limit.Refuse(o.lang, &o.input, msg)
	if _, isKey := msg.(tea.KeyPressMsg); full || isKey {
		o.full = note
	}
	if full {
		return nil
	}
	var cmd tea.Cmd
	o.input, cmd = o.input.Update(msg)
	return cmd
}

func (o *Overlay) View() string {
	w, h := o.Width, o.Height
	l := o.lang
	inner := max(10, w-6)
	var b strings.Builder
	title := model.T(l, "Skriv ut: original och kopior", "Print: original and copies")
	note := model.T(l, "Ändringar gäller bara den här utskriften; versionen är fastställd.",
		"Changes hold for this print only; the version is finalised.")
	if o.closed {
		title = model.T(l, "Skriv ut en avslutad plan", "Print a closed plan")
		note = model.T(l, "Planen är avslutad: varje papper är en kopia märkt AVSLUTAD, utan rader att skriva under. Inga nya original.",
			"The plan is closed: every paper is a copy marked CLOSED, with no lines to sign. No new originals.")
	}
	b.WriteString(o.st.Title.Render(title) + "\n")
	if o.editable {
		note = model.T(l, "Utkast: skrivs ut en gång, märkt UTKAST. Ändringar i listan sparas i planen.",
			"Draft: printed once, marked DRAFT. Changes to the list are kept in the plan.")
	}
	b.WriteString(o.st.Subtle.Render(ansi.Wordwrap(note, inner, "")) + "\n")
	b.WriteString(ansi.Wrap(o.printerLine(), inner, "") + "\n\n")
	extra := 0
	if nr := notRaisedLine(l, o.plan, o.v); nr != "" {
		nr = ansi.Wordwrap(nr, inner, "")
		extra = strings.Count(nr, "\n") + 2
		b.WriteString(o.st.Warn.Render(nr) + "\n\n")
	}
	line := func(i int, on bool, text, why string, must bool) {
		mark := "[ ] "
		if on {
			mark = "[x] "
		}
		s := ansi.Truncate(mark+text, inner, "…")
		switch {
		case why == "":
		case ansi.StringWidth(s)+3+ansi.StringWidth(why) <= inner:
			s += o.st.Subtle.Render("  " + why)
		case must:
			// A copy the secretary added keeps its tag (and a warning
			// its mark); the name gives way, and is read whole under
			// the cursor.
			s = ansi.Truncate(mark+text, max(12, inner-2-ansi.StringWidth(why)), "…")
			s += o.st.Subtle.Render("  " + why)
			s = ansi.Truncate(s, inner, "…")
		}
		if i == o.cursor {
			// The row chosen is read whole: name, unit, why and contact.
			full := mark + text
			if why != "" {
				full += "  " + why
			}
			parts := strings.Split(ansi.Wrap(full, inner-4, ""), "\n")
			for j := range parts {
				if j > 0 {
					parts[j] = "    " + parts[j]
				}
				parts[j] = o.st.Selected.Render(parts[j])
			}
			s = strings.Join(parts, "\n")
		}
		b.WriteString(s + "\n")
	}
	cl := o.plan.Copies(o.v, l)
	if o.closed {
		line(0, o.original, model.T(l, "En kopia utan namn, märkt AVSLUTAD", "One copy without a name, marked CLOSED"), "", false)
	} else {
		line(0, o.original, originalsLine(l, cl.Originals), model.T(l, "med lättläst sida", "with the easy-read page"), false)
	}
	rows := o.rows
	// Keep the cursor in view on a short window; the row chosen may take
	// a line or two more, read whole.
	room := max(3, h-12-extra)
	first := 0
	if o.cursor > room {
		first = o.cursor - room
	}
	for i, r := range rows {
		if i+1 < first || i+1 > first+room {
			continue
		}
		why := r.r.Reason.Label(l)
		if r.r.Child {
			why = r.r.Explain(l)
		}
		if r.r.Contact != "" && r.r.Reason == model.CopyActionOwner {
			why += ", " + r.r.Contact
		}
		text := r.r.Mark(l)
		if r.r.Reason == model.CopyAdded {
			// Marked as a unit outside the consent is; the line under
			// the list says why.
			if _, out := o.plan.CopyOutsideConsent(o.v, r.r.Unit, o.today); out {
				text = "! " + text
			}
		}
		line(i+1, r.on, text, why, r.r.Reason == model.CopyAdded)
	}
	b.WriteString("\n")
	if o.note != "" && !o.adding {
		b.WriteString(o.st.Warn.Render(ansi.Wordwrap(o.note, inner, "")) + "\n")
	}
	if o.warn != "" && !o.adding {
		b.WriteString(o.st.Warn.Render(ansi.Wordwrap("! "+o.warn, inner, "")) + "\n")
	}
	if o.adding {
		b.WriteString(model.T(l, "Lägg till mottagare:", "Add a recipient:") + "\n" + o.input.View() + "\n")
		if o.full != "" {
			b.WriteString(o.st.Warn.Render(ansi.Wordwrap(o.full, inner, "")) + "\n")
		}
		b.WriteString(o.st.Subtle.Render(model.T(l, "enter lägger till · esc avbryter", "enter adds · esc cancels")))
	} else {
		b.WriteString(o.st.Subtle.Render(ansi.Wordwrap(model.T(l,
			"mellanslag med/inte med · n lägg till mottagare · enter skriv ut · esc stäng",
			"space in/out · n add a recipient · enter print · esc close"), inner, "")))
	}
	return o.st.Box.Width(w).Height(h).MaxHeight(h).Render(b.String())
}

// originalsLine is the first row: the person's original, or for a child
// the guardians' originals together ("Original till Anna Nyström och
// Peter Nyström, vårdnadshavare"), printed or not as one.
func originalsLine(l model.Lang, rs []model.Recipient) string {
	if len(rs) == 1 {
		return rs[0].Mark(l)
	}
	var names []string
	for _, r := range rs {
		names = append(names, r.Name)
	}
	and := model.T(l, " och ", " and ")
	joined := strings.Join(names, ", ")
	if n := len(names); n > 1 {
		joined = strings.Join(names[:n-1], ", ") + and + names[n-1]
	}
	return model.T(l, "Ett original var till ", "An original each for ") + joined + model.T(l, ", vårdnadshavare", ", guardians")
}

// printerLine names where the print goes, before it is made: the printer,
// or that none is chosen and the PDF is saved instead.
func (o *Overlay) printerLine() string {
	l := o.lang
	switch o.printer {
	case "":
		return model.T(l, "Skrivare: tar reda på vilken…", "Printer: finding out which…")
	case noPrinter:
		if o.saveDir == "" {
			return model.T(l, "Ingen skrivare är vald, och ingen mapp finns att spara PDF:en i.", "No printer is chosen, and there is no folder to save the PDF in.")
		}
		return model.T(l, "Ingen skrivare är vald: PDF:en sparas i "+o.saveDir+".", "No printer is chosen: the PDF is saved in "+o.saveDir+".")
	}
	return model.T(l, "Skrivare: ", "Printer: ") + o.printer
}

// ShortHelp names the copy list's keys.
func (o *Overlay) ShortHelp() []key.Binding {
	return []key.Binding{o.keys.up, o.keys.down, o.keys.toggle, o.keys.add, o.keys.print, o.keys.close}
}

// notRaisedLine warns, before anything is printed, that a text part names
// a subject the person asked not to raise: by the part's name and the
// subject's number, never its words, since this screen may be the one
// the room sees. Empty when there is none.
func notRaisedLine(l model.Lang, p *model.Plan, v *model.Version) string {
	hits := model.NotRaisedIn(p, v)
	if len(hits) == 0 {
		return ""
	}
	var parts, nums []string
	for _, h := range hits {
		if p := "”" + h.Part.In(l) + "”"; !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
		if n := strconv.Itoa(h.Subject + 1); !slices.Contains(nums, n) {
			nums = append(nums, n)
		}
	}
	subj := model.T(l, "ämne ", "subject ")
	if len(nums) > 1 {
		subj = model.T(l, "ämnena ", "subjects ")
	}
	who := model.T(l, "den enskilde inte vill", "the person does not want")
	if p.Variant == model.AgeChild {
		who = model.T(l, "barnet eller vårdnadshavarna inte vill", "the child or the guardians do not want")
	}
	return fmt.Sprintf(model.T(l, "! Texten i %s nämner %s av dem som %s ska tas upp, och det skrivs ut på varje kopia. esc och ctrl+f visar var.",
		"! The text in %s names %s of those %s raised, and it is printed on every copy. esc and ctrl+f show where."),
		strings.Join(parts, ", "), subj+strings.Join(nums, ", "), who)
}

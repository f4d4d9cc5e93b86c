// Package sharepanel is the meeting's panel for sharing it with the
// room and other computers (ctrl+d): how to join, who has joined, and
// dropping a device or stopping.
package sharepanel

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

// Sharing is a meeting shared over SSH, as the secretary's screen needs
// it. main gives it, from the share package, which the screens do not know.
type Sharing interface {
	// Code is the one-time code a device must give to join as role
	// "chair" or "room"; each role has its own, and one role's code never
	// admits the other.
	Code(role string) string
	// Line is the exact ssh command for role "chair" or "room".
	Line(role string) string
	Devices() []Device
	// Changed signals that a device joined or left; Done is closed when
	// sharing has stopped.
	Changed() <-chan struct{}
	Done() <-chan struct{}
	Drop(id int)
	// Fingerprint is the host key's SHA256 fingerprint, as ssh shows it
	// when a device connects for the first time.
	Fingerprint() string
	// Refused lists the wrong codes given so far, per address and role,
	// the latest first.
	Refused() []Refusal
	// Stop tells every device that the meeting is no longer shown there,
	// lets it go and stops listening; the meeting goes on.
	Stop() error
	// EndMeeting does the same as the meeting ends, and tells every
	// device so.
	EndMeeting() error
}

// Device is one connected device.
type Device struct {
	ID   int
	Role string
	Addr string
	// User is the device's account on this computer, when it connects
	// from it; "" when it cannot be known.
	User  string
	Since time.Time
}

// Refusal is a run of wrong codes from one address for one role ("" for
// a user name that is no role). It never holds what was typed.
type Refusal struct {
	Addr  string
	Role  string
	Count int
	Last  time.Time
}

type shareKeys struct {
	up, down, drop, stop, close key.Binding
}

func newShareKeys(l model.Lang) shareKeys {
	return shareKeys{
		up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑↓", model.T(l, "välj", "choose"))),
		down:  key.NewBinding(key.WithKeys("down", "j")),
		drop:  key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", model.T(l, "koppla från", "disconnect"))),
		stop:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", model.T(l, "sluta dela", "stop sharing"))),
		close: key.NewBinding(key.WithKeys("esc", "q", "f3"), key.WithHelp("esc", model.T(l, "stäng", "close"))),
	}
}

// StopMsg asks the meeting to stop sharing.
type StopMsg struct{}

// Panel shows how to join the meeting and who has joined, and lets
// the secretary drop a device or stop sharing.
type Panel struct {
	common.Panel
	lang   model.Lang
	st     *common.Styles
	keys   shareKeys
	sh     Sharing
	Cursor int
}

func New(l model.Lang, st *common.Styles, sh Sharing) *Panel {
	return &Panel{lang: l, st: st, keys: newShareKeys(l), sh: sh}
}

func (o *Panel) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	devs := o.sh.Devices()
	switch {
	case key.Matches(k, o.keys.close):
		o.Close()
		return nil
	case key.Matches(k, o.keys.up):
		o.Cursor = max(0, o.Cursor-1)
	case key.Matches(k, o.keys.down):
		o.Cursor = max(0, min(o.Cursor+1, len(devs)-1))
	case key.Matches(k, o.keys.drop):
		if o.Cursor < len(devs) {
			o.sh.Drop(devs[o.Cursor].ID)
		}
	case key.Matches(k, o.keys.stop):
		o.Close()
		return func() tea.Msg { return StopMsg{} }
	}
	return nil
}

func roleLabel(l model.Lang, role string) string {
	switch role {
	case "chair":
		return model.T(l, "mötesledaren", "the chair")
	case "room":
		return model.T(l, "rummet", "the room")
	}
	return role
}

// shareRoles are the roles the panel gives a line and a code to. The
// projector's comes first, as it is usually set up first; the chair's,
// with its warning, follows.
var shareRoles = []string{"room", "chair"}

// deviceLabel names the device a role's line is typed on.
func deviceLabel(l model.Lang, role string) string {
	switch role {
	case "chair":
		return model.T(l, "Mötesledarens dator", "The chair's computer")
	case "room":
		return model.T(l, "Rummets skärm (projektorn)", "The room's screen (projector)")
	}
	return role
}

// joinLines are, for every role, the device it is for, the ssh line to
// type and that role's code, fitted to width iw: the code goes on a line
// of its own when the two do not fit side by side, and the ssh line is
// broken, never cut, as it must be typed exactly.
func (o *Panel) joinLines(iw int) [][]string {
	l, st := o.lang, o.st
	var blocks [][]string
	for _, r := range shareRoles {
		out := []string{st.Label.Render(deviceLabel(l, r) + ":")}
		line, code := o.sh.Line(r), model.T(l, "kod: ", "code: ")+st.Focused.Render(o.sh.Code(r))
		switch {
		case 2+ansi.StringWidth(line)+3+ansi.StringWidth(code) <= iw:
			out = append(out, "  "+line+" · "+code)
		default:
			for _, part := range strings.Split(ansi.Hardwrap(line, max(8, iw-2), true), "\n") {
				out = append(out, "  "+part)
			}
			out = append(out, "  "+code)
		}
		if r == "chair" {
			warn := model.T(l,
				"Visa aldrig den här koden för rummet: den öppnar mötesledarens vy, med det som inte ska tas upp.",
				"Never let the room see this code: it opens the chair's view, with what is not to be raised.")
			for _, part := range strings.Split(ansi.Wordwrap(warn, max(10, iw-2), ""), "\n") {
				out = append(out, "  "+st.Warn.Render(part))
			}
		}
		blocks = append(blocks, out)
	}
	return blocks
}

// deviceLines list the connected devices, at most n of them, keeping the
// chosen one in sight.
func (o *Panel) deviceLines(devs []Device, n int) []string {
	l, st := o.lang, o.st
	if len(devs) == 0 {
		return []string{st.Subtle.Render(model.T(l, "Ingen ännu.", "Nobody yet."))}
	}
	cur, first := min(o.Cursor, len(devs)-1), 0
	if cur >= n {
		first = cur - n + 1
	}
	var out []string
	for i := first; i < len(devs) && len(out) < n; i++ {
		d := devs[i]
		addr := d.Addr
		if d.User != "" {
			addr += " (" + d.User + ")"
		}
		line := fmt.Sprintf("%-14s %-16s %s %s", roleLabel(l, d.Role), addr, model.T(l, "sedan", "since"), d.Since.Format("15:04"))
		if i == cur {
			out = append(out, st.Focused.Render("› ")+st.Selected.Render(line))
		} else {
			out = append(out, "  "+line)
		}
	}
	return out
}

// View shows the lines and codes first, as they are what the panel is
// for; on a short window the explanation and the blank lines go before
// any of them, and the list of devices scrolls.
func (o *Panel) View() string {
	w, h := o.Width, o.Height
	l, st := o.lang, o.st
	iw, ih := max(1, w-4), max(1, h-2)
	join := o.joinLines(iw)
	hint := strings.Split(ansi.Wordwrap(model.T(l,
		"Skriv koden som står på samma rad när ssh frågar efter den. Koderna gäller tills delningen stoppas.",
		"When ssh asks for the code, type the one on the same line. The codes last until sharing stops."), max(20, iw), ""), "\n")
	for i := range hint {
		hint[i] = st.Subtle.Render(hint[i])
	}
	devs := o.sh.Devices()
	fpr := o.fingerprintLines(iw)
	refused := o.refusedLines(iw)
	var help []string
	for _, k := range []key.Binding{o.keys.drop, o.keys.stop, o.keys.close} {
		help = append(help, k.Help().Key+" "+k.Help().Desc)
	}
	// Title, join lines, the list's heading and the help always show,
	// with at least one line of the list.
	joinRows := 0
	for _, j := range join {
		joinRows += len(j)
	}
	spare := ih - (1 + joinRows + len(fpr) + 1 + 1) - max(1, len(devs)) - min(1, len(refused))
	take := func(n int) bool {
		if spare >= n {
			spare -= n
			return true
		}
		return false
	}
	gapTitle, gapList, gapHelp := take(1), take(1), take(1)
	gapRoles := take(len(join) - 1)
	moreRefused := 0
	for moreRefused < len(refused)-1 && take(1) {
		moreRefused++
	}
	showHint := take(1 + len(hint))

	var b []string
	b = append(b, st.Title.Render(model.T(l, "Mötet delas", "The meeting is shared")))
	if gapTitle {
		b = append(b, "")
	}
	for i, j := range join {
		if i > 0 && gapRoles {
			b = append(b, "")
		}
		b = append(b, j...)
	}
	b = append(b, fpr...)
	if showHint {
		b = append(append(b, ""), hint...)
	}
	if gapList {
		b = append(b, "")
	}
	b = append(b, st.Label.Render(fmt.Sprintf(model.T(l, "Anslutna (%d)", "Connected (%d)"), len(devs))))
	b = append(b, o.deviceLines(devs, max(1, len(devs)+min(0, spare)))...)
	if len(refused) > 0 {
		b = append(b, refused[:1+moreRefused]...)
	}
	if gapHelp {
		b = append(b, "")
	}
	b = append(b, st.Subtle.Render(strings.Join(help, " · ")))
	return strings.Join(components.Pane(st.FocusBorder, strings.Join(b, "\n"), w, h), "\n")
}

// fingerprintLines give the host key's fingerprint in one line, for the
// one who types the line to compare with what ssh asks about the first
// time; with the words around it that the width allows.
func (o *Panel) fingerprintLines(iw int) []string {
	fp := o.sh.Fingerprint()
	if fp == "" {
		return nil
	}
	line := fp
	for _, label := range []string{
		model.T(o.lang, "Datorns nyckel (ssh frågar om den första gången): ", "This computer's key (ssh asks about it the first time): "),
		model.T(o.lang, "Datorns nyckel: ", "Computer's key: "),
		model.T(o.lang, "Nyckel: ", "Key: "),
	} {
		if ansi.StringWidth(label+fp) <= iw {
			line = label + fp
			break
		}
	}
	return []string{o.st.Subtle.Render(ansi.Truncate(line, iw, "…"))}
}

// refusedLines say where wrong codes came from, one line an address and
// role, the latest first: "3 felaktiga koder från 127.0.0.5".
func (o *Panel) refusedLines(iw int) []string {
	l := o.lang
	var out []string
	for _, r := range o.sh.Refused() {
		codes := model.T(l, "felaktiga koder", "wrong codes")
		if r.Count == 1 {
			codes = model.T(l, "felaktig kod", "wrong code")
		}
		from := r.Addr
		if from == "" {
			from = model.T(l, "andra adresser", "other addresses")
		}
		to := model.T(l, "okänt namn", "unknown name")
		if r.Role != "" {
			to = roleLabel(l, r.Role)
		}
		line := fmt.Sprintf(model.T(l, "%d %s från %s (%s), %s", "%d %s from %s (%s), %s"),
			r.Count, codes, from, to, r.Last.Format("15:04"))
		out = append(out, o.st.Err.Render(ansi.Truncate(line, iw, "…")))
	}
	return out
}

// ShortHelp names the share panel's keys.
func (o *Panel) ShortHelp() []key.Binding {
	return []key.Binding{o.keys.up, o.keys.down, o.keys.drop, o.keys.stop, o.keys.close}
}

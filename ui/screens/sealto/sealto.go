// Package sealto is the screen that seals the plan chosen on the home
// screen for one person in the recipients file: a list of names to choose
// from, and a masked field for the signing key's passphrase when it has
// one. It only chooses; the root seals, in a tea.Cmd.
package sealto

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/termsafe"
	"github.com/sipmote/sipmote/ui/common"
)

// Recipient is one line of the recipients file as the list shows it.
type Recipient struct {
	Name        string
	Fingerprint string
}

type keys struct{ up, down, choose, back key.Binding }

func newKeys(l model.Lang) keys {
	return keys{
		up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", model.T(l, "välj", "choose"))),
		down:   key.NewBinding(key.WithKeys("down", "j")),
		choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T(l, "försegla", "seal"))),
		back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T(l, "tillbaka", "back"))),
	}
}

func (k keys) ShortHelp() []key.Binding  { return []key.Binding{k.up, k.choose, k.back} }
func (k keys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// ChosenMsg asks the root to seal plan ID for recipient Index, signed with
// the passphrase given (nil when none was asked). The root clears it.
type ChosenMsg struct {
	ID         string
	Index      int
	Passphrase []byte
}

// BackMsg goes back to the home screen without sealing.
type BackMsg struct{}

// Model chooses whom to seal a plan for.
type Model struct {
	lang          model.Lang
	st            *common.Styles
	keys          keys
	help          help.Model
	id, person    string
	list          []Recipient
	cursor        int
	pass          textinput.Model
	asking        bool
	busy          bool
	Problem       string
	Width, Height int
}

// New lists the recipients for sealing plan id (of person).
func New(l model.Lang, st *common.Styles, id, person string, list []Recipient, w, h int) *Model {
	in := textinput.New()
	in.SetStyles(st.Input)
	in.EchoMode = textinput.EchoPassword
	in.EchoCharacter = '•'
	in.Prompt = "> "
	in.CharLimit = 1024
	return &Model{lang: l, st: st, keys: newKeys(l), help: help.New(), id: id, person: person, list: list, pass: in, Width: w, Height: h}
}

// ID is the plan being sealed.
func (m *Model) ID() string { return m.id }

// AskPassphrase shows the masked field for the signing key's passphrase,
// with problem above it ("" for none).
func (m *Model) AskPassphrase(problem string) tea.Cmd {
	m.asking, m.busy, m.Problem = true, false, problem
	m.pass.Reset()
	return m.pass.Focus()
}

// Failed shows why sealing did not work and lets the user try again.
func (m *Model) Failed(problem string) { m.busy, m.Problem = false, problem }

func (m *Model) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if m.asking {
			var cmd tea.Cmd
			m.pass, cmd = m.pass.Update(msg)
			return cmd
		}
		return nil
	}
	if m.busy {
		return nil // sealing; the root says when it is done
	}
	switch {
	case key.Matches(k, m.keys.back):
		m.pass.Reset()
		return func() tea.Msg { return BackMsg{} }
	case key.Matches(k, m.keys.choose):
		if len(m.list) == 0 {
			return nil
		}
		var pass []byte
		if m.asking {
			if m.pass.Value() == "" {
				m.Problem = model.T(m.lang, "Skriv lösenfrasen först.", "Type the passphrase first.")
				return nil
			}
			pass = []byte(m.pass.Value())
			m.pass.Reset()
		}
		m.busy, m.Problem = true, ""
		chosen := ChosenMsg{ID: m.id, Index: m.cursor, Passphrase: pass}
		return func() tea.Msg { return chosen }
	case m.asking:
		var cmd tea.Cmd
		m.pass, cmd = m.pass.Update(msg)
		return cmd
	case key.Matches(k, m.keys.up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(k, m.keys.down):
		m.cursor = min(len(m.list)-1, m.cursor+1)
	}
	return nil
}

func (m *Model) View() string {
	l := m.lang
	w := max(20, m.Width)
	var b strings.Builder
	b.WriteString(m.st.Title.Render(ansi.Wrap(model.T(l, "Försegla planen för ", "Seal the plan of ")+termsafe.String(m.person), w, "")) + "\n\n")
	b.WriteString(ansi.Wordwrap(model.T(l,
		"Planen med alla versioner och loggen krypteras för den du väljer och signeras med din SSH-nyckel. Bara mottagaren kan öppna filen (sipmote open).",
		"The plan with every version and the trail is encrypted for the one you choose and signed with your SSH key. Only they can open the file (sipmote open)."), w, "") + "\n\n")
	room := max(1, m.Height-13) // a line for the chosen one's fingerprint
	first := max(0, m.cursor-room+1)
	for i := first; i < len(m.list) && i < first+room; i++ {
		r := m.list[i]
		line := ansi.Truncate("  "+termsafe.String(r.Name)+"  "+m.st.Subtle.Render(r.Fingerprint), w, "…")
		if i == m.cursor {
			// The one chosen is read whole, and so is the fingerprint to
			// check before sealing: on a line of its own when both do not fit.
			name := ansi.Wrap("› "+termsafe.String(r.Name), w, "")
			if ansi.StringWidth(name)+2+ansi.StringWidth(r.Fingerprint) <= w {
				line = m.st.Selected.Render(name) + m.st.Subtle.Render("  "+r.Fingerprint)
			} else {
				line = m.st.Selected.Render(name) + "\n" + m.st.Subtle.Render("  "+strings.ReplaceAll(ansi.Wrap(r.Fingerprint, w-2, ""), "\n", "\n  "))
			}
		}
		b.WriteString(line + "\n")
	}
	if m.asking {
		b.WriteString("\n" + model.T(l, "Din SSH-nyckel har en lösenfras:", "Your SSH key has a passphrase:") + "\n" + m.pass.View() + "\n")
	}
	if m.busy {
		b.WriteString("\n" + m.st.Subtle.Render(model.T(l, "Förseglar …", "Sealing …")) + "\n")
	}
	if m.Problem != "" {
		b.WriteString("\n" + m.st.Warn.Render(ansi.Wordwrap(m.Problem, w, "")) + "\n")
	}
	m.help.SetWidth(m.Width)
	return b.String() + "\n" + common.ShortHelp(common.StyledHelp(m.st, m.help), m.keys.ShortHelp(), m.Width)
}

var _ common.Component = (*Model)(nil)

// SetSize gives the list the window.
func (m *Model) SetSize(width, height int) { m.Width, m.Height = width, height }

// ShortHelp names the list's keys.
func (m *Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

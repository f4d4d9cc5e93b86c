package unlock

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// Model asks for the passphrase of an encrypted database before the
// program starts, in a masked field: what is typed shows as dots and is
// never drawn, logged or kept after the model is done with. It runs as a
// program of its own, since nothing else can be shown until the file is
// open.
type Model struct {
	lang      model.Lang
	st        common.Styles
	in        textinput.Model
	problem   string
	pass      []byte
	cancelled bool
	width     int
	help      help.Model
	keys      unlockKeys
}

type unlockKeys struct{ unlock, quit key.Binding }

func (k unlockKeys) ShortHelp() []key.Binding  { return []key.Binding{k.unlock, k.quit} }
func (k unlockKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// New makes the passphrase screen. problem is shown above the field:
// the previous passphrase was wrong, for instance; "" for none.
func New(l model.Lang, problem string) *Model {
	in := textinput.New()
	in.EchoMode = textinput.EchoPassword
	in.EchoCharacter = '•'
	in.Prompt = "> "
	in.CharLimit = 1024
	in.Focus()
	m := &Model{lang: l, st: common.DefaultStyles(), in: in, problem: problem, help: help.New(), width: 80}
	m.keys.unlock = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T(l, "lås upp", "unlock")))
	m.keys.quit = key.NewBinding(key.WithKeys("esc", "ctrl+c"), key.WithHelp("esc", model.T(l, "avbryt", "cancel")))
	return m
}

// Passphrase is what was typed, once the model is done; nil if cancelled.
// The caller owns the slice and should clear it after use.
func (m *Model) Passphrase() []byte { return m.pass }

// Cancelled tells whether the user gave up.
func (m *Model) Cancelled() bool { return m.cancelled }

func (m *Model) Init() tea.Cmd { return textinput.Blink }

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width = msg.Width
		m.in.SetWidth(max(10, min(60, msg.Width-4)))
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.quit):
			m.cancelled = true
			m.in.Reset()
			return m, tea.Quit
		case key.Matches(msg, m.keys.unlock):
			if m.in.Value() == "" {
				m.problem = model.T(m.lang, "Skriv lösenfrasen först.", "Type the passphrase first.")
				return m, nil
			}
			m.pass = []byte(m.in.Value())
			m.in.Reset()
			return m, tea.Quit
		}
	}
	var cmd tea.Cmd
	m.in, cmd = m.in.Update(msg)
	return m, cmd
}

func (m *Model) View() tea.View {
	var b strings.Builder
	b.WriteString(m.st.Title.Render(model.T(m.lang, "sipmote – krypterad databas", "sipmote – encrypted database")))
	b.WriteString("\n\n")
	b.WriteString(lipgloss.NewStyle().Width(max(20, m.width-2)).Render(model.T(m.lang,
		"Planerna i den här filen är krypterade. Skriv lösenfrasen för att öppna dem. Det du skriver visas inte.",
		"The plans in this file are encrypted. Type the passphrase to open them. What you type is not shown.")))
	b.WriteString("\n\n")
	if m.problem != "" {
		b.WriteString(m.st.Err.Render(m.problem) + "\n\n")
	}
	b.WriteString(m.in.View())
	b.WriteString("\n\n")
	b.WriteString(m.help.View(m.keys))
	v := tea.NewView(b.String())
	// Its own screen, gone once the file is open.
	v.AltScreen = true
	return v
}

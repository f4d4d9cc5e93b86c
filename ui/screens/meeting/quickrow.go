package meeting

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
)

// The quick row adds a participant from one line, so that ten people can
// be entered in the time the full form takes for two; the form is still
// there (enter on the row) for the details.

var quickKeys = struct{ add, done key.Binding }{
	add:  key.NewBinding(key.WithKeys("enter")),
	done: key.NewBinding(key.WithKeys("esc")),
}

func (s *ListSection) openQuick() tea.Cmd {
	in := textinput.New()
	in.Prompt = "+ "
	in.Placeholder = model.T(s.lang, "Per Wall, Geriatriken, region, video", "Per Wall, Geriatrics, region, video")
	in.CharLimit = 300
	in.SetWidth(max(10, s.width-4))
	s.quickIn = &in
	s.quickNote = ""
	return s.quickIn.Focus()
}

func (s *ListSection) updateQuick(msg tea.Msg) (tea.Cmd, bool) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, quickKeys.done):
			s.quickIn = nil
			return nil, false
		case key.Matches(k, quickKeys.add):
			line := s.quickIn.Value()
			if !s.spec.quick(line) {
				s.quickNote = model.T(s.lang, "Skriv minst ett namn.", "Write at least a name.")
				return nil, false
			}
			s.quickIn.SetValue("")
			s.quickNote = ""
			s.Cursor = s.spec.count() - 1
			return nil, true
		}
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		msg = tea.PasteMsg{Content: components.Sanitize(p.Content, false)}
	}
	in, cmd := s.quickIn.Update(msg)
	s.quickIn = &in
	return cmd, false
}

func (s *ListSection) quickView() string {
	help := model.T(s.lang,
		"Namn, sedan med komman: roll (närstående, vårdnadshavare, god man, förvaltare, stödperson, tolk finska), verksamhet, kommun/region, telefon/video/frånvarande.",
		"Name, then with commas: role (relative, guardian, god man, förvaltare, support, interpreter Finnish), unit, kommun/region, phone/video/absent.")
	out := s.st.Label.Render(model.T(s.lang, "Snabbrad", "Quick row")) + "\n" + s.quickIn.View() + "\n" +
		s.st.Subtle.Render(ansi.Wordwrap(help, max(10, s.width), ""))
	if s.quickNote != "" {
		out += "\n" + s.st.Warn.Render(s.quickNote)
	}
	return out
}

package unlock

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
)

func TestUnlockMasksThePassphrase(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m := New(l, "")
		for _, r := range "hemlig" {
			m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		screen := ansi.Strip(m.View().Content)
		if strings.Contains(screen, "hemlig") || !strings.Contains(screen, "••••••") {
			t.Errorf("%s: the passphrase is shown:\n%s", l, screen)
		}
		_, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
		if cmd == nil || string(m.Passphrase()) != "hemlig" || m.Cancelled() {
			t.Errorf("%s: enter gave %q", l, m.Passphrase())
		}
		if s := ansi.Strip(m.View().Content); strings.Contains(s, "••") {
			t.Errorf("%s: the field keeps the passphrase after enter", l)
		}
	}
	m := New(model.English, "The passphrase is not right. Try again.")
	if !strings.Contains(ansi.Strip(m.View().Content), "not right") {
		t.Errorf("the reason to ask again is not shown")
	}
	m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	if !m.Cancelled() || m.Passphrase() != nil {
		t.Errorf("esc does not cancel")
	}
}

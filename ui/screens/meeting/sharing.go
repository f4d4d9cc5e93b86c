package meeting

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/meeting/sharepanel"
)

// Sharer shares a session's meeting over SSH. main gives it, built on the
// share package, which the screens do not know.
type Sharer func(s *service.Session) (sharepanel.Sharing, error)

// Answers about sharing, each naming its owner (the session and this
// screen's generation).
type (
	sharedMsg struct {
		common.Owner
		sh  sharepanel.Sharing
		err error
	}
	shareChangedMsg struct{ common.Owner }
	shareStoppedMsg struct {
		common.Owner
		err error
	}
)

func newShareKey(l model.Lang) key.Binding {
	return key.NewBinding(key.WithKeys("f3"), key.WithHelp("f3", model.T(l, "dela mötet", "share the meeting")))
}

// updateShare takes the share key, in every view, and the answers about
// sharing.
func (m *Model) updateShare(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.Over != nil || !key.Matches(msg, m.keys.share) {
			return nil, false
		}
		m.Message = ""
		if m.Sharing != nil {
			m.Over = sharepanel.New(m.lang, m.st, m.Sharing)
			return nil, true
		}
		return m.StartSharing(), true
	case sharedMsg:
		m.Sharing = nil
		if msg.err != nil {
			m.Message = model.T(m.lang, "Mötet kunde inte delas: ", "The meeting could not be shared: ") + common.ErrText(m.lang, msg.err)
			return nil, true
		}
		m.Sharing = msg.sh
		m.Message = "" // "starting to share" is over: the panel shows it is shared
		m.Over = sharepanel.New(m.lang, m.st, m.Sharing)
		return m.waitShare(), true
	case shareChangedMsg:
		if m.Sharing == nil {
			return nil, true
		}
		return m.waitShare(), true // the panel and the status bar redraw
	case sharepanel.StopMsg:
		sh := m.Sharing
		m.Sharing = nil
		if sh == nil {
			return nil, true
		}
		o := m.owner
		return m.IO(func() tea.Msg { return shareStoppedMsg{o, sh.Stop()} }), true
	case shareStoppedMsg:
		m.Message = model.T(m.lang, "Mötet delas inte längre.", "The meeting is no longer shared.")
		if msg.err != nil {
			m.Message += " " + common.ErrText(m.lang, msg.err)
		}
		return nil, true
	}
	return nil, false
}

// StartSharing listens for devices, off the screen's goroutine (it reads
// or makes the host key).
func (m *Model) StartSharing() tea.Cmd {
	if m.Share == nil {
		m.Message = model.T(m.lang, "Delning går inte att starta här.", "Sharing cannot be started here.")
		return nil
	}
	fn, s, o := m.Share, m.Sess.Session(), m.owner
	m.Message = model.T(m.lang, "Startar delningen…", "Starting to share…")
	return m.IO(func() tea.Msg {
		sh, err := fn(s)
		return sharedMsg{o, sh, err}
	})
}

// waitShare waits for a device to join or leave, or for sharing to stop.
func (m *Model) waitShare() tea.Cmd {
	sh, o := m.Sharing, m.owner
	return func() tea.Msg {
		select {
		case <-sh.Changed():
		case <-sh.Done():
		}
		return shareChangedMsg{o}
	}
}

// shareStatus is the status bar's note that the meeting is shared.
func (m *Model) shareStatus() string { return m.shareStatusIn(false) }

// shareStatusIn is shareStatus; short leaves out "shared" and the key, for
// a status line that has no room for them at 80 columns.
func (m *Model) shareStatusIn(short bool) string {
	if m.Sharing == nil {
		return ""
	}
	n := len(m.Sharing.Devices())
	wrong := 0
	for _, r := range m.Sharing.Refused() {
		wrong += r.Count
	}
	if wrong > 0 {
		// Wrong codes are said where the secretary looks, not only in the
		// panel: someone may be trying to get in.
		codes := model.T(m.lang, "felaktiga koder", "wrong codes")
		if wrong == 1 {
			codes = model.T(m.lang, "felaktig kod", "wrong code")
		}
		if short {
			return "  ·  " + m.st.Err.Render(fmt.Sprintf(model.T(m.lang, "%d anslutna, %d %s", "%d connected, %d %s"), n, wrong, codes))
		}
		return "  ·  " + m.st.Err.Render(fmt.Sprintf(model.T(m.lang, "delas (%d anslutna, %d %s, f3)", "shared (%d connected, %d %s, f3)"), n, wrong, codes))
	}
	if short {
		return "  ·  " + m.st.Warn.Render(fmt.Sprintf(model.T(m.lang, "%d anslutna", "%d connected"), n))
	}
	return "  ·  " + m.st.Warn.Render(fmt.Sprintf(model.T(m.lang, "delas (%d anslutna, f3)", "shared (%d connected, f3)"), n))
}

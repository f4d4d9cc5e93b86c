package accessible

import (
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/meeting/sharepanel"
)

// A meeting shared over SSH, as the full screen shares it: the chair's
// computer and the room's screen join with their own codes. Who joins,
// who leaves and every wrong code are said as lines, through the same
// queue as other devices' changes (one a second).

// sharing is the share of the meeting in front.
type sharing struct {
	sh      sharepanel.Sharing
	stop    chan struct{}
	devices map[int]sharepanel.Device
	wrong   map[string]int // wrong codes so far, by address and role
}

// roleName is a device's role in words.
func roleName(l model.Lang, role string) string {
	if role == "chair" {
		return model.T(l, "mötesledarens dator", "the chair's computer")
	}
	return model.T(l, "rummets skärm", "the room's screen")
}

// share starts sharing the meeting, or says how it is shared.
func (m *meeting) share() {
	r, l := m.r, m.l
	if m.shared != nil {
		m.sayShare()
		return
	}
	if r.o.Share == nil {
		r.sayT("Delning går inte att starta här.", "Sharing cannot be started here.")
		return
	}
	r.sayT("Startar delningen…", "Starting to share…")
	fn, s := r.o.Share, m.sess
	r.async(func() func() {
		sh, err := fn(s)
		return func() {
			if err != nil {
				r.say(model.T(l, "Mötet kunde inte delas: ", "The meeting could not be shared: ") + common.ErrText(l, err))
				return
			}
			if r.meet != m {
				_ = sh.Stop() // the meeting was left meanwhile
				return
			}
			m.shared = &sharing{sh: sh, stop: make(chan struct{}), devices: map[int]sharepanel.Device{}, wrong: map[string]int{}}
			m.sayShare()
			m.watchShare()
		}
	})
}

// sayShare says how devices join: the ssh line and code of each role.
func (m *meeting) sayShare() {
	r, l, sh := m.r, m.l, m.shared.sh
	r.sayT("Mötet delas. Så ansluter de andra datorerna. Säg aldrig mötesledarens kod högt i rummet.",
		"The meeting is shared. This is how the other computers join. Never say the chair's code aloud in the room.")
	for _, role := range []string{"chair", "room"} {
		r.say(roleName(l, role) + ": " + sh.Line(role))
		r.say(model.T(l, "Kod: ", "Code: ") + spaced(sh.Code(role)))
	}
	r.say(model.T(l, "Värdnyckelns fingeravtryck: ", "The host key's fingerprint: ") + sh.Fingerprint())
	n := len(sh.Devices())
	r.say(model.Plural(l, n, "%d ansluten.", "%d anslutna.", "%d connected.", "%d connected.") +
		model.T(l, " :sluta dela avslutar delningen.", " :unshare stops sharing."))
}

// spaced writes a code with spaces between its characters, so that a
// screen reader spells it instead of reading it as a word.
func spaced(code string) string {
	return strings.Join(strings.Split(code, ""), " ")
}

// watchShare waits for a device to join or leave, off the loop, and has
// the loop say it.
func (m *meeting) watchShare() {
	s := m.shared
	go func() {
		select {
		case <-s.sh.Changed():
		case <-s.sh.Done():
		case <-s.stop:
			return
		}
		select {
		case m.r.jobs <- func() { m.shareChanged(s) }:
		case <-s.stop:
		}
	}()
}

// shareChanged puts who joined, who left and new wrong codes in the
// queue of lines, and waits again.
func (m *meeting) shareChanged(s *sharing) {
	if m.shared != s {
		return
	}
	l := m.l
	now := map[int]sharepanel.Device{}
	for _, d := range s.sh.Devices() {
		now[d.ID] = d
		if _, ok := s.devices[d.ID]; !ok {
			m.heard = append(m.heard, model.T(l, "Ansluten: ", "Joined: ")+roleName(l, d.Role)+model.T(l, " från ", " from ")+d.Addr+".")
		}
	}
	for id, d := range s.devices {
		if _, ok := now[id]; !ok {
			m.heard = append(m.heard, model.T(l, "Lämnade mötet: ", "Left the meeting: ")+roleName(l, d.Role)+model.T(l, " från ", " from ")+d.Addr+".")
		}
	}
	s.devices = now
	select {
	case <-s.sh.Done():
		m.shared = nil
		m.heard = append(m.heard, model.T(l, "Mötet delas inte längre.", "The meeting is no longer shared."))
		return
	default:
	}
	for _, f := range s.sh.Refused() {
		k := f.Addr + " " + f.Role
		if f.Count > s.wrong[k] {
			s.wrong[k] = f.Count
			m.heard = append(m.heard, model.T(l, "Fel kod för ", "Wrong code for ")+roleName(l, f.Role)+model.T(l, " från ", " from ")+f.Addr+", "+
				model.Plural(l, f.Count, "%d försök.", "%d försök.", "%d try.", "%d tries."))
		}
	}
	m.watchShare()
}

// unshare stops sharing; the meeting goes on.
func (m *meeting) unshare() {
	s := m.shared
	if s == nil {
		m.r.sayT("Mötet delas inte.", "The meeting is not shared.")
		return
	}
	m.shared = nil
	close(s.stop)
	l := m.l
	m.r.async(func() func() {
		err := s.sh.Stop()
		return func() {
			line := model.T(l, "Mötet delas inte längre.", "The meeting is no longer shared.")
			if err != nil {
				line += " " + common.ErrText(l, err)
			}
			m.r.say(line)
		}
	})
}

// endShare ends sharing as the meeting closes, telling every device.
func (m *meeting) endShare() {
	if s := m.shared; s != nil {
		m.shared = nil
		close(s.stop)
		_ = s.sh.EndMeeting()
	}
}

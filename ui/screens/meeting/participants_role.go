package meeting

import (
	"reflect"
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/sipmote/sipmote/model"
)

// participantHooks connect the participant list to the meeting screen:
// the quick row's words, and what a change of role emptied.
type participantHooks struct {
	// quickWords gives the quick row's word list (from the checklists).
	quickWords func() []model.QuickWord
	// child tells whether the plan follows the child rules now: a
	// parent's word in the quick row then makes a guardian.
	child func() bool
	// roleChanged is told after every change of a role, with what the
	// participant was before it and the fields it emptied (none when it
	// emptied nothing).
	roleChanged func(id string, before model.Participant, cleared []model.ParticipantField)
}

func (h participantHooks) words() []model.QuickWord {
	if h.quickWords == nil {
		return nil
	}
	return h.quickWords()
}

// isChild tells whether the plan follows the child rules now.
func (h participantHooks) isChild() bool { return h.child != nil && h.child() }

// roleRun changes a participant's role. The role is a choice stepped with
// ← and →: on the way from staff to support the secretary passes
// interpreter, which has no unit. So a run of role changes on one row,
// with nothing else changed in between, starts each time from the row as
// it was before the run: the unit comes back when the role reached has one.
type roleRun struct {
	id            string
	before, after model.Participant
	changed       func(id string, before model.Participant, cleared []model.ParticipantField)
}

func cloneParticipant(p model.Participant) model.Participant {
	p.TrusteeFor = append([]model.TrusteeArea(nil), p.TrusteeFor...)
	if p.Left != nil {
		l := *p.Left
		p.Left = &l
	}
	return p
}

func (r *roleRun) set(p *model.Participant, role model.Role) {
	base := cloneParticipant(*p)
	if r.id == p.ID && reflect.DeepEqual(*p, r.after) {
		base = cloneParticipant(r.before)
	}
	next := cloneParticipant(base)
	cleared := next.ApplyRole(role)
	*p = next
	r.id, r.before, r.after = p.ID, base, cloneParticipant(next)
	if r.changed != nil {
		r.changed(p.ID, base, cleared)
	}
}

// roleUndo is what ctrl+z brings back: the role and the fields a change
// of role emptied.
type roleUndo struct {
	id      string
	before  model.Participant
	role    model.Role // the role chosen; ctrl+z acts only while it holds
	cleared []model.ParticipantField
}

func newUndoKey(l model.Lang) key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", model.T(l, "ta tillbaka det ett rollbyte tömde", "bring back what a change of role cleared")))
}

// roleChanged is the meeting's answer to a change of role: it says what
// was emptied and keeps it for ctrl+z.
func (m *Model) roleChanged(id string, before model.Participant, cleared []model.ParticipantField) {
	if len(cleared) == 0 {
		m.undo = nil
		return
	}
	var role model.Role
	if p := m.participant(id); p != nil {
		role = p.Role
	}
	m.undo = &roleUndo{id: id, before: before, role: role, cleared: cleared}
	m.Message = model.T(m.lang, "Tömt: ", "Cleared: ") + fieldList(m.lang, cleared) +
		model.T(m.lang, ". ctrl+z tar tillbaka.", ". ctrl+z brings it back.")
}

func fieldList(l model.Lang, fs []model.ParticipantField) string {
	var names []string
	for _, f := range fs {
		names = append(names, f.Label(l))
	}
	return strings.Join(names, ", ")
}

func (m *Model) participant(id string) *model.Participant {
	v := m.Sess.Draft()
	if v == nil {
		return nil
	}
	for i := range v.Meeting.Participants {
		if v.Meeting.Participants[i].ID == id {
			return &v.Meeting.Participants[i]
		}
	}
	return nil
}

// undoRole brings back the role and the fields the last change of role
// emptied, while the row still has the role it was changed to. It tells
// whether the plan changed.
func (m *Model) undoRole() bool {
	u := m.undo
	m.undo = nil
	var p *model.Participant
	if u != nil {
		p = m.participant(u.id)
	}
	if p == nil || p.Role != u.role {
		m.Message = model.T(m.lang, "Det finns inget att ta tillbaka.", "There is nothing to bring back.")
		return false
	}
	p.Role = u.before.Role
	p.RestoreFields(u.before, u.cleared)
	m.Message = model.T(m.lang, "Tillbaka: rollen ", "Back: the role ") + p.Role.Label(m.lang) + model.T(m.lang, " och ", " and ") + fieldList(m.lang, u.cleared) + "."
	return true
}

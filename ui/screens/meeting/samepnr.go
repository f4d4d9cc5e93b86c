package meeting

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// A personnummer written in the meeting (a plan made without one) may be
// one another open plan already has: two plans for one person, which the
// new-plan form and sipmote new refuse. The meeting cannot read other
// plans in Update, so the look is a tea.Cmd, and its answer is said.

// samePNRMsg answers the look for other open plans with personnummer pnr.
type samePNRMsg struct {
	common.Owner
	pnr    string
	others []model.ListEntry
}

// checkSamePNR looks, off the UI goroutine, for plans not closed that
// have the personnummer now in this plan; nil while it is not a valid one.
func (m *Model) checkSamePNR() tea.Cmd {
	p := m.Sess.Plan()
	pnr, err := model.NormalisePNR(p.Person.PNR, m.now())
	if err != nil || pnr == "" || m.svc == nil {
		return nil
	}
	id, o, svc, ctx := p.ID, m.owner, m.svc, m.ctx
	return m.IO(func() tea.Msg {
		found, _ := svc.SamePerson(ctx, pnr)
		var others []model.ListEntry
		for _, e := range found {
			if e.ID != id {
				others = append(others, e)
			}
		}
		return samePNRMsg{o, pnr, others}
	})
}

// samePNRFound says that another open plan has the personnummer, if the
// plan still has it.
func (m *Model) samePNRFound(msg samePNRMsg) {
	if len(msg.others) == 0 || msg.Owner != m.owner {
		return
	}
	if now, err := model.NormalisePNR(m.Sess.Plan().Person.PNR, m.now()); err != nil || now != msg.pnr {
		return
	}
	var names []string
	for _, e := range msg.others {
		names = append(names, e.Person+" ("+e.Status.Label(m.lang)+")")
	}
	text := fmt.Sprintf(model.T(m.lang,
		"En plan som inte är avslutad har redan det personnumret: %s. Två planer för samma person? Stäng eller ta bort den ena (x på hemskärmen).",
		"A plan not closed already has that personnummer: %s. Two plans for one person? Close or remove one of them (x on the home screen)."),
		strings.Join(names, ", "))
	// Said under the field, for as long as the number is the same (the
	// message line would give way at the next key).
	fs, ok := m.Sections[secMeeting].(*FormSection)
	if !ok {
		return
	}
	if i := FieldIndex(fs.Form, "person.pnr"); i >= 0 {
		pnr, p, now := msg.pnr, m.Sess.Plan(), m.now
		fs.Form.Fields[i].Note = func() string {
			if n, err := model.NormalisePNR(p.Person.PNR, now()); err == nil && n == pnr {
				return text
			}
			return ""
		}
	}
}

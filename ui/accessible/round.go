package accessible

import (
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/room"
)

// round reads who belongs in the step's round and who has spoken; with N
// it ticks participant N as having spoken, or unticks them, as the
// chair's round list does.
func (m *meeting) round(arg string) {
	r, l := m.r, m.l
	if len(m.steps) == 0 || !m.steps[m.step].Round {
		r.sayT("Den här punkten är ingen runda.", "This step is not a round.")
		return
	}
	step, order := m.steps[m.step].ID, room.StepOrder(m.steps)
	if arg == "" {
		m.view.Read(func(p *model.Plan) {
			v := p.Current()
			if v == nil {
				return
			}
			members := v.RoundMembers(step, order)
			if len(members) == 0 {
				r.sayT("Ingen är markerad närvarande ännu.", "Nobody is marked present yet.")
				return
			}
			spoke := map[string]bool{}
			for _, id := range v.Rounds[step] {
				spoke[id] = true
			}
			for i, pt := range members {
				mark := model.T(l, "har inte talat", "has not spoken")
				if spoke[pt.ID] {
					mark = model.T(l, "har talat", "has spoken")
				}
				r.say(itoa(i+1) + ". " + pt.Name + ", " + mark)
			}
			r.sayT(":runda N bockar av den som talat.", ":round N ticks who has spoken.")
		})
		return
	}
	if m.readOnly {
		r.sayT("Planen kan inte ändras.", "The plan cannot be changed.")
		return
	}
	said := ""
	m.edit(func(*model.Plan) {
		v := m.view.Draft()
		if v == nil {
			return
		}
		members := v.RoundMembers(step, order)
		n, ok := number(arg, len(members))
		if !ok {
			said = model.T(l, "Rundan har deltagare 1 till ", "The round has participants 1 to ") + itoa(len(members)) + "."
			return
		}
		pt := members[n-1]
		room.ToggleSpoke(v, step, pt.ID)
		m.view.Changed("")
		said = pt.Name + model.T(l, " har inte talat.", " has not spoken.")
		for _, id := range v.Rounds[step] {
			if id == pt.ID {
				said = pt.Name + model.T(l, " har talat.", " has spoken.")
			}
		}
	})
	if said != "" {
		r.say(said)
	}
}

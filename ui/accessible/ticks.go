package accessible

import (
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/meeting/checklist"
)

// checklist reads the before- and after-meeting checklists, numbered
// together, each item ticked or not; with N it ticks item N, or unticks
// it. The ticks belong to the meeting's version, as on the full screen.
func (m *meeting) checklist(arg string) {
	r, l := m.r, m.l
	if r.o.Checklist == nil {
		r.sayT("Det finns inga checklistor här.", "There are no checklists here.")
		return
	}
	var before, after []checklist.Item
	m.view.Read(func(p *model.Plan) { before, after = r.o.Checklist(p.Variant) })
	all := append(append([]checklist.Item{}, before...), after...)
	if arg != "" {
		n, ok := number(arg, len(all))
		if !ok {
			r.say(model.T(l, "Checklistorna har punkt 1 till ", "The checklists have items 1 to ") + itoa(len(all)) + ".")
			return
		}
		var err error
		var done bool
		m.edit(func(p *model.Plan) {
			id := all[n-1].ID
			done = !p.Ticked(id)
			if err = p.Tick(id, done); err == nil {
				m.view.Changed("")
			}
		})
		switch {
		case err != nil:
			r.sayT("Checklistan kan inte ändras i en avslutad plan.", "The checklist cannot be changed in a closed plan.")
		case done:
			r.say(model.T(l, "Avbockad: ", "Ticked: ") + all[n-1].Text.In(l))
		default:
			r.say(model.T(l, "Inte längre avbockad: ", "No longer ticked: ") + all[n-1].Text.In(l))
		}
		return
	}
	m.view.Read(func(p *model.Plan) {
		say := func(title string, items []checklist.Item, from int) {
			r.say(title)
			for i, it := range items {
				mark := model.T(l, "inte klar", "not done")
				if p.Ticked(it.ID) {
					mark = model.T(l, "klar", "done")
				}
				r.say(itoa(from+i+1) + ". " + it.Text.In(l) + " (" + mark + ")")
			}
		}
		say(model.T(l, "Före mötet:", "Before the meeting:"), before, 0)
		say(model.T(l, "Efter mötet:", "After the meeting:"), after, len(before))
		r.sayT(":checklista N bockar av punkt N.", ":checklist N ticks item N.")
	})
}

// undoStart takes back a false start: the meeting has not begun after
// all, and the booked time comes back.
func (m *meeting) undoStart() {
	said := model.T(m.l, "Mötet har inte startat.", "The meeting has not started.")
	m.edit(func(*model.Plan) {
		v := m.view.Draft()
		if v == nil || !v.Started() {
			return
		}
		booked := v.Meeting.Booked
		v.UndoStart()
		m.view.Changed("")
		said = model.T(m.l, "Starten är ångrad. :starta startar mötet när ni börjar.", "The start is undone. :start starts the meeting when you begin.")
		if booked != nil {
			said = model.T(m.l, "Starten är ångrad och planen har den bokade tiden igen, ", "The start is undone and the plan has its booked time again, ") + booked.Start + "."
		}
	})
	m.r.say(said)
}

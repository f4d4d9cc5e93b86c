package accessible

import (
	"strings"

	"github.com/sipmote/sipmote/model"
)

// copies reads the draft's copy list, or changes it as the copies
// overlay does: N takes recipient N off the list or puts them back, and
// "+ Namn, verksamhet" adds one. The list is kept in the plan, so the
// printed copies follow it.
func (m *meeting) copies(arg string) {
	r, l := m.r, m.l
	arg = strings.TrimSpace(arg)
	if arg != "" && m.readOnly {
		r.sayT("Versionen är fastställd; välj papper när du skriver ut (:skriv ut).", "The version is finalised; choose the papers when printing (:print).")
		return
	}
	said := []string{}
	m.edit(func(p *model.Plan) {
		v := p.Current()
		if v == nil {
			said = append(said, model.T(l, "Planen är tom.", "The plan is empty."))
			return
		}
		cl := p.Copies(v, l)
		rows := append(append([]model.Recipient{}, cl.Copies...), cl.Removed...)
		if rest, ok := strings.CutPrefix(arg, "+"); ok {
			name, unit, _ := strings.Cut(rest, ",")
			if strings.TrimSpace(name) == "" {
				said = append(said, model.T(l, "Skriv + Namn, verksamhet.", "Write + Name, unit."))
				return
			}
			v.AddCopy(name, unit)
			m.view.Changed(model.SectionFinish)
			said = append(said, model.T(l, "Tillagd på kopielistan: ", "Added to the copy list: ")+strings.TrimSpace(name)+".")
			return
		}
		if arg != "" {
			n, ok := number(arg, len(rows))
			if !ok {
				said = append(said, model.T(l, "Kopielistan har rad 1 till ", "The copy list has rows 1 to ")+itoa(len(rows))+".")
				return
			}
			c := rows[n-1]
			if n <= len(cl.Copies) {
				v.RemoveCopy(c.Name)
				said = append(said, model.T(l, "Borttagen från kopielistan: ", "Taken off the copy list: ")+c.Name+".")
			} else {
				v.AddCopy(c.Name, c.Unit)
				said = append(said, model.T(l, "Tillbaka på kopielistan: ", "Back on the copy list: ")+c.Name+".")
			}
			m.view.Changed(model.SectionFinish)
			return
		}
		var names []string
		for _, o := range cl.Originals {
			names = append(names, o.Name)
		}
		said = append(said, model.T(l, "Originalet får ", "The original goes to ")+strings.Join(names, model.T(l, " och ", " and "))+".")
		for i, c := range rows {
			why := c.Reason.Label(l)
			if i >= len(cl.Copies) {
				why = model.T(l, "borttagen, får ingen kopia", "taken off, gets no copy")
			}
			said = append(said, itoa(i+1)+". "+c.Mark(l)+", "+why)
		}
		if !m.readOnly {
			said = append(said, model.T(l, ":kopior N tar bort eller sätter tillbaka, :kopior + Namn, verksamhet lägger till.",
				":copies N takes off or puts back, :copies + Name, unit adds one."))
		}
	})
	for _, s := range said {
		r.say(s)
	}
}

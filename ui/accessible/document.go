package accessible

import (
	"strings"

	"github.com/sipmote/sipmote/model"
	ms "github.com/sipmote/sipmote/ui/screens/meeting"
)

// readPlan reads the whole plan as it will be printed (the preview),
// heading by heading: no underlines, no table grid, the personnummer
// masked, and never the hidden field, which the paper never holds.
func (m *meeting) readPlan() {
	var d model.Document
	var ok bool
	m.view.Read(func(p *model.Plan) { d, ok = ms.PlainDocument(p, m.l) })
	r, l := m.r, m.l
	if !ok {
		r.sayT("Planen är tom.", "The plan is empty.")
		return
	}
	r.say(stop(d.Title))
	pairs := func(kvs []model.KeyValue) {
		for _, kv := range kvs {
			if strings.TrimSpace(kv.Value) != "" {
				r.say(kv.Key + ": " + kv.Value)
			}
		}
	}
	pairs(d.Subtitle)
	for i, s := range d.Sections {
		r.say(model.T(l, "Rubrik ", "Heading ") + itoa(i+1) + ": " + stop(s.Heading))
		for _, bl := range s.Blocks {
			switch bl.Kind {
			case model.BlockParagraph:
				r.say(strings.TrimSpace(bl.Text))
			case model.BlockKeyValues:
				pairs(bl.Pairs)
			case model.BlockList:
				for j, it := range bl.Items {
					mark := "– "
					if bl.Numbered {
						mark = itoa(j+1) + ". "
					}
					r.say(mark + it)
				}
			}
		}
	}
	r.sayT("Slut på planen.", "End of the plan.")
}

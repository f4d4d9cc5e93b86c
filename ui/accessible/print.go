package accessible

import (
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// print prints the version in front, asking which papers when it is
// finalised.
func (m *meeting) print() {
	var p *model.Plan
	m.view.Read(func(pl *model.Plan) { p = pl.Clone() })
	v := p.Current()
	if v == nil {
		m.r.sayT("Det finns inget att skriva ut.", "There is nothing to print.")
		return
	}
	if v == p.Draft {
		m.r.sayT("Utkastet skrivs ut som ett papper märkt utkast.", "The draft is printed as one paper marked draft.")
		m.r.print(p, v, nil)
		return
	}
	l := m.l
	cl := p.Copies(v, l)
	nothing := func() { m.r.sayT("Ingenting skrevs ut.", "Nothing was printed.") }
	m.r.choose(model.T(l, "Vilka papper?", "Which papers?"), []string{
		model.T(l, "Originalet och en namngiven kopia till var och en i kopielistan", "The original and a named copy for each one on the copy list") +
			" (" + model.Plural(l, len(cl.Copies), "%d kopia", "%d kopior", "%d copy", "%d copies") + ")",
		model.T(l, "Bara originalet", "The original only"),
		model.T(l, "Välja papper ett och ett", "Choose the papers one by one"),
	}, func(i int) {
		switch i {
		case 0:
			m.r.print(p, v, nil)
		case 1:
			m.r.print(p, v, &service.Papers{Original: true})
		default:
			m.pickPapers(p, v, cl, nothing)
		}
	}, nothing)
}

// pickPapers lists every paper the print may hold, numbered, and prints
// those whose numbers are typed on one line.
func (m *meeting) pickPapers(p *model.Plan, v *model.Version, cl model.CopyList, cancel func()) {
	r, l := m.r, m.l
	var names []string
	for _, o := range cl.Originals {
		names = append(names, o.Name)
	}
	r.say("1. " + model.T(l, "Originalet till ", "The original for ") + strings.Join(names, model.T(l, " och ", " and ")))
	all := append(append([]model.Recipient{}, cl.Copies...), cl.Removed...)
	for i, c := range all {
		r.say(itoa(i+2) + ". " + c.Mark(l) + ", " + c.Reason.Label(l))
	}
	r.sayT("Skriv numren på de papper som ska skrivas ut, t.ex. 1 3, eller :avbryt. + Namn, verksamhet lägger till en mottagare för den här utskriften.",
		"Type the numbers of the papers to print, e.g. 1 3, or :cancel. + Name, unit adds a recipient for this print.")
	var q *question
	q = &question{cancel: cancel, handle: func(line string) {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "+"); ok {
			name, unit, _ := strings.Cut(rest, ",")
			name, unit = strings.TrimSpace(name), strings.TrimSpace(unit)
			if name != "" {
				all = append(all, model.Recipient{Name: name, Unit: unit, Reason: model.CopyAdded})
				r.say(itoa(len(all)+1) + ". " + all[len(all)-1].Mark(l) + ", " + model.CopyAdded.Label(l))
			}
			r.ask = q
			return
		}
		papers := &service.Papers{}
		for _, f := range strings.FieldsFunc(line, func(c rune) bool { return c == ' ' || c == ',' || c == ';' }) {
			n, ok := number(f, len(all)+1)
			if !ok {
				r.say(model.T(l, "Numren går från 1 till ", "The numbers run from 1 to ") + itoa(len(all)+1) + ".")
				r.ask = q
				return
			}
			if n == 1 {
				papers.Original = true
			} else {
				papers.Copies = append(papers.Copies, all[n-2])
			}
		}
		if !papers.Original && len(papers.Copies) == 0 {
			cancel()
			return
		}
		r.print(p, v, papers)
	}}
	r.ask = q
}

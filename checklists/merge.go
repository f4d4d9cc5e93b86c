package checklists

import (
	"fmt"
	"maps"
	"slices"

	"github.com/sipmote/sipmote/model"
)

// entry is one step, item or word as merged so far.
type entry struct {
	id     string
	fields fields
	step   Step
	item   Item
	word   model.Jargon
	phrase Phrase
	quick  model.QuickWord
}

// merger lays files over each other in order. Each block is checked
// together with what it changes; a block that would leave something broken
// is dropped whole, so the previous version stays in force.
type merger struct {
	lists    map[string][]*entry // by kind
	problems []Problem
	// lastStep is where the agenda was last changed: the place to point at
	// when the shares no longer add up.
	lastStepFile string
	lastStepLine int
}

func newMerger() *merger {
	return &merger{lists: map[string][]*entry{}}
}

// nouns name the kinds in messages.
var nouns = map[string]model.Text{
	kindStep:     {SV: "steget", EN: "step"},
	kindBefore:   {SV: "punkten", EN: "item"},
	kindAfter:    {SV: "punkten", EN: "item"},
	kindWord:     {SV: "ordet", EN: "word"},
	kindEasyRead: {SV: "frasen", EN: "phrase"},
	kindQuick:    {SV: "snabbradens ord", EN: "quick-row word"},
}

func (m *merger) add(p Problem) { m.problems = append(m.problems, p) }

// apply lays the records of one file over what is there.
func (m *merger) apply(recs []record) {
	for _, r := range recs {
		m.applyRecord(r)
	}
}

func (m *merger) find(kind, id string) int {
	return slices.IndexFunc(m.lists[kind], func(e *entry) bool { return e.id == id })
}

func (m *merger) applyRecord(r record) {
	noun := nouns[r.kind]
	spec := specFor(r.kind)
	var rf []field
	for _, f := range r.fields {
		if spec.known(f.key) {
			rf = append(rf, f)
			continue
		}
		m.add(problem(f.file, f.line,
			"Okänd nyckel ”%s” i ett [%s]-block. Raden används inte. Möjliga nycklar: %s.",
			"Unknown key \"%s\" in a [%s] block. The line is not used. Possible keys: %s.", f.key, r.kind, spec.describe()))
	}
	get := func(key string) (field, bool) {
		for _, f := range rf {
			if f.key == key {
				return f, true
			}
		}
		return field{}, false
	}

	list := m.lists[r.kind]
	at := m.find(r.kind, r.id)
	if f, ok := get("remove"); ok {
		remove, valid := parseBool(f.value)
		switch {
		case !valid:
			m.add(problem(f.file, f.line, "”remove” ska vara true eller false. Blocket används inte.",
				"\"remove\" must be true or false. The block is not used."))
			return
		case remove && at < 0:
			m.add(textProblem(f.file, f.line,
				fmt.Sprintf("Det finns inget %s ”%s” att ta bort.", noun.SV, r.id),
				fmt.Sprintf("There is no %s \"%s\" to remove.", noun.EN, r.id)))
			return
		case remove:
			m.lists[r.kind] = slices.Delete(list, at, at+1)
			m.touched(r)
			return
		}
	}
	if r.kind == kindBefore || r.kind == kindAfter {
		other := kindAfter
		if r.kind == kindAfter {
			other = kindBefore
		}
		if at < 0 && m.find(other, r.id) >= 0 {
			m.add(problem(r.file, r.line,
				"Id:t ”%s” används redan i listan [%s]. Ett id får bara finnas i en av listorna före och efter mötet. Blocket används inte.",
				"The id \"%s\" is already used in the [%s] list. An id may be in only one of the before and after lists. The block is not used.",
				r.id, other))
			return
		}
	}

	merged := fields{}
	if at >= 0 {
		merged = maps.Clone(list[at].fields)
	}
	for _, f := range rf {
		if f.key != "after" && f.key != "before" && f.key != "remove" {
			merged[f.key] = f
		}
	}
	c := &checker{f: merged, file: r.file, line: r.line}
	e := &entry{id: r.id, fields: merged}
	switch r.kind {
	case kindStep:
		e.step = buildStep(r.id, c)
	case kindWord:
		e.word = buildWord(r.id, c)
	case kindEasyRead:
		e.phrase = buildPhrase(r.id, c)
	case kindQuick:
		e.quick = buildQuick(r.id, c)
	default:
		e.item = buildItem(r.id, c)
	}
	if len(c.issues) > 0 {
		for _, is := range c.issues {
			m.add(Problem{File: is.file, Line: is.line, Message: leftOut(is.msg, noun, r.id, at >= 0)})
		}
		return
	}

	// Place it: an existing entry stays where it is unless moved, a new one
	// goes last unless an anchor is given.
	pos := len(list)
	if at >= 0 {
		list = slices.Delete(list, at, at+1)
		pos = at
	}
	af, hasAfter := get("after")
	bf, hasBefore := get("before")
	if hasAfter && hasBefore {
		m.add(problem(bf.file, bf.line, "Skriv bara ett av ”after” och ”before”. ”before” används inte.",
			"Give only one of \"after\" and \"before\". \"before\" is not used."))
		hasBefore = false
	}
	for _, a := range []struct {
		f     field
		given bool
		shift int
	}{{af, hasAfter, 1}, {bf, hasBefore, 0}} {
		if !a.given {
			continue
		}
		i := slices.IndexFunc(list, func(x *entry) bool { return x.id == a.f.value })
		if i < 0 {
			where := model.Text{SV: "sist", EN: "last"}
			if at >= 0 {
				where = model.Text{SV: "där det var", EN: "where it was"}
			}
			m.add(textProblem(a.f.file, a.f.line,
				fmt.Sprintf("Det finns inget ”%s” att placera %s vid. Det hamnar %s.", a.f.value, noun.SV, where.SV),
				fmt.Sprintf("There is nothing called \"%s\" to place the %s by. It goes %s.", a.f.value, noun.EN, where.EN)))
			continue
		}
		pos = i + a.shift
	}
	m.lists[r.kind] = slices.Insert(list, pos, e)
	m.touched(r)
}

func (m *merger) touched(r record) {
	if r.kind == kindStep {
		m.lastStepFile, m.lastStepLine = r.file, r.line
	}
}

// textProblem is problem for messages whose arguments differ by language.
func textProblem(file string, line int, sv, en string) Problem {
	return Problem{File: file, Line: line, Message: model.Text{SV: sv, EN: en}}
}

// leftOut adds to an issue what it cost: a new block is left out, a change
// to an existing one is ignored and the earlier version kept.
func leftOut(msg, noun model.Text, id string, change bool) model.Text {
	if change {
		return model.Text{
			SV: fmt.Sprintf("%s Ändringen av %s ”%s” används inte; det som gällde innan står kvar.", msg.SV, noun.SV, id),
			EN: fmt.Sprintf("%s This change to the %s \"%s\" is not used; the earlier version stays.", msg.EN, noun.EN, id),
		}
	}
	return model.Text{
		SV: fmt.Sprintf("%s %s ”%s” tas inte med.", msg.SV, capitalise(noun.SV), id),
		EN: fmt.Sprintf("%s The %s \"%s\" is left out.", msg.EN, noun.EN, id),
	}
}

// capitalise upper-cases a first letter a to z; anything else is kept.
func capitalise(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// check looks at the agenda as a whole once every file is laid on. A
// variant left with no steps gets the default agenda back, since a meeting
// cannot be run on nothing; shares that do not add up are reported and
// AgendaFor scales them.
func (m *merger) check(defaultSteps []*entry) {
	for _, v := range allVariants() {
		n, sum := 0, 0
		for _, e := range m.lists[kindStep] {
			if e.step.AppliesTo(v) {
				n++
				sum += e.step.resolve(v).Share
			}
		}
		if n == 0 {
			m.add(textProblem(m.lastStepFile, m.lastStepLine,
				fmt.Sprintf("Dagordningen för %s har inga steg kvar. Den förvalda dagordningen används i stället.", variantLabel(v, model.Swedish)),
				fmt.Sprintf("The agenda for %s has no steps left. The default agenda is used instead.", variantLabel(v, model.English))))
			m.lists[kindStep] = slices.Clone(defaultSteps)
			return
		}
		if sum != 100 {
			m.add(textProblem(m.lastStepFile, m.lastStepLine,
				fmt.Sprintf("Stegens andelar av mötestiden blir %d %% för %s, inte 100 %%. Programmet räknar om dem så att de blir 100 %%.",
					sum, variantLabel(v, model.Swedish)),
				fmt.Sprintf("The steps' shares of the meeting time add up to %d%% for %s, not 100%%. The program scales them to 100%%.",
					sum, variantLabel(v, model.English))))
		}
	}
}

// set makes the Set from the merged lists.
func (m *merger) set() *Set {
	s := &Set{}
	for _, e := range m.lists[kindStep] {
		s.Agenda = append(s.Agenda, e.step)
	}
	for _, e := range m.lists[kindBefore] {
		s.Before = append(s.Before, e.item)
	}
	for _, e := range m.lists[kindAfter] {
		s.After = append(s.After, e.item)
	}
	for _, e := range m.lists[kindWord] {
		s.Jargon = append(s.Jargon, e.word)
	}
	for _, e := range m.lists[kindEasyRead] {
		s.Phrases = append(s.Phrases, e.phrase)
	}
	for _, e := range m.lists[kindQuick] {
		s.QuickWords = append(s.QuickWords, e.quick)
	}
	return s
}

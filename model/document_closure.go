package model

import (
	"fmt"
	"strings"
)

// closed is the closure block that opens a closed plan's document: the
// reason, the date and the explanation, on the first page of every
// output.
func (b docBuilder) closed() (Section, bool) {
	c := b.p.Closure
	if c == nil || b.p.Status != StatusClosed {
		return Section{}, false
	}
	return Section{
		Heading: b.t("Planen är avslutad", "The plan is closed"),
		Blocks: []Block{
			{Kind: BlockParagraph, Text: b.t(
				"Den här planen gäller inte längre. Den finns kvar som en uppgift om vad som var överenskommet.",
				"This plan no longer applies. It is kept as a record of what was agreed.")},
			{Kind: BlockKeyValues, Pairs: b.closurePairs(c)},
		},
	}, true
}

func (b docBuilder) closurePairs(c *Closure) []KeyValue {
	pairs := []KeyValue{
		{b.t("Avslutad", "Closed on"), orDash(c.Date)},
		{b.t("Skäl", "Reason"), orDash(c.Reason.Label(b.l))},
		{b.t("Förklaring", "Explanation"), orDash(c.Text)},
	}
	if c.DraftDiscarded {
		pairs = append(pairs, KeyValue{b.t("Utkast", "Draft"),
			b.t("ett påbörjat utkast till nästa version togs bort vid avslutet", "an unfinished draft of the next version was discarded on closing")})
	}
	return pairs
}

// handover says who hands the plan over to a person who was not at the
// meeting, and when.
func (b docBuilder) handover() (Section, bool) {
	ct := b.v.Content
	if strings.TrimSpace(ct.HandoverBy) == "" && strings.TrimSpace(ct.HandoverWhen) == "" {
		return Section{}, false
	}
	return Section{Heading: b.t("Överlämning till den enskilde", "Handing the plan to the person"), Blocks: []Block{
		{Kind: BlockKeyValues, Pairs: []KeyValue{
			{b.t("Lämnar över planen", "Hands the plan over"), orDash(b.nameOf(ct.HandoverBy))},
			{b.t("När", "When"), orDash(ct.HandoverWhen)},
		}},
	}}, true
}

// actionWhen is the free-text when of an action with its dates.
func (b docBuilder) actionWhen(a Action) string {
	var parts []string
	if w := strings.TrimSpace(a.When); w != "" {
		parts = append(parts, w)
	}
	if a.Start != "" {
		parts = append(parts, b.t("från ", "from ")+b.date(a.Start))
	}
	if a.Due != "" {
		parts = append(parts, b.t("klar senast ", "due ")+b.date(a.Due))
	}
	return strings.Join(parts, "; ")
}

// date is a date field as printed: a draft may hold one typed wrong
// ("2027-01-015"), which is printed as typed and marked, never passed
// off as a date.
func (b docBuilder) date(s string) string {
	if s = strings.TrimSpace(s); s == "" || CheckDate(s) == nil {
		return s
	}
	return s + b.t(" (inget giltigt datum)", " (not a valid date)")
}

// BuildPrintable is what print and export give for a plan: the plan
// itself, or, once consent is withdrawn, only the closure notice, since
// nothing of the plan may be shared any more. notice tells which.
func BuildPrintable(p *Plan, v *Version, l Lang) (d Document, notice bool) {
	if p != nil && p.Status == StatusClosed && p.ContentHidden() {
		return BuildClosureNotice(p, l), true
	}
	return BuildDocument(p, v, l), false
}

// BuildClosureNotice is the notice that a plan has ended: who it is about,
// when and why it ended, and everyone to tell with whether they have been
// told. It holds none of the plan's content and is printed once, never as
// an original with copies.
func BuildClosureNotice(p *Plan, l Lang) Document {
	b := docBuilder{p: p, v: &Version{}, l: l}
	d := Document{
		Lang:    l,
		Title:   b.t("Meddelande: samordnad individuell plan (SIP) avslutad", "Notice: coordinated individual plan (SIP) closed"),
		Person:  strings.TrimSpace(p.Person.Name),
		Version: b.t("Meddelande om avslut", "Closure notice"),
		PNR:     strings.TrimSpace(p.Person.PNR),
	}
	d.Subtitle = []KeyValue{
		{b.t("Den enskilde", "The person"), orDash(p.Person.Name)},
		{b.t("Personnummer", "Personal identity number"), orDash(strings.TrimSpace(p.Person.PNR))},
		{b.t("Senaste version", "Last version"), orDash(versionNo(len(p.Versions)))},
	}
	c := p.Closure
	if c == nil {
		c = &Closure{}
	}
	d.Sections = append(d.Sections, Section{Heading: b.t("Avslut", "Closure"), Blocks: []Block{
		{Kind: BlockKeyValues, Pairs: b.closurePairs(c)},
	}})
	if c.Reason == CloseConsentGone {
		d.Sections[0].Blocks = append(d.Sections[0].Blocks, Block{Kind: BlockParagraph, Text: b.t(
			"Den enskilde har tagit tillbaka sitt samtycke. Ingen uppgift ur planen får längre lämnas mellan verksamheterna. Varje verksamhet skriver avslutet i sin egen journal eller akt.",
			"The person has withdrawn their consent. No information from the plan may be shared between the units any more. Each unit records the closing in its own records.")})
	} else {
		d.Sections[0].Blocks = append(d.Sections[0].Blocks, Block{Kind: BlockParagraph, Text: b.t(
			"Varje verksamhet skriver avslutet i sin egen journal eller akt.",
			"Each unit records the closing in its own records.")})
	}
	t := Table{Header: []string{b.t("Namn", "Name"), b.t("Verksamhet", "Unit"), b.t("Kontakt", "Contact"), b.t("Meddelad", "Told")}}
	for _, r := range c.Tell {
		told := b.t("nej", "no")
		if r.Told {
			told = b.t("ja", "yes")
		}
		t.Rows = append(t.Rows, []string{orDash(r.Name), orDash(r.Unit), orDash(r.Contact), told})
	}
	s := Section{Heading: b.t("Vilka som ska få veta", "Whom to tell")}
	if len(t.Rows) == 0 {
		s.Blocks = []Block{{Kind: BlockParagraph, Text: b.t("Ingen är listad.", "Nobody is listed."), Note: true}}
	} else {
		s.Blocks = []Block{{Kind: BlockTable, Table: t}}
	}
	d.Sections = append(d.Sections, s)
	return d
}

func versionNo(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

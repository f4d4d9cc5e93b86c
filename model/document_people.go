package model

import (
	"fmt"
	"strings"
)

func contact(pt Participant) string {
	var parts []string
	for _, s := range []string{pt.Phone, pt.Email} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// BeforeMeeting tells whether the version's meeting is still to come: the
// chair has not started it, nobody is marked as taking part yet, and it is
// not finalised. Attendance then reads as a summons list.
func (v *Version) BeforeMeeting() bool {
	if v == nil || v.FinalisedAt != nil || v.Meeting.StartedAt != nil {
		return false
	}
	for _, pt := range v.Meeting.Participants {
		if pt.IsPresent() {
			return false
		}
	}
	return true
}

func (b docBuilder) participants() Section {
	s := Section{Heading: b.t("Deltagare", "Participants")}
	if len(b.v.Meeting.Participants) == 0 {
		return s
	}
	// The unit and its organisation share a cell, as in the actions:
	// five columns read at 10 pt where six break every long word.
	t := Table{Header: []string{
		b.t("Namn", "Name"), b.t("Roll", "Role"), b.t("Verksamhet", "Unit"),
		b.t("Kontakt", "Contact"), b.t("Närvarande", "Present"),
	}}
	before := b.v.BeforeMeeting()
	if before {
		t.Header[len(t.Header)-1] = b.t("Kallelse", "Summons")
	}
	for _, pt := range b.v.Meeting.Participants {
		pt := pt.Visible()
		t.Rows = append(t.Rows, []string{
			orDash(pt.Name), orDash(pt.RoleText(b.l)), who(pt.Unit, PartyName(pt.Principal, pt.OtherParty, b.l)),
			orDash(contact(pt)), AttendanceText(pt, before, b.l),
		})
	}
	s.Blocks = []Block{{Kind: BlockTable, Table: t}}
	return s
}

// ownWords is the person's own words, and how their view was found out
// when the secretary wrote it down: on a child's plan, how the child's.
func ownWords(l Lang, ct Content, child bool) []Block {
	blocks := para(ct.OwnWords)
	if how := strings.TrimSpace(ct.OwnViewHow); how != "" {
		label := heading("own_view_how", l)
		if child {
			label = T(l, "Så fick vi veta vad barnet tycker", "How we learnt what the child thinks")
		}
		blocks = append(blocks, Block{Kind: BlockKeyValues, Pairs: []KeyValue{{label, how}}})
	}
	return blocks
}

// AttendanceText says how someone takes or took part, as the plan prints
// it. Before the meeting it says who is summoned and who has said yes
// ("kallad, har tackat ja"); afterwards it says who came and how ("via
// telefon, gick 13:20"), and for those who did not, that they had been
// summoned ("nej (kallad, hade tackat ja)").
func AttendanceText(pt Participant, before bool, l Lang) string {
	var parts []string
	switch {
	case pt.IsPresent():
		parts = append(parts, pt.Attendance.Label(l))
		if lv := pt.Left.Text(l); lv != "" {
			parts = append(parts, lv)
		}
	case before && pt.Invited && pt.Confirmed:
		parts = append(parts, T(l, "kallad, har tackat ja", "invited, has said yes"))
	case before && pt.Invited:
		parts = append(parts, T(l, "kallad", "invited"))
	case before:
		parts = append(parts, T(l, "inte kallad", "not invited"))
	case pt.Invited && pt.Confirmed:
		// Absent but summoned: the plan shows the unit was asked.
		parts = append(parts, T(l, "nej (kallad, hade tackat ja)", "no (invited, had said yes)"))
	case pt.Invited:
		parts = append(parts, T(l, "nej (kallad)", "no (invited)"))
	default:
		parts = append(parts, T(l, "nej", "no"))
	}
	if !pt.IsPresent() && strings.TrimSpace(pt.WrittenInput) != "" {
		parts = append(parts, T(l, "skickade skriftligt underlag", "sent written input"))
	}
	s := strings.Join(parts, ", ")
	if note := strings.TrimSpace(pt.PresenceNote); note != "" {
		s += " (" + note + ")"
	}
	return s
}

// writtenInput is one section per participant who sent something in
// writing instead of coming, headed with their name, so that their voice
// is in the plan.
func (b docBuilder) writtenInput() []Section {
	var out []Section
	for _, pt := range b.v.Meeting.Participants {
		text := strings.TrimSpace(pt.WrittenInput)
		if text == "" || pt.IsPresent() {
			continue
		}
		out = append(out, Section{
			Heading: fmt.Sprintf(b.t("Skriftligt underlag från %s", "Written input from %s"), orDash(pt.Name)),
			Blocks:  []Block{{Kind: BlockParagraph, Text: text}},
		})
	}
	return out
}

// copies says who gets the original and who a copy, so that every paper
// shows where the others went.
func (b docBuilder) copies() Section {
	cl := b.p.Copies(b.v, b.l)
	s := Section{Heading: b.t("Vem som får planen", "Who gets the plan")}
	var orig []string
	for _, r := range cl.Originals {
		orig = append(orig, r.Label())
	}
	label := b.t("Får originalet", "Gets the original")
	if len(orig) > 1 {
		label = b.t("Får var sitt original", "Each get an original")
	}
	pairs := []KeyValue{{label, orDash(strings.Join(orig, "; "))}}
	var names []string
	for _, r := range cl.Copies {
		names = append(names, r.Label())
	}
	if len(names) == 0 {
		pairs = append(pairs, KeyValue{b.t("Får en kopia", "Copies to"), Empty})
		s.Blocks = []Block{{Kind: BlockKeyValues, Pairs: pairs}}
		return s
	}
	s.Blocks = []Block{
		{Kind: BlockKeyValues, Pairs: pairs},
		{Kind: BlockParagraph, Text: b.t("Får en kopia:", "Copies to:")},
		{Kind: BlockList, Items: names},
	}
	return s
}

package model

import "strings"

func contact(pt Participant) string {
	var parts []string
	for _, s := range []string{pt.Phone, pt.Email} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
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
	for _, pt := range b.v.Meeting.Participants {
		present := b.t("nej", "no")
		if pt.Present {
			present = b.t("ja", "yes")
		} else if pt.Invited {
			// Absent but summoned: the plan shows the unit was asked.
			present = b.t("nej, kallad", "no, invited")
			if pt.Confirmed {
				present = b.t("nej, kallad och hade bekräftat", "no, invited and had confirmed")
			}
		}
		if note := strings.TrimSpace(pt.PresenceNote); note != "" {
			present += " (" + note + ")"
		}
		t.Rows = append(t.Rows, []string{
			orDash(pt.Name), orDash(b.role(pt)), who(pt.Unit, PartyName(pt.Principal, pt.OtherParty, b.l)),
			orDash(contact(pt)), present,
		})
	}
	s.Blocks = []Block{{Kind: BlockTable, Table: t}}
	return s
}

// ownWords is the person's own words, and how their view was found out
// when the secretary wrote it down.
func ownWords(l Lang, ct Content) []Block {
	blocks := para(ct.OwnWords)
	if how := strings.TrimSpace(ct.OwnViewHow); how != "" {
		blocks = append(blocks, Block{Kind: BlockKeyValues, Pairs: []KeyValue{{T(l, "Så fick vi veta vad barnet tycker", "How we learnt what the child thinks"), how}}})
	}
	return blocks
}

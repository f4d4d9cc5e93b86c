package fhir

import (
	"strconv"
	"strings"

	"github.com/sipmote/sipmote/model"
)

// SystemV3RoleCode is HL7's code system of personal relationships; a
// guardian is GUARD in it.
const SystemV3RoleCode = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"

// participants adds a resource for everyone summoned to the meeting: the
// person is the Patient; relatives, guardians, trustees and support
// persons are RelatedPersons; staff and interpreters Practitioners, with
// the unit they come for as an Organization.
func (b *builder) participants() {
	used := map[string]bool{}
	for i, pt := range b.v.Meeting.Participants {
		name := strings.TrimSpace(pt.Name)
		// A participant without an id, or with one taken (a damaged
		// plan), still gets a resource of its own.
		key := "person/" + pt.ID
		if pt.ID == "" || used[key] {
			key += "#" + strconv.Itoa(i)
		}
		used[key] = true
		var r Reference
		switch {
		case pt.Role == model.RolePerson:
			r = b.pat
		case related(pt):
			rp := RelatedPerson{ResourceType: "RelatedPerson", ID: b.id(key), Patient: b.pat,
				Relationship: []CodeableConcept{relationship(pt.Role, pt.RoleText(b.o.Lang))}}
			if name != "" {
				rp.Name = []HumanName{humanName(name)}
			}
			r = b.add(rp.ID, rp, name)
		default:
			pr := Practitioner{ResourceType: "Practitioner", ID: b.id(key), Telecom: telecom(pt)}
			if name != "" {
				pr.Name = []HumanName{humanName(name)}
			}
			r = b.add(pr.ID, pr, name)
		}
		b.members = append(b.members, r)
		if _, dup := b.people[pt.ID]; pt.ID != "" && !dup {
			b.people[pt.ID] = r
		}
		if k := unitKey(name); k != "" {
			if _, dup := b.people["name:"+k]; !dup {
				b.people["name:"+k] = r
			}
		}
	}
}

// related tells whether a participant belongs to the person's own
// network (a RelatedPerson) rather than to a unit.
func related(pt model.Participant) bool {
	switch pt.Role {
	case model.RoleRelative, model.RoleGuardian, model.RoleTrustee, model.RoleSupport:
		return true
	case model.RoleOther:
		pt = pt.Visible()
		return pt.Principal == "" && strings.TrimSpace(pt.Unit) == ""
	}
	return false
}

func relationship(r model.Role, text string) CodeableConcept {
	cc := CodeableConcept{Coding: []Coding{{System: SystemRole, Code: roleCode(r)}}, Text: text}
	if r == model.RoleGuardian {
		cc.Coding = append(cc.Coding, Coding{System: SystemV3RoleCode, Code: "GUARD", Display: "guardian"})
	}
	return cc
}

// telecom is a staff member's phone and e-mail, as the plan prints them
// for whoever needs to reach the unit. Private persons' numbers stay out.
func telecom(pt model.Participant) []ContactPoint {
	var out []ContactPoint
	if s := strings.TrimSpace(pt.Phone); s != "" {
		out = append(out, ContactPoint{System: "phone", Value: s, Use: "work"})
	}
	if s := strings.TrimSpace(pt.Email); s != "" {
		out = append(out, ContactPoint{System: "email", Value: s, Use: "work"})
	}
	return out
}

// who finds the participant a reference names: a participant's id, or a
// name typed by hand that matches one. A name that matches no one is
// carried as a display alone; an empty one gives ok false.
func (b *builder) who(ref string) (Reference, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return Reference{}, false
	}
	if r, ok := b.people[ref]; ok {
		return r, true
	}
	if r, ok := b.people["name:"+unitKey(ref)]; ok {
		return r, true
	}
	if model.SameName(ref, b.p.Person.Name) {
		return b.pat, true
	}
	return Reference{Display: ref}, true
}

// unitOf is the Organization a participant comes for, if any.
func (b *builder) unitOf(pt model.Participant) (Reference, bool) {
	// FHIR lets only a Practitioner act on behalf of an organisation.
	if pt.Role == model.RolePerson || related(pt) {
		return Reference{}, false
	}
	vis := pt.Visible()
	return b.org(model.UnitOf(pt), vis.Principal, vis.OtherParty)
}

// careTeam lists every participant with their role, and the coordinator,
// chair and secretary among them.
func (b *builder) careTeam(status string) Reference {
	ct := CareTeam{ResourceType: "CareTeam", ID: b.id("careteam/" + strconv.Itoa(b.v.Number)), Status: status,
		Name: b.t("Deltagare i SIP-mötet", "Participants in the SIP meeting"), Subject: b.pat}
	m := b.v.Meeting
	for i, pt := range m.Participants {
		member := b.members[i]
		cp := CareTeamParticipant{Member: &member}
		cp.Role = []CodeableConcept{{Coding: []Coding{{System: SystemRole, Code: roleCode(pt.Role), Display: pt.Role.Label(b.o.Lang)}},
			Text: pt.RoleText(b.o.Lang)}}
		if pt.ID != "" && pt.ID == b.v.Content.Coordinator.ParticipantID {
			cp.Role = append(cp.Role, b.extraRole("coordinator", "samordnare", "coordinator"))
		}
		if model.SameName(pt.Name, m.Chair) {
			cp.Role = append(cp.Role, b.extraRole("chair", "mötesledare", "chair"))
		}
		if model.SameName(pt.Name, m.Secretary) {
			cp.Role = append(cp.Role, b.extraRole("secretary", "mötessekreterare", "secretary"))
		}
		if u, ok := b.unitOf(pt); ok {
			cp.OnBehalfOf = &u
		}
		ct.Participant = append(ct.Participant, cp)
	}
	return b.add(ct.ID, ct, "")
}

// roleCode is a role's code; a role sipmote does not know is "other",
// never a code outside the documented list.
func roleCode(r model.Role) string {
	if r.Known() {
		return string(r)
	}
	return string(model.RoleOther)
}

func (b *builder) extraRole(code, sv, en string) CodeableConcept {
	label := b.t(sv, en)
	return CodeableConcept{Coding: []Coding{{System: SystemRole, Code: code, Display: label}}, Text: label}
}

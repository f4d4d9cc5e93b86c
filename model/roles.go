package model

import "strings"

// TrusteeKind is the kind of a trustee's appointment.
type TrusteeKind string

const (
	TrusteeGodMan     TrusteeKind = "god_man"    // the person keeps their legal capacity
	TrusteeForvaltare TrusteeKind = "forvaltare" // the person's capacity is limited in the areas given
)

// TrusteeArea is what a trustee is appointed for.
type TrusteeArea string

const (
	TrusteeRights   TrusteeArea = "rights"   // bevaka rätt
	TrusteeProperty TrusteeArea = "property" // förvalta egendom
	TrusteePerson   TrusteeArea = "person"   // sörja för person
)

// TrusteeAreas lists the areas in the order a form offers them.
var TrusteeAreas = []TrusteeArea{TrusteeRights, TrusteeProperty, TrusteePerson}

var trusteeKindLabels = map[TrusteeKind]Text{
	TrusteeGodMan:     {"god man", "trustee (god man)"},
	TrusteeForvaltare: {"förvaltare", "administrator (förvaltare)"},
}

var trusteeAreaLabels = map[TrusteeArea]Text{
	TrusteeRights:   {"bevaka rätt", "safeguarding rights"},
	TrusteeProperty: {"förvalta egendom", "managing property"},
	TrusteePerson:   {"sörja för person", "caring for the person"},
}

// Label is the kind's name on screen and paper.
func (k TrusteeKind) Label(l Lang) string { return trusteeKindLabels[k].In(l) }

// Label is the area's name on screen and paper.
func (a TrusteeArea) Label(l Lang) string { return trusteeAreaLabels[a].In(l) }

var roleLabels = map[Role]Text{
	RolePerson:      {"den enskilde", "the person"},
	RoleRelative:    {"närstående", "relative"},
	RoleGuardian:    {"vårdnadshavare", "guardian"},
	RoleTrustee:     {"god man/förvaltare", "trustee"},
	RoleSupport:     {"stödperson", "support person"},
	RoleInterpreter: {"tolk", "interpreter"},
	RoleStaff:       {"personal", "staff"},
	RolePartyStaff:  {"personal hos annan part", "staff of another party"},
	RoleOther:       {"annan", "other"},
}

// Roles lists the roles in the order a form offers them. RoleOther is last
// and kept only so that older plans can still say what they said.
var Roles = []Role{RolePerson, RoleRelative, RoleGuardian, RoleTrustee, RoleSupport,
	RoleInterpreter, RoleStaff, RolePartyStaff, RoleOther}

// Label is the role's name on screen.
func (r Role) Label(l Lang) string { return roleLabels[r].In(l) }

// Known tells whether r is one of the roles.
func (r Role) Known() bool {
	_, ok := roleLabels[r]
	return ok
}

// IsStaff tells whether the role is someone working for a unit or a party,
// who is bound by secrecy and may be responsible for actions.
func (r Role) IsStaff() bool { return r == RoleStaff || r == RolePartyStaff }

// IsPrivate tells whether the role is the person or someone from their
// private network, whose own actions need no unit or principal.
func (r Role) IsPrivate() bool {
	switch r {
	case RolePerson, RoleRelative, RoleGuardian, RoleSupport:
		return true
	}
	return false
}

// RoleDefaults is what a role decides unless the secretary says otherwise.
type RoleDefaults struct {
	// Signs is whether someone of this role signs the plan when they are
	// in the room.
	Signs bool
	// Speaks is whether they get a turn in the speaker rounds. An
	// interpreter speaks for others, not for themself.
	Speaks bool
	// Copy is whether they get a copy of the plan when present.
	Copy bool
	// Principal is the principal a new participant of this role gets.
	Principal Principal
	// Contact is whether the form should ask for phone and e-mail.
	Contact bool
}

// Defaults returns the defaults of a role. An unknown role is treated as
// "other": signs, speaks and gets a copy, as every role did before roles
// had defaults.
func (r Role) Defaults() RoleDefaults {
	switch r {
	case RoleInterpreter:
		// Bound by secrecy and there to translate: no signature, no turn,
		// no copy of a plan that is not about them.
		return RoleDefaults{}
	case RoleStaff:
		return RoleDefaults{Signs: true, Speaks: true, Copy: true, Contact: true}
	case RolePartyStaff:
		return RoleDefaults{Signs: true, Speaks: true, Copy: true, Principal: PrincipalOther, Contact: true}
	case RoleTrustee:
		return RoleDefaults{Signs: true, Speaks: true, Copy: true, Contact: true}
	}
	return RoleDefaults{Signs: true, Speaks: true, Copy: true}
}

// ApplyRole sets the role and the fields it decides, as when the secretary
// picks a role on a new row: a staff member of another party gets
// principal "other", and every field the new role does not have is emptied
// (a relative has no unit). It tells which fields held something, so that
// the screen can say so and offer to undo it. Explicit choices already
// made (Signs) are kept.
func (pt *Participant) ApplyRole(r Role) []ParticipantField {
	pt.Role = r
	switch {
	case r == RolePartyStaff && pt.Principal == "":
		pt.Principal = r.Defaults().Principal
	case r == RoleStaff && pt.Principal == PrincipalOther && pt.OtherParty == "":
		pt.Principal = ""
	}
	return pt.ClearHidden()
}

// Speaks tells whether the participant gets a turn in speaker rounds.
func (pt Participant) Speaks() bool { return pt.Role.Defaults().Speaks }

// RoleText is the role as the plan prints it: "tolk (finska)", "god man
// (bevaka rätt, förvalta egendom)", with the title after.
func (pt Participant) RoleText(l Lang) string {
	r := pt.Role.Label(l)
	switch pt.Role {
	case RoleInterpreter:
		if lang := strings.TrimSpace(pt.Language); lang != "" {
			r += " (" + lang + ")"
		}
	case RoleTrustee:
		if pt.TrusteeKind != "" {
			r = pt.TrusteeKind.Label(l)
		}
		var for_ []string
		for _, a := range pt.TrusteeFor {
			if s := a.Label(l); s != "" {
				for_ = append(for_, s)
			}
		}
		if len(for_) > 0 {
			r += " (" + strings.Join(for_, ", ") + ")"
		}
	}
	if t := strings.TrimSpace(pt.Title); t != "" && !strings.EqualFold(t, r) {
		if r == "" {
			return t
		}
		return r + ", " + t
	}
	return r
}

// Affiliation is what is printed after a name to say where someone comes
// from: the unit, else the other party, else the role.
func (pt Participant) Affiliation(l Lang) string {
	pt = pt.Visible()
	if u := strings.TrimSpace(pt.Unit); u != "" {
		return u
	}
	if pt.Principal == PrincipalOther && strings.TrimSpace(pt.OtherParty) != "" {
		return strings.TrimSpace(pt.OtherParty)
	}
	return pt.RoleText(l)
}

// Interpreters lists the languages an interpreter is needed for, from the
// interpreters of a version, each once and in order. A follow-up draft
// starts from the last version, so the language is carried over.
func (v *Version) Interpreters() []string {
	var out []string
	seen := map[string]bool{}
	for _, pt := range v.Meeting.Participants {
		if pt.Role != RoleInterpreter {
			continue
		}
		lang := strings.TrimSpace(pt.Language)
		if lang == "" || seen[strings.ToLower(lang)] {
			continue
		}
		seen[strings.ToLower(lang)] = true
		out = append(out, lang)
	}
	return out
}

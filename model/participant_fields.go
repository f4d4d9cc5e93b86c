package model

// A participant has fields that only some roles have: a unit for staff, a
// language for an interpreter, a mandate for a trustee. The form shows a
// field only while the role has it, and Shows is where that is decided,
// so that the form, the rules and the paper agree. A value left in a field
// the role does not have (typed before the role was changed, or from an
// older plan) is not read by any rule or printout: Visible gives the
// participant as the form shows them.

// ParticipantField is a field of a participant that only some roles have.
type ParticipantField string

const (
	FieldUnit       ParticipantField = "unit"
	FieldPrincipal  ParticipantField = "principal"
	FieldOtherParty ParticipantField = "other_party"
	FieldFundedBy   ParticipantField = "funded_by"
	FieldLanguage   ParticipantField = "language"
	// FieldTrustee is a trustee's kind (god man or förvaltare) and mandate.
	FieldTrustee ParticipantField = "trustee"
)

// RoleFields lists the fields that depend on the role, in form order.
var RoleFields = []ParticipantField{FieldLanguage, FieldTrustee, FieldUnit, FieldPrincipal, FieldOtherParty, FieldFundedBy}

var roleFieldLabels = map[ParticipantField]Text{
	FieldUnit:       {"verksamhet", "unit"},
	FieldPrincipal:  {"kommun/region", "municipality/region"},
	FieldOtherParty: {"annan organisation", "other organisation"},
	FieldFundedBy:   {"anlitad av", "funded by"},
	FieldLanguage:   {"språk", "language"},
	FieldTrustee:    {"uppdrag som god man/förvaltare", "trustee's appointment"},
}

// Label names the field in a sentence ("verksamhet").
func (f ParticipantField) Label(l Lang) string { return roleFieldLabels[f].In(l) }

// Shows tells whether the participant's role has the field, so that the
// form shows it and the rules read it.
func (pt Participant) Shows(f ParticipantField) bool {
	r := pt.Role
	if !r.Known() {
		// A role this program does not know (an older or imported plan)
		// hides nothing: better shown than silently ignored.
		return true
	}
	switch f {
	case FieldUnit:
		return r == RoleStaff || r == RolePartyStaff || r == RoleSupport || r == RoleTrustee || r == RoleOther
	case FieldPrincipal:
		// Staff of another party have one too, "other", set by the role
		// (the form does not ask for it).
		return r == RoleStaff || r == RoleOther || r == RolePartyStaff
	case FieldOtherParty, FieldFundedBy:
		return r == RolePartyStaff || (r == RoleStaff || r == RoleOther) && pt.Principal == PrincipalOther
	case FieldLanguage:
		return r == RoleInterpreter
	case FieldTrustee:
		return r == RoleTrustee
	}
	return true
}

// has tells whether the field holds anything.
func (pt Participant) has(f ParticipantField) bool {
	switch f {
	case FieldUnit:
		return pt.Unit != ""
	case FieldPrincipal:
		return pt.Principal != ""
	case FieldOtherParty:
		return pt.OtherParty != ""
	case FieldFundedBy:
		return pt.FundedBy != ""
	case FieldLanguage:
		return pt.Language != ""
	case FieldTrustee:
		return pt.TrusteeKind != "" || len(pt.TrusteeFor) > 0
	}
	return false
}

// clear empties the field.
func (pt *Participant) clear(f ParticipantField) {
	switch f {
	case FieldUnit:
		pt.Unit = ""
	case FieldPrincipal:
		pt.Principal = ""
	case FieldOtherParty:
		pt.OtherParty = ""
	case FieldFundedBy:
		pt.FundedBy = ""
	case FieldLanguage:
		pt.Language = ""
	case FieldTrustee:
		pt.TrusteeKind, pt.TrusteeFor = "", nil
	}
}

// Visible is the participant as the form shows them: a field the role
// does not have reads as empty.
func (pt Participant) Visible() Participant {
	// Principal first: whether the other party shows depends on it.
	for _, f := range []ParticipantField{FieldPrincipal, FieldUnit, FieldOtherParty, FieldFundedBy, FieldLanguage, FieldTrustee} {
		if !pt.Shows(f) {
			pt.clear(f)
		}
	}
	return pt
}

// ClearHidden empties the fields the role does not have and tells which
// held something, in form order, so that the screen can say what went.
func (pt *Participant) ClearHidden() []ParticipantField {
	vis := pt.Visible()
	var out []ParticipantField
	for _, f := range RoleFields {
		if pt.has(f) && !vis.has(f) {
			out = append(out, f)
		}
	}
	*pt = vis
	return out
}

// RestoreFields puts back the given fields from an earlier state of the
// participant, as an undo of ClearHidden does.
func (pt *Participant) RestoreFields(from Participant, fs []ParticipantField) {
	for _, f := range fs {
		switch f {
		case FieldUnit:
			pt.Unit = from.Unit
		case FieldPrincipal:
			pt.Principal = from.Principal
		case FieldOtherParty:
			pt.OtherParty = from.OtherParty
		case FieldFundedBy:
			pt.FundedBy = from.FundedBy
		case FieldLanguage:
			pt.Language = from.Language
		case FieldTrustee:
			pt.TrusteeKind = from.TrusteeKind
			pt.TrusteeFor = append([]TrusteeArea(nil), from.TrusteeFor...)
		}
	}
}

package model

import (
	"slices"
	"testing"
)

// TestApplyRoleClearsHidden: each role keeps only the fields it has, says
// which went, and RestoreFields brings them back.
func TestApplyRoleClearsHidden(t *testing.T) {
	staff := Participant{Name: "Bo", Role: RoleStaff, Unit: "Vårdcentralen Väst", Principal: PrincipalKommun, Title: "kurator"}
	tests := []struct {
		role    Role
		cleared []ParticipantField
	}{
		{RoleRelative, []ParticipantField{FieldUnit, FieldPrincipal}},
		{RoleInterpreter, []ParticipantField{FieldUnit, FieldPrincipal}},
		{RoleSupport, []ParticipantField{FieldPrincipal}},
		{RoleTrustee, []ParticipantField{FieldPrincipal}},
		{RolePartyStaff, nil},
		{RoleOther, nil},
	}
	for _, tt := range tests {
		p := staff
		got := p.ApplyRole(tt.role)
		if !slices.Equal(got, tt.cleared) {
			t.Errorf("%s: cleared %v, want %v", tt.role, got, tt.cleared)
		}
		if p.Title != "kurator" || p.Name != "Bo" {
			t.Errorf("%s: lost what every role has: %+v", tt.role, p)
		}
		for _, f := range got {
			if p.has(f) {
				t.Errorf("%s: %s still holds something", tt.role, f)
			}
		}
		p.Role = RoleStaff
		p.RestoreFields(staff, got)
		if p.Unit != staff.Unit || p.Principal != staff.Principal {
			t.Errorf("%s: not restored: %+v", tt.role, p)
		}
	}
	tr := Participant{Role: RoleTrustee, TrusteeKind: TrusteeGodMan, TrusteeFor: []TrusteeArea{TrusteeRights}, Unit: "Överförmyndaren"}
	if got := tr.ApplyRole(RoleRelative); !slices.Equal(got, []ParticipantField{FieldTrustee, FieldUnit}) || tr.TrusteeFor != nil {
		t.Errorf("trustee to relative: %v %+v", got, tr)
	}
}

// TestHiddenFieldsAreNotRead: a value left in a field the role does not
// have (an older plan) is read by no rule.
func TestHiddenFieldsAreNotRead(t *testing.T) {
	rel := Participant{Name: "Bo", Role: RoleRelative, Unit: "Vårdcentralen Väst", Principal: PrincipalOther, OtherParty: "Försäkringskassan", Attendance: AttendRoom}
	if u := UnitOf(rel); u != "" {
		t.Errorf("UnitOf reads a relative's hidden unit: %q", u)
	}
	if a := rel.Affiliation(Swedish); a != "närstående" {
		t.Errorf("Affiliation = %q", a)
	}
	if e := rel.Employer(); e != "" {
		t.Errorf("Employer = %q", e)
	}
	other := Participant{Role: RoleOther, Unit: "X"}
	if UnitOf(other) != "X" {
		t.Error("a role with a unit lost it")
	}
	if unknown := (Participant{Role: "gammal", Unit: "Y"}); UnitOf(unknown) != "Y" {
		t.Error("an unknown role hides its unit")
	}
}

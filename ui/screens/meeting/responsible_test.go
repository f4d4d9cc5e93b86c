package meeting

import (
	"testing"

	"github.com/sipmote/sipmote/model"
)

// TestActionFormSeveralResponsible: the action form asks for a contact only
// when one of the people responsible cannot be reached, each person checked
// on their own, and takes the unit from the first of them who has one.
func TestActionFormSeveralResponsible(t *testing.T) {
	v := &model.Version{}
	v.Meeting.Participants = []model.Participant{
		{ID: "p1", Name: "Omar Haddad", Role: model.RoleStaff, Unit: "Äldreomsorgen", Principal: model.PrincipalKommun, Attendance: model.AttendPhone},
		{ID: "p2", Name: "Göran Lindqvist", Role: model.RoleRelative, Attendance: model.AttendRoom},
		{ID: "p3", Name: "Anna Nyström", Role: model.RoleGuardian, Attendance: model.AttendRoom},
		{ID: "p4", Name: "Peter Nyström", Role: model.RoleGuardian, Attendance: model.AttendVideo},
	}
	v.Content.Actions = []model.Action{{ID: "a1"}}
	spec := actionSpec(model.Swedish, func() *model.Version { return v })
	for _, tc := range []struct {
		who      string
		asked    bool
		wantUnit string
	}{
		{"Göran Lindqvist och Omar Haddad", false, "Äldreomsorgen"},
		{"Anna och Peter Nyström", false, ""},
		{"Omar Haddad och Sven Berg", true, "Äldreomsorgen"},
		{"Sven Berg", true, ""},
	} {
		v.Content.Actions[0] = model.Action{ID: "a1"}
		var contactHidden bool
		for _, f := range spec.fields("a1") {
			if f.Path == "content.actions[].responsible" {
				f.Set(tc.who)
			}
		}
		for _, f := range spec.fields("a1") {
			if f.Path == "content.actions[].contact" {
				contactHidden = f.Hide()
			}
		}
		if contactHidden == tc.asked {
			t.Errorf("%q: contact asked = %v, want %v", tc.who, !contactHidden, tc.asked)
		}
		if got := v.Content.Actions[0].Unit; got != tc.wantUnit {
			t.Errorf("%q: unit filled %q, want %q", tc.who, got, tc.wantUnit)
		}
	}
}

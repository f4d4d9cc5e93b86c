package model

import (
	"slices"
	"strings"
	"testing"
)

func TestResponsiblePeople(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Karin Holm", []string{"Karin Holm"}},
		{"Anna och Peter Nyström", []string{"Anna Nyström", "Peter Nyström"}},
		{"Omar Haddad och Göran Lindqvist", []string{"Omar Haddad", "Göran Lindqvist"}},
		{"Anna, Peter", []string{"Anna", "Peter"}},
		{"Anna & Peter Nyström", []string{"Anna Nyström", "Peter Nyström"}},
		{"Lena Ek; Omar Haddad", []string{"Lena Ek", "Omar Haddad"}},
		{"anna och peter nyström", []string{"anna nyström", "peter nyström"}},
		// A title after a comma is about the person before it.
		{"Lena Ek, distriktssköterska", []string{"Lena Ek, distriktssköterska"}},
		// A unit is no family member of the person after it.
		{"hemtjänsten och Peter Nyström", []string{"hemtjänsten", "Peter Nyström"}},
		{"  ", nil},
	} {
		if got := ResponsiblePeople(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("ResponsiblePeople(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// twoResponsiblePlan is the tryout's plan: Omar (staff, by phone, with a
// phone number), Göran (the person's brother, in the room), and the two
// guardians of a child's plan as one action's responsible.
func twoResponsiblePlan() *Plan {
	p := validPlan()
	v := p.Draft
	v.Meeting.Participants = append(v.Meeting.Participants,
		Participant{ID: "p-omar", Name: "Omar Haddad", Role: RoleStaff, Unit: "Äldreomsorgen", Principal: PrincipalKommun, Phone: "070-222 33 44", Attendance: AttendPhone},
		Participant{ID: "p-goran", Name: "Göran Lindqvist", Role: RoleRelative, Attendance: AttendRoom},
		Participant{ID: "p-anna", Name: "Anna Nyström", Role: RoleGuardian, Attendance: AttendRoom},
		Participant{ID: "p-peter", Name: "Peter Nyström", Role: RoleGuardian, Attendance: AttendVideo},
	)
	return p
}

// TestSeveralResponsibleEverywhere: an action for two people is read as two
// people by every rule and list, never as one joined name.
func TestSeveralResponsibleEverywhere(t *testing.T) {
	for _, tc := range []struct {
		name        string
		action      Action
		own         bool
		unreached   []string
		errorPaths  []string // findings at these paths under the action
		copyTo      []string // action-owner copies
		notCopiedTo string
	}{
		{name: "staff and relative, both there",
			action:      Action{What: "Handla varje vecka", Responsible: "Omar Haddad och Göran Lindqvist", Unit: "Äldreomsorgen", Principal: PrincipalKommun, When: "varje fredag", Status: ActionPlanned},
			own:         false,
			notCopiedTo: "Omar Haddad och Göran Lindqvist"},
		{name: "both guardians: their own action",
			action:      Action{What: "Samma regler hemma", Responsible: "Anna och Peter Nyström", When: "varje dag", Status: ActionPlanned},
			own:         true,
			notCopiedTo: "Anna och Peter Nyström"},
		{name: "one of two not on the list",
			action:    Action{What: "Ansöka om stöd", Responsible: "Omar Haddad och Sven Berg", Unit: "Äldreomsorgen", Principal: PrincipalKommun, When: "i januari", Status: ActionPlanned},
			unreached: []string{"Sven Berg"},
			copyTo:    []string{"Sven Berg"}},
		{name: "guardian and absent staff",
			action:     Action{What: "Träffas", Responsible: "Anna Nyström och Lena Sund", When: "i mars", Status: ActionPlanned},
			unreached:  []string{"Lena Sund"},
			errorPaths: []string{".principal", ".unit"},
			copyTo:     []string{"Lena Sund"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := twoResponsiblePlan()
			v := p.Draft
			tc.action.ID = "a2"
			tc.action.GoalIDs = []string{"g1"}
			v.Content.Actions = append(v.Content.Actions, tc.action)
			if got := v.OwnAction(tc.action, p.Person.Name); got != tc.own {
				t.Errorf("OwnAction = %v, want %v", got, tc.own)
			}
			if got := v.Unreached(tc.action, p.Person.Name); !slices.Equal(got, tc.unreached) {
				t.Errorf("Unreached = %q, want %q", got, tc.unreached)
			}
			var errs []string
			for _, f := range Validate(p, v, Options{Now: testNow}) {
				if rest, ok := strings.CutPrefix(f.Path, "content.actions[1]"); ok && f.Severity == SevError {
					errs = append(errs, rest)
				}
				if who, _, ok := strings.Cut(f.Message.In(Swedish), " var inte med"); ok && strings.Contains(who, " och ") {
					t.Errorf("a joined name is said to be absent: %s", f.Message.In(Swedish))
				}
			}
			slices.Sort(errs)
			if !slices.Equal(errs, tc.errorPaths) {
				t.Errorf("errors on the action %q, want %q", errs, tc.errorPaths)
			}
			var owners []string
			for _, r := range p.Copies(v, Swedish).Copies {
				if tc.notCopiedTo != "" && SameName(r.Name, tc.notCopiedTo) {
					t.Errorf("a paper goes to the joined name %q", r.Name)
				}
				if r.Reason == CopyActionOwner {
					owners = append(owners, r.Name)
				}
			}
			if !slices.Equal(owners, tc.copyTo) {
				t.Errorf("action-owner copies %q, want %q", owners, tc.copyTo)
			}
			for _, r := range p.WhoToTell() {
				if strings.Contains(r.Name, " och ") {
					t.Errorf("to tell on closing: joined name %q", r.Name)
				}
			}
		})
	}
}

// TestCloseTellsNoInterpreter: the interpreter gets no copy and is not on
// the list of people to tell that the plan has ended.
func TestCloseTellsNoInterpreter(t *testing.T) {
	p := validPlan()
	p.Draft.Meeting.Participants = append(p.Draft.Meeting.Participants,
		Participant{ID: "p-aino", Name: "Aino Virtanen", Role: RoleInterpreter, Language: "finska", Attendance: AttendRoom})
	for _, r := range p.WhoToTell() {
		if r.Name == "Aino Virtanen" {
			t.Errorf("the interpreter is among those to tell: %+v", r)
		}
	}
}

package model

import (
	"slices"
	"strings"
	"testing"
)

// tryoutChild is the child's plan of tryout42a: Elias, with his mother
// and his father as guardians among the participants, and the subjects
// not to raise written as the secretary wrote them.
func tryoutChild() *Plan {
	p := childPlan()
	p.Person.Name = "Elias Andersson"
	v := p.Draft
	v.Meeting.Participants = append(v.Meeting.Participants,
		Participant{Name: "Maria Andersson", Role: RoleGuardian, Title: "mamma", Attendance: AttendRoom},
		Participant{Name: "Karim Haddad", Role: RoleGuardian, Title: "pappa", Attendance: AttendPhone})
	v.Consent.NotRaise = []string{"Pappans tidigare missbruk. Mammans nya partner."}
	return p
}

// TestPeopleAreNotSubjects: in a child's plan the parents are named in
// every part; a subject that speaks of them is found by its own words,
// never by "mamma" or "pappa" (tryout42a #5).
func TestPeopleAreNotSubjects(t *testing.T) {
	p := tryoutChild()
	v := p.Draft
	people := PeopleWords(p, v)
	for _, tc := range []struct {
		text string
		want []int
	}{
		{"Han bor varannan vecka hos mamma och pappa.", nil},
		{"Elias vill gå i skolan med stöd av mamma.", nil},
		{"Pappa svarar Sara Lind senast 15 januari.", nil},
		{"Pappans föräldrar hjälper till.", nil},
		{"Pappa har slutat med sitt missbruk.", []int{0}},
		{"Mamma har en ny partner.", []int{0}},
		{"Missbruket är över.", []int{0}},
	} {
		if got := NamedSubjectsAmong(tc.text, v.Consent.NotRaise, p.Person.Name, people); !slices.Equal(got, tc.want) {
			t.Errorf("NamedSubjectsAmong(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	// A subject that is only a person keeps its word: he is not to be
	// raised at all.
	if got := NamedSubjectsAmong("Pappa ringde i går.", []string{"pappa"}, p.Person.Name, people); !slices.Equal(got, []int{0}) {
		t.Errorf("a subject that is only pappa: %v, want [0]", got)
	}
	if got := NamedSubjectsAmong("Karim ringde.", []string{"Karims nya jobb", "Karim"}, p.Person.Name, people); !slices.Equal(got, []int{1}) {
		t.Errorf("a subject that is only Karim: %v, want [1]", got)
	}
	// The room blanks what names the subject, and only that.
	got := RoomSafeAmong("Han bor hos mamma och pappa. Pappas missbruk oroar. Skolan går bra.", v.Consent.NotRaise, p.Person.Name, people)
	if want := "Han bor hos mamma och pappa. … Skolan går bra."; got != want {
		t.Errorf("RoomSafeAmong = %q, want %q", got, want)
	}
}

// TestNotRaisedInChildPlan: the plan's warnings follow: texts that name
// the parents are not warned of, a text that names the subject is, and
// the warning says it was the child or the guardians who asked.
func TestNotRaisedInChildPlan(t *testing.T) {
	p := tryoutChild()
	v := p.Draft
	v.Content.Situation = "Han bor varannan vecka hos mamma och pappa."
	v.Content.OwnWords = "Jag vill att mamma och pappa pratar med varandra."
	v.Content.Goals[0].Text = "Elias går i skolan med stöd av mamma."
	v.Content.Actions[0].What = "Pappa svarar Sara Lind om BUP."
	v.Content.Notes = "Mammans partner följer inte med."
	var hits []Finding
	for _, f := range Validate(p, v, Options{Now: testNow}) {
		if strings.Contains(f.Message.SV, "inte vill ska tas upp") {
			hits = append(hits, f)
		}
	}
	if len(hits) != 1 || hits[0].Path != "content.notes" {
		t.Fatalf("warnings %v, want one, on the notes", findingSet(hits))
	}
	if !strings.Contains(hits[0].Message.SV, "barnet eller vårdnadshavarna") || strings.Contains(hits[0].Message.SV, "den enskilde") ||
		!strings.Contains(hits[0].Message.EN, "the child or the guardians") {
		t.Errorf("the warning does not say who asked: %+v", hits[0].Message)
	}
}

package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

// TestPersonnummerAddedInTheMeeting: a plan made without a personnummer
// (the form lets it be left empty) had no way to get one (tryout 42a, 6).
// The meeting's first section has the field: a wrong number is said, as
// the new-plan form says it, and a right one is kept in its standard form,
// said to fit another checklist when the age says so, and recorded in the
// access trail by name, never by number.
func TestPersonnummerAddedInTheMeeting(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		db := openTestDB(t)
		p := model.NewPlan(model.Person{Name: "Elias Andersson"}, fixedNow)
		if err := db.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		m := newTestModel(t, db, l, 80, 24)
		send(m, home.OpenPlanMsg{ID: p.ID})
		if m.screen != screenMeeting {
			t.Fatalf("%s: no meeting:\n%s", l, screenText(m))
		}
		inEdit(m, func() {
			m.meeting.GoSection(model.SectionMeeting)
			fs := m.meeting.Sections[model.SectionMeeting].(*meeting.FormSection)
			if _, ok := fs.Form.Jump("person.pnr"); !ok {
				t.Fatalf("%s: the meeting has no personnummer field", l)
			}
		})
		flat := func() string { return strings.Join(strings.Fields(strings.ReplaceAll(screenText(m), "│", " ")), " ") }
		typeText(m, "20140312-1238")
		if want := model.T(l, "Personnumret stämmer inte (datum eller sista siffran)", "The personnummer does not check out (date or last digit)"); !strings.Contains(flat(), want) {
			t.Errorf("%s: a wrong check digit is not said:\n%s", l, screenText(m))
		}
		press(m, "backspace")
		typeText(m, "7")
		if want := model.T(l, "Efter åldern passar checklistan för barn", "By age the checklists for child fit"); !strings.Contains(flat(), want) {
			t.Errorf("%s: a child's number does not point to the child's checklists:\n%s", l, screenText(m))
		}
		press(m, "tab")
		if s := screenText(m); strings.Contains(s, "20140312-1237") || !strings.Contains(s, "20140312-****") {
			t.Errorf("%s: the number is not masked once the field is left:\n%s", l, s)
		}
		press(m, "ctrl+q")
		got, err := db.Load(context.Background(), p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Person.PNR != "20140312-1237" || got.Person.Name != "Elias Andersson" {
			t.Errorf("%s: saved person %q, %q; want Elias Andersson, 20140312-1237", l, got.Person.Name, got.Person.PNR)
		}
		trail, err := db.Trail(context.Background(), p.ID)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range trail {
			if e.Kind == "changed" && e.Section == model.TrailPNR {
				n++
			}
			if strings.Contains(e.Section, "1237") {
				t.Errorf("%s: the trail holds the number: %+v", l, e)
			}
		}
		if n != 1 {
			t.Errorf("%s: %d trail events for the changed personnummer, want 1: %+v", l, n, trail)
		}
		if w := model.TrailLabel(l, "changed", model.TrailPNR); w != model.T(l, "ändrad (personnummer)", "changed (personnummer)") {
			t.Errorf("%s: the trail says %q", l, w)
		}
	}
}

// TestPersonnummerOfAnotherOpenPlanIsSaid: the number written in the
// meeting is one another open plan has (tryout 42a, 6: two "Elias
// Andersson", one without a number); the new-plan form refuses that, the
// meeting says it under the field, naming the other plan.
func TestPersonnummerOfAnotherOpenPlanIsSaid(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		db := openTestDB(t)
		first := model.NewPlan(model.Person{Name: "Elias Andersson", PNR: "20140312-1237"}, fixedNow)
		second := model.NewPlan(model.Person{Name: "Elias Andersson"}, fixedNow)
		for _, p := range []*model.Plan{first, second} {
			if err := db.Create(context.Background(), p); err != nil {
				t.Fatal(err)
			}
		}
		m := newTestModel(t, db, l, 80, 24)
		send(m, home.OpenPlanMsg{ID: second.ID})
		inEdit(m, func() {
			fs := m.meeting.Sections[model.SectionMeeting].(*meeting.FormSection)
			m.meeting.GoSection(model.SectionMeeting)
			fs.Form.Jump("person.pnr")
		})
		typeText(m, "20140312-1237")
		flat := strings.Join(strings.Fields(strings.ReplaceAll(screenText(m), "│", " ")), " ")
		want := model.T(l, "En plan som inte är avslutad har redan det personnumret: Elias Andersson (utkast).",
			"A plan not closed already has that personnummer: Elias Andersson (draft).")
		if !strings.Contains(flat, want) {
			t.Errorf("%s: the other plan with the number is not said:\n%s", l, screenText(m))
		}
	}
}

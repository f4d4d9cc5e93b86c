package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/home"
)

// openQuickRow starts a meeting at w×h and leaves the participants' row
// for their table, where the next text typed opens the quick row with it.
func openQuickRow(t *testing.T, l model.Lang, w, h int) *Model {
	t.Helper()
	m := newTestModel(t, openTestDB(t), l, w, h)
	newMeeting(t, m, "Karin Holm", "Ali Rahimi")
	press(m, "ctrl+n", "esc")
	if !strings.Contains(screenText(m), model.T(l, "a–ö snabbrad", "a–z quick row")) {
		t.Fatalf("the table does not say that typing opens the quick row:\n%s", screenText(m))
	}
	return m
}

// TestQuickRowShowsWhatItUnderstood: while the secretary types, the row
// says what it will add, and enter adds just that (issue 27).
func TestQuickRowShowsWhatItUnderstood(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		m := openQuickRow(t, l, 80, 24)
		typeText(m, "Bo Sjöberg, närstående (son)")
		if want := model.T(l, "Bo Sjöberg · närstående, son · på plats — enter lägger till", "Bo Sjöberg · relative, son · in the room — enter adds"); !strings.Contains(screenText(m), want) {
			t.Errorf("%s: the preview does not say %q:\n%s", l, want, screenText(m))
		}
		typeText(m, ", telefon")
		if want := model.T(l, "Bo Sjöberg · närstående, son · telefon — enter lägger till", "Bo Sjöberg · relative, son · phone — enter adds"); !strings.Contains(screenText(m), want) {
			t.Errorf("%s: the preview does not follow the typing, want %q:\n%s", l, want, screenText(m))
		}
		press(m, "enter")
		pts := livePlan(m).Draft.Meeting.Participants
		if len(pts) != 1 {
			t.Fatalf("%s: %d participants", l, len(pts))
		}
		if p := pts[0]; p.Name != "Bo Sjöberg" || p.Role != model.RoleRelative || p.Title != "son" || p.Attendance != model.AttendPhone || p.Unit != "" {
			t.Errorf("%s: added %+v", l, p)
		}
		// A line longer than the screen: cut in the middle, the name and
		// the key still there, and nothing wider than 80 columns.
		typeText(m, "Lena Ek, distriktssköterska, Vårdcentralen Väst, region, kommer efter lunch och går före tre")
		screen := screenText(m)
		hint := model.T(l, "— enter lägger till", "— enter adds")
		var line string
		for _, s := range strings.Split(screen, "\n") {
			if ansi.StringWidth(s) > 80 {
				t.Errorf("%s: a line is %d columns: %q", l, ansi.StringWidth(s), s)
			}
			if strings.Contains(s, hint) {
				line = strings.Trim(s, "│ ") // the pane's border
			}
		}
		// What does not fit one line goes on a second, the key last.
		if !strings.Contains(screen, "Lena Ek · "+model.T(l, "personal", "staff")+", distriktssköterska · Vårdcentralen Väst · region ·") ||
			!strings.HasPrefix(line, model.T(l, "på plats · anteckning: kommer", "in the room · note: kommer")) {
			t.Errorf("%s: preview line %q:\n%s", l, line, screen)
		}
		press(m, "enter")
		p := livePlan(m).Draft.Meeting.Participants[1]
		if p.Title != "distriktssköterska" || p.Unit != "Vårdcentralen Väst" || p.Principal != model.PrincipalRegion ||
			p.PresenceNote != "kommer efter lunch och går före tre" {
			t.Errorf("%s: added %+v", l, p)
		}
	}
}

// TestQuickRowHintInEnglish: in English the hint under the quick row
// gives English examples, and an English row with them is read as meant.
func TestQuickRowHintInEnglish(t *testing.T) {
	m := openQuickRow(t, model.English, 80, 24)
	typeText(m, "Mary Smith")
	screen := screenText(m)
	for _, sv := range []string{"god man", "tolk", "kommun/region", "telefon", "frånvarande"} {
		if strings.Contains(screen, sv) {
			t.Errorf("the English hint says %q:\n%s", sv, screen)
		}
	}
	if !strings.Contains(strings.Join(strings.Fields(strings.ReplaceAll(screen, "│", "")), " "), "(son, trustee, interpreter Arabic), title, unit, municipality/region, phone/video/absent") {
		t.Errorf("no English hint:\n%s", screen)
	}
	typeText(m, ", trustee for finances, absent")
	if want := "Mary Smith · trustee · absent · note: for finances"; !strings.Contains(screenText(m), want) {
		t.Errorf("the preview does not say %q:\n%s", want, screenText(m))
	}
}

// TestRoleChangeClearsHiddenFields: a staff member turned relative loses
// the unit and kommun/region a relative does not have, the status line
// says so, and ctrl+z brings them back. Stepping through a role without a
// unit on the way to one with a unit keeps the unit.
func TestRoleChangeClearsHiddenFields(t *testing.T) {
	m := openQuickRow(t, model.Swedish, 80, 24)
	typeText(m, "Bo Sjöberg, Vårdcentralen Väst, kommun")
	press(m, "enter", "esc", "enter", "tab")
	pt := func() model.Participant { return livePlan(m).Draft.Meeting.Participants[0] }
	if p := pt(); p.Role != model.RoleStaff || p.Unit != "Vårdcentralen Väst" || p.Principal != model.PrincipalKommun {
		t.Fatalf("added %+v", p)
	}
	typeText(m, "n") // närstående, by its first letter
	if p := pt(); p.Role != model.RoleRelative || p.Unit != "" || p.Principal != "" {
		t.Errorf("relative keeps hidden fields: %+v", p)
	}
	if want := "Tömt: verksamhet, kommun/region. ctrl+z tar tillbaka."; !strings.Contains(screenText(m), want) {
		t.Errorf("the status line does not say what went:\n%s", screenText(m))
	}
	press(m, "ctrl+z")
	if p := pt(); p.Role != model.RoleStaff || p.Unit != "Vårdcentralen Väst" || p.Principal != model.PrincipalKommun {
		t.Errorf("ctrl+z did not bring them back: %+v", p)
	}
	if !strings.Contains(screenText(m), "Tillbaka: rollen personal och verksamhet, kommun/region.") {
		t.Errorf("the status line does not say what came back:\n%s", screenText(m))
	}
	press(m, "ctrl+z")
	if !strings.Contains(screenText(m), "Inget att ångra här") {
		t.Errorf("a second ctrl+z:\n%s", screenText(m))
	}
	// staff ← interpreter (no unit) ← support (a unit, no kommun/region).
	press(m, "left", "left")
	if p := pt(); p.Role != model.RoleSupport || p.Unit != "Vårdcentralen Väst" || p.Principal != "" {
		t.Errorf("stepping through the roles: %+v", p)
	}
	press(m, "right", "right")
	if p := pt(); p.Role != model.RoleStaff || p.Unit != "Vårdcentralen Väst" || p.Principal != model.PrincipalKommun {
		t.Errorf("stepping back to staff: %+v", p)
	}
}

// TestHiddenUnitReadByNoRule: a relative whose unit was left from before
// (an older plan) gives an action no unit, raises no consent error and is
// printed without it.
func TestHiddenUnitReadByNoRule(t *testing.T) {
	m := openQuickRow(t, model.Swedish, 100, 30)
	typeText(m, "Bo Sjöberg, son")
	press(m, "enter", "esc")
	inEdit(m, func() { livePlan(m).Draft.Meeting.Participants[0].Unit = "Vårdcentralen Väst" })
	// An action with Bo responsible.
	press(m, "alt+7")
	typeText(m, "Handla mat varje vecka")
	press(m, "tab", "tab")
	typeText(m, "Bo Sjöberg")
	v := livePlan(m).Draft
	if a := v.Content.Actions[0]; a.Unit != "" || a.Responsible != "Bo Sjöberg" {
		t.Errorf("the hidden unit was copied to the action: %+v", a)
	}
	for _, f := range model.Validate(livePlan(m), v, model.Options{Now: fixedNow}) {
		if strings.Contains(f.Message.SV, "Vårdcentralen Väst") {
			t.Errorf("a finding reads the hidden unit: %s", f.Message.SV)
		}
	}
	doc := model.BuildDocument(livePlan(m), v, model.Swedish)
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			for _, r := range b.Table.Rows {
				if strings.Contains(strings.Join(r, " "), "Vårdcentralen Väst") {
					t.Errorf("the plan prints the hidden unit: %v", r)
				}
			}
		}
	}
}

// TestNameTypedOnRoleChangesNothing: a name typed on the role by mistake
// is text, not letters choosing roles; the role and its unit stay, and
// the line saying which keys choose shows at 80×24, not cut off below a
// form taller than its room (the demo's fifth participant).
func TestNameTypedOnRoleChangesNothing(t *testing.T) {
	db := openTestDB(t)
	p := model.Demo(fixedNow)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 80, 24)
	send(m, home.OpenPlanMsg{ID: p.ID})
	press(m, "alt+1", "esc", "down", "down", "down", "down", "enter", "tab")
	before := livePlan(m).Draft.Meeting.Participants[4]
	if before.Role != model.RoleStaff || before.Unit == "" {
		t.Fatalf("the demo's fifth participant: %+v", before)
	}
	typeText(m, "Samir Haddad")
	if p := livePlan(m).Draft.Meeting.Participants[4]; p.Role != before.Role || p.Unit != before.Unit || p.Principal != before.Principal {
		t.Errorf("typing changed the row: %+v", p)
	}
	if !strings.Contains(screenText(m), "Välj med ← → eller första bokstaven; annat ändrar inget.") {
		t.Errorf("the refusal does not show:\n%s", screenText(m))
	}
}

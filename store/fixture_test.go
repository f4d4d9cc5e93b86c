package store

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/fixture"
	"github.com/sipmote/sipmote/model"
)

// Everything here is made up. The person is Tolvan Tolvansson, whose
// personnummer 19121212-1212 is Skatteverket's well-known test number.

// The shared fixtures (internal/fixture) under the names these tests use.
func fixedTime() time.Time   { return fixture.Time() }
func textBytes(v any) int    { return fixture.TextBytes(v) }
func LargePlan() *model.Plan { return fixture.LargePlan() }

// fullPlan has every field of the model set, so a round trip through the
// store shows that nothing is dropped. assertNoZero keeps it honest when
// the model grows.
func fullPlan() *model.Plan {
	p := LargePlan()
	p.ID = "0a0b0c0d-0000-4000-8000-000000000001"
	p.Status = model.StatusActive
	p.Variant = model.AgeOlder
	p.UpdatedAt = fixedTime().Add(time.Hour)
	started := fixedTime().Add(2 * time.Hour)
	finalised := fixedTime().Add(3 * time.Hour)
	v := *p.Draft
	v = model.CloneVersion(v)
	v.Number = 1
	v.FinalisedAt = &finalised
	v.Meeting.StartedAt = &started
	v.Meeting.Booked = &model.Booking{Date: "2025-03-03", Start: "09:00"}
	v.Meeting.Participants[0].Principal = model.PrincipalOther
	v.Meeting.Participants[0].OtherParty = "Försäkringskassan"
	v.Meeting.Participants[0].PresenceNote = "de första 20 minuterna"
	v.Meeting.Participants[0].FundedBy = model.PrincipalRegion
	v.Meeting.Participants[0].Language = "finska"
	v.Meeting.Participants[0].TrusteeKind = model.TrusteeGodMan
	v.Meeting.Participants[0].TrusteeFor = []model.TrusteeArea{model.TrusteeRights}
	v.Meeting.Participants[0].Left = &model.Leaving{At: "13:20", Note: "till ett annat möte", Step: "intro", Planned: "13:40"}
	v.Meeting.Participants[0].WrittenInput = "Skickade några rader."
	v.Meeting.Participants[0].Signs = model.SignLater
	v.Copies = model.CopyEdits{Added: []model.CopyTo{{Name: "Överförmyndaren", Unit: "Kommunen"}}, Removed: []string{"Person 3"}}
	v.Consent = model.Consent{
		Given: true, Form: "written", Date: "2025-03-01", ValidUntil: "2026-03-01",
		Actors: []string{"Vårdcentralen Norra"}, Subjects: []string{"boende"},
		NotRaise: []string{"ekonomi"}, WithdrawnOn: "2025-12-01",
		Guardians: []model.Guardian{{Name: "Person 9", Given: true, Date: "2025-03-01",
			Actors: []string{"Vårdcentralen Norra"}, Subjects: []string{"boende"}}},
		Widened: []model.Widening{{At: started, Units: []string{"Hemtjänst Norra"},
			By: "Person 9", As: model.WidenedGuardian, View: "Bra"}},
	}
	v.Ticks = map[string]bool{"after.copies": true}
	v.Agenda = map[string]model.StepState{"intro": {Done: true, Seconds: 120}}
	v.Rounds = map[string][]string{"intro": {"pt-00", "pt-01"}}
	v.Review = &model.Review{
		Actions:     map[string]model.Outcome{"a-00": {Result: model.OutcomeDone, Note: "klart"}},
		Goals:       map[string]model.Outcome{"g-00": {Result: model.GoalMet, Note: "uppnått"}},
		Decision:    "close",
		CloseReason: model.CloseGoalsMet,
		CloseText:   "Målen är nådda.",
	}
	c := &v.Content
	c.Actions[0].OtherParty = "Arbetsförmedlingen"
	c.Actions[0].Contact = "010-123 45 67"
	c.Actions[0].GoalsTyped = "1, 12"
	c.ConsiderUntil = "2025-04-01"
	c.Evaluation = "Utvärderas vid uppföljningen."
	c.Actions[0].Start, c.Actions[0].Due = "2025-04-01", "2025-05-01"
	c.HandoverBy, c.HandoverWhen = "Person 1", "2025-03-21"
	c.FollowUp.State = model.FollowUpLater
	c.FollowUp.BookBy = "2025-08-01"
	c.FollowUp.WhyLater = "Beslut väntas."
	c.FollowUp.NoneReason = "Målen är nådda."
	c.FollowUp.MandateEnds = "2025-09-01"
	p.Versions = []model.Version{v}
	d := model.CloneVersion(v)
	d.Number = 2
	p.Draft = &d
	p.Closure = &model.Closure{Reason: model.CloseGoalsMet, Text: "Klart.", Date: "2025-12-01", DraftDiscarded: true,
		Tell: []model.ToTell{{Name: "Person 1", Role: model.RoleStaff, Unit: "Hemtjänst Norra", Contact: "010-123 45 67", Told: true}}}
	p.Position = model.Position{Step: "goals", Field: "content.goals", Cursor: 3, Quick: "Bo Sjöberg, närstående (son)", Copy: "Överförmyndaren, kommunen"}
	return p
}

// assertNoZero fails for every zero field, empty slice or map, or nil
// pointer reachable from v, naming its path. Of a slice it looks at the
// first element only.
func assertNoZero(t *testing.T, v any) {
	t.Helper()
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		if tm, ok := v.Interface().(time.Time); ok {
			if tm.IsZero() {
				t.Errorf("%s is zero", path)
			}
			return
		}
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() {
				t.Errorf("%s is nil", path)
				return
			}
			walk(path, v.Elem())
		case reflect.Struct:
			for i := range v.NumField() {
				name := v.Type().Field(i).Name
				if strings.HasPrefix(name, "Legacy") {
					// Read from old files only; Upgrade empties them.
					continue
				}
				walk(path+"."+name, v.Field(i))
			}
		case reflect.Slice, reflect.Map:
			if v.Len() == 0 {
				t.Errorf("%s is empty", path)
				return
			}
			if v.Kind() == reflect.Slice {
				// The first element stands for the rest.
				walk(path+"[0]", v.Index(0))
			} else {
				for it := v.MapRange(); it.Next(); {
					walk(fmt.Sprintf("%s[%v]", path, it.Key()), it.Value())
				}
			}
		default:
			if v.IsZero() {
				t.Errorf("%s is zero", path)
			}
		}
	}
	walk(reflect.TypeOf(v).String(), reflect.ValueOf(v))
}

// fullSummary has every field of model.Summary set.
func fullSummary() model.Summary {
	return model.Summary{
		ID: "0a0b0c0d-0000-4000-8000-000000000001", Person: "Tolvan Tolvansson",
		PNRMasked: "19121212-****", Status: model.StatusActive, Variant: model.AgeOlder,
		Version: 3, HasDraft: true, MeetingDate: "2025-03-20", NextFollowUp: "2025-06-12",
		ConsentUntil: "2026-03-01", ConsentGone: true, Ticks: []string{"before.consent", "after.copies"},
		Dates:     []model.DueDate{{Kind: model.DueActionStart, Date: "2025-06-12", What: "Hemtjänst", Open: 4}, {Kind: model.DueActionDue, Date: "2025-05-01", What: "Boendestöd"}},
		UpdatedAt: time.Date(2025, 3, 14, 9, 30, 1, 2, time.FixedZone("", 3600)),
	}
}

// withMaxSize caps the file size, to act out a full disk.
func withMaxSize(n int) Option { return func(o *options) { o.maxSize = n } }

// openTemp opens a fresh database in a temporary folder.
func openTemp(t testing.TB, opts ...Option) *DB {
	t.Helper()
	d, err := Open(t.TempDir()+"/sipmote.db", opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

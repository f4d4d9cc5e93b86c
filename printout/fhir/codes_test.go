package fhir

import (
	"slices"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// The R4 value sets the schema leaves as plain codes: CarePlan.status
// (request-status) and CarePlan.intent (care-plan-intent).
var (
	requestStatus  = []string{"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"}
	carePlanIntent = []string{"proposal", "plan", "order", "option"}
)

func finalised(n int) model.Version {
	at := testNow
	return model.Version{Number: n, FinalisedAt: &at}
}

func TestPlanStatus(t *testing.T) {
	closed := func(r model.ClosureReason, vs ...model.Version) *model.Plan {
		return &model.Plan{Status: model.StatusClosed, Versions: vs, Closure: &model.Closure{Reason: r, Date: "2026-12-01"}}
	}
	two := []model.Version{finalised(1), finalised(2)}
	draft := &model.Version{Number: 3}
	tests := []struct {
		name string
		p    *model.Plan
		v    *model.Version
		want string
	}{
		{"a first draft", &model.Plan{Status: model.StatusDraft, Draft: &model.Version{Number: 1}}, &model.Version{Number: 1}, "draft"},
		{"the version in force", &model.Plan{Status: model.StatusActive, Versions: two}, &two[1], "active"},
		{"a version replaced by a later one", &model.Plan{Status: model.StatusActive, Versions: two}, &two[0], "completed"},
		{"a follow-up being prepared", &model.Plan{Status: model.StatusActive, Versions: two, Draft: draft}, draft, "draft"},
		{"closed, goals met", closed(model.CloseGoalsMet, two...), &two[1], "completed"},
		{"closed, no need", closed(model.CloseNoNeed, two...), &two[1], "completed"},
		{"closed, moved", closed(model.CloseMoved, two...), &two[1], "revoked"},
		{"closed, other", closed(model.CloseOther, two...), &two[1], "revoked"},
		{"closed, an earlier version", closed(model.CloseMoved, two...), &two[0], "completed"},
		{"closed before anything was agreed", closed(model.CloseNoNeed), &model.Version{Number: 1}, "revoked"},
		{"consent withdrawn", closed(model.CloseConsentGone, two...), &two[1], "revoked"},
		{"consent withdrawn, not yet closed", &model.Plan{Status: model.StatusActive,
			Versions: []model.Version{{Number: 1, FinalisedAt: &testNow, Consent: model.Consent{WithdrawnOn: "2026-12-01"}}}}, nil, "revoked"},
	}
	for _, tc := range tests {
		v := tc.v
		if v == nil {
			v = tc.p.Current()
		}
		got := PlanStatus(tc.p, v)
		if got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
		if !slices.Contains(requestStatus, got) {
			t.Errorf("%s: %s is not a CarePlan status", tc.name, got)
		}
	}
}

// TestCodesInValueSets: every code the writer can give is in its R4 value
// set, read from the schema where it has the enumeration.
func TestCodesInValueSets(t *testing.T) {
	detail := enum(t, "CarePlan_Detail", "status")
	for _, s := range []model.ActionStatus{model.ActionPlanned, model.ActionDecided, model.ActionOngoing,
		model.ActionDone, model.ActionCancelled, model.ActionAwaiting, "", "nonsense"} {
		if got := ActivityStatus(s); !slices.Contains(detail, got) {
			t.Errorf("action status %q gives %q, not in %q", s, got, detail)
		}
	}
	for s, want := range map[model.ActionStatus]string{model.ActionPlanned: "not-started", model.ActionDecided: "scheduled",
		model.ActionOngoing: "in-progress", model.ActionDone: "completed", model.ActionCancelled: "cancelled", "": "unknown"} {
		if got := ActivityStatus(s); got != want {
			t.Errorf("action status %q gives %q, want %q", s, got, want)
		}
	}
	lifecycle := enum(t, "Goal", "lifecycleStatus")
	for _, ps := range requestStatus {
		for _, o := range []string{"", model.GoalMet, model.GoalPartlyMet, model.GoalNotMet} {
			if got := goalLifecycle(ps, o); !slices.Contains(lifecycle, got) {
				t.Errorf("goal of a %s plan (%q) is %q, not in %q", ps, o, got, lifecycle)
			}
		}
	}
	consent := enum(t, "Consent", "status")
	for _, tc := range []struct {
		given                        bool
		withdrawn, validUntil, today string
		want                         string
	}{
		{true, "", "2027-06-01", "2026-12-07", "active"},
		{true, "", "", "2026-12-07", "active"},
		{true, "", "2026-12-07", "2026-12-07", "active"},
		{true, "", "2026-12-06", "2026-12-07", "inactive"},
		{true, "2026-12-01", "2027-06-01", "2026-12-07", "inactive"},
		{false, "", "2027-06-01", "2026-12-07", "proposed"},
	} {
		got := ConsentStatus(tc.given, tc.withdrawn, tc.validUntil, tc.today)
		if got != tc.want || !slices.Contains(consent, got) {
			t.Errorf("consent %+v: %s, want %s", tc, got, tc.want)
		}
	}
	// Intent is always plan; every exported plan says so.
	for name, p := range cases(t) {
		cp := one[CarePlan](t, resources(t, export(t, p, nil, model.Swedish)), "CarePlan")
		if !slices.Contains(carePlanIntent, cp.Intent) || cp.Intent != "plan" {
			t.Errorf("%s: intent %q", name, cp.Intent)
		}
		if len(cp.Category) != 1 || cp.Category[0].Text != CategoryText || cp.Category[0].Coding[0].Code != "SIP" {
			t.Errorf("%s: category %+v", name, cp.Category)
		}
	}
}

// enum is the enumeration the schema gives a property.
func enum(t *testing.T, def, prop string) []string {
	t.Helper()
	s := schemaFor(t, def)
	p, ok := s.Properties[prop]
	if !ok || p.Enum == nil {
		t.Fatalf("the schema has no enumeration for %s.%s", def, prop)
	}
	var out []string
	for _, v := range p.Enum.Values {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func TestPersonIdentifier(t *testing.T) {
	for _, tc := range []struct {
		pnr, system, value string
		ok                 bool
	}{
		{"19890412-3455", SystemPersonnummer, "198904123455", true},
		{"20150308-2388", SystemPersonnummer, "201503082388", true},
		{"19890472-3452", SystemSamordningsnummer, "198904723452", true}, // day 12 + 60
		{" 19890412-3455 ", SystemPersonnummer, "198904123455", true},
		{"", "", "", false},
		{"890412-3455", "", "", false},
		{"1989041x-3455", "", "", false},
	} {
		id, ok := PersonIdentifier(tc.pnr)
		if ok != tc.ok || id.System != tc.system || id.Value != tc.value {
			t.Errorf("%q: %+v %v, want %s %s %v", tc.pnr, id, ok, tc.system, tc.value, tc.ok)
		}
		if ok && id.Use != "official" {
			t.Errorf("%q: use %q", tc.pnr, id.Use)
		}
	}
	// The exported Patient carries it, with the birth date.
	p := model.NewPlan(model.Person{Name: "Test Testsson", PNR: "19890472-3452"}, testNow)
	pat := one[Patient](t, resources(t, export(t, p, nil, model.Swedish)), "Patient")
	if len(pat.Identifier) != 1 || pat.Identifier[0].System != SystemSamordningsnummer || pat.BirthDate != "1989-04-12" {
		t.Errorf("patient %+v", pat)
	}
	// No number, no identifier: never an empty one.
	p = model.NewPlan(model.Person{Name: "Ingen Nummer"}, testNow)
	raw := export(t, p, nil, model.Swedish)
	validateBundle(t, "no personnummer", raw)
	if pat := one[Patient](t, resources(t, raw), "Patient"); len(pat.Identifier) != 0 || pat.BirthDate != "" {
		t.Errorf("patient without a number %+v", pat)
	}
}

func TestOwnWords(t *testing.T) {
	for text, want := range map[string]bool{
		"Klara mig hemma och kunna gå ut på promenad": true,
		"Jag vill gå i skolan":                        true,
		"Mitt eget rum":                               true,
		"I want my own flat":                          true,
		"Eget boende inom ett år":                     false,
		"Arbeta 25 procent till sommaren":             false,
		"Minska oron":                                 false,
		"":                                            false,
	} {
		if got := OwnWords(text); got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
}

// TestEmptyPlanExports: a plan with nothing written still exports, and
// validates: no empty strings or arrays, which FHIR forbids.
func TestEmptyPlanExports(t *testing.T) {
	p := model.NewPlan(model.Person{}, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	raw := export(t, p, nil, model.Swedish)
	b := validateBundle(t, "empty", raw)
	checkBundle(t, "empty", raw, b)
}

func TestHumanName(t *testing.T) {
	for name, want := range map[string]HumanName{
		"Maja Lind":              {Text: "Maja Lind", Family: "Lind", Given: []string{"Maja"}},
		"  Anna  Maria Lind ":    {Text: "Anna Maria Lind", Family: "Lind", Given: []string{"Anna", "Maria"}},
		"Maja Lind (exempel)":    {Text: "Maja Lind (exempel)", Family: "Lind", Given: []string{"Maja"}},
		"Elias (sample) Nyström": {Text: "Elias (sample) Nyström", Family: "Nyström", Given: []string{"Elias"}},
		"Cher":                   {Text: "Cher"},
	} {
		got := humanName(name)
		if got.Text != want.Text || got.Family != want.Family || !slices.Equal(got.Given, want.Given) {
			t.Errorf("%q: %+v, want %+v", name, got, want)
		}
	}
}

func TestNewPeriod(t *testing.T) {
	for _, tc := range []struct {
		start, end string
		want       *Period
	}{
		{"2026-12-01", "2027-03-01", &Period{"2026-12-01", "2027-03-01"}},
		{"2026-12-01", "", &Period{Start: "2026-12-01"}},
		{"", "2027-03-01", &Period{End: "2027-03-01"}},
		{"2026-12-01", "2026-11-01", &Period{Start: "2026-12-01"}}, // end before start
		{"2026-12-01", "2026-12-01", &Period{"2026-12-01", "2026-12-01"}},
		{"i vår", "2027-03-01", &Period{End: "2027-03-01"}},
		{"", "", nil},
		{"snart", "sen", nil},
	} {
		got := newPeriod(tc.start, tc.end)
		if (got == nil) != (tc.want == nil) || got != nil && *got != *tc.want {
			t.Errorf("newPeriod(%q, %q) = %+v, want %+v", tc.start, tc.end, got, tc.want)
		}
	}
}

// TestOddInputStaysValid: whatever a plan holds (dates that are no dates,
// names with no words, an unknown role or principal, a goal with no text,
// an action serving a goal that is gone, an unreadable follow-up time),
// the export is still valid FHIR R4 with every reference inside it.
func TestOddInputStaysValid(t *testing.T) {
	p := model.Demo(testNow)
	v := &p.Versions[0]
	v.Meeting.Date = "igår"
	v.Meeting.Minutes = 0
	v.Meeting.Participants = append(v.Meeting.Participants,
		model.Participant{ID: "x1", Name: "   ", Role: "clown  face", Principal: "landsting", Unit: "  "},
		model.Participant{ID: "", Name: "Utan Id", Role: model.RoleTrustee, Unit: "Överförmyndaren"},
		model.Participant{ID: "", Name: "Också utan", Role: model.RoleStaff},
		model.Participant{ID: "x1", Name: "Samma id", Role: model.RoleSupport, WrittenInput: "Hej"},
		model.Participant{ID: "x3", Name: "Ali Rahimi", Role: model.RoleRelative}) // a second Ali
	v.Content.Goals = append(v.Content.Goals, model.Goal{ID: "g-empty", Text: "  "})
	v.Content.Actions = append(v.Content.Actions, model.Action{ID: "a-odd", What: "", Start: "2027-13-01", Due: "snart",
		GoalIDs: []string{"gone"}, Status: "maybe", Principal: model.PrincipalOther, Responsible: "Någon Annan"})
	v.Content.FollowUp.Time = "tio"
	v.Content.FollowUp.Place = ""
	v.Consent.Date = "förra veckan"
	v.Consent.ValidUntil = "2020-01-01"
	v.Consent.Actors = append(v.Consent.Actors, "", "  ", "psykiatriska  ÖPPENVÅRDSMOTTAGNINGEN")
	v.Consent.Subjects = append(v.Consent.Subjects, " ")
	p.Person.PNR = "19890412-345"
	p.Person.Name = ""
	for _, l := range []model.Lang{model.Swedish, model.English} {
		raw := export(t, p, v, l)
		b := validateBundle(t, "odd "+string(l), raw)
		checkBundle(t, "odd "+string(l), raw, b)
		rs := resources(t, raw)
		if ap := one[Appointment](t, rs, "Appointment"); ap.Status != "proposed" || ap.Start != "" {
			t.Errorf("a follow-up with no readable time: %+v", ap)
		}
		if c := one[Consent](t, rs, "Consent"); c.Status != "inactive" || c.DateTime != "" {
			t.Errorf("an expired consent with no readable date: %s %q", c.Status, c.DateTime)
		}
		// The same unit written twice is one Organization.
		n := 0
		for _, o := range all[Organization](t, rs, "Organization") {
			if unitKey(o.Name) == "psykiatriska öppenvårdsmottagningen" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d Organizations for one unit", n)
		}
	}
}

package model

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

var followUpDay = time.Date(2027, 3, 10, 11, 30, 0, 0, time.UTC)

// followUpPlan is validPlan finalised, with two actions and two goals, and
// its follow-up draft open with everyone present and the next one booked:
// ready to finalise once the review is done.
func followUpPlan(t *testing.T) *Plan {
	t.Helper()
	p := validPlan()
	ct := &p.Draft.Content
	ct.Goals = append(ct.Goals, Goal{ID: "g2", Text: "Ingen alkohol på vardagar"})
	ct.Actions = append(ct.Actions, Action{ID: "a2", What: "Behandlingsgrupp", Unit: "Socialtjänstens beroendeenhet",
		Responsible: "Karin Holm", Principal: PrincipalKommun, When: "Från 2027-01-08", Status: ActionPlanned, GoalIDs: []string{"g2"}})
	if _, err := p.Finalise(Options{Now: testNow}); err != nil {
		t.Fatal(err)
	}
	if err := p.StartFollowUp(followUpDay); err != nil {
		t.Fatal(err)
	}
	for i := range p.Draft.Meeting.Participants {
		p.Draft.Meeting.Participants[i].Attendance = AttendRoom
	}
	p.Draft.Content.FollowUp = FollowUp{State: FollowUpBooked, Date: "2027-06-09", Time: "10:00", Place: "Mottagningen",
		Attendees: "Alla", CalledBy: "Ali Rahimi", What: "Målen"}
	return p
}

func TestSetActionOutcomeErrors(t *testing.T) {
	p := validPlan()
	if err := p.SetActionOutcome("a1", OutcomeDone, ""); !errors.Is(err, ErrNotFollowUp) {
		t.Errorf("first draft: %v, want ErrNotFollowUp", err)
	}
	p = followUpPlan(t)
	for _, tc := range []struct {
		id, result string
		want       error
	}{
		{"a9", OutcomeDone, ErrNoSuchAction},
		{"", OutcomeDone, ErrNoSuchAction},
		{"a1", "finished", ErrOutcome},
		{"a1", GoalMet, ErrOutcome},
	} {
		if err := p.SetActionOutcome(tc.id, tc.result, ""); !errors.Is(err, tc.want) {
			t.Errorf("SetActionOutcome(%q, %q) = %v, want %v", tc.id, tc.result, err, tc.want)
		}
	}
	if err := p.SetGoalOutcome("g9", GoalMet, ""); !errors.Is(err, ErrNoSuchGoal) {
		t.Errorf("unknown goal: %v", err)
	}
	if err := p.SetGoalOutcome("g1", OutcomeDone, ""); !errors.Is(err, ErrOutcome) {
		t.Errorf("action outcome on a goal: %v", err)
	}
	if err := p.Decide("postpone"); !errors.Is(err, ErrDecision) {
		t.Errorf("unknown decision: %v", err)
	}
	if _, err := p.Finalise(Options{Now: followUpDay}); !errors.Is(err, ErrBlocked) {
		t.Fatal(err)
	}
	p.Draft = nil
	if err := p.SetActionOutcome("a1", OutcomeDone, ""); !errors.Is(err, ErrNoDraft) {
		t.Errorf("no draft: %v, want ErrNoDraft", err)
	}
}

func TestOutcomeSetsDraftStatus(t *testing.T) {
	cases := []struct {
		was    ActionStatus
		result string
		want   ActionStatus
	}{
		{ActionPlanned, OutcomeDone, ActionDone},
		{ActionDecided, OutcomeDone, ActionDone},
		{ActionPlanned, OutcomeOngoing, ActionOngoing},
		{ActionPlanned, OutcomeNotStarted, ActionPlanned},
		{ActionDecided, OutcomeNotStarted, ActionDecided},
		{ActionOngoing, OutcomeNotStarted, ActionPlanned},
		{ActionDone, OutcomeNotStarted, ActionPlanned},
		{ActionPlanned, OutcomeChanged, ActionPlanned},
		{ActionOngoing, OutcomeChanged, ActionOngoing},
		{ActionDecided, OutcomeChanged, ActionDecided},
		{ActionDone, OutcomeChanged, ActionPlanned},
		{ActionDecided, "", ActionDecided},
	}
	for _, tc := range cases {
		p := validPlan()
		p.Draft.Content.Actions[0].Status = tc.was
		if _, err := p.Finalise(Options{Now: testNow}); err != nil {
			t.Fatal(err)
		}
		if err := p.StartFollowUp(followUpDay); err != nil {
			t.Fatal(err)
		}
		p.Draft.Content.Actions[0].Status = ActionOngoing // edited by hand first
		if err := p.SetActionOutcome("a1", tc.result, " note "); err != nil {
			t.Fatal(err)
		}
		if got := p.Draft.Content.Actions[0].Status; got != tc.want {
			t.Errorf("%s + %q: status %s, want %s", tc.was, tc.result, got, tc.want)
		}
		o, ok := p.Draft.Review.Actions["a1"]
		if tc.result == "" && ok || tc.result != "" && (o.Result != tc.result || o.Note != "note") {
			t.Errorf("%s + %q: review holds %+v, %v", tc.was, tc.result, o, ok)
		}
	}
}

// Setting an outcome again, or clearing it, works from the version
// followed up, so a correction leaves no trace of the first try.
func TestOutcomeCorrection(t *testing.T) {
	p := followUpPlan(t)
	_ = p.SetActionOutcome("a1", OutcomeDone, "beviljat")
	_ = p.SetActionOutcome("a1", OutcomeDone, "beviljat")
	if o := p.Draft.Review.Actions["a1"]; o.Note != "beviljat" {
		t.Errorf("note = %q", o.Note)
	}
	_ = p.SetActionOutcome("a1", "", "")
	if _, ok := p.Draft.Review.Actions["a1"]; ok || p.Draft.Content.Actions[0].Status != ActionPlanned {
		t.Errorf("clearing left %+v, status %s", p.Draft.Review.Actions, p.Draft.Content.Actions[0].Status)
	}
	_ = p.SetGoalOutcome("g1", GoalMet, "")
	_ = p.SetGoalOutcome("g1", "", "")
	if len(p.Draft.Review.Goals) != 0 {
		t.Errorf("goal outcome not cleared: %+v", p.Draft.Review.Goals)
	}
}

// A store round trip drops empty maps; writing an outcome must still work.
func TestOutcomeAfterRoundTrip(t *testing.T) {
	p := followUpPlan(t)
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var q Plan
	if err := json.Unmarshal(b, &q); err != nil {
		t.Fatal(err)
	}
	if q.Draft.Review.Actions != nil {
		t.Skip("maps survive the round trip; nothing to test")
	}
	if err := q.SetActionOutcome("a1", OutcomeDone, ""); err != nil {
		t.Fatal(err)
	}
	if err := q.SetGoalOutcome("g1", GoalMet, ""); err != nil {
		t.Fatal(err)
	}
}

// Deleting an action from the draft does not stop its outcome being
// recorded: the review is about the version followed up.
func TestOutcomeForActionRemovedFromDraft(t *testing.T) {
	p := followUpPlan(t)
	p.Draft.Content.Actions = p.Draft.Content.Actions[1:]
	if err := p.SetActionOutcome("a1", OutcomeDone, ""); err != nil {
		t.Fatal(err)
	}
	if p.Draft.Review.Actions["a1"].Result != OutcomeDone {
		t.Error("outcome not recorded")
	}
}

func TestGoalOutcomeLeavesDraftAlone(t *testing.T) {
	p := followUpPlan(t)
	before := slices.Clone(p.Draft.Content.Goals)
	if err := p.SetGoalOutcome("g1", GoalMet, "Har fått lägenhet"); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(before, p.Draft.Content.Goals) {
		t.Error("a goal outcome changed the draft's goals")
	}
	if o := p.Draft.Review.Goals["g1"]; o.Result != GoalMet || o.Note != "Har fått lägenhet" {
		t.Errorf("goal outcome = %+v", o)
	}
}

func TestValidateReview(t *testing.T) {
	cases := []struct {
		name   string
		change func(p *Plan)
		want   []want
	}{
		{"nothing reviewed", func(p *Plan) {}, []want{
			{SevWarning, "review.actions[0]"}, {SevWarning, "review.actions[1]"},
			{SevWarning, "review.goals[0]"}, {SevWarning, "review.goals[1]"}, {SevError, "review.decision"}}},
		{"all reviewed, revise", func(p *Plan) {
			_ = p.SetActionOutcome("a1", OutcomeDone, "")
			_ = p.SetActionOutcome("a2", OutcomeNotStarted, "")
			_ = p.SetGoalOutcome("g1", GoalMet, "")
			_ = p.SetGoalOutcome("g2", GoalPartlyMet, "")
			_ = p.Decide(DecisionRevise)
		}, nil},
		{"one action left", func(p *Plan) {
			_ = p.SetActionOutcome("a1", OutcomeDone, "")
			_ = p.SetGoalOutcome("g1", GoalMet, "")
			_ = p.SetGoalOutcome("g2", GoalMet, "")
			_ = p.Decide(DecisionRevise)
		}, []want{{SevWarning, "review.actions[1]"}}},
		{"unknown outcomes", func(p *Plan) {
			p.Draft.Review.Actions["a1"] = Outcome{Result: "klar"}
			p.Draft.Review.Actions["a2"] = Outcome{Result: OutcomeDone}
			p.Draft.Review.Goals["g1"] = Outcome{Result: "yes"}
			p.Draft.Review.Goals["g2"] = Outcome{Result: GoalMet}
			p.Draft.Review.Decision = DecisionRevise
		}, []want{{SevError, "review.actions[0]"}, {SevError, "review.goals[0]"}}},
		{"unknown decision", func(p *Plan) {
			p.Draft.Review.Actions = map[string]Outcome{"a1": {Result: OutcomeDone}, "a2": {Result: OutcomeDone}}
			p.Draft.Review.Goals = map[string]Outcome{"g1": {Result: GoalMet}, "g2": {Result: GoalMet}}
			p.Draft.Review.Decision = "maybe"
		}, []want{{SevError, "review.decision"}}},
		{"close without a written other reason", func(p *Plan) {
			p.Draft.Review.Actions = map[string]Outcome{"a1": {Result: OutcomeDone}, "a2": {Result: OutcomeDone}}
			p.Draft.Review.Goals = map[string]Outcome{"g1": {Result: GoalMet}, "g2": {Result: GoalMet}}
			p.Draft.Review.Decision = DecisionClose
			p.Draft.Review.CloseReason = CloseOther
		}, []want{{SevError, "review.close_text"}}},
		// Closing books no next follow-up.
		{"close needs no follow-up booked", func(p *Plan) {
			p.Draft.Review.Actions = map[string]Outcome{"a1": {Result: OutcomeDone}, "a2": {Result: OutcomeDone}}
			p.Draft.Review.Goals = map[string]Outcome{"g1": {Result: GoalMet}, "g2": {Result: GoalMet}}
			_ = p.DecideClose(CloseGoalsMet, "")
			p.Draft.Content.FollowUp = FollowUp{}
		}, nil},
		// There is no default reason for closing after a follow-up.
		{"close without a reason", func(p *Plan) {
			p.Draft.Review.Actions = map[string]Outcome{"a1": {Result: OutcomeDone}, "a2": {Result: OutcomeDone}}
			p.Draft.Review.Goals = map[string]Outcome{"g1": {Result: GoalMet}, "g2": {Result: GoalMet}}
			_ = p.Decide(DecisionClose)
		}, []want{{SevError, "review.close_reason"}}},
		{"revise needs a follow-up booked", func(p *Plan) {
			p.Draft.Review.Actions = map[string]Outcome{"a1": {Result: OutcomeDone}, "a2": {Result: OutcomeDone}}
			p.Draft.Review.Goals = map[string]Outcome{"g1": {Result: GoalMet}, "g2": {Result: GoalMet}}
			_ = p.Decide(DecisionRevise)
			p.Draft.Content.FollowUp = FollowUp{}
		}, []want{{SevError, "content.follow_up.state"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := followUpPlan(t)
			tc.change(p)
			got := findingSet(Validate(p, p.Draft, Options{Now: followUpDay}))
			w := slices.Clone(tc.want)
			slices.SortFunc(w, func(a, b want) int { return strings.Compare(string(a.sev)+a.path, string(b.sev)+b.path) })
			if !slices.Equal(got, w) {
				t.Errorf("findings = %v, want %v", got, w)
			}
		})
	}
	if fs := ValidateReview(validPlan(), validPlan().Draft); fs != nil {
		t.Errorf("a first meeting has no review findings: %v", fs)
	}
	if fs := ValidateReview(nil, nil); fs != nil {
		t.Errorf("nil: %v", fs)
	}
}

func TestDecisionCloseClosesOnFinalise(t *testing.T) {
	cases := []struct {
		name   string
		decide func(p *Plan) error
		reason ClosureReason
		text   string
	}{
		{"goals met", func(p *Plan) error { return p.DecideClose(CloseGoalsMet, "Boende ordnat") }, CloseGoalsMet, "Boende ordnat"},
		{"no more need", func(p *Plan) error { return p.DecideClose(CloseNoNeed, "") }, CloseNoNeed, ""},
		{"other, written", func(p *Plan) error { return p.DecideClose(CloseOther, " Ny plan hos annan kommun ") }, CloseOther, "Ny plan hos annan kommun"},
		{"close again keeps the reason", func(p *Plan) error {
			if err := p.DecideClose(CloseMoved, ""); err != nil {
				return err
			}
			return p.Decide(DecisionClose)
		}, CloseMoved, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := followUpPlan(t)
			if err := tc.decide(p); err != nil {
				t.Fatal(err)
			}
			if _, err := p.Finalise(Options{Now: followUpDay}); err != nil {
				t.Fatal(err)
			}
			c := p.Closure
			if !p.ReadOnly() || c == nil || c.Reason != tc.reason || c.Text != tc.text || c.Date != "2027-03-10" {
				t.Fatalf("status %s, closure %+v", p.Status, c)
			}
			if len(p.Versions) != 2 || p.Versions[1].Review.Decision != DecisionClose {
				t.Error("the closing version must be kept with its review")
			}
			if len(c.Tell) != 5 || c.Tell[0].Name != "Maja Lind" {
				t.Errorf("tell = %v", c.Tell)
			}
		})
	}
}

func TestDecideCloseErrors(t *testing.T) {
	p := followUpPlan(t)
	for _, tc := range []struct {
		reason ClosureReason
		text   string
		want   error
	}{
		{CloseOther, " ", ErrReasonText},
		{"bored", "", ErrReason},
		{CloseConsentGone, "", ErrReasonConsent},
	} {
		if err := p.DecideClose(tc.reason, tc.text); !errors.Is(err, tc.want) {
			t.Errorf("DecideClose(%q) = %v, want %v", tc.reason, err, tc.want)
		}
	}
	if p.Draft.Review.Decision != "" {
		t.Error("a refused decision was recorded")
	}
	_ = p.DecideClose(CloseNoNeed, "")
	_ = p.Decide(DecisionRevise)
	if r := p.Draft.Review; r.Decision != DecisionRevise || r.CloseReason != "" {
		t.Errorf("revise must forget the closing reason: %+v", r)
	}
}

func TestOutcomeLabels(t *testing.T) {
	for _, r := range append(slices.Clone(ActionOutcomes), GoalOutcomes...) {
		sv, en := OutcomeLabel(r, Swedish), OutcomeLabel(r, English)
		if sv == "" || en == "" {
			t.Errorf("%s: %q / %q", r, sv, en)
		}
	}
	if OutcomeLabel(OutcomeNotStarted, Swedish) != "inte påbörjad" || OutcomeLabel(GoalPartlyMet, English) != "partly met" {
		t.Error("labels")
	}
	for _, d := range Decisions {
		if DecisionLabel(d, Swedish) == "" || DecisionLabel(d, English) == "" {
			t.Errorf("decision %s has no label", d)
		}
	}
	if OutcomeLabel("x", Swedish) != "" || DecisionLabel("x", English) != "" {
		t.Error("unknown values must have no label")
	}
}

// TestRehearsalFollowUp runs meeting 3 of the rehearsal at the model level,
// from the demo's finalised first meeting.
func TestRehearsalFollowUp(t *testing.T) {
	p := Demo(time.Date(2027, 3, 8, 9, 0, 0, 0, time.UTC))
	v1 := p.Versions[0]
	acts, goals := v1.Content.Actions, v1.Content.Goals
	d := p.Draft
	if d.Meeting.Date != "2027-03-10" {
		t.Fatalf("follow-up on %s, want 2027-03-10", d.Meeting.Date)
	}
	for i := range d.Meeting.Participants {
		if d.Meeting.Participants[i].Name != "Lena Sund" {
			d.Meeting.Participants[i].Attendance = AttendRoom
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(p.SetActionOutcome(acts[0].ID, OutcomeDone, "Beviljat 2026-12-18."))
	must(p.SetActionOutcome(acts[1].ID, OutcomeDone, ""))
	must(p.SetActionOutcome(acts[2].ID, OutcomeOngoing, ""))
	must(p.SetActionOutcome(acts[3].ID, OutcomeNotStarted, "Väntelista. Blir enskilda samtal i stället."))
	must(p.SetActionOutcome(acts[4].ID, OutcomeChanged, "Flyttat till april."))
	must(p.SetActionOutcome(acts[5].ID, OutcomeOngoing, ""))
	must(p.SetGoalOutcome(goals[0].ID, GoalNotMet, ""))
	must(p.SetGoalOutcome(goals[1].ID, GoalPartlyMet, ""))
	must(p.SetGoalOutcome(goals[2].ID, GoalNotMet, ""))
	must(p.Decide(DecisionRevise))
	// The secretary rewrites what changed.
	d.Content.Actions[3].What = "Enskilda samtal om alkohol"
	d.Content.Actions[3].When = "Varannan vecka från 2027-03-17"
	d.Content.Actions[4].When = "I april 2027"
	d.Content.NotAgreed, d.Content.ConsiderUntil = "", ""
	d.Content.FollowUp = FollowUp{State: FollowUpBooked, Date: "2027-06-09", Time: "10:00", Place: "Psykiatriska öppenvårdsmottagningen",
		Attendees: "Maja och alla enheter; Eva och Sara om Maja vill", CalledBy: "Ali Rahimi", What: "Målen och insatserna"}

	fs, err := p.Finalise(Options{Now: followUpDay})
	if err != nil {
		t.Fatalf("finalise v2: %v %v", err, Errors(fs))
	}
	if fs := Concerns(fs); len(fs) != 0 {
		t.Errorf("v2 findings: %v", findingSet(fs))
	}
	v2 := p.Versions[1]
	wantStatus := []ActionStatus{ActionDone, ActionDone, ActionOngoing, ActionDecided, ActionPlanned, ActionOngoing}
	for i, a := range v2.Content.Actions {
		if a.Status != wantStatus[i] {
			t.Errorf("action %d: %s, want %s", i, a.Status, wantStatus[i])
		}
	}

	cs := Diff(&p.Versions[0], &v2)
	changed := map[string][]string{}
	for _, c := range cs {
		if c.Kind == ChangeAdded || c.Kind == ChangeRemoved && c.Area != AreaContent {
			t.Errorf("unexpected %s %s %q", c.Kind, c.Area, c.Label)
		}
		for _, f := range c.Fields {
			changed[c.Area+":"+c.Label] = append(changed[c.Area+":"+c.Label], f.Key)
		}
	}
	for key, fields := range map[string][]string{
		"action:Boendestöd": {"status"},
		"action:Genomgång av läkemedel och kontroll av litiumvärdet": {"status"},
		"action:Enskilda samtal om alkohol":                          {"what", "when"},
		"action:Möte om rehabilitering och arbete":                   {"when"},
		"follow_up:": {"date", "follow_what"},
	} {
		if !slices.Equal(changed[key], fields) {
			t.Errorf("%s: fields %v, want %v", key, changed[key], fields)
		}
	}
	if _, ok := changed["action:Stödsamtal varje vecka"]; ok {
		t.Error("the weekly call did not change")
	}
	text := FormatDiff(cs, Swedish)
	for _, line := range []string{
		"Ändrad insats: Boendestöd — status: planerad → klar",
		"Ändrad insats: Enskilda samtal om alkohol — vad: Behandlingsgrupp för alkohol → Enskilda samtal om alkohol; när: Från 2027-01-06, en gång i veckan → Varannan vecka från 2027-03-17",
		"Ändrad uppföljning — datum: 2027-03-10 → 2027-06-09; vad som följs upp: Hur det har gått med insatserna och hur långt Maja har kommit mot sina mål → Målen och insatserna",
		"Borttaget ur planen — betänketid till: 2026-12-12",
	} {
		if !strings.Contains(text, line+"\n") && !strings.HasSuffix(text, line) {
			t.Errorf("diff lacks %q:\n%s", line, text)
		}
	}
}

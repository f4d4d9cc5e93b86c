package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// testNow is the day of the rehearsal's first meeting, after it ended.
var testNow = time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC)

// validPlan is a first meeting that meets every rule, so that each case
// below can break exactly one thing and see exactly its finding.
func validPlan() *Plan {
	p := NewPlan(Person{Name: "Maja Lind", PNR: "19890412-3455"}, testNow)
	v := p.Draft
	v.Meeting = Meeting{
		Date: "2026-11-30", Start: "13:00", Minutes: 90, Place: "Mötesrummet", Form: FormRoom,
		Chair: "Karin Holm", Secretary: "Ali Rahimi",
		Participants: []Participant{
			{ID: "p-maja", Name: "Maja Lind", Role: RolePerson, Attendance: AttendRoom},
			{ID: "p-ali", Name: "Ali Rahimi", Role: RoleStaff, Unit: "Psykiatriska öppenvårdsmottagningen",
				Principal: PrincipalRegion, Phone: "070-174 06 12", Email: "ali@example.org", Attendance: AttendRoom},
			{ID: "p-karin", Name: "Karin Holm", Role: RoleStaff, Unit: "Socialtjänstens beroendeenhet",
				Principal: PrincipalKommun, Attendance: AttendRoom},
			{ID: "p-lena", Name: "Lena Sund", Role: RoleStaff, Principal: PrincipalOther, OtherParty: "Försäkringskassan"},
			{ID: "p-eva", Name: "Eva Lind", Role: RoleRelative, Attendance: AttendRoom},
		},
	}
	v.Consent = Consent{
		Given: true, Form: "written", Date: "2026-11-02", ValidUntil: "2027-11-01",
		Actors:   []string{"Psykiatriska öppenvårdsmottagningen", "Socialtjänstens beroendeenhet", "Försäkringskassan"},
		Subjects: []string{"boende", "psykisk hälsa"},
	}
	v.Content = Content{
		OwnWords: "Jag vill ha en egen lägenhet.",
		Needs:    "Stöd för att hitta och klara ett eget boende.",
		Goals:    []Goal{{ID: "g1", Text: "Eget boende inom ett år"}},
		Actions: []Action{{ID: "a1", What: "Boendestöd", Unit: "Socialtjänstens beroendeenhet", Responsible: "Karin Holm",
			Principal: PrincipalKommun, When: "Beslut senast 2026-12-20", Status: ActionPlanned, GoalIDs: []string{"g1"}}},
		Coordinator: Coordinator{ParticipantID: "p-ali"},
		FollowUp: FollowUp{State: FollowUpBooked, Date: "2027-03-10", Time: "10:00", Place: "Mottagningen",
			Attendees: "Alla", CalledBy: "Ali Rahimi", What: "Målen och insatserna"},
	}
	return p
}

type want struct {
	sev  Severity
	path string
}

func findingSet(fs []Finding) []want {
	out := make([]want, 0, len(fs))
	for _, f := range fs {
		out = append(out, want{f.Severity, f.Path})
	}
	slices.SortFunc(out, func(a, b want) int { return strings.Compare(string(a.sev)+a.path, string(b.sev)+b.path) })
	return out
}

func TestValidPlanHasNoFindings(t *testing.T) {
	p := validPlan()
	if fs := Validate(p, p.Draft, Options{Now: testNow}); len(fs) != 0 {
		t.Fatalf("valid plan has findings: %+v", fs)
	}
}

func TestValidateRules(t *testing.T) {
	pt := func(v *Version, id string) *Participant { return v.Participant(id) }
	cases := []struct {
		name   string
		change func(p *Plan, v *Version)
		want   []want
	}{
		// The meeting.
		{"chair is secretary", func(p *Plan, v *Version) { v.Meeting.Secretary = " karin  HOLM " },
			[]want{{SevError, "meeting.secretary"}}},
		{"no chair", func(p *Plan, v *Version) { v.Meeting.Chair = "" }, []want{{SevWarning, "meeting.chair"}}},
		{"no secretary", func(p *Plan, v *Version) { v.Meeting.Secretary = " " }, []want{{SevWarning, "meeting.secretary"}}},
		{"no meeting date", func(p *Plan, v *Version) { v.Meeting.Date = "" }, []want{{SevWarning, "meeting.date"}}},
		{"meeting date format", func(p *Plan, v *Version) { v.Meeting.Date = "30/11/2026" }, []want{{SevError, "meeting.date"}}},
		{"meeting start format", func(p *Plan, v *Version) { v.Meeting.Start = "1300" }, []want{{SevError, "meeting.start"}}},
		{"participant without name", func(p *Plan, v *Version) { pt(v, "p-eva").Name = "" },
			[]want{{SevError, "meeting.participants[4].name"}}},
		{"bad e-mail", func(p *Plan, v *Version) { pt(v, "p-ali").Email = "ali.example.org" },
			[]want{{SevWarning, "meeting.participants[1].email"}}},
		{"nobody present", func(p *Plan, v *Version) {
			for i := range v.Meeting.Participants {
				v.Meeting.Participants[i].Attendance = AttendAbsent
			}
		}, []want{{SevWarning, "meeting.participants"}, {SevWarning, "meeting.participants"},
			{SevWarning, "content.coordinator"},
			// Nobody was there, so the action owner must be reachable.
			{SevWarning, "content.actions[0].contact"}}},
		// The person.
		{"no name", func(p *Plan, v *Version) { p.Person.Name = "  " }, []want{{SevError, "person.name"}}},
		{"bad personnummer", func(p *Plan, v *Version) { p.Person.PNR = "19890412-3454" }, []want{{SevError, "person.pnr"}}},
		// The coordinator.
		{"no coordinator", func(p *Plan, v *Version) { v.Content.Coordinator = Coordinator{} },
			[]want{{SevError, "content.coordinator"}}},
		{"coordinator not a participant", func(p *Plan, v *Version) { v.Content.Coordinator.ParticipantID = "ghost" },
			[]want{{SevError, "content.coordinator"}}},
		{"coordinator from another party", func(p *Plan, v *Version) {
			pt(v, "p-lena").Attendance = AttendRoom
			v.Content.Coordinator.ParticipantID = "p-lena"
		}, []want{{SevError, "content.coordinator"}}},
		{"coordinator is a relative", func(p *Plan, v *Version) {
			pt(v, "p-eva").Principal = PrincipalKommun
			v.Content.Coordinator.ParticipantID = "p-eva"
		}, []want{{SevError, "content.coordinator"}}},
		// Ali is the only one from the region: absent and not invited,
		// the region is missing too.
		// The seeds want the coordinator at the meeting, but do not require it.
		{"coordinator absent", func(p *Plan, v *Version) { pt(v, "p-ali").Attendance = AttendAbsent },
			[]want{{SevWarning, "content.coordinator"}, {SevWarning, "meeting.participants"}}},
		// Staff of another party that the region funds coordinate as the
		// picker offers them.
		{"coordinator is a funded party's staff", func(p *Plan, v *Version) {
			ali := pt(v, "p-ali")
			ali.Role, ali.Principal, ali.OtherParty, ali.FundedBy = RolePartyStaff, PrincipalOther, "Vårdbolaget AB", PrincipalRegion
		}, nil},
		{"coordinator without phone or e-mail", func(p *Plan, v *Version) {
			pt(v, "p-ali").Phone, pt(v, "p-ali").Email = "", ""
		}, []want{{SevError, "meeting.participants[1].phone"}}},
		{"coordinator from contracted care", func(p *Plan, v *Version) {
			ali := pt(v, "p-ali")
			ali.Principal, ali.OtherParty, ali.FundedBy = PrincipalOther, "Vårdbolaget AB", PrincipalRegion
		}, nil},
		{"coordinator from a provider nobody funds", func(p *Plan, v *Version) {
			ali := pt(v, "p-ali")
			ali.Principal, ali.OtherParty = PrincipalOther, "Vårdbolaget AB"
		}, []want{{SevError, "content.coordinator"}, {SevWarning, "meeting.participants"}}},
		// The follow-up.
		{"no follow-up state", func(p *Plan, v *Version) { v.Content.FollowUp = FollowUp{} },
			[]want{{SevError, "content.follow_up.state"}}},
		{"booked without date", func(p *Plan, v *Version) { v.Content.FollowUp.Date = "" },
			[]want{{SevError, "content.follow_up.date"}}},
		{"booked without what is followed up", func(p *Plan, v *Version) { v.Content.FollowUp.What = "" },
			[]want{{SevError, "content.follow_up.what"}}},
		{"booked without place or attendees", func(p *Plan, v *Version) {
			v.Content.FollowUp.Place, v.Content.FollowUp.Attendees = "", ""
		}, []want{{SevWarning, "content.follow_up.attendees"}, {SevWarning, "content.follow_up.place"}}},
		{"none without reason or mandate end", func(p *Plan, v *Version) { v.Content.FollowUp = FollowUp{State: FollowUpNone} },
			[]want{{SevError, "content.follow_up.mandate_ends"}, {SevError, "content.follow_up.none_reason"}}},
		{"none without mandate end", func(p *Plan, v *Version) {
			v.Content.FollowUp = FollowUp{State: FollowUpNone, NoneReason: "Kort insats"}
		}, []want{{SevError, "content.follow_up.mandate_ends"}}},
		{"none with reason and mandate end", func(p *Plan, v *Version) {
			v.Content.FollowUp = FollowUp{State: FollowUpNone, NoneReason: "Kort insats", MandateEnds: "2027-06-30"}
		}, nil},
		{"mandate end format", func(p *Plan, v *Version) {
			v.Content.FollowUp = FollowUp{State: FollowUpNone, NoneReason: "Kort insats", MandateEnds: "juni"}
		}, []want{{SevError, "content.follow_up.mandate_ends"}}},
		{"to be booked, nothing written", func(p *Plan, v *Version) { v.Content.FollowUp = FollowUp{State: FollowUpLater} },
			[]want{{SevError, "content.follow_up.book_by"}, {SevError, "content.follow_up.why_later"},
				{SevError, "content.follow_up.mandate_ends"}, {SevError, "content.follow_up.what"}}},
		{"to be booked, all written", func(p *Plan, v *Version) {
			v.Content.FollowUp = FollowUp{State: FollowUpLater, BookBy: "2027-01-15", WhyLater: "Beslut om boendestöd väntas",
				MandateEnds: "2027-03-31", What: "Målen"}
		}, nil},
		{"to be booked after the mandate ends", func(p *Plan, v *Version) {
			v.Content.FollowUp = FollowUp{State: FollowUpLater, BookBy: "2027-05-15", WhyLater: "Beslut väntas",
				MandateEnds: "2027-03-31", What: "Målen"}
		}, []want{{SevWarning, "content.follow_up.book_by"}}},
		{"mandate ends before the meeting", func(p *Plan, v *Version) {
			v.Content.FollowUp = FollowUp{State: FollowUpNone, NoneReason: "Kort", MandateEnds: "2026-11-01"}
		}, []want{{SevWarning, "content.follow_up.mandate_ends"}}},
		{"follow-up after the consent ends", func(p *Plan, v *Version) { v.Consent.ValidUntil = "2027-03-01" },
			[]want{{SevWarning, "content.follow_up.date"}}},
		{"mandate after the consent ends", func(p *Plan, v *Version) {
			v.Consent.ValidUntil = "2027-03-01"
			v.Content.FollowUp = FollowUp{State: FollowUpNone, NoneReason: "Kort", MandateEnds: "2027-06-30"}
		}, []want{{SevWarning, "content.follow_up.mandate_ends"}}},
		{"unknown follow-up state", func(p *Plan, v *Version) { v.Content.FollowUp.State = "maybe" },
			[]want{{SevError, "content.follow_up.state"}}},
		{"follow-up in the past", func(p *Plan, v *Version) { v.Content.FollowUp.Date = "2026-11-29" },
			[]want{{SevWarning, "content.follow_up.date"}}},
		{"follow-up today", func(p *Plan, v *Version) { v.Content.FollowUp.Date = "2026-11-30" }, nil},
		{"follow-up before the meeting", func(p *Plan, v *Version) { v.Meeting.Date = "2026-12-10"; v.Content.FollowUp.Date = "2026-12-01" },
			[]want{{SevWarning, "content.follow_up.date"}}},
		{"follow-up date format", func(p *Plan, v *Version) { v.Content.FollowUp.Date = "10 mars" },
			[]want{{SevError, "content.follow_up.date"}}},
		{"follow-up time format", func(p *Plan, v *Version) { v.Content.FollowUp.Time = "25:00" },
			[]want{{SevError, "content.follow_up.time"}}},
		{"follow-up without time", func(p *Plan, v *Version) { v.Content.FollowUp.Time = "" },
			[]want{{SevWarning, "content.follow_up.time"}}},
		{"follow-up without caller", func(p *Plan, v *Version) { v.Content.FollowUp.CalledBy = "" },
			[]want{{SevWarning, "content.follow_up.called_by"}}},
		// Consent.
		{"consent missing", func(p *Plan, v *Version) { v.Consent.Given = false }, []want{{SevError, "consent.given"}}},
		{"consent expired", func(p *Plan, v *Version) { v.Consent.ValidUntil = "2026-11-29" },
			[]want{{SevError, "consent.valid_until"}, {SevWarning, "content.follow_up.date"}}},
		{"consent valid through today", func(p *Plan, v *Version) {
			v.Consent.ValidUntil = "2026-11-30"
			v.Content.FollowUp.Date = "2026-11-30"
		}, nil},
		{"consent without end", func(p *Plan, v *Version) { v.Consent.ValidUntil = "" },
			[]want{{SevError, "consent.valid_until"}}},
		{"consent without subjects", func(p *Plan, v *Version) { v.Consent.Subjects = []string{" "} },
			[]want{{SevError, "consent.subjects"}}},
		{"consent dated after the meeting", func(p *Plan, v *Version) { v.Consent.Date = "2026-12-01" },
			[]want{{SevWarning, "consent.date"}}},
		{"consent dated on the meeting day", func(p *Plan, v *Version) { v.Consent.Date = "2026-11-30" }, nil},
		{"consent withdrawn", func(p *Plan, v *Version) { v.Consent.WithdrawnOn = "2026-11-29" },
			[]want{{SevError, "consent.withdrawn_on"}}},
		{"consent date format", func(p *Plan, v *Version) { v.Consent.Date = "2026-11-2" },
			[]want{{SevError, "consent.date"}}},
		// A bad format must not also read as expired.
		{"consent end format", func(p *Plan, v *Version) { v.Consent.ValidUntil = "1/11 2027" },
			[]want{{SevError, "consent.valid_until"}}},
		{"consent withdrawal format", func(p *Plan, v *Version) { v.Consent.WithdrawnOn = "igår" },
			[]want{{SevError, "consent.withdrawn_on"}, {SevError, "consent.withdrawn_on"}}},
		{"consent does not cover a present unit", func(p *Plan, v *Version) {
			v.Consent.Actors = []string{"Psykiatriska öppenvårdsmottagningen", "Försäkringskassan"}
		}, []want{{SevError, "meeting.participants[2].unit"}}},
		{"consent need not cover an absent unit", func(p *Plan, v *Version) {
			v.Consent.Actors = v.Consent.Actors[:2]
		}, nil},
		{"consent does not cover a present other party", func(p *Plan, v *Version) {
			v.Consent.Actors = v.Consent.Actors[:2]
			pt(v, "p-lena").Attendance = AttendRoom
		}, []want{{SevError, "meeting.participants[3].unit"}}},
		{"consent covers a present other party", func(p *Plan, v *Version) { pt(v, "p-lena").Attendance = AttendRoom }, nil},
		{"consent never covers by part of a name", func(p *Plan, v *Version) {
			v.Consent.Actors = []string{"vård", "psykiatriska", "Socialtjänstens beroendeenhet", "Försäkringskassan"}
		}, []want{{SevError, "meeting.participants[1].unit"}}},
		{"consent covers by whole name, case and spacing aside", func(p *Plan, v *Version) {
			v.Consent.Actors = []string{"psykiatriska  ÖPPENVÅRDSMOTTAGNINGEN", " socialtjänstens beroendeenhet", "Försäkringskassan"}
		}, nil},
		{"present staff without a unit", func(p *Plan, v *Version) { pt(v, "p-karin").Unit = "" },
			[]want{{SevError, "meeting.participants[2].unit"}}},
		{"consent does not cover an action's unit", func(p *Plan, v *Version) {
			v.Content.Actions = append(v.Content.Actions, Action{ID: "a2", What: "Hemtjänst", Unit: "Hemtjänsten Norr",
				Responsible: "Per Wall", Contact: "070-174 06 99", Principal: PrincipalKommun, When: "Dagligen", Status: ActionDecided})
		}, []want{{SevError, "content.actions[1].unit"}}},
		{"child without guardians", func(p *Plan, v *Version) { p.Variant = AgeChild; p.Person.PNR = "20150308-2388" },
			[]want{{SevError, "consent.guardians"}, {SevError, "content.own_view_how"}}},
		{"child, a guardian has not consented", func(p *Plan, v *Version) {
			p.Variant = AgeChild
			p.Person.PNR = ""
			v.Content.OwnViewHow = "Samtal med kuratorn"
			v.Consent.Guardians = []Guardian{{Name: "Anna", Given: true}, {Name: "Peter"}}
		}, []want{{SevError, "consent.guardians[1].given"}}},
		{"child, a guardian without a name", func(p *Plan, v *Version) {
			p.Variant = AgeChild
			v.Content.OwnViewHow = "Samtal med kuratorn"
			p.Person.PNR = "20150308-2388"
			v.Consent.Guardians = []Guardian{{Name: "Anna", Given: true}, {Name: " ", Given: true}}
		}, []want{{SevError, "consent.guardians[1].name"}}},
		{"child, both guardians consent", func(p *Plan, v *Version) {
			p.Variant = AgeChild
			p.Person.PNR = "20150308-2388"
			v.Content.OwnViewHow = "Samtal med kuratorn"
			v.Consent.Guardians = []Guardian{{Name: "Anna", Given: true}, {Name: "Peter", Given: true}}
		}, nil},
		{"child without own view", func(p *Plan, v *Version) {
			p.Variant = AgeChild
			p.Person.PNR = "20150308-2388"
			v.Content.OwnWords = ""
			v.Consent.Guardians = []Guardian{{Name: "Anna", Given: true}}
		}, []want{{SevError, "content.own_words"}, {SevError, "content.own_view_how"}}},
		// 2008-11-30 turns 18 on the meeting day: the adult rules, with a notice.
		{"child's plan, the person is 18 on the meeting day", func(p *Plan, v *Version) {
			p.Variant = AgeChild
			p.Person.PNR = "20081130-0003"
		}, []want{{SevNotice, "person.variant"}}},
		{"child's plan, the person is 18 the day after", func(p *Plan, v *Version) {
			p.Variant = AgeChild
			p.Person.PNR = "20081201-0007"
		}, []want{{SevError, "consent.guardians"}, {SevError, "content.own_view_how"}}},
		// Goals and actions.
		// Minimum content.
		{"no needs", func(p *Plan, v *Version) { v.Content.Needs = " " }, []want{{SevError, "content.needs"}}},
		{"no own words", func(p *Plan, v *Version) { v.Content.OwnWords = "" }, []want{{SevWarning, "content.own_words"}}},
		{"no goals", func(p *Plan, v *Version) {
			v.Content.Goals = nil
			v.Content.Actions[0].GoalIDs = nil
		}, []want{{SevError, "content.goals"}}},
		{"empty goal", func(p *Plan, v *Version) { v.Content.Goals[0].Text = "" }, []want{{SevError, "content.goals[0].text"}}},
		{"no actions", func(p *Plan, v *Version) { v.Content.Actions = nil },
			[]want{{SevError, "content.actions"}}},
		{"action without description", func(p *Plan, v *Version) { v.Content.Actions[0].What = "" },
			[]want{{SevError, "content.actions[0].what"}}},
		{"action without unit", func(p *Plan, v *Version) { v.Content.Actions[0].Unit = "" },
			[]want{{SevError, "content.actions[0].unit"}}},
		{"action without principal", func(p *Plan, v *Version) { v.Content.Actions[0].Principal = "" },
			[]want{{SevError, "content.actions[0].principal"}}},
		{"action of another party without its name", func(p *Plan, v *Version) {
			v.Content.Actions[0].Principal = PrincipalOther
		}, []want{{SevError, "content.actions[0].other_party"}}},
		{"relative's own action needs no unit or principal", func(p *Plan, v *Version) {
			v.Content.Actions = append(v.Content.Actions, Action{ID: "a2", What: "Handla varje vecka", Responsible: "eva lind",
				When: "Lördagar", Status: ActionOngoing})
		}, nil},
		{"the person's own action needs no unit or principal", func(p *Plan, v *Version) {
			v.Content.Actions = append(v.Content.Actions, Action{ID: "a2", What: "Gå på AA-möten", Responsible: "Maja Lind",
				When: "Varje onsdag", Status: ActionDecided})
		}, nil},
		{"action without responsible", func(p *Plan, v *Version) { v.Content.Actions[0].Responsible = "" },
			[]want{{SevError, "content.actions[0].responsible"}}},
		{"action without when", func(p *Plan, v *Version) { v.Content.Actions[0].When = "" },
			[]want{{SevError, "content.actions[0].when"}}},
		{"action with only a due date", func(p *Plan, v *Version) { v.Content.Actions[0].When, v.Content.Actions[0].Due = "", "2026-12-20" }, nil},
		{"action due before it starts", func(p *Plan, v *Version) {
			v.Content.Actions[0].Start, v.Content.Actions[0].Due = "2027-01-10", "2027-01-01"
		}, []want{{SevWarning, "content.actions[0].due"}}},
		{"action start date format", func(p *Plan, v *Version) { v.Content.Actions[0].Start = "januari" },
			[]want{{SevError, "content.actions[0].start"}}},
		{"action with an old status", func(p *Plan, v *Version) { v.Content.Actions[0].Status = ActionAwaiting },
			[]want{{SevError, "content.actions[0].status"}}},
		{"no kommun", func(p *Plan, v *Version) {
			pt(v, "p-karin").Principal = PrincipalOther
			pt(v, "p-karin").OtherParty = "Stiftelsen"
			v.Content.Actions[0].Principal, v.Content.Actions[0].OtherParty = PrincipalOther, "Stiftelsen"
		}, []want{{SevWarning, "meeting.participants"}}},
		{"the person absent, handover written", func(p *Plan, v *Version) {
			pt(v, "p-maja").Attendance = AttendAbsent
			v.Content.HandoverBy, v.Content.HandoverWhen = "Ali Rahimi", "2026-12-02"
		}, []want{{SevWarning, "meeting.participants"}}},
		{"the person absent, no handover", func(p *Plan, v *Version) { pt(v, "p-maja").Attendance = AttendAbsent },
			[]want{{SevWarning, "meeting.participants"}, {SevWarning, "content.handover_by"}}},
		{"action for a goal that is gone", func(p *Plan, v *Version) { v.Content.Actions[0].GoalIDs = []string{"g9"} },
			[]want{{SevWarning, "content.actions[0].goal_ids"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := validPlan()
			tc.change(p, p.Draft)
			got := findingSet(Validate(p, p.Draft, Options{Now: testNow}))
			w := slices.Clone(tc.want)
			slices.SortFunc(w, func(a, b want) int { return strings.Compare(string(a.sev)+a.path, string(b.sev)+b.path) })
			if !slices.Equal(got, w) {
				t.Errorf("findings = %v, want %v", got, w)
			}
		})
	}
}

func TestFindingsSpeakBothLanguages(t *testing.T) {
	p := validPlan()
	v := p.Draft
	v.Meeting = Meeting{Chair: "A", Secretary: "a", Date: "x", Start: "y"}
	v.Consent = Consent{}
	v.Content = Content{FollowUp: FollowUp{State: FollowUpNone}}
	for _, f := range Validate(p, v, Options{Now: testNow}) {
		if f.Message.SV == "" || f.Message.EN == "" || f.Message.SV == f.Message.EN {
			t.Errorf("%s: message not in both languages: %+v", f.Path, f.Message)
		}
	}
}

func TestValidatePlainLanguage(t *testing.T) {
	p := validPlan()
	p.Draft.Content.Situation = "Beslut enligt SoL väntas."
	fs := Validate(p, p.Draft, Options{Now: testNow, Jargon: []Jargon{{Term: "SoL", Plain: Text{"socialtjänstlagen", "the Social Services Act"}}}})
	if got := findingSet(fs); !slices.Equal(got, []want{{SevWarning, "content.situation"}}) {
		t.Errorf("findings = %v", got)
	}
}

func TestErrorsFilters(t *testing.T) {
	fs := []Finding{{Severity: SevWarning}, {Severity: SevError, Path: "x"}, {Severity: SevWarning}}
	if e := Errors(fs); len(e) != 1 || e[0].Path != "x" {
		t.Errorf("Errors = %+v", e)
	}
}

func TestSameName(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Karin Holm", "karin  holm", true},
		{" Karin Holm ", "KARIN HOLM", true},
		{"Karin Holm", "Karin Holmberg", false},
		{"", "", false},
		{"  ", "", false},
	} {
		if got := SameName(tc.a, tc.b); got != tc.want {
			t.Errorf("SameName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestSeveralResponsible: "Anna och Peter Nyström" are two people, each
// checked: Anna was at the meeting, Peter was not and has no contact.
func TestSeveralResponsible(t *testing.T) {
	if got := ResponsiblePeople("Anna och Peter Nyström"); len(got) != 2 || got[0] != "Anna Nyström" || got[1] != "Peter Nyström" {
		t.Errorf("people %q", got)
	}
	if got := ResponsiblePeople("Karin Holm"); len(got) != 1 || got[0] != "Karin Holm" {
		t.Errorf("one person %q", got)
	}
	p := validPlan()
	v := p.Draft
	v.Meeting.Participants = append(v.Meeting.Participants,
		Participant{ID: "p-anna", Name: "Anna Nyström", Role: RoleStaff, Unit: v.Content.Actions[0].Unit, Principal: PrincipalKommun, Attendance: AttendRoom})
	v.Content.Actions[0].Responsible = "Anna och Peter Nyström"
	v.Content.Actions[0].Contact = ""
	var msgs []string
	for _, f := range Validate(p, v, Options{Now: testNow}) {
		msgs = append(msgs, f.Message.In(Swedish))
	}
	all := strings.Join(msgs, "\n")
	if strings.Contains(all, "Anna och Peter Nyström var inte med") || strings.Contains(all, "Anna Nyström var inte med") {
		t.Errorf("the pair or Anna, who was there, is said to be absent:\n%s", all)
	}
	if !strings.Contains(all, "Peter Nyström var inte med på mötet") {
		t.Errorf("Peter, who was not there, is not named:\n%s", all)
	}
}

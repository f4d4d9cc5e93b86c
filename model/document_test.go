package model

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// docPlan is a small finalised plan with every part filled in.
func docPlan() *Plan {
	fin := time.Date(2026, 11, 30, 14, 30, 0, 0, time.UTC)
	return &Plan{
		ID:     "plan-1",
		Person: Person{Name: "Maja Lind", PNR: "19890412-3455"},
		Versions: []Version{{
			Number:      1,
			FinalisedAt: &fin,
			Meeting: Meeting{Date: "2026-11-30", Start: "13:00", Minutes: 90, Place: "Mottagningen", Form: FormRoom,
				Chair: "Karin Holm", Secretary: "Ali Rahimi",
				Participants: []Participant{
					{ID: "p1", Name: "Maja Lind", Role: RolePerson, Attendance: AttendRoom},
					{ID: "p2", Name: "Ali Rahimi", Role: RoleStaff, Unit: "Psykiatrin", Principal: PrincipalRegion,
						Phone: "070-174 06 12", Email: "ali@example.org", Attendance: AttendRoom},
					{ID: "p3", Name: "Lena Sund", Role: RoleStaff, Unit: "Försäkringskassan", Principal: PrincipalOther,
						OtherParty: "Försäkringskassan", Attendance: AttendAbsent},
				}},
			Consent: Consent{Given: true, Form: "written", Date: "2026-11-02", ValidUntil: "2027-11-01",
				Actors: []string{"Psykiatrin", "Försäkringskassan"}, Subjects: []string{"boende"},
				NotRaise: []string{"hennes tidigare partner"}},
			Content: Content{
				OwnWords: "Ett eget boende.", Situation: "Sover dåligt.", Needs: "Stöd i boendet.",
				Goals: []Goal{{ID: "g1", Text: "Eget boende"}, {ID: "g2", Text: "Arbete 25 %"}},
				Actions: []Action{
					{ID: "a1", What: "Boendestöd", Unit: "Socialtjänsten", Responsible: "Karin Holm", Principal: PrincipalKommun,
						When: "december", Status: ActionPlanned, GoalIDs: []string{"g1"}},
					{ID: "a2", What: "Avstämningsmöte", Unit: "Försäkringskassan", Responsible: "Lena Sund",
						Principal: PrincipalOther, OtherParty: "Försäkringskassan", When: "februari", Status: ActionPlanned, GoalIDs: []string{"g2"}},
				},
				NotAgreed: "Om Eva får veta.", ConsiderUntil: "2026-12-14",
				Medication: "Litium", Devices: "Rollator",
				Coordinator: Coordinator{ParticipantID: "p2"},
				FollowUp:    FollowUp{Date: "2027-03-10", Time: "10:00", Place: "Mottagningen", Attendees: "alla", CalledBy: "p2"},
				Evaluation:  "Bra möte.", Notes: "Inget mer.",
			},
		}},
	}
}

func headings(d Document) []string {
	var out []string
	for _, s := range d.Sections {
		out = append(out, s.Heading)
	}
	return out
}

func section(d Document, heading string) *Section {
	for i := range d.Sections {
		if d.Sections[i].Heading == heading {
			return &d.Sections[i]
		}
	}
	return nil
}

func TestBuildDocumentOrder(t *testing.T) {
	tests := []struct {
		lang Lang
		edit func(*Version)
		want []string
	}{
		// "How the meeting felt" is never printed: it is kept, not signed.
		{Swedish, func(*Version) {}, []string{"Det här är viktigt för mig", "Hur det är nu", "Behov, förutsättningar och intressen", "Mål", "Insatser och åtgärder",
			"Deltagare", "Det här kom vi inte överens om", "Läkemedel", "Hjälpmedel", "Samordnare", "Uppföljning", "Samtycke",
			"Övrigt", "Vem som får planen"}},
		{English, func(*Version) {}, []string{"What matters to me", "Current situation", "Needs, circumstances and interests", "Goals",
			"Actions", "Participants", "What was not agreed", "Medication", "Assistive devices", "Coordinator", "Follow-up", "Consent",
			"Notes", "Who gets the plan"}},
		{Swedish, func(v *Version) { v.Content.Medication, v.Content.Devices = "", " " }, []string{
			"Det här är viktigt för mig", "Hur det är nu", "Behov, förutsättningar och intressen", "Mål", "Insatser och åtgärder", "Deltagare", "Det här kom vi inte överens om",
			"Samordnare", "Uppföljning", "Samtycke", "Övrigt", "Vem som får planen"}},
		{Swedish, func(v *Version) { v.Content.HandoverBy, v.Content.HandoverWhen = "p2", "2026-12-02" }, []string{
			"Det här är viktigt för mig", "Hur det är nu", "Behov, förutsättningar och intressen", "Mål", "Insatser och åtgärder", "Deltagare", "Det här kom vi inte överens om",
			"Läkemedel", "Hjälpmedel", "Samordnare", "Uppföljning", "Överlämning till den enskilde", "Samtycke", "Övrigt", "Vem som får planen"}},
		// Optional sections left empty are left out; the three a
		// finalised plan must have stay.
		{English, func(v *Version) {
			v.Content = Content{}
			v.Meeting.Participants = nil
		}, []string{"Coordinator", "Follow-up", "Consent"}},
	}
	for _, tt := range tests {
		p := docPlan()
		tt.edit(&p.Versions[0])
		d := BuildDocument(p, &p.Versions[0], tt.lang)
		if got := strings.Join(headings(d), " | "); got != strings.Join(tt.want, " | ") {
			t.Errorf("%s: sections\n got %s\nwant %s", tt.lang, got, strings.Join(tt.want, " | "))
		}
	}
}

func TestBuildDocumentHeader(t *testing.T) {
	p := docPlan()
	d := BuildDocument(p, &p.Versions[0], Swedish)
	if d.Title != "Samordnad individuell plan (SIP)" || d.Person != "Maja Lind" || d.Version != "Version 1 (fastställd)" {
		t.Errorf("title %q person %q version %q", d.Title, d.Person, d.Version)
	}
	want := map[string]string{
		"Den enskilde": "Maja Lind", "Personnummer": "19890412-3455", "Version": "1, fastställd 2026-11-30",
		"Datum": "2026-11-30", "Tid": "13:00–14:30", "Plats": "Mottagningen", "Mötesform": "fysiskt möte",
	}
	got := map[string]string{}
	for _, kv := range d.Subtitle {
		got[kv.Key] = kv.Value
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
	p.Draft = &Version{Number: 2}
	if d := BuildDocument(p, nil, English); d.Version != "Version 2 (draft)" {
		t.Errorf("a nil version should be the draft: %q", d.Version)
	}
}

// TestBuildDocumentNotRaise: the subjects the person does not want raised
// must not be anywhere in the document, not even as a heading.
func TestBuildDocumentNotRaise(t *testing.T) {
	for _, l := range []Lang{Swedish, English} {
		p := docPlan()
		b, err := json.Marshal(BuildDocument(p, &p.Versions[0], l))
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"tidigare partner", "inte tas upp", "not to be raised", "not raise"} {
			if strings.Contains(strings.ToLower(string(b)), bad) {
				t.Errorf("%s: the document mentions %q", l, bad)
			}
		}
		if !strings.Contains(string(b), "boende") {
			t.Errorf("%s: the consented subjects are missing", l)
		}
	}
}

func TestBuildDocumentActions(t *testing.T) {
	p := docPlan()
	s := section(BuildDocument(p, &p.Versions[0], Swedish), "Insatser och åtgärder")
	if s == nil || len(s.Blocks) != 2 {
		t.Fatalf("want two tables, got %+v", s)
	}
	own, other := s.Blocks[0].Table, s.Blocks[1].Table
	goals := p.Versions[0].Content.Goals
	if len(own.Rows) != 1 || own.Rows[0][0] != "Boendestöd" || own.Rows[0][4] != "1. "+goals[0].Text || own.Rows[0][3] != "planerad" {
		t.Errorf("own actions %v", own.Rows)
	}
	if other.Caption != "Åtgärder av andra" || len(other.Rows) != 1 ||
		!strings.HasSuffix(other.Rows[0][1], "Försäkringskassan") || other.Rows[0][4] != "2. "+goals[1].Text {
		t.Errorf("other parties' actions %q %v", other.Caption, other.Rows)
	}
	if len(own.Header) != 5 || own.Header[2] != "När" {
		t.Errorf("header %v", own.Header)
	}

	// Only other parties: one table, still captioned.
	p.Versions[0].Content.Actions = p.Versions[0].Content.Actions[1:]
	s = section(BuildDocument(p, &p.Versions[0], Swedish), "Insatser och åtgärder")
	if len(s.Blocks) != 1 || s.Blocks[0].Table.Caption == "" {
		t.Errorf("only other parties: %+v", s.Blocks)
	}
}

func TestBuildDocumentEmpty(t *testing.T) {
	for _, p := range []*Plan{nil, {}, NewPlan(Person{}, time.Now())} {
		d := BuildDocument(p, nil, Swedish)
		if len(d.Sections) == 0 || d.Title == "" {
			t.Fatal("an empty plan gives no document")
		}
		if got := strings.Join(headings(d), " | "); got != "Samordnare | Uppföljning | Samtycke" {
			t.Errorf("an empty plan prints %s; want only the sections a finalised plan must have", got)
		}
		for _, s := range d.Sections {
			if len(s.Blocks) == 0 || !s.Blocks[0].Note {
				t.Errorf("%s: an empty required section must say what is missing", s.Heading)
			}
		}
		if len(d.Signatures.Lines) != 0 || d.Signatures.Heading == "" {
			t.Errorf("signatures %+v", d.Signatures)
		}
	}
}

func TestBuildDocumentFollowUp(t *testing.T) {
	tests := []struct {
		name string
		f    FollowUp
		want []string
		not  []string
	}{
		{"booked", FollowUp{State: FollowUpBooked, Date: "2027-03-10", Time: "10:00", Place: "Mottagningen", Attendees: "alla", CalledBy: "p2",
			What: "Målen"}, []string{"2027-03-10", "10:00", "Mottagningen", "alla", "Ali Rahimi", "Målen", "Det här följs upp och utvärderas"}, nil},
		{"called by name", FollowUp{State: FollowUpBooked, Date: "2027-03-10", CalledBy: "Karin Holm"}, []string{"Karin Holm", Empty}, nil},
		{"none", FollowUp{State: FollowUpNone, NoneReason: "Målen är nådda", MandateEnds: "2027-01-31"},
			[]string{"Ingen uppföljning är planerad.", "Målen är nådda", "2027-01-31", "Samordnarens uppdrag gäller till"}, nil},
		// Booking later is not "no follow-up": the print must never say
		// none is planned above a reason for booking later.
		{"to be booked", FollowUp{State: FollowUpLater, BookBy: "2027-01-15", WhyLater: "Beslut om boendestöd väntas", MandateEnds: "2027-03-31", What: "Målen"},
			[]string{"Uppföljningen bokas senare.", "2027-01-15", "Beslut om boendestöd väntas", "2027-03-31", "Samordnarens uppdrag gäller till", "Målen"},
			[]string{"Ingen uppföljning"}},
		{"not chosen", FollowUp{}, []string{"Det står inte hur planen följs upp."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := docPlan()
			p.Versions[0].Content.FollowUp = tt.f
			b, _ := json.Marshal(section(BuildDocument(p, &p.Versions[0], Swedish), "Uppföljning"))
			for _, w := range tt.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("the follow-up lacks %q: %s", w, b)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(string(b), w) {
					t.Errorf("the follow-up says %q: %s", w, b)
				}
			}
		})
	}
}

func TestBuildDocumentSignatures(t *testing.T) {
	p := docPlan()
	d := BuildDocument(p, &p.Versions[0], Swedish)
	got := d.Signatures.Lines
	if len(got) != 2 {
		t.Fatalf("want the two present, got %+v", got)
	}
	if got[0].Name != "Maja Lind" || !got[0].Person || got[0].Unit != "den enskilde" || got[0].Date != "2026-11-30" {
		t.Errorf("the person's line %+v", got[0])
	}
	if got[1].Name != "Ali Rahimi" || got[1].Person || got[1].Unit != "Psykiatrin" {
		t.Errorf("staff line %+v", got[1])
	}
}

func TestBuildDocumentCoordinatorAndConsent(t *testing.T) {
	p := docPlan()
	d := BuildDocument(p, &p.Versions[0], English)
	b, _ := json.Marshal(section(d, "Coordinator"))
	for _, w := range []string{"Ali Rahimi", "070-174 06 12", "ali@example.org", "region"} {
		if !strings.Contains(string(b), w) {
			t.Errorf("the coordinator lacks %q", w)
		}
	}
	b, _ = json.Marshal(section(d, "Consent"))
	for _, w := range []string{"Psykiatrin, Försäkringskassan", "written", "2027-11-01"} {
		if !strings.Contains(string(b), w) {
			t.Errorf("the consent lacks %q", w)
		}
	}
	p.Versions[0].Content.Coordinator = Coordinator{}
	if s := section(BuildDocument(p, &p.Versions[0], Swedish), "Samordnare"); !s.Blocks[0].Note {
		t.Errorf("no coordinator: %+v", s.Blocks)
	}
}

func TestBuildDocumentReview(t *testing.T) {
	p := docPlan()
	v2 := CloneVersion(p.Versions[0])
	v2.Number, v2.FinalisedAt = 2, nil
	v2.Review = &Review{
		Actions:  map[string]Outcome{"a1": {Result: OutcomeDone, Note: "Beviljat 2026-12-18"}},
		Goals:    map[string]Outcome{"g2": {Result: GoalPartlyMet}},
		Decision: "revise",
	}
	p.Draft = &v2
	d := BuildDocument(p, nil, Swedish)
	s := section(d, "Uppföljning av förra planen")
	if s == nil {
		t.Fatalf("no review section in %v", headings(d))
	}
	b, _ := json.Marshal(s)
	for _, w := range []string{"Boendestöd", "klar", "Beviljat 2026-12-18", "2. Arbete 25 %", "delvis uppnått", "planen revideras"} {
		if !strings.Contains(string(b), w) {
			t.Errorf("the review lacks %q: %s", w, b)
		}
	}
	if headings(d)[2] != s.Heading {
		t.Errorf("the review should follow the current situation, as in the meeting: %v", headings(d))
	}

	v2.Review.Decision, v2.Review.CloseReason, v2.Review.CloseText = DecisionClose, CloseMoved, "till Umeå"
	b, _ = json.Marshal(section(BuildDocument(p, nil, Swedish), "Uppföljning av förra planen"))
	for _, w := range []string{"planen avslutas", "den enskilde har flyttat (till Umeå)"} {
		if !strings.Contains(string(b), w) {
			t.Errorf("the closing lacks %q: %s", w, b)
		}
	}
}

func TestDocumentMasked(t *testing.T) {
	p := docPlan()
	d := BuildDocument(p, &p.Versions[0], Swedish)
	m := d.Masked()
	b, _ := json.Marshal(m)
	if strings.Contains(string(b), "3455") || !strings.Contains(string(b), "19890412-****") {
		t.Errorf("masked: %s", b)
	}
	if d.Subtitle[1].Value != "19890412-3455" {
		t.Error("Masked changed the original document")
	}
	p.Person.PNR = ""
	if d := BuildDocument(p, nil, Swedish); d.Masked().Subtitle[1].Value != Empty {
		t.Error("no number: the dash should stay")
	}
}

// TestDocumentWordsDoNotRepeat: a goal list whose goals end in a full stop
// is joined without "; " after it, and "till" typed before the date of the
// time to consider is not said twice.
func TestDocumentWordsDoNotRepeat(t *testing.T) {
	if got := joinSentences([]string{"2. Jobb senast 2027.", "3. Jag vill bo kvar"}); got != "2. Jobb senast 2027. 3. Jag vill bo kvar" {
		t.Errorf("goals joined as %q", got)
	}
	if got := joinSentences([]string{"1. Sova", "2. Äta"}); got != "1. Sova; 2. Äta" {
		t.Errorf("goals joined as %q", got)
	}
	if got := UntilText(" till 14 december, svar till Eva"); got != "14 december, svar till Eva" {
		t.Errorf("time to consider reads %q", got)
	}
}

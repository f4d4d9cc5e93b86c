package model

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestRoleDefaults: each role decides whether someone signs, speaks in the
// rounds and gets a copy, as the secretary would set it by hand.
func TestRoleDefaults(t *testing.T) {
	tests := []struct {
		role                Role
		signs, speaks, copy bool
		principal           Principal
		staff, private      bool
	}{
		{RolePerson, true, true, true, "", false, true},
		{RoleRelative, true, true, true, "", false, true},
		{RoleGuardian, true, true, true, "", false, true},
		{RoleTrustee, true, true, true, "", false, false},
		{RoleSupport, true, true, true, "", false, true},
		{RoleInterpreter, false, false, false, "", false, false},
		{RoleStaff, true, true, true, "", true, false},
		{RolePartyStaff, true, true, true, PrincipalOther, true, false},
		{RoleOther, true, true, true, "", false, false},
	}
	for _, tt := range tests {
		d := tt.role.Defaults()
		if d.Signs != tt.signs || d.Speaks != tt.speaks || d.Copy != tt.copy || d.Principal != tt.principal {
			t.Errorf("%s: defaults %+v", tt.role, d)
		}
		if tt.role.IsStaff() != tt.staff || tt.role.IsPrivate() != tt.private {
			t.Errorf("%s: staff %t private %t", tt.role, tt.role.IsStaff(), tt.role.IsPrivate())
		}
		if tt.role.Label(Swedish) == "" || tt.role.Label(English) == "" || !tt.role.Known() {
			t.Errorf("%s has no label", tt.role)
		}
	}
	if !slices.Equal(Roles[:len(tests)], func() []Role {
		var r []Role
		for _, tt := range tests {
			r = append(r, tt.role)
		}
		return r
	}()) {
		t.Errorf("Roles = %v: every role must be offered, other last", Roles)
	}
	if Role("boss").Known() {
		t.Error("an unknown role must not be known")
	}
}

// TestSigningDefaults: lines only for those who can sign the paper in the
// room; the secretary's choice wins.
func TestSigningDefaults(t *testing.T) {
	tests := []struct {
		name string
		pt   Participant
		want Signing
	}{
		{"in the room", Participant{Role: RoleStaff, Attendance: AttendRoom}, SignNow},
		{"son on the phone", Participant{Role: RoleRelative, Attendance: AttendPhone}, SignLater},
		{"doctor on video", Participant{Role: RoleStaff, Attendance: AttendVideo}, SignLater},
		{"left early", Participant{Role: RoleStaff, Attendance: AttendRoom, Left: &Leaving{At: "13:20"}}, SignLater},
		{"absent", Participant{Role: RoleStaff, Invited: true, Confirmed: true}, SignNo},
		{"interpreter in the room", Participant{Role: RoleInterpreter, Attendance: AttendRoom, Language: "finska"}, SignNo},
		{"chosen: phone but signs now", Participant{Role: RoleRelative, Attendance: AttendPhone, Signs: SignNow}, SignNow},
		{"chosen: does not sign", Participant{Role: RoleStaff, Attendance: AttendRoom, Signs: SignNo}, SignNo},
	}
	for _, tt := range tests {
		if got := tt.pt.Signing(); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestApplyRole(t *testing.T) {
	pt := Participant{Name: "Aino", Role: RoleStaff, Principal: PrincipalRegion, Unit: "Tolkcentralen"}
	pt.ApplyRole(RoleInterpreter)
	if pt.Principal != "" {
		t.Errorf("an interpreter has no principal: %+v", pt)
	}
	pt.Language = "finska"
	pt.ApplyRole(RolePartyStaff)
	if pt.Principal != PrincipalOther || pt.Language != "" {
		t.Errorf("staff of another party: %+v", pt)
	}
	pt.ApplyRole(RoleTrustee)
	pt.TrusteeKind, pt.TrusteeFor = TrusteeForvaltare, []TrusteeArea{TrusteeProperty, TrusteeRights}
	if got := pt.RoleText(Swedish); got != "förvaltare (förvalta egendom, bevaka rätt)" {
		t.Errorf("trustee text %q", got)
	}
	pt.ApplyRole(RoleRelative)
	if pt.TrusteeKind != "" || pt.TrusteeFor != nil {
		t.Errorf("a relative keeps no trustee mandate: %+v", pt)
	}
	in := Participant{Role: RoleInterpreter, Language: "finska", Title: "auktoriserad"}
	if got := in.RoleText(Swedish); got != "tolk (finska), auktoriserad" {
		t.Errorf("interpreter text %q", got)
	}
}

// roundVersion is a meeting that began at 13:00 with four agenda steps, ten
// minutes each so far.
func roundVersion() *Version {
	return &Version{
		Meeting: Meeting{Start: "13:00", Participants: []Participant{
			{ID: "maja", Name: "Maja", Role: RolePerson, Attendance: AttendRoom},
			{ID: "tolk", Name: "Aino", Role: RoleInterpreter, Language: "finska", Attendance: AttendRoom},
			{ID: "per", Name: "Per", Role: RoleStaff, Attendance: AttendRoom},
			{ID: "son", Name: "Olle", Role: RoleRelative, Attendance: AttendPhone},
			{ID: "lena", Name: "Lena", Role: RoleStaff},
		}},
		Agenda: map[string]StepState{"intro": {Seconds: 600}, "now": {Seconds: 600}, "goals": {Seconds: 600}, "eval": {}},
	}
}

var roundOrder = []string{"intro", "now", "goals", "eval"}

func members(v *Version, step string) string {
	var ids []string
	for _, pt := range v.RoundMembers(step, roundOrder) {
		ids = append(ids, pt.ID)
	}
	return strings.Join(ids, " ")
}

// TestRoundsSkipThoseWhoLeft: a man who left after twenty minutes is in no
// later round; the interpreter and the absent are in none.
func TestRoundsSkipThoseWhoLeft(t *testing.T) {
	tests := []struct {
		name string
		left *Leaving
		// spoke ticks Per in a step's round before he left.
		spoke string
		want  map[string]string
	}{
		{"nobody left", nil, "", map[string]string{
			"intro": "maja per son", "now": "maja per son", "goals": "maja per son", "eval": "maja per son"}},
		{"left during step 3, marked live", &Leaving{At: "13:25", Step: "goals"}, "", map[string]string{
			"intro": "maja per son", "now": "maja per son", "goals": "maja son", "eval": "maja son"}},
		{"left at 13:20 by the clock", &Leaving{At: "13:20"}, "", map[string]string{
			// intro began 13:00, now 13:10, goals 13:20, eval 13:30.
			"intro": "maja per son", "now": "maja per son", "goals": "maja son", "eval": "maja son"}},
		{"left at 13:05", &Leaving{At: "13.05"}, "", map[string]string{
			"intro": "maja per son", "now": "maja son", "goals": "maja son", "eval": "maja son"}},
		{"a note only: skipped where he has not spoken", &Leaving{Note: "efter pausen"}, "intro", map[string]string{
			"intro": "maja per son", "now": "maja son", "goals": "maja son", "eval": "maja son"}},
		{"a tick is kept after leaving", &Leaving{At: "13:25", Step: "goals"}, "goals", map[string]string{
			"goals": "maja per son", "eval": "maja son"}},
	}
	for _, tt := range tests {
		v := roundVersion()
		v.Meeting.Participants[2].Left = tt.left
		if v.Meeting.Participants[2].Left != nil && v.Meeting.Participants[2].Left.At == "13.05" {
			v.Meeting.Participants[2].Left = ParseLeaving("13.05")
		}
		if tt.spoke != "" {
			v.Rounds = map[string][]string{tt.spoke: {"per"}}
		}
		for step, want := range tt.want {
			if got := members(v, step); got != want {
				t.Errorf("%s: round %s = %q, want %q", tt.name, step, got, want)
			}
		}
	}
}

func TestParseLeaving(t *testing.T) {
	tests := []struct {
		in   string
		want *Leaving
		text string
	}{
		{"", nil, ""},
		{"13.20", &Leaving{At: "13:20"}, "gick 13:20"},
		{"1320", &Leaving{At: "13:20"}, "gick 13:20"},
		{"efter pausen", &Leaving{Note: "efter pausen"}, "gick efter pausen"},
		{"10:40, gick till ett annat möte", &Leaving{At: "10:40", Note: "gick till ett annat möte"}, ""},
		{"10.40; till jobbet", &Leaving{At: "10:40", Note: "till jobbet"}, ""},
		{"10 minuter före slutet", &Leaving{Note: "10 minuter före slutet"}, "gick 10 minuter före slutet"},
	}
	for _, tt := range tests {
		got := ParseLeaving(tt.in)
		if (got == nil) != (tt.want == nil) || got != nil && *got != *tt.want {
			t.Errorf("%q: %+v", tt.in, got)
		}
		if got.String() != "" && ParseLeaving(got.String()) != nil && *ParseLeaving(got.String()) != *got {
			t.Errorf("%q: does not read back from %q", tt.in, got.String())
		}
		if tt.text != "" && got.Text(Swedish) != tt.text {
			t.Errorf("%q: text %q", tt.in, got.Text(Swedish))
		}
	}
}

// copyPlan is the meeting of the issue: a Finnish interpreter, a son on the
// phone, a doctor invited, absent, who sent written input and owns an
// action, and a relative's own action.
func copyPlan() (*Plan, *Version) {
	p := NewPlan(Person{Name: "Maja Lind"}, time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC))
	v := p.Draft
	v.Meeting.Date = "2026-11-30"
	v.Meeting.Participants = []Participant{
		{ID: "maja", Name: "Maja Lind", Role: RolePerson, Attendance: AttendRoom},
		{ID: "tolk", Name: "Aino Virtanen", Role: RoleInterpreter, Language: "finska", Attendance: AttendRoom},
		{ID: "son", Name: "Olle Lind", Role: RoleRelative, Attendance: AttendPhone, Phone: "070-000 00 01"},
		{ID: "ali", Name: "Ali Rahimi", Role: RoleStaff, Unit: "Psykiatrin", Principal: PrincipalRegion, Attendance: AttendRoom},
		{ID: "per", Name: "Per Wall", Role: RoleStaff, Unit: "Geriatriken", Principal: PrincipalRegion,
			Invited: true, Confirmed: true, Email: "per.wall@example.org", WrittenInput: "Jag ser över medicinerna."},
		{ID: "gm", Name: "Gun Berg", Role: RoleTrustee, TrusteeKind: TrusteeGodMan, TrusteeFor: []TrusteeArea{TrusteeRights},
			Attendance: AttendRoom},
	}
	v.Content.Actions = []Action{
		{ID: "a1", What: "Läkemedelsgenomgång", Responsible: "Per Wall", Unit: "Geriatriken", Principal: PrincipalRegion},
		{ID: "a2", What: "Följer med till tandläkaren", Responsible: "Olle Lind"},
		{ID: "a3", What: "Ansöker om bostadstillägg", Responsible: "Maja Lind"},
		{ID: "a4", What: "Arbetsträning", Responsible: "Siv Ek", Unit: "Arbetsförmedlingen", Principal: PrincipalOther,
			OtherParty: "Arbetsförmedlingen", Contact: "010-000 00 00"},
	}
	return p, v
}

func labels(rs []Recipient) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Label())
	}
	return strings.Join(out, " | ")
}

// TestCopyList: the original for the person, a copy for each one present
// (not the interpreter) and each absent action owner, then the
// secretary's changes.
func TestCopyList(t *testing.T) {
	p, v := copyPlan()
	cl := p.Copies(v, Swedish)
	if len(cl.Originals) != 1 || cl.Originals[0].Label() != "Maja Lind" || cl.Originals[0].Mark(Swedish) != "Original till Maja Lind" || !cl.Originals[0].EasyRead {
		t.Errorf("original %+v", cl.Originals)
	}
	for _, r := range cl.Copies {
		if r.EasyRead {
			t.Errorf("%s's copy has the easy-read page", r.Name)
		}
	}
	want := "Olle Lind, närstående | Ali Rahimi, Psykiatrin | Gun Berg, god man (bevaka rätt) | Per Wall, Geriatriken | Siv Ek, Arbetsförmedlingen"
	if got := labels(cl.Copies); got != want {
		t.Errorf("copies\n got %s\nwant %s", got, want)
	}
	if cl.Copies[3].Mark(Swedish) != "Kopia till Per Wall, Geriatriken" || cl.Copies[3].Reason != CopyActionOwner ||
		cl.Copies[3].Contact != "per.wall@example.org" {
		t.Errorf("Per Wall: %+v", cl.Copies[3])
	}
	if cl.Copies[4].Contact != "010-000 00 00" {
		t.Errorf("an owner who is not a participant keeps the action's contact: %+v", cl.Copies[4])
	}

	// The secretary takes Gun off and adds the överförmyndare.
	v.RemoveCopy("gun berg")
	v.AddCopy("Överförmyndaren", "Kommunen")
	v.AddCopy("Överförmyndaren", "Kommunen") // once only
	cl = p.Copies(v, Swedish)
	want = "Olle Lind, närstående | Ali Rahimi, Psykiatrin | Per Wall, Geriatriken | Siv Ek, Arbetsförmedlingen | Överförmyndaren, Kommunen"
	if got := labels(cl.Copies); got != want {
		t.Errorf("after edits\n got %s\nwant %s", got, want)
	}
	if labels(cl.Removed) != "Gun Berg, god man (bevaka rätt)" {
		t.Errorf("removed %s", labels(cl.Removed))
	}
	// Put back; an added one removed is forgotten.
	v.AddCopy("Gun Berg", "")
	v.RemoveCopy("Överförmyndaren")
	cl = p.Copies(v, Swedish)
	if len(cl.Removed) != 0 || len(v.Copies.Added) != 0 || len(cl.Copies) != 5 {
		t.Errorf("after undo: %s / removed %s / added %v", labels(cl.Copies), labels(cl.Removed), v.Copies.Added)
	}

	// Pick for --copies-for: full names, a unique part, and misses.
	picked, missing := cl.Pick([]string{"per wall", "Olle", "er", "Nobody"})
	if labels(picked) != "Per Wall, Geriatriken | Olle Lind, närstående" || !slices.Equal(missing, []string{"er", "Nobody"}) {
		t.Errorf("pick %s, missing %v", labels(picked), missing)
	}
}

// TestOriginalForAChild: each guardian with custody gets an original with
// the easy-read page, those of the consent first; the child who took part
// a copy of their own, written to them; at 18 the person gets the original.
func TestOriginalForAChild(t *testing.T) {
	p, v := copyPlan()
	p.Variant = AgeChild
	p.Person.PNR = "20150308-2388"
	originals := func(cl CopyList) string { return labels(cl.Originals) }
	if got := originals(p.Copies(v, Swedish)); got != "Maja Lind" {
		t.Errorf("no guardian named: original to %q", got)
	}
	v.Consent.Guardians = []Guardian{{Name: "Anna Lind", Given: true}}
	cl := p.Copies(v, Swedish)
	if got := originals(cl); got != "Anna Lind, vårdnadshavare" {
		t.Errorf("sole custody: originals %q", got)
	}
	if cl.Originals[0].Mark(Swedish) != "Original till Anna Lind, vårdnadshavare" || !cl.Originals[0].EasyRead {
		t.Errorf("guardian's original %+v", cl.Originals[0])
	}
	// Maja (the child) is present in copyPlan: her own copy, first.
	if len(cl.Copies) == 0 || cl.Copies[0].Name != "Maja Lind" || cl.Copies[0].Reason != CopyChild || !cl.Copies[0].Child || !cl.Copies[0].EasyRead {
		t.Errorf("the child's copy: %+v", cl.Copies)
	}
	v.Consent.Guardians = append(v.Consent.Guardians, Guardian{Name: "Peter Lind", Given: true})
	v.Meeting.Participants = append(v.Meeting.Participants,
		Participant{ID: "g2", Name: "Peter Lind", Role: RoleGuardian, Attendance: AttendRoom, Phone: "070-1"},
		Participant{ID: "g3", Name: "Sara Lind", Role: RoleGuardian})
	cl = p.Copies(v, English)
	if got := originals(cl); got != "Anna Lind, guardian | Peter Lind, guardian | Sara Lind, guardian" {
		t.Errorf("joint custody: originals %q", got)
	}
	if cl.Originals[1].Mark(English) != "Original for Peter Lind, guardian" || cl.Originals[1].Contact != "070-1" {
		t.Errorf("Peter's original %+v", cl.Originals[1])
	}
	for _, r := range cl.Copies {
		if r.Name == "Peter Lind" || r.Name == "Anna Lind" {
			t.Errorf("%s has an original and gets no copy", r.Name)
		}
		if r.EasyRead && !r.Child {
			t.Errorf("%s's copy has the easy-read page", r.Name)
		}
	}
	// A second original is printed by name.
	if picked, missing := cl.Pick([]string{"Peter"}); len(missing) != 0 || len(picked) != 1 || picked[0].Reason != CopyOriginal {
		t.Errorf("pick Peter: %+v %v", picked, missing)
	}
	// The child absent: no copy of their own.
	v.Meeting.Participants[0].Attendance = AttendAbsent
	for _, r := range p.Copies(v, Swedish).Copies {
		if r.Reason == CopyChild {
			t.Errorf("an absent child gets %+v", r)
		}
	}
	// Turned 18 on the meeting day: the person's original, the guardians
	// who were there a copy as anyone present.
	v.Meeting.Participants[0].Attendance = AttendRoom
	p.Person.PNR = "20081130-0003"
	v.Meeting.Date = "2026-11-30"
	cl = p.Copies(v, Swedish)
	if got := originals(cl); got != "Maja Lind" {
		t.Errorf("18: originals %q", got)
	}
	for _, r := range cl.Copies {
		if r.Name == "Peter Lind" && (r.Reason != CopyPresent || r.EasyRead) {
			t.Errorf("18: Peter's copy %+v", r)
		}
	}
}

// TestDocumentPeople: the paper says how each took part, who signs later,
// and prints written input under the sender's name.
func TestDocumentPeople(t *testing.T) {
	p, v := copyPlan()
	v.Meeting.Participants[3].Left = &Leaving{At: "13:20"}
	d := BuildDocument(p, v, Swedish)
	var lines []string
	for _, s := range d.Signatures.Lines {
		lines = append(lines, s.Name)
	}
	if strings.Join(lines, ", ") != "Maja Lind, Gun Berg" {
		t.Errorf("signature lines %v", lines)
	}
	if d.Signatures.LaterHeading != "Skriver under senare" ||
		strings.Join(d.Signatures.Later, " | ") != "Olle Lind, närstående | Ali Rahimi, Psykiatrin" {
		t.Errorf("later %q %v", d.Signatures.LaterHeading, d.Signatures.Later)
	}
	s := section(d, "Skriftligt underlag från Per Wall")
	if s == nil || s.Blocks[0].Text != "Jag ser över medicinerna." {
		t.Fatalf("written input missing: %v", headings(d))
	}
	rows := map[string][]string{}
	for _, r := range section(d, "Deltagare").Blocks[0].Table.Rows {
		rows[r[0]] = r
	}
	for name, want := range map[string]string{
		"Aino Virtanen": "tolk (finska)",
		"Gun Berg":      "god man (bevaka rätt)",
	} {
		if rows[name][1] != want {
			t.Errorf("%s role %q, want %q", name, rows[name][1], want)
		}
	}
	last := func(name string) string { r := rows[name]; return r[len(r)-1] }
	if last("Olle Lind") != "via telefon" || last("Ali Rahimi") != "på plats, gick 13:20" ||
		last("Per Wall") != "nej (kallad, hade tackat ja), skickade skriftligt underlag" {
		t.Errorf("attendance: %q, %q, %q", last("Olle Lind"), last("Ali Rahimi"), last("Per Wall"))
	}
}

// TestOwnActionsNeedNoUnit: the person's and a relative's own actions get
// no "no unit" warning and sit in a table of their own; an absent owner
// without contact details gets a warning.
func TestOwnActionsNeedNoUnit(t *testing.T) {
	p, v := copyPlan()
	v.Meeting.Participants[4].Email = ""
	v.Content.Actions[3].Contact = ""
	paths := map[string]bool{}
	for _, f := range Validate(p, v, Options{Now: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}) {
		paths[f.Path] = true
	}
	for _, want := range []string{"content.actions[0].contact", "content.actions[3].contact"} {
		if !paths[want] {
			t.Errorf("missing finding %s", want)
		}
	}
	for _, not := range []string{"content.actions[1].unit", "content.actions[2].unit", "content.actions[1].contact"} {
		if paths[not] {
			t.Errorf("unexpected finding %s", not)
		}
	}
	d := BuildDocument(p, v, Swedish)
	var captions []string
	for _, b := range section(d, "Insatser och åtgärder").Blocks {
		captions = append(captions, b.Table.Caption)
		if b.Table.Caption == "Det den enskilde och närstående gör" && len(b.Table.Rows) != 2 {
			t.Errorf("own actions: %v", b.Table.Rows)
		}
	}
	if len(captions) != 3 {
		t.Errorf("captions %q", captions)
	}
}

// TestInterpreterCarriedOver: the next meeting still knows the language.
func TestInterpreterCarriedOver(t *testing.T) {
	p, v := copyPlan()
	v.Meeting.Participants = append(v.Meeting.Participants,
		Participant{ID: "t2", Name: "Lars", Role: RoleInterpreter, Language: "Finska"},
		Participant{ID: "t3", Name: "Sam", Role: RoleInterpreter, Language: "arabiska"})
	p.Versions = []Version{*v}
	p.Versions[0].Number = 1
	now := time.Now()
	p.Versions[0].FinalisedAt = &now
	p.Draft, p.Status = nil, StatusActive
	if err := p.StartFollowUp(now); err != nil {
		t.Fatal(err)
	}
	if got := p.Draft.Interpreters(); !slices.Equal(got, []string{"finska", "arabiska"}) {
		t.Errorf("interpreters %v", got)
	}
	for _, pt := range p.Draft.Meeting.Participants {
		if pt.IsPresent() || pt.Left != nil || pt.WrittenInput != "" {
			t.Errorf("attendance must start afresh: %+v", pt)
		}
	}
}

// TestFormat1Opens: a format 1 export (present, goal_id) is read as it was
// meant; the database reads old records the same way.
func TestFormat1Opens(t *testing.T) {
	old := `{"format":"sipmote-plan","format_version":1,"plan":{"id":"x","person":{"name":"Maja Lind"},
	"status":"draft","variant":"adult","created_at":"2026-11-01T10:00:00Z","updated_at":"2026-11-01T10:00:00Z",
	"versions":[],"draft":{"number":1,"meeting":{"date":"2026-11-30","start":"13:00","minutes":60,"place":"",
	"form":"video","chair":"A","secretary":"B","participants":[
	{"id":"p1","name":"Maja Lind","role":"person","invited":true,"confirmed":true,"present":true},
	{"id":"p2","name":"Per Wall","role":"staff","invited":true,"confirmed":false,"present":false}]},
	"consent":{"given":true},"content":{"goals":[{"id":"g1","text":"Bo kvar"}],
	"actions":[{"id":"a1","what":"Hemtjänst","status":"planned","goal_id":"g1"}],
	"coordinator":{},"follow_up":{}}},"position":{}}}`
	p, err := DecodeExport(strings.NewReader(old), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	pts := p.Draft.Meeting.Participants
	if pts[0].Attendance != AttendVideo || pts[1].Attendance != AttendAbsent || pts[0].LegacyPresent != nil {
		t.Errorf("attendance %q %q", pts[0].Attendance, pts[1].Attendance)
	}
	a := p.Draft.Content.Actions[0]
	if !slices.Equal(a.GoalIDs, []string{"g1"}) || a.LegacyGoalID != "" {
		t.Errorf("goals %v %q", a.GoalIDs, a.LegacyGoalID)
	}
	// Written again, it is the present format and has no trace of the old fields.
	b, err := EncodeExport(p)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte(`"present"`)) || bytes.Contains(b, []byte(`"goal_id"`)) || !bytes.Contains(b, []byte(`"format_version": 4`)) {
		t.Errorf("re-export keeps old fields:\n%s", b)
	}
	// Unknown values are refused with their path.
	bad := strings.Replace(old, `"present":true`, `"attendance":"garden"`, 1)
	if _, err := DecodeExport(strings.NewReader(bad), time.Now()); err == nil ||
		!strings.Contains(err.Error(), "participants[0].attendance") {
		t.Errorf("bad attendance: %v", err)
	}
}

// Before the meeting the participants' list reads as a summons list; after
// it, those who did not come show that they had been summoned.
func TestAttendanceBeforeAndAfter(t *testing.T) {
	started := time.Date(2026, 11, 30, 13, 0, 0, 0, time.UTC)
	tests := []struct {
		pt     Participant
		before bool
		want   string
	}{
		{Participant{Invited: true}, true, "kallad"},
		{Participant{Invited: true, Confirmed: true}, true, "kallad, har tackat ja"},
		{Participant{}, true, "inte kallad"},
		{Participant{Invited: true, Confirmed: true}, false, "nej (kallad, hade tackat ja)"},
		{Participant{Invited: true}, false, "nej (kallad)"},
		{Participant{Attendance: AttendPhone}, false, "via telefon"},
	}
	for _, tt := range tests {
		if got := AttendanceText(tt.pt, tt.before, Swedish); got != tt.want {
			t.Errorf("%+v before=%v: %q, want %q", tt.pt, tt.before, got, tt.want)
		}
	}
	v := &Version{}
	if !v.BeforeMeeting() {
		t.Error("a draft not started is before the meeting")
	}
	v.Meeting.StartedAt = &started
	if v.BeforeMeeting() {
		t.Error("a started meeting is not before the meeting")
	}
}

// TestMixedMeeting: a meeting in the home with one on the phone says so.
func TestMixedMeeting(t *testing.T) {
	tests := []struct {
		form MeetingForm
		att  []Attendance
		want string
	}{
		{FormHome, []Attendance{AttendRoom, AttendPhone, AttendAbsent}, "1 via telefon"},
		{FormRoom, []Attendance{AttendRoom, AttendRoom}, ""},
		{FormVideo, []Attendance{AttendVideo, AttendRoom, AttendPhone}, "1 på plats, 1 via telefon"},
		{FormRoomVideo, []Attendance{AttendRoom, AttendVideo, AttendVideo}, "2 via video"},
	}
	for _, tt := range tests {
		v := &Version{Meeting: Meeting{Form: tt.form}}
		for _, a := range tt.att {
			v.Meeting.Participants = append(v.Meeting.Participants, Participant{Name: "x", Role: RoleStaff, Attendance: a})
		}
		if got := MixedAttendance(v, Swedish); got != tt.want {
			t.Errorf("%s %v: %q, want %q", tt.form, tt.att, got, tt.want)
		}
	}
	p, v := copyPlan()
	v.Meeting.Form = FormHome
	for _, kv := range BuildDocument(p, v, Swedish).Subtitle {
		if kv.Key == "Mötesform" && kv.Value != FormHome.Label(Swedish)+"; 1 via telefon" {
			t.Errorf("form %q", kv.Value)
		}
	}
	// A room meeting with someone on video says it once, with the count.
	v.Meeting.Form = FormRoomVideo
	v.Meeting.Participants[0].Attendance = AttendVideo
	for _, kv := range BuildDocument(p, v, Swedish).Subtitle {
		if kv.Key == "Mötesform" && !strings.HasPrefix(kv.Value, FormRoom.Label(Swedish)+"; ") {
			t.Errorf("room and video: form %q", kv.Value)
		}
	}
}

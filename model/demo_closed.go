package model

import "time"

// DemoClosed is Gunnar Ek's plan, closed at a follow-up meeting because
// the coordination is no longer needed: it shows how a closed plan reads
// (the closure on the first page) and the list of people to tell, some
// already ticked.
func DemoClosed(now time.Time) *Plan {
	today := civilDay(now)
	m1 := today.AddDate(0, 0, -200)
	m2 := today.AddDate(0, 0, -20)
	d := demoDays(m1)
	loc := now.Location()
	at := func(day time.Time, hour, min int) time.Time {
		return time.Date(day.Year(), day.Month(), day.Day(), hour, min, 0, 0, loc)
	}
	p := NewPlan(Person{Name: "Gunnar Ek", PNR: "19420817-2389"}, at(m1.AddDate(0, 0, -21), 9, 0))
	p.Variant = AgeOlder
	v := p.Draft
	gunnar := Participant{ID: NewID(), Name: "Gunnar Ek", Role: RolePerson, Invited: true, Confirmed: true, Attendance: AttendRoom}
	britt := Participant{ID: NewID(), Name: "Britt Ek", Role: RoleRelative, Title: "dotter", Invited: true, Confirmed: true, Attendance: AttendRoom,
		Phone: "070-174 06 55"}
	maria := Participant{ID: NewID(), Name: "Maria Falk", Role: RoleStaff, Title: "biståndshandläggare",
		Unit: "Äldreomsorgens myndighetsenhet", Principal: PrincipalKommun, Phone: "070-174 06 31", Invited: true, Confirmed: true, Attendance: AttendRoom}
	olle := Participant{ID: NewID(), Name: "Olle Strand", Role: RoleStaff, Title: "distriktssköterska",
		Unit: "Vårdcentralen Söder", Principal: PrincipalRegion, Email: "olle.strand@example.org", Invited: true, Confirmed: true, Attendance: AttendRoom}
	tove := Participant{ID: NewID(), Name: "Tove Lund", Role: RolePartyStaff, Title: "arbetsterapeut",
		Unit: "Hemtjänsten Omsorg Direkt", Principal: PrincipalOther, OtherParty: "Omsorg Direkt AB", FundedBy: PrincipalKommun,
		Phone: "070-174 06 48", Invited: true, Confirmed: true, Attendance: AttendRoom}
	v.Meeting = Meeting{
		Date: d.date(0), Start: "10:00", Minutes: 60, Place: "Hemma hos Gunnar", Form: FormHome,
		Chair: maria.Name, Secretary: olle.Name,
		Participants: []Participant{gunnar, britt, maria, olle, tove},
	}
	v.Consent = Consent{
		Given: true, Form: "written", Date: d.date(-14), ValidUntil: demoDays(m1).date(300),
		Actors:   []string{"Äldreomsorgens myndighetsenhet", "Vårdcentralen Söder", "Hemtjänsten Omsorg Direkt"},
		Subjects: []string{"hälsa", "hjälp i hemmet", "hjälpmedel"},
	}
	g1 := Goal{ID: NewID(), Text: "Klara mig hemma och kunna gå ut på promenad"}
	v.Content = Content{
		OwnWords:  "Jag vill bo kvar hemma så länge det går.",
		Situation: "Gunnar föll i badrummet i våras. Han har svårt att duscha själv. Dottern Britt handlar varje vecka.",
		Needs:     "Hjälp med dusch och tillsyn, ett tryggt badrum och stöd för att komma ut.",
		Goals:     []Goal{g1},
		Actions: []Action{
			{ID: NewID(), What: "Hemtjänst för dusch två gånger i veckan", Unit: tove.Unit, Responsible: tove.Name,
				Principal: PrincipalOther, OtherParty: tove.OtherParty, When: "Tisdag och fredag", Start: d.date(7), Status: ActionDecided, GoalIDs: []string{g1.ID}},
			{ID: NewID(), What: "Duschstol och stödhandtag", Unit: olle.Unit, Responsible: olle.Name, Principal: PrincipalRegion,
				Due: d.date(21), Status: ActionDecided, GoalIDs: []string{g1.ID}},
			{ID: NewID(), What: "Promenad varje söndag", Responsible: britt.Name, When: "Söndagar", Status: ActionOngoing, GoalIDs: []string{g1.ID}},
		},
		Coordinator: Coordinator{ParticipantID: maria.ID},
		FollowUp: FollowUp{State: FollowUpBooked, Date: demoDays(m2).date(0), Time: "10:00", Place: "Hemma hos Gunnar",
			Attendees: "Alla som var med", CalledBy: maria.Name, What: "Om hjälpen i hemmet räcker och om Gunnar kommer ut"},
	}
	if _, err := p.Finalise(Options{Now: at(m1, 11, 0)}); err != nil {
		return p
	}
	if p.StartFollowUp(at(m2.AddDate(0, 0, -30), 9, 0)) != nil {
		return p
	}
	for i := range p.Draft.Meeting.Participants {
		p.Draft.Meeting.Participants[i].Confirmed = true
		p.Draft.Meeting.Participants[i].Attendance = AttendRoom
	}
	for _, a := range p.Versions[0].Content.Actions {
		_ = p.SetActionOutcome(a.ID, OutcomeDone, "")
	}
	_ = p.SetGoalOutcome(g1.ID, GoalMet, "Gunnar duschar tryggt och går ut med Britt.")
	_ = p.DecideClose(CloseNoNeed, "Hemtjänsten och vårdcentralen fortsätter var för sig; ingen samordning behövs.")
	if _, err := p.Finalise(Options{Now: at(m2, 11, 0)}); err != nil {
		return p
	}
	// The coordinator has told the person and the daughter so far.
	_ = p.SetTold(0, true)
	_ = p.SetTold(1, true)
	p.UpdatedAt = at(m2, 15, 0)
	return p
}

package model

import (
	"strconv"
	"time"
)

// The demo plans are the fictional meetings of the rehearsal script, so
// that a new user can look at a whole plan, and at a follow-up, before they
// write one of their own. Every date is counted from now so that a demo is
// never out of date: the follow-up is always ahead and the consent valid.
// The personnummer are Luhn-valid test values; the phone number is one
// reserved for fiction. The text is Swedish, the language of the plan.

var swedishMonths = [...]string{"januari", "februari", "mars", "april", "maj", "juni",
	"juli", "augusti", "september", "oktober", "november", "december"}

// demoDays gives dates counted in days from a day.
type demoDays time.Time

func (d demoDays) date(n int) string { return time.Time(d).AddDate(0, 0, n).Format(DateLayout) }

func (d demoDays) month(n int) string {
	t := time.Time(d).AddDate(0, 0, n)
	return swedishMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// Demo is Maja Lind's plan: a first meeting held about three months ago and
// finalised as version 1, and the follow-up being prepared as the draft of
// version 2, with the first outcomes filled in.
// DemoPlans are the sample plans of `sipmote demo`, for fictional people.
func DemoPlans(now time.Time) []*Plan { return []*Plan{Demo(now), DemoChild(now), DemoClosed(now)} }

// DemoPlanCount is how many plans DemoPlans makes, for the command's help.
const DemoPlanCount = 3

func Demo(now time.Time) *Plan {
	today := civilDay(now)
	m1 := today.AddDate(0, 0, -100) // the first meeting
	d := demoDays(m1)
	loc := now.Location()
	at := func(day time.Time, hour, min int) time.Time {
		return time.Date(day.Year(), day.Month(), day.Day(), hour, min, 0, 0, loc)
	}

	p := NewPlan(Person{Name: "Maja Lind", PNR: "19890412-3455"}, at(m1.AddDate(0, 0, -35), 9, 0))
	p.Variant = AgeAdult
	v := p.Draft

	started := at(m1, 13, 0)
	maja := Participant{ID: NewID(), Name: "Maja Lind", Role: RolePerson, Invited: true, Confirmed: true, Attendance: AttendRoom}
	eva := Participant{ID: NewID(), Name: "Eva Lind", Role: RoleRelative, Title: "mamma", Invited: true, Confirmed: true, Attendance: AttendRoom}
	sara := Participant{ID: NewID(), Name: "Sara Ek", Role: RoleSupport, Title: "stödperson",
		Unit: "Brukarföreningen", Invited: true, Confirmed: true, Attendance: AttendRoom}
	ali := Participant{ID: NewID(), Name: "Ali Rahimi", Role: RoleStaff, Title: "sjuksköterska",
		Unit: "Psykiatriska öppenvårdsmottagningen", Principal: PrincipalRegion,
		Phone: "070-174 06 12", Email: "ali.rahimi@example.org", Invited: true, Confirmed: true, Attendance: AttendRoom}
	karin := Participant{ID: NewID(), Name: "Karin Holm", Role: RoleStaff, Title: "socialsekreterare",
		Unit: "Socialtjänstens beroendeenhet", Principal: PrincipalKommun,
		Email: "karin.holm@example.org", Invited: true, Confirmed: true, Attendance: AttendRoom}
	jonas := Participant{ID: NewID(), Name: "Jonas Berg", Role: RoleStaff, Title: "läkare",
		Unit: "Vårdcentralen Norr", Principal: PrincipalRegion, Phone: "070-174 06 13",
		Invited: true, Confirmed: true, Attendance: AttendVideo,
		Left: &Leaving{At: "13:45", Note: "till en patient"}}
	// Lena could not come; she sent a few lines and owns an action, so she
	// gets a copy by post.
	lena := Participant{ID: NewID(), Name: "Lena Sund", Role: RolePartyStaff, Title: "handläggare",
		Principal: PrincipalOther, OtherParty: "Försäkringskassan", Email: "lena.sund@example.org",
		Invited: true, Confirmed: true,
		WrittenInput: "Maja har rätt till ett möte om rehabilitering. Jag bokar det när planen är klar och hör av mig till Ali."}

	v.Meeting = Meeting{
		Date:         d.date(0),
		Start:        "13:00",
		Minutes:      90,
		Place:        "Mötesrummet på psykiatriska öppenvårdsmottagningen",
		Form:         FormRoom,
		Chair:        karin.Name,
		Secretary:    ali.Name,
		StartedAt:    &started,
		Participants: []Participant{maja, eva, sara, ali, karin, jonas, lena},
	}
	v.Consent = Consent{
		Given:      true,
		Form:       "written",
		Date:       d.date(-28),
		ValidUntil: demoDays(m1.AddDate(1, 0, -29)).date(0),
		Actors: []string{"Psykiatriska öppenvårdsmottagningen", "Socialtjänstens beroendeenhet",
			"Vårdcentralen Norr", "Försäkringskassan"},
		Subjects: []string{"psykisk hälsa", "alkohol", "boende", "arbete och försörjning"},
		NotRaise: []string{"hennes tidigare partner"},
	}

	g1 := Goal{ID: NewID(), Text: "Eget boende inom ett år"}
	g2 := Goal{ID: NewID(), Text: "Ingen alkohol på vardagar"}
	g3 := Goal{ID: NewID(), Text: "Arbeta 25 procent till sommaren"}
	v.Content = Content{
		OwnWords: "Jag vill ha ett eget boende och klara av att jobba några timmar.",
		Situation: "Maja sover dåligt och dricker de flesta helger. Hon bor hos sin mamma och de har en bra relation. " +
			"Hon har varit sjukskriven i åtta månader och har missat flera besök på psykiatrin. " +
			"Det som fungerar: samtalet med Ali varje vecka.",
		Needs: "Stöd för att hitta och klara ett eget boende, hjälp att sluta dricka på vardagar, " +
			"en medicinering som håller humöret stabilt och en väg tillbaka till arbete.",
		Goals: []Goal{g1, g2, g3},
		Actions: []Action{
			{ID: NewID(), What: "Boendestöd", Unit: karin.Unit, Responsible: karin.Name, Principal: PrincipalKommun,
				When: "Utredning påbörjad", Due: d.date(20), Status: ActionPlanned, GoalIDs: []string{g1.ID}},
			{ID: NewID(), What: "Genomgång av läkemedel och kontroll av litiumvärdet", Unit: jonas.Unit,
				Responsible: jonas.Name, Principal: PrincipalRegion, Due: d.date(10), Status: ActionDecided},
			{ID: NewID(), What: "Stödsamtal varje vecka", Unit: ali.Unit, Responsible: ali.Name, Principal: PrincipalRegion,
				When: "Varje tisdag", Status: ActionOngoing, GoalIDs: []string{g2.ID, g3.ID}},
			{ID: NewID(), What: "Behandlingsgrupp för alkohol", Unit: karin.Unit, Responsible: karin.Name,
				Principal: PrincipalKommun, When: "Från " + d.date(39) + ", en gång i veckan", Status: ActionDecided, GoalIDs: []string{g2.ID}},
			{ID: NewID(), What: "Möte om rehabilitering och arbete", Unit: "Försäkringskassan", Responsible: lena.Name,
				Principal: PrincipalOther, OtherParty: "Försäkringskassan", When: "I " + d.month(70),
				Status: ActionPlanned, GoalIDs: []string{g3.ID}},
			// Eva's own part needs no unit: she does it as Maja's mother.
			{ID: NewID(), What: "Följer med Maja och tittar på lägenheter", Responsible: eva.Name,
				When: "När boendestödet har börjat", Status: ActionPlanned, GoalIDs: []string{g1.ID}},
		},
		NotAgreed: "Om psykiatrin får berätta för Eva när Maja missar ett besök. " +
			"Maja vill tänka på saken och svarar Ali inom två veckor.",
		ConsiderUntil: d.date(14),
		Medication:    "Litium. Värdet kontrolleras med blodprov.",
		Coordinator:   Coordinator{ParticipantID: ali.ID},
		FollowUp: FollowUp{
			State:     FollowUpBooked,
			Date:      demoDays(today).date(2),
			Time:      "10:00",
			Place:     "Psykiatriska öppenvårdsmottagningen",
			Attendees: "Maja och alla enheter; Eva och Sara om Maja vill",
			CalledBy:  ali.Name,
			What:      "Hur det har gått med insatserna och hur långt Maja har kommit mot sina mål",
		},
	}
	if _, err := p.Finalise(Options{Now: at(m1, 14, 30)}); err != nil {
		// The demo is fixed data that passes validation; should a rule ever
		// change, the plan stays a draft rather than the program failing.
		return p
	}

	// The follow-up is being prepared: the coordinator has heard from
	// some of the units.
	if p.StartFollowUp(now) != nil {
		return p
	}
	acts := p.Versions[0].Content.Actions
	_ = p.SetActionOutcome(acts[0].ID, OutcomeDone, "Beviljat "+d.date(18)+".")
	_ = p.SetActionOutcome(acts[1].ID, OutcomeDone, "")
	_ = p.SetActionOutcome(acts[2].ID, OutcomeOngoing, "")
	_ = p.SetGoalOutcome(g2.ID, GoalPartlyMet, "Färre helger med alkohol.")
	// Maja answered within her time to consider.
	p.Draft.Content.NotAgreed = "Maja svarade Ali i tid: psykiatrin får berätta för Eva när hon missar ett besök."
	p.Draft.Content.ConsiderUntil = ""
	p.UpdatedAt = now
	return p
}

// DemoChild is Elias Nyström's first plan, a plain draft prepared for a
// meeting ten days ahead: the frame, the guardians' consent and Elias's
// own words are written; the rest is for the meeting.
func DemoChild(now time.Time) *Plan {
	today := civilDay(now)
	d := demoDays(today)
	p := NewPlan(Person{Name: "Elias Nyström", PNR: "20150308-2388"}, now)
	// The demo is about a child's plan, whenever it is run.
	p.Variant = AgeChild
	v := p.Draft

	part := func(name string, role Role, title, unit string, pr Principal) Participant {
		return Participant{ID: NewID(), Name: name, Role: role, Title: title, Unit: unit, Principal: pr,
			Invited: true, Confirmed: true}
	}
	// Peter speaks Finnish at meetings; the interpreter is booked.
	interpreter := part("Aino Virtanen", RoleInterpreter, "", "", "")
	interpreter.Language = "finska"
	v.Meeting = Meeting{
		Date:      d.date(10),
		Start:     "09:00",
		Minutes:   60,
		Place:     "Skolans konferensrum",
		Form:      FormRoom,
		Chair:     "Nils Öst",
		Secretary: "Hanna Vik",
		Participants: []Participant{
			part("Elias Nyström", RolePerson, "", "", ""),
			part("Anna Nyström", RoleGuardian, "mamma", "", ""),
			part("Peter Nyström", RoleGuardian, "pappa", "", ""),
			interpreter,
			part("Nils Öst", RoleStaff, "psykolog", "BUP", PrincipalRegion),
			part("Hanna Vik", RoleStaff, "skolsköterska", "Elevhälsan", PrincipalKommun),
			part("Mona Berg", RoleStaff, "socialsekreterare", "Socialtjänstens familjeenhet", PrincipalKommun),
		},
	}
	v.Consent = Consent{
		Given:      true,
		Form:       "written",
		Date:       d.date(-14),
		ValidUntil: d.date(200),
		Actors:     []string{"BUP", "Elevhälsan", "Socialtjänstens familjeenhet"},
		Subjects:   []string{"skolgång", "psykisk hälsa", "situationen hemma"},
		Guardians: []Guardian{
			{Name: "Anna Nyström", Given: true, Date: d.date(-14),
				Actors: []string{"BUP", "Elevhälsan", "Socialtjänstens familjeenhet"}, Subjects: []string{"skolgång", "psykisk hälsa", "situationen hemma"}},
			{Name: "Peter Nyström", Given: true, Date: d.date(-14),
				Actors: []string{"BUP", "Elevhälsan", "Socialtjänstens familjeenhet"}, Subjects: []string{"skolgång", "psykisk hälsa", "situationen hemma"}},
		},
	}
	v.Content = Content{
		OwnWords:   "Jag vill kunna vara i klassrummet utan att bli arg.",
		OwnViewHow: "Samtal med skolkuratorn, med en bildstöd-tavla",
		Situation: "Elias har adhd. Han har inte varit i skolan på två månader och det är mycket bråk hemma. " +
			"Hans egen syn kom fram i ett samtal med skolkuratorn.",
		Notes: "Elias är med de första 20 minuterna.",
	}
	return p
}

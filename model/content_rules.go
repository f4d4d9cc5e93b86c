package model

import (
	"fmt"
	"strings"
)

// The minimum content of a plan, as the law words it (SoL 2 kap. 7 §,
// HSL 16 kap. 4 §) and the regional agreements repeat: the person's needs,
// circumstances and interests; goals; the planned and decided actions,
// each with who carries it out, for which principal, and when; and who
// has the overall responsibility, with a way to reach them. A plan without
// any of these is not a SIP, so each is an error that blocks finalising.

func validateContent(c *checker, p *Plan, v *Version, today string) {
	ct := v.Content
	if child, _ := p.ChildRules(v, today); !child && strings.TrimSpace(ct.OwnWords) == "" {
		c.add(SevWarning, "content.own_words", "Den enskildes egna ord om vad som är viktigt saknas. Fråga: vad är viktigt för dig?",
			"The person's own words on what matters are missing. Ask: what matters to you?")
	}
	if strings.TrimSpace(ct.Needs) == "" {
		c.add(SevError, "content.needs", "Skriv den enskildes behov, förutsättningar och intressen. Lagen kräver det i planen.",
			"Write the person's needs, circumstances and interests. The law requires them in the plan.")
	}
	if len(ct.Goals) == 0 {
		c.add(SevError, "content.goals", "Planen har inga mål. Skriv minst ett mål, gärna med den enskildes ord.",
			"The plan has no goals. Write at least one goal, in the person's words where possible.")
	}
	for i, g := range ct.Goals {
		if strings.TrimSpace(g.Text) == "" {
			c.add(SevError, fmt.Sprintf("content.goals[%d].text", i), "Ett mål är tomt. Skriv målet eller ta bort raden.",
				"A goal is empty. Write the goal or remove the row.")
		}
	}
	if len(ct.Actions) == 0 {
		c.add(SevError, "content.actions", "Planen har inga insatser. Skriv minst en: vad, vem som ansvarar och när.",
			"The plan has no actions. Write at least one: what, who is responsible and when.")
	}
	for i, a := range ct.Actions {
		validateAction(c, p, v, i, a)
	}
	validateCoordinator(c, v)
	validateConsider(c, v)
	validateBothSides(c, v)
	validateHandover(c, p, v)
}

func validateAction(c *checker, p *Plan, v *Version, i int, a Action) {
	path := fmt.Sprintf("content.actions[%d]", i)
	what := quoteText(a.What)
	if what == "" {
		c.add(SevError, path+".what", "En insats saknar beskrivning. Skriv vad som ska göras.", "An action has no description. Write what will be done.")
		what = fmt.Sprintf("%d", i+1)
	}
	if strings.TrimSpace(a.Responsible) == "" {
		c.add(SevError, path+".responsible",
			fmt.Sprintf("Skriv vem som ansvarar för insatsen ”%s”.", what),
			fmt.Sprintf("Write who is responsible for the action \"%s\".", what))
	}
	validateActionContact(c, path, what, a)
	own := v.OwnAction(a, p.Person.Name)
	if !own && strings.TrimSpace(a.Unit) == "" {
		c.add(SevError, path+".unit",
			fmt.Sprintf("Skriv vilken verksamhet som utför insatsen ”%s”. (Den enskildes eller en närståendes egen insats behöver ingen verksamhet.)", what),
			fmt.Sprintf("Write which unit carries out the action \"%s\". (The person's or a relative's own action needs no unit.)", what))
	}
	switch {
	case own:
	case a.Principal == "":
		c.add(SevError, path+".principal",
			fmt.Sprintf("Skriv om kommunen, regionen eller en annan organisation ansvarar för insatsen ”%s”.", what),
			fmt.Sprintf("Write who the principal of the action \"%s\" is: the municipality, the region or another party.", what))
	case a.Principal == PrincipalOther && strings.TrimSpace(a.OtherParty) == "":
		c.add(SevError, path+".other_party",
			fmt.Sprintf("Skriv vilken annan part som står för insatsen ”%s”.", what),
			fmt.Sprintf("Write which other party provides the action \"%s\".", what))
	}
	c.date(path+".start", a.Start)
	c.date(path+".due", a.Due)
	if strings.TrimSpace(a.When) == "" && a.Start == "" && a.Due == "" {
		c.add(SevError, path+".when",
			fmt.Sprintf("Skriv när insatsen ”%s” ska göras (ett datum, eller till exempel ”varje tisdag”).", what),
			fmt.Sprintf("Write when the action \"%s\" takes place (a date, or for example \"every Tuesday\").", what))
	}
	if CheckDate(a.Start) == nil && CheckDate(a.Due) == nil && a.Start != "" && a.Due != "" && a.Due < a.Start {
		c.add(SevWarning, path+".due", "Insatsen ska vara klar före den börjar. Rätta datumen.",
			"The action is due before it starts. Correct the dates.")
	}
	switch a.Status {
	case ActionPlanned, ActionDecided, ActionOngoing, ActionDone, ActionCancelled:
	default:
		c.add(SevError, path+".status", "Välj status för insatsen: planerad, beslutad, pågår, klar eller avbruten.",
			"Choose the action's status: planned, decided, ongoing, done or cancelled.")
	}
	validateGoalNumbers(c, v, path, what, a)
	for _, id := range a.GoalIDs {
		if v.Goal(id) == nil {
			c.add(SevWarning, path+".goal_ids",
				fmt.Sprintf("Insatsen ”%s” hänvisar till ett mål som inte finns (det kan ha tagits bort). Välj målen igen.", what),
				fmt.Sprintf("The action \"%s\" refers to a goal that does not exist (it may have been removed). Choose the goals again.", what))
			break
		}
	}
}

// validateCoordinator: the coordinator is present staff of kommun or
// region (or of a provider they fund), with a phone or an e-mail, since
// the person must be able to reach them.
func validateCoordinator(c *checker, v *Version) {
	co := v.Content.Coordinator
	switch pt := v.CoordinatorParticipant(); {
	case co.ParticipantID == "":
		c.add(SevError, "content.coordinator", "Ingen samordnare är utsedd. Utse en tillsammans med den enskilde.",
			"No coordinator is appointed. Appoint one together with the person.")
	case pt == nil:
		c.add(SevError, "content.coordinator", "Samordnaren finns inte bland deltagarna. Utse samordnaren igen.",
			"The coordinator is not among the participants. Appoint the coordinator again.")
	case !pt.Role.IsStaff():
		c.add(SevError, "content.coordinator", "Samordnaren måste vara personal, inte den enskilde eller en närstående.",
			"The coordinator must be staff, not the person or a relative.")
	case pt.Employer() == "":
		c.add(SevError, "content.coordinator",
			"Samordnaren måste arbeta för kommunen eller regionen, eller för en utförare som de anlitar (till exempel privat hemtjänst). Ange under Deltagare vem som anlitar utföraren.",
			"The coordinator must work for the municipality or the region, or for a provider they fund (contracted care). Under Participants, say who funds the provider.")
	default:
		if strings.TrimSpace(pt.Phone) == "" && strings.TrimSpace(pt.Email) == "" {
			c.add(SevError, fmt.Sprintf("meeting.participants[%d].phone", participantIndex(v, pt.ID)),
				"Skriv samordnarens telefon eller e-post under Deltagare, så att den enskilde kan nå hen.",
				"Write the coordinator's phone or e-mail under Participants, so that the person can reach them.")
		}
		switch {
		case pt.IsPresent():
		case v.BeforeMeeting():
			// Nobody is marked yet: said as what to do if so.
			c.add(SevWarning, "content.coordinator",
				"Om samordnaren inte kommer till mötet: se till att hen får veta att hen är utsedd och vad planen säger.",
				"If the coordinator does not come to the meeting, make sure they learn that they are appointed and what the plan says.")
		default:
			c.add(SevWarning, "content.coordinator",
				"Samordnaren är inte med på mötet. Se till att samordnaren får veta att hen är utsedd och vad planen säger.",
				"The coordinator is not at the meeting. Make sure they learn that they are appointed and what the plan says.")
		}
	}
}

// validateBothSides warns when kommun or region has neither a participant
// nor an action: a SIP coordinates social services and health care, and a
// plan with one side missing may not be a SIP at all.
func validateBothSides(c *checker, v *Version) {
	has := map[Principal]bool{}
	for _, pt := range v.Meeting.Participants {
		if pt.Role.IsStaff() && (pt.IsPresent() || pt.Invited) {
			has[pt.Employer()] = true
		}
	}
	for _, a := range v.Content.Actions {
		has[a.Principal] = true
	}
	if !has[PrincipalKommun] {
		c.add(SevWarning, "meeting.participants",
			"Ingen deltagare eller insats kommer från kommunen. En SIP samordnar socialtjänst och hälso- och sjukvård; utan kommunen kanske det inte är en SIP. Bjud in socialtjänsten, eller skriv varför den inte behövs.",
			"No participant or action is from the municipality. A SIP coordinates social services and health care; without the municipality it may not be a SIP. Invite social services, or write why they are not needed.")
	}
	if !has[PrincipalRegion] {
		c.add(SevWarning, "meeting.participants",
			"Ingen deltagare eller insats kommer från regionen. En SIP samordnar socialtjänst och hälso- och sjukvård; utan regionen kanske det inte är en SIP. Bjud in vården, eller skriv varför den inte behövs.",
			"No participant or action is from the region. A SIP coordinates social services and health care; without the region it may not be a SIP. Invite health care, or write why they are not needed.")
	}
}

// validateHandover: when the person is not at the meeting, someone hands
// the plan over to them, and the plan says who and when.
func validateHandover(c *checker, p *Plan, v *Version) {
	// Before the meeting nobody is marked present yet: that has its own
	// finding, and the person's absence is not known.
	if len(v.Present()) == 0 {
		return
	}
	for _, pt := range v.Meeting.Participants {
		if pt.Role == RolePerson && pt.IsPresent() {
			return
		}
	}
	sv, en := strings.TrimSpace(p.Person.Name), strings.TrimSpace(p.Person.Name)
	if sv == "" {
		sv, en = "Den enskilde", "The person"
	}
	c.add(SevWarning, "meeting.participants",
		fmt.Sprintf("%s är inte med på mötet. Planen görs tillsammans med den enskilde; se till att hen får säga sitt.", sv),
		fmt.Sprintf("%s is not at the meeting. The plan is made together with the person; make sure they have their say.", en))
	ct := v.Content
	if strings.TrimSpace(ct.HandoverBy) == "" || strings.TrimSpace(ct.HandoverWhen) == "" {
		c.add(SevWarning, "content.handover_by",
			fmt.Sprintf("%s är inte här: skriv vem som lämnar över planen till hen, och när (under Uppföljning).", sv),
			fmt.Sprintf("%s is not here: write who hands the plan over to them, and when (under Follow-up).", en))
	}
}

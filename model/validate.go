package model

import (
	"fmt"
	"strings"
	"time"
)

// Severity says whether a finding blocks finalising.
type Severity string

const (
	SevError   Severity = "error"   // blocks finalising
	SevWarning Severity = "warning" // informs
)

// Finding is one thing the plan lacks or gets wrong.
type Finding struct {
	Severity Severity `json:"severity"`
	// Path is the field, in the JSON field names of the export:
	// "content.actions[2].unit". The screen uses it to jump to the field.
	Path    string `json:"path"`
	Message Text   `json:"message"`
}

// Options tune validation. Now is the clock (tests fix it); Jargon is the
// plain-language word list, loaded from the checklists.
type Options struct {
	Now    time.Time
	Jargon []Jargon
}

// Errors returns the findings that block finalising.
func Errors(fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Severity == SevError {
			out = append(out, f)
		}
	}
	return out
}

// SameName tells whether two names are the same person, ignoring case and
// spacing, since the secretary types them by hand.
func SameName(a, b string) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	return norm(a) != "" && norm(a) == norm(b)
}

type checker struct {
	out []Finding
}

func (c *checker) add(sev Severity, path, sv, en string) {
	c.out = append(c.out, Finding{Severity: sev, Path: path, Message: Text{sv, en}})
}

func (c *checker) date(path, s string) {
	switch {
	case CheckDate(s) == nil:
	case DateShaped(s):
		c.add(SevError, path, "Datumet finns inte i kalendern.", "The date does not exist in the calendar.")
	default:
		c.add(SevError, path, "Datumet ska skrivas ÅÅÅÅ-MM-DD, till exempel 2026-11-24.",
			"Write the date as YYYY-MM-DD, for example 2026-11-24.")
	}
}

func (c *checker) clock(path, s string) {
	if CheckClock(s) != nil {
		c.add(SevError, path, "Tiden ska skrivas TT:MM, till exempel 13:00.",
			"Write the time as HH:MM, for example 13:00.")
	}
}

// Validate checks a version of a plan against the rules of a SIP.
func Validate(p *Plan, v *Version, o Options) []Finding {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	c := &checker{}
	today := o.Now.Format(DateLayout)
	if strings.TrimSpace(p.Person.Name) == "" {
		c.add(SevError, "person.name", "Den enskildes namn saknas.", "The person's name is missing.")
	}
	if p.Person.PNR != "" {
		if _, err := NormalisePNR(p.Person.PNR, o.Now); err != nil {
			c.add(SevError, "person.pnr", "Personnumret är inte giltigt.", "The personnummer is not valid.")
		}
	}
	validateMeeting(c, v)
	validateConsent(c, p, v, today)
	validateContent(c, p, v, today)
	validatePeople(c, p, v)
	c.out = append(c.out, ValidateReview(p, v)...)
	if len(o.Jargon) > 0 {
		c.out = append(c.out, CheckPlainLanguage(v, o.Jargon)...)
	}
	c.out = append(c.out, CheckReadability(v)...)
	return c.out
}

func validateMeeting(c *checker, v *Version) {
	m := v.Meeting
	c.date("meeting.date", m.Date)
	c.clock("meeting.start", m.Start)
	if m.Date == "" {
		c.add(SevWarning, "meeting.date", "Mötets datum saknas.", "The meeting date is missing.")
	}
	if strings.TrimSpace(m.Chair) == "" {
		c.add(SevWarning, "meeting.chair", "Ingen mötesledare är angiven.", "No chair is named.")
	}
	if strings.TrimSpace(m.Secretary) == "" {
		c.add(SevWarning, "meeting.secretary", "Ingen mötessekreterare är angiven.", "No secretary is named.")
	}
	if SameName(m.Chair, m.Secretary) {
		c.add(SevError, "meeting.secretary",
			"Mötesledare och mötessekreterare får inte vara samma person.",
			"The chair and the secretary must not be the same person.")
	}
	if len(v.Present()) == 0 {
		c.add(SevWarning, "meeting.participants", "Ingen deltagare är markerad som närvarande.",
			"No participant is marked present.")
	}
	for i, pt := range m.Participants {
		path := fmt.Sprintf("meeting.participants[%d]", i)
		if strings.TrimSpace(pt.Name) == "" {
			c.add(SevError, path+".name", "En deltagare saknar namn.", "A participant has no name.")
		}
		if pt.Email != "" && !strings.Contains(pt.Email, "@") {
			c.add(SevWarning, path+".email", "E-postadressen ser inte rätt ut.", "The e-mail address does not look right.")
		}
	}
}

func validateConsent(c *checker, p *Plan, v *Version, today string) {
	k := v.Consent
	c.date("consent.date", k.Date)
	c.date("consent.valid_until", k.ValidUntil)
	c.date("consent.withdrawn_on", k.WithdrawnOn)
	switch {
	case k.WithdrawnOn != "":
		c.add(SevError, "consent.withdrawn_on", "Samtycket är återkallat. Planen kan inte fastställas; avsluta den (x på startsidan).",
			"The consent has been withdrawn. The plan cannot be finalised; close it (x on the home screen).")
		return
	case !k.Given:
		c.add(SevError, "consent.given", "Samtycke saknas. Utan samtycke kan ingen SIP göras.",
			"Consent is missing. Without consent no SIP can be made.")
		return
	case k.ValidUntil != "" && CheckDate(k.ValidUntil) == nil && k.ValidUntil < today:
		c.add(SevError, "consent.valid_until", "Samtycket har gått ut. Be om ett nytt samtycke.",
			"The consent has expired. Ask for a new consent.")
	case k.ValidUntil == "":
		c.add(SevWarning, "consent.valid_until", "Det står inte hur länge samtycket gäller.",
			"It does not say how long the consent is valid.")
	}
	if p.Variant == AgeChild {
		if len(k.Guardians) == 0 {
			c.add(SevError, "consent.guardians", "För ett barn behövs vårdnadshavarnas samtycke.",
				"For a child the guardians' consent is needed.")
		}
		for i, g := range k.Guardians {
			if !g.Given {
				c.add(SevError, fmt.Sprintf("consent.guardians[%d].given", i),
					"En vårdnadshavare har inte gett sitt samtycke.", "A guardian has not given consent.")
			}
		}
	}
	for _, o := range OutsideConsent(v) {
		i, party := o.Index, o.Party
		c.add(SevError, fmt.Sprintf("meeting.participants[%d].unit", i),
			fmt.Sprintf("Samtycket omfattar inte %s, som är med på mötet. Om den enskilde samtycker: lägg till enheten under Samtycke.", party),
			fmt.Sprintf("The consent does not cover %s, who is at the meeting. If the person agrees: add the unit under Consent.", party))
	}
}

// Covers tells whether a list of consented actors covers a unit: the same
// name, or one containing the other, ignoring case ("psykiatrin" covers
// "Psykiatrimottagningen"? No: only whole containment either way).
func Covers(actors []string, unit string) bool {
	u := strings.ToLower(strings.TrimSpace(unit))
	if u == "" {
		return false
	}
	for _, a := range actors {
		a = strings.ToLower(strings.TrimSpace(a))
		if a != "" && (strings.Contains(u, a) || strings.Contains(a, u)) {
			return true
		}
	}
	return false
}

func validateContent(c *checker, p *Plan, v *Version, today string) {
	ct := v.Content
	if strings.TrimSpace(ct.OwnWords) == "" {
		c.add(SevWarning, "content.own_words", "Den enskildes egna ord om vad som är viktigt saknas.",
			"The person's own words on what matters are missing.")
	}
	if len(ct.Goals) == 0 {
		c.add(SevWarning, "content.goals", "Planen har inga mål.", "The plan has no goals.")
	}
	if len(ct.Actions) == 0 {
		c.add(SevWarning, "content.actions", "Planen har inga insatser.", "The plan has no actions.")
	}
	for i, a := range ct.Actions {
		path := fmt.Sprintf("content.actions[%d]", i)
		if strings.TrimSpace(a.What) == "" {
			c.add(SevError, path+".what", "En insats saknar beskrivning.", "An action has no description.")
		}
		if strings.TrimSpace(a.Unit) == "" && !v.OwnAction(a, p.Person.Name) {
			c.add(SevWarning, path+".unit", "Insatsen saknar enhet.", "The action has no unit.")
		}
		if strings.TrimSpace(a.Responsible) == "" {
			c.add(SevWarning, path+".responsible", "Insatsen saknar ansvarig person.", "The action has no responsible person.")
		}
		if strings.TrimSpace(a.When) == "" {
			c.add(SevWarning, path+".when", "Det står inte när insatsen ska göras.", "The action has no time.")
		}
		for _, id := range a.GoalIDs {
			if v.Goal(id) == nil {
				c.add(SevWarning, path+".goal_ids", "Insatsen hänvisar till ett mål som inte finns.", "The action refers to a goal that does not exist.")
				break
			}
		}
	}
	co := ct.Coordinator
	switch pt := v.CoordinatorParticipant(); {
	case co.ParticipantID == "":
		c.add(SevError, "content.coordinator", "Ingen samordnare är utsedd.", "No coordinator is appointed.")
	case pt == nil:
		c.add(SevError, "content.coordinator", "Samordnaren finns inte bland deltagarna.", "The coordinator is not among the participants.")
	case !pt.Role.IsStaff():
		c.add(SevError, "content.coordinator", "Samordnaren måste vara personal, inte den enskilde eller en närstående.",
			"The coordinator must be staff, not the person or a relative.")
	case pt.Principal != PrincipalKommun && pt.Principal != PrincipalRegion:
		c.add(SevError, "content.coordinator", "Samordnaren måste vara anställd av kommunen eller regionen.",
			"The coordinator must be employed by the municipality or the region.")
	case !pt.IsPresent():
		c.add(SevError, "content.coordinator", "Samordnaren måste vara med på mötet.", "The coordinator must be at the meeting.")
	case pt.Phone == "" && pt.Email == "":
		c.add(SevWarning, fmt.Sprintf("meeting.participants[%d].phone", participantIndex(v, pt.ID)),
			"Samordnarens telefon eller e-post saknas (skrivs under Deltagare).", "The coordinator's phone or e-mail is missing (written under Participants).")
	}
	f := ct.FollowUp
	c.date("content.follow_up.date", f.Date)
	c.clock("content.follow_up.time", f.Time)
	c.date("content.follow_up.mandate_ends", f.MandateEnds)
	switch {
	case closing(v):
		// The plan ends when this version is finalised: nothing to book.
	case f.None:
		if strings.TrimSpace(f.NoneReason) == "" {
			c.add(SevError, "content.follow_up.none_reason", "Skriv varför ingen uppföljning planeras.",
				"Write why no follow-up is planned.")
		}
		if f.MandateEnds == "" {
			c.add(SevError, "content.follow_up.mandate_ends", "Skriv när samordnarens uppdrag slutar.",
				"Write when the coordinator's mandate ends.")
		}
	case f.Date == "":
		c.add(SevError, "content.follow_up.date", "Ingen uppföljning är bokad. Boka en, eller skriv varför det inte behövs.",
			"No follow-up is booked. Book one, or write why none is needed.")
	default:
		switch {
		case CheckDate(f.Date) != nil:
		case f.Date < today:
			c.add(SevWarning, "content.follow_up.date", "Uppföljningens datum har redan passerat.",
				"The follow-up date is in the past.")
		case CheckDate(v.Meeting.Date) == nil && f.Date < v.Meeting.Date:
			c.add(SevWarning, "content.follow_up.date", "Uppföljningen ligger före detta möte.",
				"The follow-up is before this meeting.")
		}
		if f.Time == "" {
			c.add(SevWarning, "content.follow_up.time", "Uppföljningen saknar klockslag.", "The follow-up has no time.")
		}
		if strings.TrimSpace(f.CalledBy) == "" {
			c.add(SevWarning, "content.follow_up.called_by", "Det står inte vem som kallar till uppföljningen.",
				"It does not say who calls the follow-up.")
		}
	}
}

func participantIndex(v *Version, id string) int {
	for i, p := range v.Meeting.Participants {
		if p.ID == id {
			return i
		}
	}
	return -1
}

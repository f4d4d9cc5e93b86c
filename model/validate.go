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
	// SevNotice tells of a rule that applies differently, such as a
	// child's plan for someone now 18; nothing to fix.
	SevNotice Severity = "notice"
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
	if CheckDate(s) == nil {
		return
	}
	sv, en := "Datumet finns inte i kalendern.", "The date does not exist in the calendar."
	if !DateShaped(s) {
		sv, en = "Datumet ska skrivas ÅÅÅÅ-MM-DD, till exempel 2026-11-24.", "Write the date as YYYY-MM-DD, for example 2026-11-24."
	}
	// A section has several dates: the finding names the one it is
	// about, as its field does, also when it is read on its own.
	for _, d := range dateNames {
		if strings.HasSuffix(path, d.suffix) {
			sv, en = d.name.SV+": "+lowerFirst(sv), d.name.EN+": "+lowerFirst(en)
			break
		}
	}
	c.add(SevError, path, sv, en)
}

// dateNames names the plan's dates by the end of their paths.
var dateNames = []struct {
	suffix string
	name   Text
}{
	{"meeting.date", Text{"Mötets datum", "Meeting date"}},
	{"consent.date", Text{"Datum för samtycket", "Date of consent"}},
	{"consent.valid_until", Text{"Gäller till och med", "Valid until"}},
	{"consent.withdrawn_on", Text{"Dag då samtycket togs tillbaka", "Day the consent was withdrawn"}},
	{"follow_up.date", Text{"Uppföljningens datum", "Follow-up date"}},
	{"follow_up.book_by", Text{"Bokas senast", "To be booked by"}},
	{"follow_up.mandate_ends", Text{"Samordnarens uppdrag gäller till och med", "The coordinator's mandate ends"}},
	{"closure.date", Text{"Avslutsdatum", "Closing date"}},
	{"].start", Text{"Insatsen börjar", "The action starts"}},
	{"].due", Text{"Insatsen klar senast", "The action is due"}},
	{"].date", Text{"Vårdnadshavarens samtycke, datum", "The guardian's consent, date"}},
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
			c.add(SevError, "person.pnr", "Personnumret är inte giltigt.", "The personal identity number is not valid.")
		}
	}
	// First of the warnings: what the person asked to keep out of the
	// room is about to be printed on every copy.
	validateNotRaised(c, p, v)
	validateMeeting(c, v)
	validateConsent(c, p, v, today)
	validateContent(c, p, v, today)
	validateFollowUp(c, v, today)
	validatePeople(c, p, v)
	validateContacts(c, v)
	validateAddedCopies(c, p, v, today)
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

package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Widening records units added to the consent at a meeting, after the
// person was asked, and when. For a child each guardian's yes is one
// widening of its own (By, As guardian), and the child's view another
// (As child, with View in the secretary's words).
type Widening struct {
	At    time.Time `json:"at"`
	Units []string  `json:"units"`
	// By is who was asked: a guardian's or the child's name; empty for
	// the person of an adult's plan.
	By string `json:"by,omitempty"`
	// As is By's part: "guardian" or "child".
	As   WideningBy `json:"as,omitempty"`
	View string     `json:"view,omitempty"`
}

// WideningBy is whose answer a widening records.
type WideningBy string

const (
	WidenedGuardian WideningBy = "guardian"
	WidenedChild    WideningBy = "child"
)

// ErrNothingToAdd is returned by WidenConsent when every unit is covered.
var ErrNothingToAdd = errors.New("every unit is already covered by the consent")

// unitKey is a unit's name as compared: case and spacing aside.
func unitKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// Covers tells whether the consented actors name a unit, by its whole name
// with case and spacing aside. A part of a name never covers: "vård" does
// not cover "Psykiatriska öppenvårdsmottagningen", since the person agreed
// to the units they heard named, not to every unit whose name contains a
// word of it. Units typed in one line, parted by commas or semicolons,
// are each a unit; a unit whose own name holds a comma is covered when
// each of its parts is.
func Covers(actors []string, unit string) bool {
	u := unitKey(unit)
	if u == "" {
		return false
	}
	for _, a := range actors {
		if unitKey(a) == u {
			return true
		}
		// "Elevhälsan, Ekskolan" typed on one line names two units,
		// each whole.
		for _, part := range SplitUnits(a) {
			if unitKey(part) == u {
				return true
			}
		}
	}
	if parts := SplitUnits(unit); len(parts) > 1 {
		for _, part := range parts {
			if !Covers(actors, part) {
				return false
			}
		}
		return true
	}
	return false
}

// SplitUnits reads units typed on one line: commas and semicolons both
// part them (issue 27: "Elevhälsan, Ekskolan" is two units). Each is
// kept as typed, spacing at its ends aside; nothing else is dropped.
func SplitUnits(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// Units is a list of units with each entry parted as SplitUnits parts a
// line, so that an entry stored whole by an older sipmote ("Elevhälsan,
// Ekskolan") counts as the units it names.
func Units(list []string) []string {
	var out []string
	for _, s := range list {
		out = append(out, SplitUnits(s)...)
	}
	return out
}

// UnitOf is the unit a participant comes from: the unit, or the other
// party's name when only that is given.
func UnitOf(pt Participant) string {
	pt = pt.Visible()
	if u := strings.TrimSpace(pt.Unit); u != "" {
		return u
	}
	if pt.Principal == PrincipalOther {
		return strings.TrimSpace(pt.OtherParty)
	}
	return ""
}

// UnitsOutsideConsent lists, once each in the order met, the units of the
// present staff and of the actions that the consent does not cover.
func UnitsOutsideConsent(v *Version) []string {
	var out []string
	add := func(u string) {
		if u == "" || Covers(v.Consent.Actors, u) || Covers(out, u) {
			return
		}
		out = append(out, u)
	}
	for _, pt := range v.Meeting.Participants {
		if pt.IsPresent() && pt.Role.IsStaff() {
			add(UnitOf(pt))
		}
	}
	for _, a := range v.Content.Actions {
		add(strings.TrimSpace(a.Unit))
	}
	return out
}

// WidenConsent adds units to the consent and records that it was widened
// at the meeting, and when. The caller has named each unit to the person
// and has their yes. Units already covered are left out; when none is
// left, nothing changes.
func (p *Plan) WidenConsent(units []string, now time.Time) error {
	if p.ReadOnly() {
		return ErrClosed
	}
	if p.Draft == nil {
		return ErrNoDraft
	}
	k := &p.Draft.Consent
	var added []string
	for _, u := range units {
		u = strings.Join(strings.Fields(u), " ")
		if u == "" || Covers(k.Actors, u) || Covers(added, u) {
			continue
		}
		added = append(added, u)
	}
	if len(added) == 0 {
		return ErrNothingToAdd
	}
	k.Actors = append(k.Actors, added...)
	k.Widened = append(k.Widened, Widening{At: now, Units: added})
	p.UpdatedAt = now
	return nil
}

// AgeOn is the person's age in whole years on a date (YYYY-MM-DD); ok is
// false when the personnummer or the date cannot be read.
func AgeOn(pnr, date string) (int, bool) {
	b, err := BirthDate(pnr)
	if err != nil {
		return 0, false
	}
	d, err := ParseDate(date)
	if err != nil {
		return 0, false
	}
	age := d.Year() - b.Year()
	if d.Month() < b.Month() || (d.Month() == b.Month() && d.Day() < b.Day()) {
		age--
	}
	return age, true
}

// ChildRules tells whether v follows the rules for a child: the plan is a
// child's plan, and the person is not 18 on the meeting date. adult18 is
// true when a child's plan meets a person who is 18 by then: the adult
// rules apply, since the person now decides alone.
func (p *Plan) ChildRules(v *Version, today string) (child, adult18 bool) {
	if p.Variant != AgeChild {
		return false, false
	}
	date := v.Meeting.Date
	if CheckDate(date) != nil || date == "" {
		date = today
	}
	if age, ok := AgeOn(p.Person.PNR, date); ok && age >= 18 {
		return false, true
	}
	return true, false
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
		// For a child it is the guardians who are asked.
		if child, _ := p.ChildRules(v, today); child {
			c.add(SevError, "consent.given", "Samtycke saknas. Utan samtycke kan ingen SIP göras. Fråga vårdnadshavarna och skriv vad var och en samtycker till.",
				"Consent is missing. Without consent no SIP can be made. Ask the guardians and write what each of them consents to.")
			return
		}
		c.add(SevError, "consent.given", "Samtycke saknas. Utan samtycke kan ingen SIP göras. Fråga den enskilde och skriv vad samtycket gäller.",
			"Consent is missing. Without consent no SIP can be made. Ask the person and write what the consent covers.")
		return
	}
	switch {
	case k.ValidUntil == "":
		c.add(SevError, "consent.valid_until", "Skriv till vilket datum samtycket gäller. Ett samtycke gäller en begränsad tid.",
			"Write the date the consent is valid until. A consent is limited in time.")
	case CheckDate(k.ValidUntil) == nil && k.ValidUntil < today:
		c.add(SevError, "consent.valid_until", "Samtycket har gått ut. Be om ett nytt samtycke.",
			"The consent has expired. Ask for a new consent.")
	}
	child, adult18 := p.ChildRules(v, today)
	decide := child && len(k.Guardians) > 0
	switch {
	case !decide && len(trimAll(k.Subjects)) == 0:
		c.add(SevError, "consent.subjects", "Skriv vilka ämnen samtycket gäller, så att alla vet vad de får tala om.",
			"Write which subjects the consent covers, so that everyone knows what they may talk about.")
	case decide && len(k.Guardians) > 1 && !slices.ContainsFunc(k.Guardians, func(g Guardian) bool { _, s := k.ScopeOf(g); return len(trimAll(s)) == 0 }):
		if _, subj := k.Overlap(); len(subj) == 0 {
			c.add(SevError, "consent.subjects", "Vårdnadshavarna har inte samtyckt till något gemensamt ämne. Bara ämnen som alla vårdnadshavare samtyckt till får tas upp.",
				"The guardians have not consented to any subject in common. Only subjects every guardian consented to may be raised.")
		}
	}
	if CheckDate(k.Date) == nil && k.Date != "" && CheckDate(v.Meeting.Date) == nil && v.Meeting.Date != "" && k.Date > v.Meeting.Date {
		c.add(SevWarning, "consent.date", "Samtycket är daterat efter mötet. Kontrollera datumet: samtycket ska finnas före mötet.",
			"The consent is dated after the meeting. Check the date: the consent must exist before the meeting.")
	}
	if adult18 {
		c.add(SevNotice, "person.variant",
			"Den enskilde är 18 år på mötesdagen. Reglerna för vuxna gäller: hen samtycker själv, och vårdnadshavarnas samtycke behövs inte. Byt checklista till vuxen under Mötet.",
			"The person is 18 on the meeting date. The adult rules apply: they consent themselves, and the guardians' consent is not needed. Change the checklists to adult under The meeting.")
	}
	if child {
		validateChild(c, v)
		validateGuardianLinks(c, v)
	}
	if decide {
		validateGuardianUnits(c, v)
		return
	}
	validateUnits(c, v)
}

// validateChild checks what a child's plan needs: each guardian's own
// consent, and the child's own view.
func validateChild(c *checker, v *Version) {
	k := v.Consent
	if len(k.Guardians) == 0 {
		c.add(SevError, "consent.guardians", "För ett barn behövs varje vårdnadshavares samtycke. Skriv vårdnadshavarna under Samtycke.",
			"For a child each guardian's consent is needed. Write the guardians under Consent.")
	}
	for i, g := range k.Guardians {
		path := fmt.Sprintf("consent.guardians[%d]", i)
		name := strings.TrimSpace(g.Name)
		switch {
		case name == "":
			c.add(SevError, path+".name", "En vårdnadshavare saknar namn. Skriv namnet, så att det syns vem som har samtyckt.",
				"A guardian has no name. Write the name, so that it shows who has consented.")
		case !g.Given:
			c.add(SevError, path+".given",
				fmt.Sprintf("%s har inte samtyckt. Båda vårdnadshavarna behöver samtycka; fråga, eller skriv att hen har samtyckt.", name),
				fmt.Sprintf("%s has not consented. Each guardian needs to consent; ask, or record that they have.", name))
		}
		// A guardian's own date is checked as the plan's dates are: "7/12"
		// printed as the date of a consent reads as nothing (tryout42a #4).
		who := GuardianName(g, i, Swedish)
		if CheckDate(g.Date) != nil {
			c.add(SevError, path+".date",
				fmt.Sprintf("Datumet för %s samtycke ska skrivas ÅÅÅÅ-MM-DD, till exempel 2026-11-24.", Possessive(who, Swedish)),
				fmt.Sprintf("Write the date of %s consent as YYYY-MM-DD, for example 2026-11-24.", Possessive(GuardianName(g, i, English), English)))
		}
		ga, gs := k.ScopeOf(g)
		if len(trimAll(ga)) == 0 {
			c.add(SevError, path+".actors",
				fmt.Sprintf("Skriv vilka verksamheter %s samtycke gäller. Bara verksamheter som alla vårdnadshavare samtyckt till får vara med.", Possessive(who, Swedish)),
				fmt.Sprintf("Write which units %s consent covers. Only units every guardian consented to may take part.", Possessive(GuardianName(g, i, English), English)))
		}
		if len(trimAll(gs)) == 0 {
			c.add(SevError, path+".subjects",
				fmt.Sprintf("Skriv vilka ämnen %s samtycke gäller.", Possessive(who, Swedish)),
				fmt.Sprintf("Write which subjects %s consent covers.", Possessive(GuardianName(g, i, English), English)))
		}
	}
	ct := v.Content
	if strings.TrimSpace(ct.OwnWords) == "" {
		c.add(SevError, "content.own_words", "Barnets egen syn saknas. Skriv vad barnet tycker är viktigt, med barnets ord.",
			"The child's own view is missing. Write what the child thinks matters, in the child's words.")
	}
	if strings.TrimSpace(ct.OwnViewHow) == "" {
		c.add(SevError, "content.own_view_how", "Skriv hur barnets syn togs fram (till exempel ett samtal med skolkuratorn).",
			"Write how the child's view was found out (for example a talk with the school counsellor).")
	}
}

// validateUnits checks every present staff member's unit and every
// action's unit against the consent, by whole name.
func validateUnits(c *checker, v *Version) {
	k := v.Consent
	for i, pt := range v.Meeting.Participants {
		if !pt.IsPresent() || pt.Role != RoleStaff {
			continue
		}
		path := fmt.Sprintf("meeting.participants[%d].unit", i)
		unit := UnitOf(pt)
		switch {
		case unit == "":
			c.add(SevError, path,
				fmt.Sprintf("Vilken verksamhet kommer %s från? Skriv verksamheten under Deltagare, så att det syns att samtycket gäller den.", orDash(pt.Name)),
				fmt.Sprintf("Which unit is %s from? Write the unit under Participants, so that it shows the consent covers it.", orDash(pt.Name)))
		case !Covers(k.Actors, unit) && pt.Left != nil:
			leftOutside(c, path, pt, unit)
		case !Covers(k.Actors, unit):
			c.add(SevError, path,
				fmt.Sprintf("Samtycket gäller inte %s, som är med på mötet. Fråga den enskilde; om hen säger ja, lägg till verksamheten under Samtycke.", unit),
				fmt.Sprintf("The consent does not cover %s, who is at the meeting. Ask the person; if they agree, add the unit under Consent.", unit))
		}
	}
	for i, a := range v.Content.Actions {
		unit := strings.TrimSpace(a.Unit)
		if unit == "" || Covers(k.Actors, unit) {
			continue
		}
		// Reported once per unit: a unit present at the meeting is
		// already reported above.
		if slices.ContainsFunc(v.Meeting.Participants, func(pt Participant) bool {
			return pt.IsPresent() && pt.Role.IsStaff() && unitKey(UnitOf(pt)) == unitKey(unit)
		}) {
			continue
		}
		c.add(SevError, fmt.Sprintf("content.actions[%d].unit", i),
			fmt.Sprintf("Samtycket gäller inte %s, som har en insats i planen. Fråga den enskilde; om hen säger ja, lägg till verksamheten under Samtycke.", unit),
			fmt.Sprintf("The consent does not cover %s, which has an action in the plan. Ask the person; if they agree, add the unit under Consent.", unit))
	}
}

// validateGuardianUnits checks a child's plan against the overlap of the
// guardians' consents: every staff member present or summoned, and every
// action's unit, must be in each guardian's consent. Each finding names
// the unit and the guardians whose consent lacks it.
func validateGuardianUnits(c *checker, v *Version) {
	k := v.Consent
	reported := []string{}
	say := func(path, unit, svWhy, enWhy string) {
		names := k.NotConsentedBy(unit, Swedish)
		if len(names) == 0 {
			return
		}
		sv := NotInConsent(unit, names).SV
		en := NotInConsent(unit, k.NotConsentedBy(unit, English)).EN
		c.add(SevError, path,
			sv+" ("+svWhy+"). Verksamheten får inte vara med förrän alla vårdnadshavare har samtyckt; fråga under Samtycke. Gick hen när svaret blev nej: skriv det under Deltagare, Gick före slutet.",
			en+" ("+enWhy+"). The unit may not take part until every guardian has consented; ask under Consent. If they left when the answer was no: write it under Participants, Left before the end.")
		reported = append(reported, unit)
	}
	for i, pt := range v.Meeting.Participants {
		if !pt.Role.IsStaff() || (!pt.IsPresent() && !pt.Invited) {
			continue
		}
		path := fmt.Sprintf("meeting.participants[%d].unit", i)
		unit := UnitOf(pt)
		switch {
		case unit == "" && pt.IsPresent() && pt.Role == RoleStaff:
			c.add(SevError, path,
				fmt.Sprintf("Vilken verksamhet kommer %s från? Skriv verksamheten under Deltagare, så att det syns att samtycket gäller den.", orDash(pt.Name)),
				fmt.Sprintf("Which unit is %s from? Write the unit under Participants, so that it shows the consent covers it.", orDash(pt.Name)))
		case unit == "" || Covers(reported, unit):
		case pt.IsPresent() && pt.Left != nil && len(k.NotConsentedBy(unit, Swedish)) > 0:
			leftOutside(c, path, pt, unit)
		case pt.IsPresent():
			say(path, unit, "med på mötet", "at the meeting")
		default:
			say(path, unit, "kallad till mötet", "summoned to the meeting")
		}
	}
	for i, a := range v.Content.Actions {
		unit := strings.TrimSpace(a.Unit)
		if unit == "" || Covers(reported, unit) {
			continue
		}
		say(fmt.Sprintf("content.actions[%d].unit", i), unit, "har en insats i planen", "has an action in the plan")
	}
	for _, g := range k.Gaps() {
		if len(g.Actors) == 0 {
			continue
		}
		c.add(SevNotice, fmt.Sprintf("consent.guardians[%d].actors", g.Index),
			fmt.Sprintf("%s samtycke saknar %s. Bara det som alla vårdnadshavare har samtyckt till gäller.", Possessive(GuardianName(k.Guardians[g.Index], g.Index, Swedish), Swedish), strings.Join(g.Actors, ", ")),
			fmt.Sprintf("%s consent lacks %s. Only what every guardian consented to holds.", Possessive(GuardianName(k.Guardians[g.Index], g.Index, English), English), strings.Join(g.Actors, ", ")))
	}
}

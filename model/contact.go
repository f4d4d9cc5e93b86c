package model

import (
	"fmt"
	"strings"
	"unicode"
)

// A participant's phone and e-mail are printed as the way to reach them:
// the coordinator's on the easy-read page as whom the person calls, and
// everyone's in summons and the closing list. What cannot be a number or
// an address is a finding, never a refusal: the secretary types on, and
// the finding says what to check.

// phoneOdd is the characters in s that have no place in a phone number:
// digits, letters ("vx", "ankn"), spaces and + - ( ) / . , : * # do.
func phoneOdd(s string) string {
	var odd []rune
	for _, r := range s {
		if unicode.IsDigit(r) || unicode.IsLetter(r) || unicode.IsSpace(r) || strings.ContainsRune("+-–()/.,:*#", r) {
			continue
		}
		if !strings.ContainsRune(string(odd), r) {
			odd = append(odd, r)
		}
	}
	return string(odd)
}

// PhoneProblem says why s cannot be a phone number to call, or gives the
// empty Text when it can be (or s is empty: a missing number is another
// rule's).
func PhoneProblem(s string) Text {
	s = strings.TrimSpace(s)
	if s == "" {
		return Text{}
	}
	if !strings.ContainsFunc(s, unicode.IsDigit) {
		return Text{"har inga siffror", "has no digits"}
	}
	if odd := phoneOdd(s); odd != "" {
		return Text{"har tecken som inte hör till ett nummer (" + odd + ")", "has characters that do not belong in a number (" + odd + ")"}
	}
	return Text{}
}

// EmailProblem says why s cannot be an e-mail address, or gives the empty
// Text when it can be (or s is empty).
func EmailProblem(s string) Text {
	s = strings.TrimSpace(s)
	if s == "" {
		return Text{}
	}
	local, domain, ok := strings.Cut(s, "@")
	switch {
	case !ok:
		return Text{"saknar @", "has no @"}
	case strings.ContainsFunc(s, unicode.IsSpace):
		return Text{"har mellanslag i sig", "has a space in it"}
	case local == "" || strings.Contains(domain, "@"):
		return Text{"har inget namn före @, eller mer än ett @", "has no name before the @, or more than one @"}
	case !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") || strings.Contains(domain, ".."):
		return Text{"saknar en domän med punkt efter @ (t.ex. @kommun.se)", "lacks a domain with a dot after the @ (e.g. @council.se)"}
	}
	return Text{}
}

// validateContacts: a warning for each phone or e-mail that cannot be one,
// said more strongly for the coordinator, whose number is the one the
// easy-read page tells the person to call. A coordinator with neither a
// usable phone nor a usable e-mail cannot be reached: an error, as when
// both are empty (validateCoordinator).
func validateContacts(c *checker, v *Version) {
	coord := v.Content.Coordinator.ParticipantID
	for i, pt := range v.Meeting.Participants {
		path := fmt.Sprintf("meeting.participants[%d]", i)
		isCoord := coord != "" && pt.ID == coord
		// Whose: the finding is read away from the row.
		sv, en := "En deltagares", "A participant's"
		if n := strings.TrimSpace(pt.Name); n != "" {
			sv, en = Possessive(n, Swedish), Possessive(n, English)
		}
		if isCoord {
			sv, en = "Samordnarens", "The coordinator's"
			if n := strings.TrimSpace(pt.Name); n != "" {
				sv, en = "Samordnaren "+Possessive(n, Swedish), "The coordinator "+Possessive(n, English)
			}
		}
		phone, mail := PhoneProblem(pt.Phone), EmailProblem(pt.Email)
		if phone.SV != "" {
			msv := fmt.Sprintf("%s telefonnummer ser inte rätt ut (%s): det %s.", sv, quoteText(pt.Phone), phone.SV)
			men := fmt.Sprintf("%s phone number does not look right (%s): it %s.", en, quoteText(pt.Phone), phone.EN)
			if isCoord {
				msv += " Det skrivs ut på den lättlästa sidan som numret den enskilde ska ringa."
				men += " It is printed on the easy-read page as the number the person should call."
			}
			c.add(SevWarning, path+".phone", msv, men)
		}
		if mail.SV != "" {
			msv := fmt.Sprintf("%s e-postadress ser inte rätt ut (%s): den %s.", sv, quoteText(pt.Email), mail.SV)
			men := fmt.Sprintf("%s e-mail address does not look right (%s): it %s.", en, quoteText(pt.Email), mail.EN)
			if isCoord {
				msv += " Den skrivs ut på den lättlästa sidan som vägen till samordnaren."
				men += " It is printed on the easy-read page as the way to reach the coordinator."
			}
			c.add(SevWarning, path+".email", msv, men)
		}
		if isCoord && (phone.SV != "" || mail.SV != "") &&
			(phone.SV != "" || strings.TrimSpace(pt.Phone) == "") && (mail.SV != "" || strings.TrimSpace(pt.Email) == "") {
			c.add(SevError, "content.coordinator",
				"Den enskilde kan inte nå samordnaren: varken telefonnumret eller e-postadressen går att använda. Rätta dem under Deltagare.",
				"The person cannot reach the coordinator: neither the phone number nor the e-mail address can be used. Correct them under Participants.")
		}
	}
}

// validateActionContact: an action's contact is how to reach someone who
// was not at the meeting, so it is a finding when it holds neither a
// number nor an address, or one that cannot be used ("Karin på IFO",
// "karin@ifo"). A warning only: a name to ask for at a switchboard may
// be all there is.
func validateActionContact(c *checker, path, what string, a Action) {
	contact := strings.TrimSpace(a.Contact)
	if contact == "" {
		return
	}
	var mails, rest []string
	for _, f := range strings.FieldsFunc(contact, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' }) {
		if strings.Contains(f, "@") {
			mails = append(mails, f)
		} else {
			rest = append(rest, f)
		}
	}
	say := func(sv, en string) {
		c.add(SevWarning, path+".contact",
			fmt.Sprintf("Kontakten för insatsen ”%s” (%s) %s.", what, quoteText(contact), sv),
			fmt.Sprintf("The contact for the action \"%s\" (%s) %s.", what, quoteText(contact), en))
	}
	other := strings.Join(rest, " ")
	if len(mails) == 0 && !strings.ContainsFunc(other, unicode.IsDigit) {
		say("har varken telefonnummer eller e-postadress: skriv hur personen nås", "has neither a phone number nor an e-mail address: write how to reach them")
		return
	}
	for _, m := range mails {
		if p := EmailProblem(strings.Trim(m, ".()<>")); p.SV != "" {
			say("har en e-postadress som inte ser rätt ut: den "+p.SV, "has an e-mail address that does not look right: it "+p.EN)
		}
	}
	if strings.ContainsFunc(other, unicode.IsDigit) {
		if p := PhoneProblem(other); p.SV != "" {
			say("har ett telefonnummer som inte ser rätt ut: det "+p.SV, "has a phone number that does not look right: it "+p.EN)
		}
	}
}

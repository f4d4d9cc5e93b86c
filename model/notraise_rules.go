package model

import (
	"fmt"
	"strings"
)

// A subject the person asked not to raise that is written into the plan's
// text is printed on every copy, the relatives' too. validateNotRaised
// says so, one finding per text part and subject, by the part's name and
// the subject's number on the consent's list: a finding may be read on a
// screen others see, so it never quotes the subject or the text.
//
// It is a warning, not an error: the person may have chosen during the
// meeting to have it written after all, and an error would leave the
// secretary two bad ways past it, to cut the person's words or to empty
// the list that records their wish. A warning stops nothing, and it is on
// the list shown before finalising and in the print dialog.

// notRaisedText is one printed text of a version that the check reads.
type notRaisedText struct {
	path string
	name Text
	text string
}

// printedTexts are the free texts of a version that are printed on the
// plan, with their paths and their names on screen.
func printedTexts(v *Version) []notRaisedText {
	ct := &v.Content
	var out []notRaisedText
	for _, p := range TextParts {
		if p.Section == SectionEvaluation {
			continue // kept in the record, never printed (document.go)
		}
		out = append(out, notRaisedText{"content." + p.Key, p.Heading, *p.Of(ct)})
	}
	for i, g := range ct.Goals {
		out = append(out, notRaisedText{fmt.Sprintf("content.goals[%d].text", i),
			Text{fmt.Sprintf("Mål %d", i+1), fmt.Sprintf("Goal %d", i+1)}, g.Text})
	}
	for i, a := range ct.Actions {
		name := Text{fmt.Sprintf("Insats %d", i+1), fmt.Sprintf("Action %d", i+1)}
		path := fmt.Sprintf("content.actions[%d]", i)
		out = append(out,
			notRaisedText{path + ".what", name, a.What},
			notRaisedText{path + ".when", name, a.When})
	}
	f := ct.FollowUp
	name := Text{"Uppföljning", "Follow-up"}
	out = append(out,
		notRaisedText{"content.follow_up.what", name, f.What},
		notRaisedText{"content.follow_up.why_later", name, f.WhyLater},
		notRaisedText{"content.follow_up.none_reason", name, f.NoneReason})
	return out
}

// NotRaisedHit is a printed text part that names a subject not to raise.
type NotRaisedHit struct {
	// Path is the part's path, as a finding's.
	Path string
	// Part is the part's name on screen: its heading, "Mål 2", "Insats 1".
	Part Text
	// Subject is the subject's index on the consent's list (0-based).
	Subject int
}

// NotRaisedIn lists, in the order of the plan, every printed text part of
// version v of p that names a subject on its not-to-raise list, once per
// subject.
func NotRaisedIn(p *Plan, v *Version) []NotRaisedHit {
	if len(v.Consent.NotRaise) == 0 {
		return nil
	}
	m := newSubjectMatcherAmong(v.Consent.NotRaise, p.Person.Name, PeopleWords(p, v))
	var out []NotRaisedHit
	for _, t := range printedTexts(v) {
		if strings.TrimSpace(t.text) == "" {
			continue
		}
		for _, i := range m.named(t.text) {
			out = append(out, NotRaisedHit{t.path, t.name, i})
		}
	}
	return out
}

func validateNotRaised(c *checker, p *Plan, v *Version) {
	sv := "Texten i ”%s” nämner ett ord ur ämne %d av dem som den enskilde inte vill ska tas upp. Den skrivs ut på varje kopia: skriv om eller stryk det, om inte den enskilde har ändrat sig."
	en := "The text in “%s” names a word of subject %d of those the person does not want raised. It is printed on every copy: reword or strike it, unless the person has changed their mind."
	if p.Variant == AgeChild {
		// For a child it is the child and the guardians who asked.
		sv = "Texten i ”%s” nämner ett ord ur ämne %d av dem som barnet eller vårdnadshavarna inte vill ska tas upp. Den skrivs ut på varje kopia: skriv om eller stryk det, om de inte har ändrat sig."
		en = "The text in “%s” names a word of subject %d of those the child or the guardians do not want raised. It is printed on every copy: reword or strike it, unless they have changed their mind."
	}
	for _, h := range NotRaisedIn(p, v) {
		c.add(SevWarning, h.Path, fmt.Sprintf(sv, h.Part.SV, h.Subject+1), fmt.Sprintf(en, h.Part.EN, h.Subject+1))
	}
}

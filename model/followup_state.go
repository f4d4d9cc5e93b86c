package model

import (
	"strings"
)

// FollowUpState is where the next follow-up stands. The law asks the plan
// to say when it is followed up; a regional routine asks that, when no
// meeting is booked, the coordinator's mandate has a written end. The
// three states keep "we book it later" apart from "there is none", so that
// a print never says "no follow-up is planned" above a reason for booking
// later.
type FollowUpState string

const (
	// FollowUpBooked: date, time, place, who attends and who calls it.
	FollowUpBooked FollowUpState = "booked"
	// FollowUpLater: to be booked by a date, with why not now.
	FollowUpLater FollowUpState = "to_book"
	// FollowUpNone: no follow-up, with why.
	FollowUpNone FollowUpState = "none"
)

// FollowUpStates lists the states in the order a form offers them.
var FollowUpStates = []FollowUpState{FollowUpBooked, FollowUpLater, FollowUpNone}

var followUpStateLabels = map[FollowUpState]Text{
	FollowUpBooked: {"bokad här", "booked here"},
	FollowUpLater:  {"bokas senare", "to be booked later"},
	FollowUpNone:   {"ingen uppföljning", "no follow-up"},
}

// Label is the state in words; empty when not set.
func (s FollowUpState) Label(l Lang) string { return labelOf(followUpStateLabels, s, l) }

// Booked tells whether a follow-up meeting is booked.
func (f FollowUp) Booked() bool { return f.State == FollowUpBooked }

// NeedsMandate tells whether the coordinator's mandate needs a written end:
// whenever the follow-up is not booked.
func (f FollowUp) NeedsMandate() bool { return f.State == FollowUpLater || f.State == FollowUpNone }

// validateFollowUp checks the follow-up of v. Nothing is required of a
// version that closes the plan.
func validateFollowUp(c *checker, v *Version, today string) {
	f := v.Content.FollowUp
	c.date("content.follow_up.date", f.Date)
	c.clock("content.follow_up.time", f.Time)
	c.date("content.follow_up.mandate_ends", f.MandateEnds)
	c.date("content.follow_up.book_by", f.BookBy)
	if closing(v) {
		return
	}
	switch f.State {
	case "":
		c.add(SevError, "content.follow_up.state",
			"Det står inte hur planen följs upp. Välj: bokad här, bokas senare eller ingen uppföljning.",
			"It does not say how the plan is followed up. Choose: booked here, to be booked later, or no follow-up.")
		return
	case FollowUpBooked:
		validateBooked(c, v, today)
	case FollowUpLater:
		if strings.TrimSpace(f.BookBy) == "" {
			c.add(SevError, "content.follow_up.book_by", "Skriv senast när uppföljningen ska bokas.",
				"Write by when the follow-up will be booked.")
		}
		if strings.TrimSpace(f.WhyLater) == "" {
			c.add(SevError, "content.follow_up.why_later", "Skriv varför uppföljningen inte bokas nu (till exempel att ett beslut väntas).",
				"Write why the follow-up is not booked now (for example, a decision is awaited).")
		}
	case FollowUpNone:
		if strings.TrimSpace(f.NoneReason) == "" {
			c.add(SevError, "content.follow_up.none_reason", "Skriv varför ingen uppföljning planeras.",
				"Write why no follow-up is planned.")
		}
	default:
		c.add(SevError, "content.follow_up.state", "Okänt läge för uppföljningen.", "Unknown follow-up state.")
		return
	}
	if f.NeedsMandate() {
		switch {
		case f.MandateEnds == "":
			c.add(SevError, "content.follow_up.mandate_ends",
				"Skriv till vilket datum samordnarens uppdrag gäller, eftersom ingen uppföljning är bokad.",
				"Write the date the coordinator's mandate runs to, since no follow-up is booked.")
		case CheckDate(f.MandateEnds) == nil && CheckDate(v.Meeting.Date) == nil && f.MandateEnds < v.Meeting.Date:
			c.add(SevWarning, "content.follow_up.mandate_ends", "Samordnarens uppdrag slutar före mötet. Rätta datumet.",
				"The coordinator's mandate ends before the meeting. Correct the date.")
		}
		if f.State == FollowUpLater && CheckDate(f.BookBy) == nil && CheckDate(f.MandateEnds) == nil && f.BookBy > f.MandateEnds {
			c.add(SevWarning, "content.follow_up.book_by", "Uppföljningen ska bokas efter att samordnarens uppdrag har slutat. Boka tidigare eller förläng uppdraget.",
				"The follow-up is to be booked after the coordinator's mandate ends. Book earlier or extend the mandate.")
		}
	}
	if f.State != FollowUpNone && strings.TrimSpace(f.What) == "" {
		c.add(SevError, "content.follow_up.what", "Skriv vad som ska följas upp och utvärderas (till exempel målen och insatserna).",
			"Write what will be followed up and evaluated (for example the goals and the actions).")
	}
	k := v.Consent
	end := f.Date
	if !f.Booked() {
		end = f.MandateEnds
	}
	if CheckDate(end) == nil && end != "" && CheckDate(k.ValidUntil) == nil && k.ValidUntil != "" && end > k.ValidUntil {
		// The words name what is compared: the booked follow-up, or,
		// when none is booked, the coordinator's mandate.
		if f.Booked() {
			c.add(SevWarning, "content.follow_up.date",
				"Uppföljningen ("+end+") ligger efter att samtycket har gått ut ("+k.ValidUntil+"). Be om ett förlängt samtycke, eller följ upp tidigare.",
				"The follow-up ("+end+") is after the consent ends ("+k.ValidUntil+"). Ask for the consent to be extended, or follow up earlier.")
		} else {
			c.add(SevWarning, "content.follow_up.mandate_ends",
				"Samordnarens uppdrag gäller till "+end+", men samtycket går ut "+k.ValidUntil+". Be om ett förlängt samtycke, eller låt uppdraget sluta senast när samtycket gör det.",
				"The coordinator's mandate runs to "+end+", but the consent ends "+k.ValidUntil+". Ask for the consent to be extended, or let the mandate end when the consent does at the latest.")
		}
	}
}

func validateBooked(c *checker, v *Version, today string) {
	f := v.Content.FollowUp
	switch {
	case f.Date == "":
		c.add(SevError, "content.follow_up.date", "Skriv datum för uppföljningen, eller välj att den bokas senare.",
			"Write the date of the follow-up, or choose to book it later.")
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
	if strings.TrimSpace(f.Place) == "" {
		c.add(SevWarning, "content.follow_up.place", "Det står inte var uppföljningen hålls.", "It does not say where the follow-up is held.")
	}
	if strings.TrimSpace(f.Attendees) == "" {
		c.add(SevWarning, "content.follow_up.attendees", "Det står inte vilka som deltar i uppföljningen.", "It does not say who attends the follow-up.")
	}
	if strings.TrimSpace(f.CalledBy) == "" {
		c.add(SevWarning, "content.follow_up.called_by", "Det står inte vem som kallar till uppföljningen.",
			"It does not say who calls the follow-up.")
	}
}

// followUp lays out the follow-up in its state. A follow-up to be booked
// says so; only the state "none" prints that none is planned.
func (b docBuilder) followUp() Section {
	f := b.v.Content.FollowUp
	s := Section{Heading: b.t("Uppföljning", "Follow-up")}
	mandate := KeyValue{b.t("Samordnarens uppdrag gäller till och med", "The coordinator's mandate runs until"), orDash(f.MandateEnds)}
	what := KeyValue{b.t("Det här följs upp och utvärderas", "What is followed up and evaluated"), orDash(f.What)}
	switch f.State {
	case FollowUpNone:
		s.Blocks = []Block{
			{Kind: BlockParagraph, Text: b.t("Ingen uppföljning är planerad.", "No follow-up is planned.")},
			{Kind: BlockKeyValues, Pairs: []KeyValue{
				{b.t("Skäl", "Reason"), orDash(f.NoneReason)}, mandate,
			}},
		}
	case FollowUpLater:
		s.Blocks = []Block{
			{Kind: BlockParagraph, Text: b.t("Uppföljningen bokas senare.", "The follow-up will be booked later.")},
			{Kind: BlockKeyValues, Pairs: []KeyValue{
				{b.t("Bokas senast", "To be booked by"), orDash(f.BookBy)},
				{b.t("Varför inte nu", "Why not now"), orDash(f.WhyLater)},
				mandate, what,
			}},
		}
	case FollowUpBooked:
		s.Blocks = []Block{{Kind: BlockKeyValues, Pairs: []KeyValue{
			{b.t("Datum", "Date"), orDash(f.Date)},
			{b.t("Tid", "Time"), orDash(f.Time)},
			{b.t("Plats", "Place"), orDash(f.Place)},
			{b.t("Vilka som deltar", "Who takes part"), orDash(f.Attendees)},
			{b.t("Kallar till mötet", "Calls the meeting"), orDash(b.nameOf(f.CalledBy))},
			what,
		}}}
	default:
		s.Blocks = []Block{{Kind: BlockParagraph, Text: b.t("Det står inte hur planen följs upp.", "It does not say how the plan is followed up."), Note: true}}
	}
	// A closed plan's paper still shows the follow-up it planned, as it
	// was agreed; it says first that it will not take place.
	if c := b.p.Closure; b.p.Status == StatusClosed && c != nil && (f.State == FollowUpBooked || f.State == FollowUpLater) {
		s.Blocks = append([]Block{{Kind: BlockParagraph, Note: true, Text: b.t(
			"Planen avslutades "+c.Date+": uppföljningen nedan blir inte av.",
			"The plan ended on "+c.Date+": the follow-up below will not take place.")}}, s.Blocks...)
	}
	return s
}

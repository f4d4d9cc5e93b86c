package model

import (
	"strconv"
	"strings"
	"time"
)

var englishMonths = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// LongDate writes a date with the month as a word, as a letter or a
// summons does: "28 februari 2027", "28 February 2027". Anything that is
// not a date is returned as written.
func LongDate(s string, l Lang) string {
	t, err := time.Parse(DateLayout, strings.TrimSpace(s))
	if err != nil {
		return strings.TrimSpace(s)
	}
	month := swedishMonths[t.Month()-1]
	if l == English {
		month = englishMonths[t.Month()-1]
	}
	return strconv.Itoa(t.Day()) + " " + month + " " + strconv.Itoa(t.Year())
}

// closureWhy is each reason as the end of "Planen avslutades …: ", in
// the past tense a notice about a done thing wants.
var closureWhy = map[ClosureReason]Text{
	CloseGoalsMet:    {"målen nåddes", "the goals were met"},
	CloseNoNeed:      {"det fanns inte längre något behov av samordning", "there was no longer a need for coordination"},
	CloseConsentGone: {"samtycket togs tillbaka", "the consent was withdrawn"},
	CloseMoved:       {"den enskilde flyttade", "the person moved"},
}

// Ended says that the plan has ended, when and why, in one sentence:
// "Planen avslutades 2027-03-15: samtycket togs tillbaka." The written
// explanation is part of it only for the reason "other", where it is the
// reason; after a withdrawn consent nothing but the fact is said.
func (c Closure) Ended(l Lang) string {
	why := closureWhy[c.Reason].In(l)
	if t := strings.TrimSpace(c.Text); c.Reason == CloseOther || why == "" {
		why = strings.TrimRight(t, ".")
	}
	s := T(l, "Planen avslutades ", "The plan ended on ") + c.Date
	if why != "" {
		s += ": " + why
	}
	return s + "."
}

// NextMeeting says, in one line, what comes after the meeting of version
// v: the booked follow-up ("Nästa möte: 2027-03-10 10:00"), the date by
// which it is to be booked and by whom ("Nästa möte: bokas senast 28
// februari 2027 av samordnaren"), or that none is planned. Empty when the
// version says nothing of it.
func (v *Version) NextMeeting(l Lang) string {
	f := v.Content.FollowUp
	lead := T(l, "Nästa möte: ", "Next meeting: ")
	switch f.State {
	case FollowUpBooked:
		if when := strings.TrimSpace(f.Date + " " + f.Time); when != "" {
			return lead + when
		}
	case FollowUpLater:
		if strings.TrimSpace(f.BookBy) == "" {
			return lead + T(l, "bokas senare av samordnaren", "to be booked later by the coordinator")
		}
		return lead + T(l, "bokas senast ", "to be booked by ") + LongDate(f.BookBy, l) + T(l, " av samordnaren", " by the coordinator")
	case FollowUpNone:
		s := T(l, "ingen uppföljning är planerad", "no follow-up is planned")
		if r := strings.TrimSpace(f.NoneReason); r != "" {
			s += " (" + r + ")"
		}
		return lead + s
	}
	return ""
}

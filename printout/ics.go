package printout

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Stockholm on machines without a zoneinfo database

	ics "github.com/arran4/golang-ical"

	"github.com/sipmote/sipmote/model"
)

// Errors of the calendar invitation. They carry no personal data, so they
// may be shown and logged as they are.
var (
	ErrNoFollowUp = errors.New("printout: no follow-up meeting is booked")
	ErrFollowUp   = errors.New("printout: the follow-up date or time cannot be read")
)

// Zone is the time zone of every SIP meeting.
const Zone = "Europe/Stockholm"

// ICS makes a calendar invitation to the follow-up meeting booked in v.
//
// An invitation travels through mail servers and shared calendars that are
// not the care provider's, so it holds only what people need to turn up:
// the time, the place, the attendees and "SIP-uppföljning" with the
// person's initials. No name of the person, nothing about health, goals or
// actions. The place is left out too: a clinic's name beside initials says
// too much in a calendar that syncs elsewhere; ICSWithPlace adds it when
// the user asks.
func ICS(p *model.Plan, v *model.Version, l model.Lang) ([]byte, error) {
	return calendar(p, v, l, false)
}

// ICSWithPlace is ICS with the follow-up's place as the event's location.
func ICSWithPlace(p *model.Plan, v *model.Version, l model.Lang) ([]byte, error) {
	return calendar(p, v, l, true)
}

func calendar(p *model.Plan, v *model.Version, l model.Lang, withPlace bool) ([]byte, error) {
	if p == nil {
		p = &model.Plan{}
	}
	if v == nil {
		v = p.Current()
	}
	if v == nil {
		return nil, ErrNoFollowUp
	}
	f := v.Content.FollowUp
	if !f.Booked() || strings.TrimSpace(f.Date) == "" {
		return nil, ErrNoFollowUp
	}
	loc, err := time.LoadLocation(Zone)
	if err != nil {
		return nil, err
	}
	day, err := time.ParseInLocation(model.DateLayout, f.Date, loc)
	if err != nil {
		return nil, ErrFollowUp
	}

	cal := ics.NewCalendar()
	cal.SetProductId("-//sipmote//SIP//SV")
	cal.SetVersion("2.0")
	cal.SetCalscale("GREGORIAN")
	addStockholm(cal)

	ev := cal.AddEvent(eventUID(p.ID, v.Number))
	ev.SetDtStampTime(time.Now())
	ev.SetSequence(0)
	ev.SetSummary(strings.TrimSpace(model.T(l, "SIP-uppföljning", "SIP follow-up") + " " + initials(p.Person.Name)))
	ev.SetClass(ics.ClassificationConfidential)
	if f.Time == "" {
		// A day without a time: an all-day event, so that it is not lost.
		ev.SetAllDayStartAt(day)
		ev.SetAllDayEndAt(day.AddDate(0, 0, 1))
	} else {
		clock, err := model.ParseClock(f.Time)
		if err != nil {
			return nil, ErrFollowUp
		}
		start := time.Date(day.Year(), day.Month(), day.Day(), clock.Hour(), clock.Minute(), 0, 0, loc)
		minutes := v.Meeting.Minutes
		if minutes <= 0 {
			minutes = 60
		}
		end := start.Add(time.Duration(minutes) * time.Minute)
		ev.SetProperty(ics.ComponentPropertyDtStart, start.Format("20060102T150405"), ics.WithTZID(Zone))
		ev.SetProperty(ics.ComponentPropertyDtEnd, end.Format("20060102T150405"), ics.WithTZID(Zone))
	}
	if place := oneLine(f.Place); place != "" && withPlace {
		ev.SetLocation(place)
	}
	if org := organizer(v); org != nil {
		ev.SetOrganizer("mailto:"+org.Email, ics.WithCN(attendeeName(*org)))
		cal.SetMethod(ics.MethodRequest)
	} else {
		cal.SetMethod(ics.MethodPublish)
	}
	for _, pt := range v.Meeting.Participants {
		email := strings.TrimSpace(pt.Email)
		if !plainEmail(email) {
			continue
		}
		ev.AddAttendee("mailto:"+email,
			ics.WithCN(attendeeName(pt)),
			ics.CalendarUserTypeIndividual,
			ics.ParticipationRoleReqParticipant,
			ics.ParticipationStatusNeedsAction,
			ics.WithRSVP(true))
	}
	// RFC 5545 ends lines in CRLF; some calendars reject anything else.
	return []byte(cal.Serialize(ics.WithNewLine("\r\n"))), nil
}

// attendeeName is the name shown for an attendee. The person the plan is
// about is shown by initials only, like the summary.
func attendeeName(pt model.Participant) string {
	if pt.Role == model.RolePerson {
		return initials(pt.Name)
	}
	return paramText(pt.Name)
}

// organizer is whoever calls the follow-up, else the coordinator, when
// they have an e-mail address: replies to the invitation go to them.
func organizer(v *model.Version) *model.Participant {
	ref := strings.TrimSpace(v.Content.FollowUp.CalledBy)
	var pick *model.Participant
	for i, pt := range v.Meeting.Participants {
		if ref != "" && (pt.ID == ref || model.SameName(pt.Name, ref)) {
			pick = &v.Meeting.Participants[i]
			break
		}
	}
	if pick == nil {
		pick = v.CoordinatorParticipant()
	}
	if pick == nil || !plainEmail(strings.TrimSpace(pick.Email)) {
		return nil
	}
	return pick
}

// plainEmail accepts an address that can go into a calendar line as it
// is: one @ with something on each side, and none of the characters that
// would end the line, the value or the parameter list. Anything else is
// left out of the invitation rather than trusted to escaping.
func plainEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || domain == "" || strings.Contains(domain, "@") {
		return false
	}
	for _, r := range s {
		if r <= ' ' || r == 0x7f || strings.ContainsRune("\"\\<>()[],:;", r) {
			return false
		}
	}
	return true
}

// paramText makes a name safe as a parameter value (CN=...): golang-ical
// escapes with backslashes there, which calendars read differently, so the
// characters that need it are replaced by spaces.
func paramText(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if strings.ContainsRune("\"\\,:;", r) {
			return ' '
		}
		return r
	}, oneLine(s))), " ")
}

func initials(name string) string { return model.Initials(oneLine(name)) }

// eventUID is stable for a plan version, so that sending the invitation
// again updates the event instead of adding a second one. It is a hash, so
// that it says nothing about the plan.
func eventUID(planID string, version int) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s/%d", planID, version)))
	return hex.EncodeToString(sum[:16]) + "@sipmote"
}

// addStockholm describes the time zone in the calendar itself, as RFC 5545
// asks for every TZID used, so that calendars that do not know the zone
// by name still place the meeting right: CET, and CEST from the last
// Sunday of March to the last Sunday of October.
func addStockholm(cal *ics.Calendar) {
	tz := cal.AddTimezone(Zone)
	std := tz.AddStandard()
	std.AddProperty(ics.ComponentPropertyDtStart, "19701025T030000")
	std.AddProperty(ics.ComponentPropertyRrule, "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
	std.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), "+0200")
	std.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), "+0100")
	std.AddProperty(ics.ComponentProperty(ics.PropertyTzname), "CET")
	dl := &ics.Daylight{}
	dl.AddProperty(ics.ComponentPropertyDtStart, "19700329T020000")
	dl.AddProperty(ics.ComponentPropertyRrule, "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
	dl.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), "+0100")
	dl.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), "+0200")
	dl.AddProperty(ics.ComponentProperty(ics.PropertyTzname), "CEST")
	tz.Components = append(tz.Components, dl)
}

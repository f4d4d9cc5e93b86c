package fhir

import (
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Stockholm on machines without a zoneinfo database

	"github.com/sipmote/sipmote/model"
)

// Zone is the time zone of every SIP meeting.
const Zone = "Europe/Stockholm"

// followUp is the follow-up as an activity of the CarePlan: a booked one
// points at its Appointment; one to be booked later is described, due by
// the date it must be booked by. With no follow-up there is no activity;
// the reason goes in a note.
func (b *builder) followUp(planURL string) (Activity, bool) {
	fu := b.v.Content.FollowUp
	what := strings.TrimSpace(fu.What)
	switch fu.State {
	case model.FollowUpBooked:
		r := b.appointment(planURL)
		return Activity{Reference: &r}, true
	case model.FollowUpLater:
		desc := b.t("Uppföljning, bokas senare", "Follow-up, to be booked later")
		if why := strings.TrimSpace(fu.WhyLater); why != "" {
			desc += ": " + why
		}
		d := &ActivityDetail{Kind: "Appointment", Status: "not-started", Description: desc}
		d.ScheduledPeriod = newPeriod("", fu.BookBy)
		if r, ok := b.who(fu.CalledBy); ok {
			d.Performer = []Reference{r}
		}
		act := Activity{Detail: d}
		if what != "" {
			act.Progress = []Annotation{{Text: b.t("Följs upp: ", "Followed up: ") + what}}
		}
		return act, true
	}
	return Activity{}, false
}

// appointment is the booked follow-up meeting: its start in Swedish time,
// its length that of this meeting (the follow-up has none of its own),
// the person, whoever calls it and the place. Who else attends is free
// text and goes in the comment.
func (b *builder) appointment(planURL string) Reference {
	fu := b.v.Content.FollowUp
	ap := Appointment{ResourceType: "Appointment", ID: b.id("appointment/" + strconv.Itoa(b.v.Number)),
		Status:                "booked",
		Description:           b.t("SIP-uppföljning", "SIP follow-up"),
		SupportingInformation: []Reference{{Reference: planURL}}}
	if what := strings.TrimSpace(fu.What); what != "" {
		ap.Description += ": " + what
	}
	minutes := b.v.Meeting.Minutes
	if minutes <= 0 {
		minutes = 60
	}
	if start, ok := followUpStart(fu); ok {
		ap.Start = start.Format(time.RFC3339)
		ap.End = start.Add(time.Duration(minutes) * time.Minute).Format(time.RFC3339)
		ap.MinutesDuration = minutes
	} else {
		// FHIR lets only a proposed appointment go without a time.
		ap.Status = "proposed"
	}
	if at := strings.TrimSpace(fu.Attendees); at != "" {
		ap.Comment = b.t("Deltar: ", "Attending: ") + at
	}
	ap.Participant = []AppointmentParticipant{{Actor: &b.pat, Status: "accepted"}}
	if r, ok := b.who(fu.CalledBy); ok && r.Reference != "" && r.Reference != b.pat.Reference {
		ap.Participant = append(ap.Participant, AppointmentParticipant{Actor: &r, Status: "accepted"})
	}
	if place := strings.TrimSpace(fu.Place); place != "" {
		loc := Location{ResourceType: "Location", ID: b.id("location/" + strconv.Itoa(b.v.Number)), Name: place}
		lr := b.add(loc.ID, loc, place)
		ap.Participant = append(ap.Participant, AppointmentParticipant{Actor: &lr, Status: "accepted"})
	}
	return b.add(ap.ID, ap, "")
}

func followUpStart(fu model.FollowUp) (time.Time, bool) {
	loc, err := time.LoadLocation(Zone)
	if err != nil {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation(model.DateLayout+" "+model.TimeLayout, fu.Date+" "+fu.Time, loc)
	return t, err == nil
}

// inZone is t in Swedish time, as the plan's dates are; t unchanged
// where the zone is unknown.
func inZone(t time.Time) time.Time {
	if loc, err := time.LoadLocation(Zone); err == nil {
		return t.In(loc)
	}
	return t
}

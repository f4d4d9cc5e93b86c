package printout

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/sipmote/sipmote/model"
)

func TestICS(t *testing.T) {
	stockholm, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		lang    model.Lang
		edit    func(v *model.Version)
		start   time.Time
		minutes int
		summary string
	}{
		{"winter time", model.Swedish, func(*model.Version) {},
			time.Date(2027, 3, 10, 10, 0, 0, 0, stockholm), 90, "SIP-uppföljning M.L."},
		{"summer time, default length", model.English, func(v *model.Version) {
			v.Content.FollowUp.Date, v.Content.FollowUp.Time = "2027-06-09", "13:30"
			v.Meeting.Minutes = 0
		}, time.Date(2027, 6, 9, 13, 30, 0, 0, stockholm), 60, "SIP follow-up M.L."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := samplePlan()
			v := &p.Versions[0]
			tt.edit(v)
			raw, err := ICSWithPlace(p, v, tt.lang)
			if err != nil {
				t.Fatal(err)
			}
			cal, err := ics.ParseCalendar(bytes.NewReader(raw))
			if err != nil {
				t.Fatalf("the invitation does not parse: %v", err)
			}
			evs := cal.Events()
			if len(evs) != 1 {
				t.Fatalf("%d events, want 1", len(evs))
			}
			ev := evs[0]
			start, err := ev.GetStartAt()
			if err != nil {
				t.Fatal(err)
			}
			if !start.Equal(tt.start) || start.Location().String() != "Europe/Stockholm" {
				t.Errorf("start %v, want %v in Europe/Stockholm", start, tt.start)
			}
			end, err := ev.GetEndAt()
			if err != nil {
				t.Fatal(err)
			}
			if got := end.Sub(start); got != time.Duration(tt.minutes)*time.Minute {
				t.Errorf("the meeting is %v long, want %d minutes", got, tt.minutes)
			}
			if s := ev.GetProperty(ics.ComponentPropertySummary); s == nil || s.Value != tt.summary {
				t.Errorf("summary %v, want %q", s, tt.summary)
			}
			if l := ev.GetProperty(ics.ComponentPropertyLocation); l == nil || l.Value != "Psykiatriska öppenvårdsmottagningen" {
				t.Errorf("location %v", l)
			}
			var mails []string
			for _, a := range ev.Attendees() {
				mails = append(mails, a.Email())
			}
			if got := strings.Join(mails, " "); got != "ali.rahimi@example.org karin.holm@example.org jonas.berg@example.org lena.sund@example.org" {
				t.Errorf("attendees %s", got)
			}
			if cn := ev.Attendees()[0].ICalParameters["CN"]; len(cn) != 1 || cn[0] != "Ali Rahimi" {
				t.Errorf("the first attendee is named %v, want Ali Rahimi", cn)
			}
			if !bytes.Contains(raw, []byte("\r\n")) {
				t.Error("lines do not end in CRLF as RFC 5545 asks")
			}
			if again, _ := ICS(p, v, tt.lang); ev.Id() == "" || !bytes.Contains(again, []byte("UID:"+ev.Id())) {
				t.Error("the UID is not stable")
			}
			// Nothing about the person beyond the initials.
			for _, secret := range []string{"Maja Lind", "19890412", "Eget boende", "Boendestöd", notRaised, "alkohol"} {
				if bytes.Contains(raw, []byte(secret)) {
					t.Errorf("the invitation holds %q", secret)
				}
			}
		})
	}
}

func TestICSNoFollowUp(t *testing.T) {
	tests := []struct {
		name string
		edit func(v *model.Version)
		want error
	}{
		{"none planned", func(v *model.Version) {
			v.Content.FollowUp = model.FollowUp{State: model.FollowUpNone, NoneReason: "Planen avslutas", MandateEnds: "2027-01-31"}
		}, ErrNoFollowUp},
		{"not booked", func(v *model.Version) { v.Content.FollowUp = model.FollowUp{} }, ErrNoFollowUp},
		{"bad date", func(v *model.Version) { v.Content.FollowUp.Date = "10 mars" }, ErrFollowUp},
		{"bad time", func(v *model.Version) { v.Content.FollowUp.Time = "tio" }, ErrFollowUp},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := samplePlan()
			tt.edit(&p.Versions[0])
			_, err := ICS(p, &p.Versions[0], model.Swedish)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err %v, want %v", err, tt.want)
			}
			if strings.Contains(err.Error(), "Maja") || strings.Contains(err.Error(), "mars") {
				t.Errorf("the error carries user data: %v", err)
			}
		})
	}
	if _, err := ICS(nil, nil, model.Swedish); !errors.Is(err, ErrNoFollowUp) {
		t.Errorf("nil plan: %v", err)
	}
}

// TestICSOddInput: names and addresses that could break a calendar line
// are cleaned or left out, and the person never appears by name.
func TestICSOddInput(t *testing.T) {
	p := samplePlan()
	v := &p.Versions[0]
	v.Meeting.Participants[0].Email = "maja@example.org"
	v.Meeting.Participants[1].Email = "eva@example.org\r\nATTENDEE:mailto:x@evil.example"
	v.Meeting.Participants[2].Name = "Sara \"Ek\"; Ek:son"
	v.Meeting.Participants[2].Email = "sara@example.org"
	v.Content.FollowUp.Place = "Rum 3; plan 2,\nentré B"
	raw, err := ICSWithPlace(p, v, model.Swedish)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	ev := cal.Events()[0]
	names := map[string]string{}
	for _, a := range ev.Attendees() {
		names[a.Email()] = strings.Join(a.ICalParameters["CN"], ",")
	}
	if names["maja@example.org"] != "M.L." {
		t.Errorf("the person is named %q in the invitation", names["maja@example.org"])
	}
	if names["sara@example.org"] != "Sara Ek Ek son" {
		t.Errorf("Sara is named %q", names["sara@example.org"])
	}
	if bytes.Contains(raw, []byte("evil")) || bytes.Contains(raw, []byte("Maja")) {
		t.Errorf("the invitation holds what it should not:\n%s", raw)
	}
	if l := ev.GetProperty(ics.ComponentPropertyLocation); l == nil || ics.FromText(l.Value) != "Rum 3; plan 2, entré B" {
		t.Errorf("location %v", l)
	}
}

func TestICSAllDay(t *testing.T) {
	p := samplePlan()
	p.Versions[0].Content.FollowUp.Time = ""
	raw, err := ICS(p, &p.Versions[0], model.Swedish)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	day, err := cal.Events()[0].GetAllDayStartAt()
	if err != nil || day.Format(model.DateLayout) != "2027-03-10" {
		t.Errorf("all-day start %v, %v", day, err)
	}
}

// TestICSLeavesPlaceOut: without being asked, the invitation names no
// place; a clinic beside initials says too much in a synced calendar.
func TestICSLeavesPlaceOut(t *testing.T) {
	p := model.Demo(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	v := &p.Versions[0]
	v.Content.FollowUp.Place = "Barnpsykiatriska mottagningen"
	raw, err := ICS(p, v, model.Swedish)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("LOCATION")) || bytes.Contains(raw, []byte("Barnpsykiatriska")) {
		t.Errorf("the place is in the invitation:\n%s", raw)
	}
	with, err := ICSWithPlace(p, v, model.Swedish)
	if err != nil || !bytes.Contains(with, []byte("Barnpsykiatriska")) {
		t.Errorf("ICSWithPlace lacks the place: %v\n%s", err, with)
	}
}

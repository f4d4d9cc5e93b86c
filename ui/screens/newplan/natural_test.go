package newplan

import (
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// TestBuildTakesNaturalInput: a length in hours and minutes, a language by
// its name and a date written "idag" or day first are read as meant; a
// date a digit short is refused with a line that says so (tryout2 #10,
// #25).
func TestBuildTakesNaturalInput(t *testing.T) {
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.Local)
	base := Input{Person: "Karin Lindqvist", Date: "2026-12-09", Time: "10:00", Minutes: "60",
		Chair: "Omar Haddad", Secretary: "Lena Ek"}
	good := []struct {
		edit  func(*Input)
		check func(*model.Plan) bool
	}{
		{func(in *Input) { in.Minutes = "90 min" }, func(p *model.Plan) bool { return p.Draft.Meeting.Minutes == 90 }},
		{func(in *Input) { in.Minutes = "1 h 30 min" }, func(p *model.Plan) bool { return p.Draft.Meeting.Minutes == 90 }},
		{func(in *Input) { in.Language = "finska" }, func(p *model.Plan) bool { return p.Person.Language == "fi" }},
		{func(in *Input) { in.Language = "Svenska" }, func(p *model.Plan) bool { return p.Person.Language == "sv" }},
		{func(in *Input) { in.Date = "i dag" }, func(p *model.Plan) bool { return p.Draft.Meeting.Date == "2026-12-07" }},
		{func(in *Input) { in.Date = "7/12 2027" }, func(p *model.Plan) bool { return p.Draft.Meeting.Date == "2027-12-07" }},
	}
	for i, c := range good {
		in := base
		c.edit(&in)
		p, msg := in.Build(model.Swedish, now)
		if msg != "" || p == nil || !c.check(p) {
			t.Errorf("case %d (%+v): refused or misread: %q", i, in, msg)
		}
	}
	in := base
	in.Date = "2027-01-1"
	if _, msg := in.Build(model.Swedish, now); !strings.Contains(msg, "sakna en siffra") {
		t.Errorf("2027-01-1 was not refused as a digit short: %q", msg)
	}
	in = base
	in.Language = "finskan"
	if _, msg := in.Build(model.Swedish, now); !strings.Contains(msg, "språkets namn eller kod") {
		t.Errorf("an unknown language name was not refused: %q", msg)
	}
}

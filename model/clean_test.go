package model

import (
	"strings"
	"testing"
	"time"
)

func TestCleanTextReachesEveryField(t *testing.T) {
	p := Demo(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	p.Person.Name = "Anna\x1b]0;pwned\aBerg"
	v := &p.Versions[0]
	v.Content.Situation = "rad 1\n\x1b[2Jrad 2\tmed tab"
	if len(v.Meeting.Participants) > 0 {
		v.Meeting.Participants[0].Unit = "Enhet\u009b2J"
	}
	CleanText(p)
	if p.Person.Name != "AnnaBerg" {
		t.Errorf("name %q", p.Person.Name)
	}
	if v.Content.Situation != "rad 1\nrad 2\tmed tab" {
		t.Errorf("situation %q", v.Content.Situation)
	}
	b, err := EncodeExport(p)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), `\u001b`) || strings.ContainsRune(string(b), 0x9b) {
		t.Errorf("a control sequence is left somewhere in the plan")
	}
}

package model

import (
	"strings"
	"testing"
)

// TestValidateNotRaised: a subject not to raise written into a printed
// text is a warning on that part, naming the subject's number and never
// its words; the evaluation, which is never printed, is not read.
func TestValidateNotRaised(t *testing.T) {
	p := validPlan()
	v := p.Draft
	v.Consent.NotRaise = []string{"pappans nya sambo", "Skulderna hos Kronofogden"}
	v.Content.Situation = "Sara bor hos sin mamma. Hon har skulder hos Kronofogden."
	v.Content.Goals[0].Text = "Träffa pappa utan sambon"
	v.Content.Evaluation = "Bra att vi inte pratade om skulderna."
	fs := Validate(p, v, Options{Now: testNow})
	got := map[string]Finding{}
	for _, f := range fs {
		if strings.Contains(f.Message.SV, "inte vill ska tas upp") {
			if f.Severity != SevWarning {
				t.Errorf("%s: severity %s, want a warning", f.Path, f.Severity)
			}
			for _, bad := range []string{"skuld", "Skuld", "Kronofogd", "sambo", "pappa"} {
				if strings.Contains(f.Message.SV+f.Message.EN, bad) {
					t.Errorf("%s: the finding quotes the subject: %q", f.Path, f.Message.SV)
				}
			}
			got[f.Path] = f
		}
	}
	if f, ok := got["content.situation"]; !ok || !strings.Contains(f.Message.SV, "”Hur det är nu”") || !strings.Contains(f.Message.SV, "ämne 2") {
		t.Errorf("no finding on the situation naming subject 2: %+v", got)
	}
	if f, ok := got["content.goals[0].text"]; !ok || !strings.Contains(f.Message.EN, "Goal 1") || !strings.Contains(f.Message.EN, "subject 1") {
		t.Errorf("no finding on goal 1 naming subject 1: %+v", got)
	}
	if _, ok := got["content.evaluation"]; ok {
		t.Error("the evaluation is never printed, yet it has a finding")
	}
	if len(got) != 2 {
		t.Errorf("%d findings, want 2: %+v", len(got), got)
	}
	if len(Errors(fs)) != 0 {
		t.Errorf("the plan no longer finalises: %+v", Errors(fs))
	}
}

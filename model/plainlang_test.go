package model

import "testing"

func TestJargonExplainedIsFine(t *testing.T) {
	list := []Jargon{{Term: "boendestöd", Plain: Text{SV: "stöd i vardagen i din egen bostad", EN: "x"}}}
	if got := FindJargon("Hon får boendestöd.", list); len(got) != 1 {
		t.Errorf("bare term not found: %v", got)
	}
	if got := FindJargon("Stöd i vardagen i egen bostad (boendestöd).", list); len(got) != 0 {
		t.Errorf("explained term still flagged: %v", got)
	}
}

func TestTidy(t *testing.T) {
	dates := map[string]string{"2027-6-9": "2027-06-09", "2027.06.09": "2027-06-09", "20270609": "2027-06-09",
		"2027-06-09": "2027-06-09", "nästa vecka": "nästa vecka", "2027-02-30": "2027-02-30"}
	for in, want := range dates {
		if got := TidyDate(in); got != want {
			t.Errorf("TidyDate(%q) = %q, want %q", in, got, want)
		}
	}
	clocks := map[string]string{"9.30": "09:30", "9:30": "09:30", "930": "09:30", "0930": "09:30", "14": "14:00", "25:00": "25:00", "kl 9": "kl 9"}
	for in, want := range clocks {
		if got := TidyClock(in); got != want {
			t.Errorf("TidyClock(%q) = %q, want %q", in, got, want)
		}
	}
}

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

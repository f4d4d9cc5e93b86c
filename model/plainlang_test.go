package model

import (
	"strings"
	"testing"
)

func TestJargonExplainedIsFine(t *testing.T) {
	list := []Jargon{{Term: "boendestöd", Plain: Text{SV: "stöd i vardagen i din egen bostad", EN: "x"}}}
	if got := FindJargon("Hon får boendestöd.", list); len(got) != 1 {
		t.Errorf("bare term not found: %v", got)
	}
	if got := FindJargon("Stöd i vardagen i egen bostad (boendestöd).", list); len(got) != 0 {
		t.Errorf("explained term still flagged: %v", got)
	}
}

func TestJargonExplainedInOwnWords(t *testing.T) {
	list := []Jargon{
		{Term: "boendestöd", Plain: Text{SV: "stöd i vardagen i den egna bostaden", EN: "x"}, Name: true},
		{Term: "LSS", Plain: Text{SV: "lagen om stöd och service", EN: "x"}},
	}
	tests := []struct {
		text string
		want int
	}{
		{"Hon får boendestöd två dagar i veckan.", 1},
		{"Hon får boendestöd (hjälp hemma med städning och mat) två dagar.", 0},
		{"Hon får boendestöd – någon kommer hem och hjälper till. Boendestödet börjar i maj och boendestöd ges två dagar.", 0},
		{"Hjälp hemma med vardagen (boendestöd). Sedan ökar boendestöd till tre dagar.", 0},
		{"Insats enligt LSS (en lag om hjälp till personer med funktionsnedsättning).", 0},
		{"Insats enligt LSS (2).", 1},
		{"Boendestöd ( ).", 1},
		{"Hon får boendestöd. Han får LSS.", 2},
	}
	for _, tt := range tests {
		if got := FindJargon(tt.text, list); len(got) != tt.want {
			t.Errorf("%q: %d flagged %v, want %d", tt.text, len(got), got, tt.want)
		}
	}
}

func TestJargonHint(t *testing.T) {
	name := jargonHint(Jargon{Term: "boendestöd", Plain: Text{SV: "stöd hemma", EN: "support at home"}, Name: true})
	if !strings.Contains(name.SV, "Förklara det en gång") || strings.Contains(name.SV, "Skriv hellre") {
		t.Errorf("a service's name should be explained, not replaced: %q", name.SV)
	}
	plain := jargonHint(Jargon{Term: "remiss", Plain: Text{SV: "en begäran", EN: "a request"}})
	if !strings.Contains(plain.SV, "en begäran") {
		t.Errorf("ordinary jargon should suggest the plain wording: %q", plain.SV)
	}
	for _, h := range []Text{name, plain} {
		for _, w := range strings.Fields(strings.ToLower(h.SV)) {
			switch strings.Trim(w, ".,:;()”") {
			case "du", "din", "ditt", "dina", "dig":
				t.Errorf("hint speaks to the person: %q", h.SV)
			}
		}
	}
}

func TestPlainLanguageChecksPrintedFields(t *testing.T) {
	list := []Jargon{{Term: "ASIH", Plain: Text{SV: "avancerad sjukvård i hemmet", EN: "x"}}, {Term: "SSK", Plain: Text{SV: "sjuksköterska", EN: "x"}}, {Term: "BUP", Plain: Text{SV: "psykiatrin för barn", EN: "x"}}}
	v := &Version{}
	v.Content.Actions = []Action{{What: "Besök", Unit: "ASIH Syd", When: "när BUP har svarat"}}
	v.Meeting.Participants = []Participant{{Name: "Eva", Title: "SSK"}}
	got := map[string]bool{}
	for _, f := range CheckPlainLanguage(v, list) {
		got[f.Path] = true
	}
	if !got["content.actions[0].when"] {
		t.Errorf("no finding in the action's when (got %v)", got)
	}
	// Names of units and job titles are names: the user cannot rewrite them.
	for _, never := range []string{"content.actions[0].unit", "meeting.participants[0].title"} {
		if got[never] {
			t.Errorf("a name is flagged at %s", never)
		}
	}
}

// TestUnitNamesAndExplainedWords: a unit's name written out in a text is
// not jargon, and a word explained in brackets once is not flagged again
// in any other field.
func TestUnitNamesAndExplainedWords(t *testing.T) {
	list := []Jargon{
		{Term: "BUP", Plain: Text{SV: "psykiatrin för barn och unga", EN: "x"}},
		{Term: "LSS", Plain: Text{SV: "lagen om stöd och service", EN: "x"}},
		{Term: "öppenvård", Plain: Text{SV: "vård utan att bo på sjukhus", EN: "x"}},
		{Term: "handläggare", Plain: Text{SV: "den som utreder", EN: "x"}},
	}
	v := &Version{}
	v.Meeting.Participants = []Participant{{Name: "Nils", Unit: "BUP"}, {Name: "Mona", Unit: "Vuxenpsykiatrins öppenvård", Title: "handläggare"}}
	v.Content.Needs = "Stöd enligt LSS (en lag om stöd till personer med funktionsnedsättning)."
	v.Content.Actions = []Action{
		{What: "BUP ringer hem varje vecka", When: "när LSS-beslutet finns"},
		{What: "Samtal på Vuxenpsykiatrins öppenvård", When: "enligt LSS"},
		{What: "Ansök om boende enligt LSS"},
	}
	for _, f := range CheckPlainLanguage(v, list) {
		t.Errorf("flagged: %s: %s", f.Path, f.Message.SV)
	}
	v.Content.Needs = "Stöd enligt LSS."
	n := 0
	for _, f := range CheckPlainLanguage(v, list) {
		if strings.Contains(f.Message.SV, "LSS") {
			n++
		}
	}
	if n != 3 {
		t.Errorf("LSS unexplained: %d findings, want one in each of the 3 fields", n)
	}
}

// A service's name is explained once in the plan: flagged at its first
// place only, and nowhere once one place explains it.
func TestNameExplainedOncePerPlan(t *testing.T) {
	list := []Jargon{
		{Term: "boendestöd", Plain: Text{SV: "stöd i vardagen i den egna bostaden", EN: "x"}, Name: true},
		{Term: "remiss", Plain: Text{SV: "en begäran", EN: "x"}},
	}
	v := &Version{}
	v.Content.Needs = "Hon behöver boendestöd. Vårdcentralen skickar en remiss."
	v.Content.Goals = []Goal{{Text: "Boendestöd två dagar i veckan."}}
	v.Content.Actions = []Action{{What: "Boendestöd", When: "efter remiss"}}
	count := map[string]int{}
	for _, f := range CheckPlainLanguage(v, list) {
		count[strings.Fields(f.Message.SV)[0]]++
	}
	if count["”boendestöd”"] != 1 || count["”remiss”"] != 2 {
		t.Errorf("unexplained: want the name once and the jargon at each place, got %v", count)
	}
	v.Content.Actions[0].What = "Boendestöd (någon kommer hem och hjälper till med vardagen)"
	count = map[string]int{}
	for _, f := range CheckPlainLanguage(v, list) {
		count[strings.Fields(f.Message.SV)[0]]++
	}
	if count["”boendestöd”"] != 0 {
		t.Errorf("explained once in the plan, still flagged: %v", count)
	}
}

func TestLIX(t *testing.T) {
	tests := []struct {
		text     string
		min, max float64
	}{
		{"", 0, 0},
		{"Jag vill bo kvar hemma. Jag vill träffa mina barn.", 5, 20},
		{"Verksamhetens kvalitetsledningssystem förutsätter systematiskt förbättringsarbete avseende samverkansrutiner mellan huvudmännen", 90, 200},
	}
	for _, tt := range tests {
		if got := LIX(tt.text); got < tt.min || got > tt.max {
			t.Errorf("LIX(%q) = %.1f, want %.0f..%.0f", tt.text, got, tt.min, tt.max)
		}
	}
	// Worked example: 10 words, 2 sentences, 3 long words: 5 + 30 = 35.
	if got := LIX("Hon vill gärna fortsätta. Hon tycker promenaderna hjälper henne mycket."); got != 5+100*3.0/10 {
		t.Errorf("LIX worked example = %v, want 35", got)
	}
}

func TestReadabilityFinding(t *testing.T) {
	v := &Version{}
	v.Content.OwnWords = "Jag vill bo kvar hemma. Jag vill träffa mina barn varje vecka. Jag vill ha hjälp med maten. Jag vill gå ut."
	v.Content.Needs = "Kort."
	v.Content.Situation = strings.Repeat("Verksamhetens samverkansrutiner förutsätter systematiskt förbättringsarbete avseende huvudmännens organisatoriska ansvarsfördelning ", 3)
	fs := CheckReadability(v)
	if len(fs) != 2 {
		t.Fatalf("want a figure for own words and situation only, got %v", fs)
	}
	if fs[0].Path != "content.own_words" || fs[0].Severity != SevInfo || !strings.Contains(fs[0].Message.SV, "lätt att läsa") {
		t.Errorf("own words: %+v", fs[0])
	}
	if fs[1].Path != "content.situation" || fs[1].Severity != SevInfo || !strings.Contains(fs[1].Message.SV, "svår") {
		t.Errorf("situation: %+v", fs[1])
	}
	// LIX is a Swedish index: in English the figure says what it is.
	if en := fs[0].Message.EN; strings.Contains(en, "LIX") || !strings.Contains(en, "sentence and word length") {
		t.Errorf("English readability: %q", en)
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

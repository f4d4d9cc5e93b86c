package checklists

import (
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

func TestWordList(t *testing.T) {
	set := loadDefaults(t)
	if n := len(set.Jargon); n < 60 {
		t.Errorf("word list has %d entries, want at least 60", n)
	}
	seen := map[string]bool{}
	for _, j := range set.Jargon {
		key := strings.ToLower(j.Term)
		if seen[key] {
			t.Errorf("duplicate term %q", j.Term)
		}
		seen[key] = true
		if j.Term != strings.TrimSpace(j.Term) {
			t.Errorf("term %q has surrounding space", j.Term)
		}
		// The plain wording must not itself be flagged, or the advice
		// would go round in circles.
		for _, f := range model.FindJargon(j.Plain.SV, set.Jargon) {
			t.Errorf("plain wording of %q uses jargon %q: %q", j.Term, f.Term, j.Plain.SV)
		}
	}
	for _, want := range []string{"LSS", "SoL", "HSL", "IFO", "BUP", "biståndsbedömning", "insats", "ADL",
		"LPT", "LVM", "LVU", "SIP", "vårdplan", "boendestöd", "handläggare", "remiss", "journal",
		"samordningsansvarig", "rådrum", "god man", "förvaltare", "apodos", "hemsjukvård", "socialpsykiatri",
		"LUS", "MAR", "LOV", "EMI", "USS", "BUS"} {
		if !seen[strings.ToLower(want)] {
			t.Errorf("word list lacks %q", want)
		}
	}
}

func TestWordListLeavesOrdinarySwedishAlone(t *testing.T) {
	set := loadDefaults(t)
	ordinary := []string{
		"Solen skiner och hon vill ha en egen lägenhet.",
		"Han vill träffa sina barn oftare och börja arbeta igen.",
		"Mamma hjälper till med maten på söndagarna, och pappa kör till skolan.",
		"Hon går till vårdcentralen när hon har ont i ryggen.",
		"Vi ses hemma hos Lisa i mars. Det var ett bra möte och alla fick prata.",
		"Sonen har sommarlov och vill spela fotboll med sina vänner.",
		"Han vill kunna laga mat själv, städa och betala sina räkningar.",
		"Efter jobbet tar hon bussen hem och vilar en stund.",
		"Hon sover dåligt, är trött och orkar inte gå ut.",
		"Ett mål är att kunna resa till sin syster i Malmö.",
		"Vi kom överens om att träffas igen efter sommaren.",
		"Han har en hund som heter Sol och en katt som heter Mas.",
	}
	for _, s := range ordinary {
		if got := model.FindJargon(s, set.Jargon); len(got) > 0 {
			var terms []string
			for _, j := range got {
				terms = append(terms, j.Term)
			}
			t.Errorf("%q flagged %v", s, terms)
		}
	}
}

func TestWordListFindsJargon(t *testing.T) {
	set := loadDefaults(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Insats enligt LSS beviljas efter biståndsbedömningen.", []string{"LSS", "biståndsbedömning"}},
		{"Handläggaren på IFO skickar en remiss till BUP.", []string{"handläggare", "IFO", "remiss", "BUP"}},
		{"Enligt SoL och HSL ska en SIP göras.", []string{"SoL", "HSL", "SIP"}},
		{"Hon har boendestöd två dagar i veckan.", []string{"boendestöd"}},
	}
	for _, tt := range tests {
		found := map[string]bool{}
		for _, j := range model.FindJargon(tt.text, set.Jargon) {
			found[j.Term] = true
		}
		for _, w := range tt.want {
			if !found[w] {
				t.Errorf("%q: %q not found (found %v)", tt.text, w, found)
			}
		}
	}
}

// The program's own prompts are read aloud at the meeting, so they must be
// as plain as what it asks of the plan. Names of things the person meets
// (SIP-kollen) are allowed.
func TestPromptsArePlain(t *testing.T) {
	set := loadDefaults(t)
	// Names of services and of the SIP itself are the program's own words:
	// they are explained, never replaced.
	check := func(where, text string) {
		for _, j := range model.FindJargon(text, set.Jargon) {
			if !j.Name {
				t.Errorf("%s uses jargon %q", where, j.Term)
			}
		}
	}
	for _, sec := range sectionIDs() {
		check("section "+sec, SectionLabel(sec, model.Swedish))
	}
	for _, part := range Parts {
		check("part "+part, PartLabel(part, model.Swedish))
	}
	for _, p := range model.DemoPlans(fixedDay) {
		d := model.BuildDocument(p, nil, model.Swedish) // the draft, or the latest version
		if len(p.Versions) > 0 {
			d = model.BuildDocument(p, &p.Versions[len(p.Versions)-1], model.Swedish)
		}
		for _, sec := range d.Sections {
			check("printed heading", sec.Heading)
			for _, b := range sec.Blocks {
				check("printed table", b.Table.Caption+" "+strings.Join(b.Table.Header, " "))
				for _, kv := range b.Pairs {
					check("printed label", kv.Key)
				}
			}
		}
	}
	for _, v := range Variants {
		for _, s := range set.AgendaFor(v) {
			check(string(v)+"/"+s.ID, s.Title.SV+" "+s.Prompt.SV)
		}
		for _, it := range append(set.BeforeFor(v), set.AfterFor(v)...) {
			check(string(v)+"/"+it.ID, it.Text.SV)
		}
	}
}

// The names of services and laws the person will meet again are to be
// explained once, not replaced; the hints talk about the person, never to
// them; and an entry is precise about what a word covers.
func TestWordListNamesAndVoice(t *testing.T) {
	set := loadDefaults(t)
	byTerm := map[string]model.Jargon{}
	for _, j := range set.Jargon {
		byTerm[j.Term] = j
		for _, w := range strings.Fields(strings.ToLower(j.Plain.SV)) {
			switch strings.Trim(w, ".,:;()") {
			case "du", "din", "ditt", "dina", "dig":
				t.Errorf("%q speaks to the reader: %q", j.Term, j.Plain.SV)
			}
		}
	}
	for _, name := range []string{"boendestöd", "habilitering", "rehabilitering", "primärvård", "samverkan", "SIP"} {
		if !byTerm[name].Name {
			t.Errorf("%q should be marked as a name to explain once", name)
		}
	}
	for _, word := range []string{"remiss", "handläggare", "biståndsbeslut"} {
		if byTerm[word].Name {
			t.Errorf("%q is marked as a name; it should be replaced by plain words", word)
		}
	}
	if p := byTerm["primärvård"].Plain.SV; !strings.Contains(p, "vårdcentralen") || p == "vårdcentralen" {
		t.Errorf("primärvård is more than the health centre: %q", p)
	}
	if p := byTerm["OSL"].Plain.SV; !strings.Contains(p, "offentlighets- och sekretesslagen") {
		t.Errorf("OSL should name the law: %q", p)
	}
}

var fixedDay = time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)

package checklists

import "github.com/sipmote/sipmote/model"

// The five parts of the meeting circle. The chair's screen groups the
// agenda by them, so a local routine can add steps but not parts.
const (
	PartIntroduction     = "introduction"
	PartCurrentSituation = "current_situation"
	PartNeedsGoals       = "needs_goals"
	PartWhoDoesWhat      = "who_does_what"
	PartSummary          = "summary"
)

// Parts lists the parts of the meeting in meeting order.
var Parts = []string{PartIntroduction, PartCurrentSituation, PartNeedsGoals, PartWhoDoesWhat, PartSummary}

var partLabels = map[string]model.Text{
	PartIntroduction:     {SV: "Inledning", EN: "Introduction"},
	PartCurrentSituation: {SV: "Hur det är nu", EN: "Current situation"},
	PartNeedsGoals:       {SV: "Behov och mål", EN: "Needs and goals"},
	PartWhoDoesWhat:      {SV: "Vem gör vad", EN: "Who does what"},
	PartSummary:          {SV: "Sammanfattning, uppföljning och avslut", EN: "Summary, follow-up and close"},
}

// PartLabel is the name of a part on screen; the id itself when unknown.
func PartLabel(part string, l model.Lang) string {
	if t, ok := partLabels[part]; ok {
		return t.In(l)
	}
	return part
}

// SectionLabel is the name of a plan section on screen; the id itself when
// unknown. The sections are model's (model.Sections): the screen maps each
// to its editor, so a data file cannot add one.
func SectionLabel(section string, l model.Lang) string { return model.SectionLabel(section, l) }

// variantLabel is the variant's name on screen.
func variantLabel(v model.AgeGroup, l model.Lang) string { return normVariant(v).Label(l) }

func validPart(s string) bool    { _, ok := partLabels[s]; return ok }
func validSection(s string) bool { return model.IsSection(s) }

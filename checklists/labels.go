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

// The plan sections an agenda step can fill. The screen maps each to its
// editor, so these ids are a contract with the UI and cannot be extended
// by a data file.
const (
	SectionParticipants = "participants"
	SectionConsent      = "consent"
	SectionOwnWords     = "own_words"
	SectionSituation    = "situation"
	SectionNeeds        = "needs"
	SectionGoals        = "goals"
	SectionActions      = "actions"
	SectionCoordinator  = "coordinator"
	SectionNotAgreed    = "not_agreed"
	SectionFollowUp     = "follow_up"
	SectionEvaluation   = "evaluation"
	SectionNotes        = "notes"
	SectionMedication   = "medication"
	SectionMeeting      = "meeting" // the frame: place, form, chair, secretary
	SectionFinish       = "finish"  // signatures and copies
)

// Sections lists every plan section in the order of the plan.
var Sections = []string{
	SectionMeeting, SectionParticipants, SectionConsent, SectionOwnWords,
	SectionSituation, SectionNeeds, SectionGoals, SectionActions,
	SectionMedication, SectionCoordinator, SectionNotAgreed, SectionFollowUp,
	SectionEvaluation, SectionNotes, SectionFinish,
}

var sectionLabels = map[string]model.Text{
	SectionMeeting:      {SV: "Mötet", EN: "The meeting"},
	SectionParticipants: {SV: "Deltagare", EN: "Participants"},
	SectionConsent:      {SV: "Samtycke", EN: "Consent"},
	SectionOwnWords:     {SV: "Med egna ord", EN: "In the person's own words"},
	SectionSituation:    {SV: "Hur det är nu", EN: "Current situation"},
	SectionNeeds:        {SV: "Behov", EN: "Needs"},
	SectionGoals:        {SV: "Mål", EN: "Goals"},
	SectionActions:      {SV: "Vem gör vad", EN: "Who does what"},
	SectionMedication:   {SV: "Läkemedel och hjälpmedel", EN: "Medicines and aids"},
	SectionCoordinator:  {SV: "Samordnare", EN: "Coordinator"},
	SectionNotAgreed:    {SV: "Inte överens", EN: "Not agreed"},
	SectionFollowUp:     {SV: "Uppföljning", EN: "Follow-up"},
	SectionEvaluation:   {SV: "Hur mötet kändes", EN: "How the meeting felt"},
	SectionNotes:        {SV: "Övrigt", EN: "Other notes"},
	SectionFinish:       {SV: "Underskrifter och kopior", EN: "Signatures and copies"},
}

// SectionLabel is the name of a plan section on screen; the id itself when
// unknown.
func SectionLabel(section string, l model.Lang) string {
	if t, ok := sectionLabels[section]; ok {
		return t.In(l)
	}
	return section
}

// variantLabel is the variant's name on screen.
func variantLabel(v model.AgeGroup, l model.Lang) string { return normVariant(v).Label(l) }

func validPart(s string) bool    { _, ok := partLabels[s]; return ok }
func validSection(s string) bool { _, ok := sectionLabels[s]; return ok }

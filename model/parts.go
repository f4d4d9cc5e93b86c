package model

// The registry of a plan's shape: its sections (the parts the secretary
// edits, each a tab on screen and the target of agenda steps) and its
// free-text parts. Validation, the list of changes, the printed document,
// the screens and the checklists all read them from here, so that a part
// added to the plan is added once. TestEveryTextFieldIsShown walks the
// version by reflection and fails for a text field that the list of
// changes, the document or the export leaves out.

// The sections of a plan. The checklists' agenda steps name them, and the
// screen maps each to its editor, so a data file cannot add one.
const (
	SectionMeeting      = "meeting" // the frame: place, form, chair, secretary
	SectionParticipants = "participants"
	SectionConsent      = "consent"
	SectionOwnWords     = "own_words"
	SectionSituation    = "situation"
	SectionNeeds        = "needs"
	SectionGoals        = "goals"
	SectionActions      = "actions"
	SectionMedication   = "medication"
	SectionCoordinator  = "coordinator"
	SectionNotAgreed    = "not_agreed"
	SectionFollowUp     = "follow_up"
	SectionEvaluation   = "evaluation"
	SectionNotes        = "notes"
	SectionFinish       = "finish" // signatures and copies
	// SectionReview is the follow-up of the last version, on a follow-up
	// meeting only.
	SectionReview = "review"
)

// SectionInfo is one section of the plan and its name on screen.
type SectionInfo struct {
	ID    string
	Label Text
}

// Sections lists every section in the order of the plan.
var Sections = []SectionInfo{
	{SectionMeeting, Text{"Mötet", "The meeting"}},
	{SectionParticipants, Text{"Deltagare", "Participants"}},
	{SectionConsent, Text{"Samtycke", "Consent"}},
	{SectionOwnWords, Text{"Med egna ord", "In the person's own words"}},
	{SectionSituation, Text{"Hur det är nu", "Current situation"}},
	{SectionNeeds, Text{"Behov", "Needs"}},
	{SectionGoals, Text{"Mål", "Goals"}},
	{SectionActions, Text{"Vem gör vad", "Who does what"}},
	{SectionMedication, Text{"Läkemedel och hjälpmedel", "Medicines and aids"}},
	{SectionCoordinator, Text{"Samordnare", "Coordinator"}},
	{SectionNotAgreed, Text{"Inte överens", "Not agreed"}},
	{SectionFollowUp, Text{"Uppföljning", "Follow-up"}},
	{SectionEvaluation, Text{"Hur mötet kändes", "How the meeting felt"}},
	{SectionNotes, Text{"Övrigt", "Other notes"}},
	{SectionFinish, Text{"Underskrifter och kopior", "Signatures and copies"}},
}

// SectionLabel is a section's name on screen; the id itself when unknown.
func SectionLabel(id string, l Lang) string {
	for _, s := range Sections {
		if s.ID == id {
			return s.Label.In(l)
		}
	}
	return id
}

// IsSection tells whether id names a section of the plan.
func IsSection(id string) bool {
	for _, s := range Sections {
		if s.ID == id {
			return true
		}
	}
	return false
}

// TextPart is one free-text part of a version's content.
type TextPart struct {
	// Key is its JSON name under "content", and its path in findings
	// ("content." + Key).
	Key string
	// Section is the section that edits it.
	Section string
	// Field names it in a list of changes.
	Field Text
	// Heading is its heading, or its label, on the printed plan.
	Heading Text
	// Prompt is the editor's question, Hint the example under it.
	Prompt, Hint Text
	// Line is a short text on one line, not an area.
	Line bool
	// Plain says the plain-language check reads it.
	Plain bool
	// Of returns the part in c, to read or to change.
	Of func(c *Content) *string
}

// TextParts lists the free-text parts in the order of the plan.
var TextParts = []TextPart{
	{Key: "own_words", Section: SectionOwnWords, Plain: true,
		Field:   Text{"med egna ord", "in their own words"},
		Heading: Text{"Med egna ord", "In the person's own words"},
		Prompt:  Text{"Vad är viktigt för dig? Skriv med personens egna ord.", "What matters to you? In the person's own words."},
		Of:      func(c *Content) *string { return &c.OwnWords }},
	{Key: "own_view_how", Section: SectionOwnWords, Line: true,
		Field:   Text{"så fick vi veta vad personen tycker", "how the person's own view was found out"},
		Heading: Text{"Så fick vi veta vad personen tycker", "How we learnt what the person thinks"},
		// The prompt begins with the heading, which the findings and the
		// paper name it by (tryout42a #22).
		Prompt: Text{"Så fick vi veta vad personen tycker (hur togs hens syn fram?)", "How we learnt what the person thinks (how was their view found out?)"},
		Hint:   Text{"t.ex. samtal med skolkuratorn; viktigt för ett barn", "e.g. a talk with the school counsellor; important for a child"},
		Of:     func(c *Content) *string { return &c.OwnViewHow }},
	{Key: "situation", Section: SectionSituation, Plain: true,
		Field:   Text{"hur det är nu", "current situation"},
		Heading: Text{"Hur det är nu", "Current situation"},
		Prompt:  Text{"Hur det är nu, också det som fungerar", "Current situation, including what works"},
		Of:      func(c *Content) *string { return &c.Situation }},
	{Key: "needs", Section: SectionNeeds, Plain: true,
		Field:   Text{"behov", "needs"},
		Heading: Text{"Behov, förutsättningar och intressen", "Needs, circumstances and interests"},
		Prompt:  Text{"Behov, förutsättningar och intressen", "Needs, circumstances and interests"},
		Of:      func(c *Content) *string { return &c.Needs }},
	{Key: "not_agreed", Section: SectionNotAgreed, Plain: true,
		Field:   Text{"inte överens om", "not agreed"},
		Heading: Text{"Det här kom vi inte överens om", "What was not agreed"},
		Prompt:  Text{"Det vi inte kom överens om", "What we did not agree on"},
		Of:      func(c *Content) *string { return &c.NotAgreed }},
	{Key: "consider_until", Section: SectionNotAgreed, Line: true,
		Field:   Text{"betänketid till", "time to consider until"},
		Heading: Text{"Betänketid till", "Time to consider until"},
		Prompt:  Text{"Betänketid (till när, och svar till vem)", "Time to consider (until when, answer to whom)"},
		Of:      func(c *Content) *string { return &c.ConsiderUntil }},
	{Key: "medication", Section: SectionMedication, Plain: true,
		Field:   Text{"läkemedel", "medication"},
		Heading: Text{"Läkemedel", "Medication"},
		Prompt:  Text{"Läkemedel (om det behövs)", "Medication (if relevant)"},
		Of:      func(c *Content) *string { return &c.Medication }},
	{Key: "devices", Section: SectionMedication, Plain: true,
		Field:   Text{"hjälpmedel", "assistive devices"},
		Heading: Text{"Hjälpmedel", "Assistive devices"},
		Prompt:  Text{"Hjälpmedel (om det behövs)", "Assistive devices (if relevant)"},
		Of:      func(c *Content) *string { return &c.Devices }},
	{Key: "evaluation", Section: SectionEvaluation, Plain: true,
		Field:   Text{"hur mötet kändes", "how the meeting felt"},
		Heading: Text{"Hur mötet kändes", "How the meeting felt"},
		Prompt:  Text{"Hur kändes mötet? Allas röster. (Sparas, men skrivs inte ut i planen.)", "How did the meeting feel? Everyone's voice. (Kept, but not printed in the plan.)"},
		Of:      func(c *Content) *string { return &c.Evaluation }},
	{Key: "notes", Section: SectionNotes, Plain: true,
		Field:   Text{"övrigt", "other notes"},
		Heading: Text{"Övrigt", "Notes"},
		Prompt:  Text{"Anteckningar", "Notes"},
		Of:      func(c *Content) *string { return &c.Notes }},
}

// TextPartOf returns the text part with JSON name key; ok is false when
// there is none.
func TextPartOf(key string) (TextPart, bool) {
	for _, p := range TextParts {
		if p.Key == key {
			return p, true
		}
	}
	return TextPart{}, false
}

// heading is the printed heading of text part key.
func heading(key string, l Lang) string {
	p, _ := TextPartOf(key)
	return p.Heading.In(l)
}

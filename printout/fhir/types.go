package fhir

// The FHIR R4 data types and resources this writer fills, with only the
// elements it sets. Field order follows the specification, so that the
// JSON reads as the standard's examples do. Every optional element is
// left out when empty: FHIR forbids empty strings, arrays and objects.

// Identifier is a business identifier (a personnummer, the plan's id).
type Identifier struct {
	Use    string `json:"use,omitempty"`
	System string `json:"system,omitempty"`
	Value  string `json:"value,omitempty"`
}

// Coding is one code from a code system.
type Coding struct {
	System  string `json:"system,omitempty"`
	Code    string `json:"code,omitempty"`
	Display string `json:"display,omitempty"`
}

// CodeableConcept is codes and the text a person reads.
type CodeableConcept struct {
	Coding []Coding `json:"coding,omitempty"`
	Text   string   `json:"text,omitempty"`
}

// Reference points at another resource of the bundle by its fullUrl, or,
// for a name that is no participant, carries the name alone.
type Reference struct {
	Reference string `json:"reference,omitempty"`
	Display   string `json:"display,omitempty"`
}

// HumanName is a person's name.
type HumanName struct {
	Text   string   `json:"text,omitempty"`
	Family string   `json:"family,omitempty"`
	Given  []string `json:"given,omitempty"`
}

// ContactPoint is a phone number or an e-mail address.
type ContactPoint struct {
	System string `json:"system,omitempty"`
	Value  string `json:"value,omitempty"`
	Use    string `json:"use,omitempty"`
}

// Period is a start and an end, each a FHIR date or dateTime.
type Period struct {
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
}

// Annotation is a note, with whose words it holds when known.
type Annotation struct {
	AuthorReference *Reference `json:"authorReference,omitempty"`
	Text            string     `json:"text"`
}

// Bundle is the export: a collection of resources about one plan.
type Bundle struct {
	ResourceType string      `json:"resourceType"`
	ID           string      `json:"id,omitempty"`
	Identifier   *Identifier `json:"identifier,omitempty"`
	Type         string      `json:"type"`
	Timestamp    string      `json:"timestamp,omitempty"`
	Entry        []Entry     `json:"entry,omitempty"`
}

// Entry is one resource of the bundle under its fullUrl (urn:uuid:…).
type Entry struct {
	FullURL  string `json:"fullUrl"`
	Resource any    `json:"resource"`
}

// Patient is the person the plan is about (den enskilde).
type Patient struct {
	ResourceType string       `json:"resourceType"`
	ID           string       `json:"id"`
	Identifier   []Identifier `json:"identifier,omitempty"`
	Name         []HumanName  `json:"name,omitempty"`
	BirthDate    string       `json:"birthDate,omitempty"`
}

// RelatedPerson is a relative, guardian, trustee or support person.
type RelatedPerson struct {
	ResourceType string            `json:"resourceType"`
	ID           string            `json:"id"`
	Patient      Reference         `json:"patient"`
	Relationship []CodeableConcept `json:"relationship,omitempty"`
	Name         []HumanName       `json:"name,omitempty"`
}

// Practitioner is staff, or an interpreter.
type Practitioner struct {
	ResourceType string         `json:"resourceType"`
	ID           string         `json:"id"`
	Name         []HumanName    `json:"name,omitempty"`
	Telecom      []ContactPoint `json:"telecom,omitempty"`
}

// Organization is a unit, or the party that runs it.
type Organization struct {
	ResourceType string            `json:"resourceType"`
	ID           string            `json:"id"`
	Type         []CodeableConcept `json:"type,omitempty"`
	Name         string            `json:"name,omitempty"`
	PartOf       *Reference        `json:"partOf,omitempty"`
}

// Location is where the follow-up meeting is held.
type Location struct {
	ResourceType string `json:"resourceType"`
	ID           string `json:"id"`
	Name         string `json:"name,omitempty"`
}

// CarePlan is one version of the SIP.
type CarePlan struct {
	ResourceType string            `json:"resourceType"`
	ID           string            `json:"id"`
	Identifier   []Identifier      `json:"identifier,omitempty"`
	Status       string            `json:"status"`
	Intent       string            `json:"intent"`
	Category     []CodeableConcept `json:"category,omitempty"`
	Title        string            `json:"title,omitempty"`
	Subject      Reference         `json:"subject"`
	Period       *Period           `json:"period,omitempty"`
	Created      string            `json:"created,omitempty"`
	Author       *Reference        `json:"author,omitempty"`
	Contributor  []Reference       `json:"contributor,omitempty"`
	CareTeam     []Reference       `json:"careTeam,omitempty"`
	Goal         []Reference       `json:"goal,omitempty"`
	Activity     []Activity        `json:"activity,omitempty"`
	Note         []Annotation      `json:"note,omitempty"`
}

// Activity is one action (insats), or the follow-up.
type Activity struct {
	Progress  []Annotation    `json:"progress,omitempty"`
	Reference *Reference      `json:"reference,omitempty"`
	Detail    *ActivityDetail `json:"detail,omitempty"`
}

// ActivityDetail describes an action in the plan itself.
type ActivityDetail struct {
	Kind            string      `json:"kind,omitempty"`
	Goal            []Reference `json:"goal,omitempty"`
	Status          string      `json:"status"`
	ScheduledPeriod *Period     `json:"scheduledPeriod,omitempty"`
	ScheduledString string      `json:"scheduledString,omitempty"`
	Performer       []Reference `json:"performer,omitempty"`
	Description     string      `json:"description,omitempty"`
}

// Goal is one goal of the plan.
type Goal struct {
	ResourceType      string           `json:"resourceType"`
	ID                string           `json:"id"`
	LifecycleStatus   string           `json:"lifecycleStatus"`
	AchievementStatus *CodeableConcept `json:"achievementStatus,omitempty"`
	Description       CodeableConcept  `json:"description"`
	Subject           Reference        `json:"subject"`
	ExpressedBy       *Reference       `json:"expressedBy,omitempty"`
	Note              []Annotation     `json:"note,omitempty"`
}

// CareTeam is everyone summoned to the meeting, with their roles.
type CareTeam struct {
	ResourceType string                `json:"resourceType"`
	ID           string                `json:"id"`
	Status       string                `json:"status,omitempty"`
	Name         string                `json:"name,omitempty"`
	Subject      Reference             `json:"subject"`
	Participant  []CareTeamParticipant `json:"participant,omitempty"`
}

// CareTeamParticipant is one member and their roles.
type CareTeamParticipant struct {
	Role       []CodeableConcept `json:"role,omitempty"`
	Member     *Reference        `json:"member,omitempty"`
	OnBehalfOf *Reference        `json:"onBehalfOf,omitempty"`
}

// Consent is the person's, or one guardian's, consent to the SIP.
type Consent struct {
	ResourceType string            `json:"resourceType"`
	ID           string            `json:"id"`
	Status       string            `json:"status"`
	Scope        CodeableConcept   `json:"scope"`
	Category     []CodeableConcept `json:"category"`
	Patient      Reference         `json:"patient"`
	DateTime     string            `json:"dateTime,omitempty"`
	Performer    []Reference       `json:"performer,omitempty"`
	PolicyRule   *CodeableConcept  `json:"policyRule,omitempty"`
	Provision    *Provision        `json:"provision,omitempty"`
}

// Provision is what the consent permits: to whom, on what, until when.
type Provision struct {
	Type   string            `json:"type,omitempty"`
	Period *Period           `json:"period,omitempty"`
	Actor  []ProvisionActor  `json:"actor,omitempty"`
	Code   []CodeableConcept `json:"code,omitempty"`
}

// ProvisionActor is one unit the consent lets share.
type ProvisionActor struct {
	Role      CodeableConcept `json:"role"`
	Reference Reference       `json:"reference"`
}

// Appointment is the booked follow-up meeting.
type Appointment struct {
	ResourceType          string                   `json:"resourceType"`
	ID                    string                   `json:"id"`
	Status                string                   `json:"status"`
	Description           string                   `json:"description,omitempty"`
	Start                 string                   `json:"start,omitempty"`
	End                   string                   `json:"end,omitempty"`
	MinutesDuration       int                      `json:"minutesDuration,omitempty"`
	Comment               string                   `json:"comment,omitempty"`
	SupportingInformation []Reference              `json:"supportingInformation,omitempty"`
	Participant           []AppointmentParticipant `json:"participant"`
}

// AppointmentParticipant is one who attends the follow-up, or its place.
type AppointmentParticipant struct {
	Actor  *Reference `json:"actor,omitempty"`
	Status string     `json:"status"`
}

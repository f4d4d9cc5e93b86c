// Package model is the SIP domain: plain types, the rules a plan must meet,
// versions, and the plan as a document structure.
//
// It knows nothing of the screen, the database or any output format, so that
// every writer (Markdown, PDF, calendar) and every store is fed by the same
// structure and the rules live in one place.
package model

import (
	"time"

	"github.com/google/uuid"
)

// Status is where a plan is in its life.
type Status string

const (
	StatusDraft  Status = "draft"  // no version finalised yet
	StatusActive Status = "active" // at least one version finalised
	StatusClosed Status = "closed" // ended; read-only
)

// AgeGroup selects the checklist variant. It is derived from the
// personnummer but the secretary may change it.
type AgeGroup string

const (
	AgeChild AgeGroup = "child"
	AgeAdult AgeGroup = "adult"
	AgeOlder AgeGroup = "older"
)

// Plan is one person's SIP over its whole life: every finalised version and
// the draft being written now.
type Plan struct {
	ID        string    `json:"id"`
	Person    Person    `json:"person"`
	Status    Status    `json:"status"`
	Variant   AgeGroup  `json:"variant"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	// Versions are finalised and frozen, numbered from 1 in order.
	Versions []Version `json:"versions"`
	// Draft is the version being written, nil when none is open.
	Draft *Version `json:"draft,omitempty"`
	// LegacyTicks is where format 1 kept the checklist ticks, for the whole
	// plan. Upgrade moves them to the version they belong to; nothing else
	// reads or writes it.
	LegacyTicks map[string]bool `json:"ticks,omitempty"`
	// Closure is set when the plan is closed.
	Closure *Closure `json:"closure,omitempty"`
	// Position is where the secretary was, so that reopening resumes there.
	Position Position `json:"position"`
}

// Person is the one the plan is about (den enskilde).
type Person struct {
	Name string `json:"name"`
	// PNR is a personnummer or samordningsnummer in the form YYYYMMDD-NNNN,
	// or empty when not given.
	PNR string `json:"pnr,omitempty"`
	// Language is the language the person reads best, as a code of two
	// or three letters ("fi"), when it is not the plan's. The easy-read
	// first page of the original is printed in it when the checklists
	// have its words.
	Language string `json:"language,omitempty"`
}

// Position is the place in the meeting that the screen returns to.
type Position struct {
	Step   string `json:"step,omitempty"`
	Field  string `json:"field,omitempty"`
	Cursor int    `json:"cursor,omitempty"`
	// Quick is the participant quick row's line, typed but not yet added
	// with enter: leaving the meeting, or the program ending however it
	// ends, keeps it like every other typed text, and the row opens
	// with it again.
	Quick string `json:"quick,omitempty"`
	// Copy is the print dialog's recipient typed but not yet added,
	// kept the same way.
	Copy string `json:"copy,omitempty"`
}

// Version is one meeting's plan. Finalised versions never change.
type Version struct {
	Number      int        `json:"number"`
	FinalisedAt *time.Time `json:"finalised_at,omitempty"`
	Meeting     Meeting    `json:"meeting"`
	Consent     Consent    `json:"consent"`
	Content     Content    `json:"content"`
	// Agenda holds the chair's progress per agenda step id.
	Agenda map[string]StepState `json:"agenda,omitempty"`
	// Rounds holds, per round id, the participant ids who have spoken.
	Rounds map[string][]string `json:"rounds,omitempty"`
	// Review is the follow-up of the previous version, on follow-up meetings.
	Review *Review `json:"review,omitempty"`
	// Ticks holds the before/after checklist items done for this meeting,
	// by item id. They are the coordinator's record around the meeting,
	// not what was agreed, so they may change after finalising; a
	// follow-up starts with none (see Plan.Tick).
	Ticks map[string]bool `json:"ticks,omitempty"`
	// Copies holds the secretary's changes to who gets a copy.
	Copies CopyEdits `json:"copies,omitzero"`
}

// StepState is the chair's record of one agenda step.
type StepState struct {
	Done bool `json:"done"`
	// Seconds spent on the step so far.
	Seconds int `json:"seconds"`
}

// MeetingForm is where and how the meeting is held.
type MeetingForm string

const (
	FormRoom  MeetingForm = "room"
	FormHome  MeetingForm = "home"
	FormVideo MeetingForm = "video"
	FormPhone MeetingForm = "phone"
	// FormRoomVideo is a meeting in a room with someone joining by video.
	FormRoomVideo MeetingForm = "room_video"
)

// Meeting is the practical frame of one SIP meeting.
type Meeting struct {
	Date    string      `json:"date"`    // YYYY-MM-DD
	Start   string      `json:"start"`   // HH:MM, 24 h
	Minutes int         `json:"minutes"` // planned length
	Place   string      `json:"place"`
	Form    MeetingForm `json:"form"`
	// Chair and Secretary are names; they must differ.
	Chair     string `json:"chair"`
	Secretary string `json:"secretary"`
	// StartedAt is when the chair opened the meeting for real; clocks count
	// from it so that a restart does not reset them.
	StartedAt *time.Time `json:"started_at,omitempty"`
	// Booked is the date and time the meeting was booked for, kept when
	// the start took the real time instead (StartMeeting), so that taking
	// back a false start puts the booking back.
	Booked       *Booking      `json:"booked,omitempty"`
	Participants []Participant `json:"participants"`
}

// Role is a participant's part in the meeting. Each role brings its own
// defaults (whether they sign, speak in rounds, get a copy); see roles.go.
type Role string

const (
	RolePerson      Role = "person"      // den enskilde
	RoleRelative    Role = "relative"    // närstående
	RoleGuardian    Role = "guardian"    // vårdnadshavare
	RoleTrustee     Role = "trustee"     // god man or förvaltare
	RoleSupport     Role = "support"     // stödperson
	RoleInterpreter Role = "interpreter" // tolk
	RoleStaff       Role = "staff"       // personal in kommun or region
	// RolePartyStaff is staff of another party: Försäkringskassan,
	// Arbetsförmedlingen, a school, a provider.
	RolePartyStaff Role = "party_staff"
	// RoleOther is kept for plans written before the roles above existed.
	RoleOther Role = "other"
)

// Principal is who runs a unit (huvudman).
type Principal string

const (
	PrincipalKommun Principal = "kommun"
	PrincipalRegion Principal = "region"
	// PrincipalOther is another party; its name goes in OtherParty
	// (Försäkringskassan, Arbetsförmedlingen, school, trustee...).
	PrincipalOther Principal = "other"
)

// Participant is someone summoned to or present at the meeting.
type Participant struct {
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	Role       Role      `json:"role"`
	Unit       string    `json:"unit,omitempty"`
	Principal  Principal `json:"principal,omitempty"`
	OtherParty string    `json:"other_party,omitempty"`
	Title      string    `json:"title,omitempty"`
	Phone      string    `json:"phone,omitempty"`
	Email      string    `json:"email,omitempty"`
	// Language is the interpreter's language ("finska"). It is carried to
	// the next meeting so that an interpreter is booked again.
	Language string `json:"language,omitempty"`
	// TrusteeKind and TrusteeFor describe a trustee's appointment: god man
	// or förvaltare, and for what.
	TrusteeKind TrusteeKind   `json:"trustee_kind,omitempty"`
	TrusteeFor  []TrusteeArea `json:"trustee_for,omitempty"`
	Invited     bool          `json:"invited"`
	Confirmed   bool          `json:"confirmed"`
	// Attendance is how the participant takes part; empty is absent (not
	// marked yet). See attendance.go.
	Attendance Attendance `json:"attendance,omitempty"`
	// Left is set when the participant left before the end; rounds after
	// that skip them.
	Left *Leaving `json:"left,omitempty"`
	// WrittenInput is what an absent participant sent in writing, printed
	// as "Skriftligt underlag från ...".
	WrittenInput string `json:"written_input,omitempty"`
	// PresenceNote qualifies the attendance: "the first 20 minutes".
	PresenceNote string `json:"presence_note,omitempty"`
	// FundedBy is, for staff of another party, the kommun or region that
	// funds the provider (contracted care, entreprenad): such staff may be
	// the coordinator and count for their funder.
	FundedBy Principal `json:"funded_by,omitempty"`
	// Signs is whether they sign now, later or not; empty means the
	// default of their role and attendance (see Signing).
	Signs Signing `json:"signs,omitempty"`

	// LegacyPresent is "present" of format 1. Upgrade turns it into
	// Attendance; nothing else reads it.
	LegacyPresent *bool `json:"present,omitempty"`
}

// Consent is the person's consent to the SIP (samtycke).
type Consent struct {
	Given      bool   `json:"given"`
	Form       string `json:"form,omitempty"` // "oral" or "written"
	Date       string `json:"date,omitempty"`
	ValidUntil string `json:"valid_until,omitempty"`
	// Actors are the units or parties the consent covers.
	Actors []string `json:"actors,omitempty"`
	// Subjects are the subjects the consent covers.
	Subjects []string `json:"subjects,omitempty"`
	// NotRaise are subjects the person does not want raised.
	NotRaise    []string   `json:"not_raise,omitempty"`
	WithdrawnOn string     `json:"withdrawn_on,omitempty"`
	Guardians   []Guardian `json:"guardians,omitempty"`
	// Widened records each time units were added to the consent at a
	// meeting, after the person was asked (see WidenConsent).
	Widened []Widening `json:"widened,omitempty"`
}

// Guardian is a child's guardian with custody (vårdnadshavare) and their
// own consent: to which units and subjects (see guardians.go). Actors and
// Subjects are written even when empty: a guardian without them comes
// from an older file and consented to the plan's lists.
type Guardian struct {
	Name     string   `json:"name"`
	Given    bool     `json:"given"`
	Date     string   `json:"date,omitempty"`
	Actors   []string `json:"actors"`
	Subjects []string `json:"subjects"`
}

// Content is what the meeting writes into the plan.
type Content struct {
	OwnWords string `json:"own_words,omitempty"`
	// OwnViewHow says how the person's own view was found out, which
	// matters most for a child (a talk with the school counsellor...).
	OwnViewHow    string      `json:"own_view_how,omitempty"`
	Situation     string      `json:"situation,omitempty"`
	Needs         string      `json:"needs,omitempty"`
	Goals         []Goal      `json:"goals,omitempty"`
	Actions       []Action    `json:"actions,omitempty"`
	NotAgreed     string      `json:"not_agreed,omitempty"`
	ConsiderUntil string      `json:"consider_until,omitempty"` // rådrum
	Medication    string      `json:"medication,omitempty"`
	Devices       string      `json:"devices,omitempty"`
	Coordinator   Coordinator `json:"coordinator"`
	FollowUp      FollowUp    `json:"follow_up"`
	// Evaluation is how the meeting felt: kept in the record, never
	// printed on the plan everyone signs.
	Evaluation string `json:"evaluation,omitempty"`
	Notes      string `json:"notes,omitempty"`
	// HandoverBy and HandoverWhen say who hands the plan over to a person
	// who was not at the meeting, and when. Printed.
	HandoverBy   string `json:"handover_by,omitempty"`
	HandoverWhen string `json:"handover_when,omitempty"`
}

// Goal is one goal of the coordinated actions.
type Goal struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// ActionStatus is how far an action has come.
type ActionStatus string

// The statuses follow the law's "planerade och beslutade insatser".
const (
	ActionPlanned   ActionStatus = "planned" // the decision is pending
	ActionDecided   ActionStatus = "decided"
	ActionOngoing   ActionStatus = "ongoing"
	ActionDone      ActionStatus = "done"
	ActionCancelled ActionStatus = "cancelled"
	// ActionAwaiting is format 1's "awaiting an investigation or
	// decision"; Upgrade makes it planned.
	ActionAwaiting ActionStatus = "awaiting"
)

// Action is one agreed action (insats): what, who, when.
type Action struct {
	ID          string    `json:"id"`
	What        string    `json:"what"`
	Unit        string    `json:"unit,omitempty"`
	Responsible string    `json:"responsible,omitempty"`
	Principal   Principal `json:"principal,omitempty"`
	OtherParty  string    `json:"other_party,omitempty"`
	When        string    `json:"when,omitempty"`
	// Start and Due are optional dates beside the free-text When, so that
	// `due` can list them.
	Start  string       `json:"start,omitempty"`
	Due    string       `json:"due,omitempty"`
	Status ActionStatus `json:"status"`
	// GoalIDs are the goals the action serves; one action can serve
	// several.
	GoalIDs []string `json:"goal_ids,omitempty"`
	// GoalsTyped is the goal numbers as typed while they name a goal the
	// plan does not have ("1, 7" with two goals): kept so that nothing
	// typed is lost, and a finding until it is fixed (goalrefs.go).
	GoalsTyped string `json:"goals_typed,omitempty"`
	// Contact is how to reach the responsible person when they were not
	// at the meeting and are not a participant with a phone or e-mail.
	Contact string `json:"contact,omitempty"`

	// LegacyGoalID is "goal_id" of format 1. Upgrade moves it to GoalIDs;
	// nothing else reads it.
	LegacyGoalID string `json:"goal_id,omitempty"`
}

// Coordinator has the overall responsibility for the plan. It must be a
// present participant employed by kommun or region.
type Coordinator struct {
	ParticipantID string `json:"participant_id,omitempty"`
}

// FollowUp is the next meeting: booked, to be booked, or none. See
// followup_state.go for what each state needs.
type FollowUp struct {
	State     FollowUpState `json:"state,omitempty"`
	Date      string        `json:"date,omitempty"`
	Time      string        `json:"time,omitempty"`
	Place     string        `json:"place,omitempty"`
	Attendees string        `json:"attendees,omitempty"`
	CalledBy  string        `json:"called_by,omitempty"`
	// BookBy and WhyLater are for a follow-up to be booked later.
	BookBy   string `json:"book_by,omitempty"`
	WhyLater string `json:"why_later,omitempty"`
	// NoneReason is why there is no follow-up.
	NoneReason string `json:"none_reason,omitempty"`
	// MandateEnds is the date the coordinator's mandate runs to whenever
	// the follow-up is not booked.
	MandateEnds string `json:"mandate_ends,omitempty"`
	// What is what will be followed up or evaluated.
	What string `json:"what,omitempty"`
	// LegacyNone is format 1's "no follow-up"; Upgrade makes it State
	// none.
	LegacyNone bool `json:"none,omitempty"`
}

// NewID returns a new random id for a plan or a row.
func NewID() string { return uuid.NewString() }

// NewPlan starts a plan with an empty first draft.
func NewPlan(person Person, now time.Time) *Plan {
	p := &Plan{
		ID:        NewID(),
		Person:    person,
		Status:    StatusDraft,
		Variant:   AgeAdult,
		CreatedAt: now,
		UpdatedAt: now,
		Draft:     &Version{Number: 1, Meeting: Meeting{Minutes: 60, Form: FormRoom}},
	}
	if person.PNR != "" {
		if g, err := AgeGroupOf(person.PNR, now); err == nil {
			p.Variant = g
		}
	}
	return p
}

// Current is the version the screen shows: the draft, or the last finalised
// version when there is no draft. It is nil for an empty plan.
func (p *Plan) Current() *Version {
	if p.Draft != nil {
		return p.Draft
	}
	if n := len(p.Versions); n > 0 {
		return &p.Versions[n-1]
	}
	return nil
}

// Latest is the last finalised version, or nil.
func (p *Plan) Latest() *Version {
	if n := len(p.Versions); n > 0 {
		return &p.Versions[n-1]
	}
	return nil
}

// VersionNumber is the number of the last finalised version, 0 if none.
func (p *Plan) VersionNumber() int { return len(p.Versions) }

// Participant returns the participant with id, or nil.
func (v *Version) Participant(id string) *Participant {
	for i := range v.Meeting.Participants {
		if v.Meeting.Participants[i].ID == id {
			return &v.Meeting.Participants[i]
		}
	}
	return nil
}

// Goal returns the goal with id, or nil.
func (v *Version) Goal(id string) *Goal {
	for i := range v.Content.Goals {
		if v.Content.Goals[i].ID == id {
			return &v.Content.Goals[i]
		}
	}
	return nil
}

// CoordinatorParticipant is the appointed coordinator, or nil.
func (v *Version) CoordinatorParticipant() *Participant {
	if v.Content.Coordinator.ParticipantID == "" {
		return nil
	}
	return v.Participant(v.Content.Coordinator.ParticipantID)
}

// Present lists the participants who take part, in the room, by video or
// by phone.
func (v *Version) Present() []Participant {
	var out []Participant
	for _, p := range v.Meeting.Participants {
		if p.IsPresent() {
			out = append(out, p)
		}
	}
	return out
}

// CanCoordinate tells whether a participant may be appointed coordinator:
// staff working for kommun or region, or for a provider they fund. The
// seeds want the coordinator at the meeting but do not require it, so an
// absent one is warned about (validateCoordinator), not refused.
func (pt Participant) CanCoordinate() bool {
	return pt.Role.IsStaff() && pt.Employer() != ""
}

// Employer is the kommun or region a participant works for, directly or
// through a provider they fund (contracted care counts); empty otherwise.
func (pt Participant) Employer() Principal {
	pt = pt.Visible()
	switch {
	case pt.Principal == PrincipalKommun || pt.Principal == PrincipalRegion:
		return pt.Principal
	case (pt.Principal == PrincipalOther || pt.Role == RolePartyStaff) && (pt.FundedBy == PrincipalKommun || pt.FundedBy == PrincipalRegion):
		return pt.FundedBy
	}
	return ""
}

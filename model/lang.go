package model

import "strings"

// Lang is the language of the screen and the print.
type Lang string

const (
	Swedish Lang = "sv" // the default: the plan is a Swedish document
	English Lang = "en"
)

// ParseLang accepts "sv" and "en" as people write them: in any case, with
// space around, or as a locale ("en_GB.UTF-8", "sv-SE"); ok is false for
// anything else.
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "_-."); i > 0 {
		s = s[:i]
	}
	switch s {
	case "sv", "":
		return Swedish, true
	case "en":
		return English, true
	}
	return Swedish, false
}

// Text is a user-facing string in both languages.
type Text struct {
	SV string `json:"sv"`
	EN string `json:"en"`
}

// In returns the text in lang, falling back to Swedish.
func (t Text) In(l Lang) string {
	if l == English && t.EN != "" {
		return t.EN
	}
	return t.SV
}

// T picks between a Swedish and an English string.
func T(l Lang, sv, en string) string {
	if l == English {
		return en
	}
	return sv
}

var principalLabels = map[Principal]Text{
	PrincipalKommun: {"kommun", "municipality"},
	PrincipalRegion: {"region", "region"},
	PrincipalOther:  {"annan part", "other party"},
}

// Principals lists the principals in the order a form offers them.
var Principals = []Principal{PrincipalKommun, PrincipalRegion, PrincipalOther}

// Label is the principal's name on screen; empty when not set.
func (p Principal) Label(l Lang) string { return principalLabels[p].In(l) }

var formLabels = map[MeetingForm]Text{
	FormRoom:      {"fysiskt möte", "in person"},
	FormHome:      {"hemma hos den enskilde", "the person's home"},
	FormVideo:     {"video", "video"},
	FormPhone:     {"telefon", "phone"},
	FormRoomVideo: {"fysiskt möte, någon deltar via video", "in person, someone joins by video"},
}

// Forms lists the meeting forms in the order a form offers them.
var Forms = []MeetingForm{FormRoom, FormRoomVideo, FormHome, FormVideo, FormPhone}

// Label is the meeting form's name on screen.
func (f MeetingForm) Label(l Lang) string { return formLabels[f].In(l) }

var actionStatusLabels = map[ActionStatus]Text{
	ActionPlanned:   {"planerad", "planned"},
	ActionDecided:   {"beslutad", "decided"},
	ActionOngoing:   {"pågår", "ongoing"},
	ActionDone:      {"klar", "done"},
	ActionCancelled: {"avbruten", "cancelled"},
	ActionAwaiting:  {"väntar på utredning/beslut", "awaiting investigation/decision"},
}

// ActionStatuses lists the statuses in the order a form offers them: the
// law's planned and decided actions, then how they went.
var ActionStatuses = []ActionStatus{ActionPlanned, ActionDecided, ActionOngoing, ActionDone, ActionCancelled}

// Label is the status on screen.
func (s ActionStatus) Label(l Lang) string { return actionStatusLabels[s].In(l) }

var statusLabels = map[Status]Text{
	StatusDraft:  {"utkast", "draft"},
	StatusActive: {"aktiv", "active"},
	StatusClosed: {"avslutad", "closed"},
}

// Label is the plan status on screen.
func (s Status) Label(l Lang) string { return statusLabels[s].In(l) }

var severityLabels = map[Severity]Text{
	SevError:   {"Fel", "Error"},
	SevWarning: {"Varning", "Warning"},
	SevNotice:  {"Att känna till", "To note"},
	SevInfo:    {"Att veta", "Good to know"},
}

// Label names a finding's weight the one way the findings command, the
// findings list, the finish step and the accessible mode do.
func (s Severity) Label(l Lang) string {
	if t, ok := severityLabels[s]; ok {
		return t.In(l)
	}
	return severityLabels[SevWarning].In(l)
}

var ageLabels = map[AgeGroup]Text{
	AgeChild: {"barn", "child"},
	AgeAdult: {"vuxen", "adult"},
	AgeOlder: {"äldre", "older person"},
}

// Label is the age group on screen.
func (a AgeGroup) Label(l Lang) string { return ageLabels[a].In(l) }

// PartyName is what a print shows as the principal of a participant or an
// action: kommun, region, or the other party's own name.
func PartyName(p Principal, other string, l Lang) string {
	if p == PrincipalOther && other != "" {
		return other
	}
	return p.Label(l)
}

package ui

import (
	"strconv"
	"strings"

	"github.com/sipmote/sipmote/model"
)

// Section ids: the parts of the plan the secretary edits. They are
// model's registry (model.Sections), named short here.
const (
	secMeeting      = model.SectionMeeting
	secParticipants = model.SectionParticipants
	secConsent      = model.SectionConsent
	secOwnWords     = model.SectionOwnWords
	secSituation    = model.SectionSituation
	secNeeds        = model.SectionNeeds
	secGoals        = model.SectionGoals
	secActions      = model.SectionActions
	secCoordinator  = model.SectionCoordinator
	secNotAgreed    = model.SectionNotAgreed
	secFollowUp     = model.SectionFollowUp
	secEvaluation   = model.SectionEvaluation
	secNotes        = model.SectionNotes
	secMedication   = model.SectionMedication
	secFinish       = model.SectionFinish
)

// sectionOrder is the order of the tabs: the order of the meeting.
var sectionOrder = []string{
	secParticipants, secConsent, secOwnWords, secSituation, secNeeds, secGoals,
	secActions, secCoordinator, secNotAgreed, secFollowUp, secEvaluation,
	secMedication, secNotes, secMeeting, secFinish,
}

// sectionLabel is a section's name on screen: model's registry, which the
// checklists' agenda reads too, so that a step and its tab never disagree.
func sectionLabel(id string, l model.Lang) string {
	if id == secReview {
		return model.T(l, "Resultat sedan förra mötet", "Results since the last meeting")
	}
	return model.SectionLabel(id, l)
}

// sectionOfPath maps a finding's path to the section that edits it and the
// row it concerns (-1 for none), so that choosing a finding jumps there.
func sectionOfPath(path string) (section string, row int) {
	row = -1
	idx := func(s string) int {
		i := strings.Index(s, "[")
		j := strings.Index(s, "]")
		if i < 0 || j < i {
			return -1
		}
		n, err := strconv.Atoi(s[i+1 : j])
		if err != nil {
			return -1
		}
		return n
	}
	section = model.SectionOf(path)
	switch section {
	case secParticipants, secGoals, secActions:
		row = idx(path)
	}
	return section, row
}

// dateCheck and clockCheck give the immediate message under a field.
func dateCheck(l model.Lang) func(string) string {
	return func(s string) string {
		s = strings.TrimSpace(s)
		if model.CheckDate(s) != nil {
			if model.DateShaped(s) {
				return model.T(l, "Det datumet finns inte i kalendern.", "That date does not exist in the calendar.")
			}
			return model.T(l, "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-24.", "Write the date as YYYY-MM-DD, e.g. 2026-11-24.")
		}
		return ""
	}
}

func clockCheck(l model.Lang) func(string) string {
	return func(s string) string {
		if model.CheckClock(strings.TrimSpace(s)) != nil {
			return model.T(l, "Skriv tiden som TT:MM, t.ex. 13:00.", "Write the time as HH:MM, e.g. 13:00.")
		}
		return ""
	}
}

func boolStr(b bool) string { return strconv.FormatBool(b) }

// splitList reads a list typed on one line. Items are separated by
// semicolons, since unit names often hold commas ("Socialtjänsten,
// familjeenheten").
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// joinList shows a list for editing. A trailing comma being typed is kept
// by the caller through the raw text, so only finished items are joined.
func joinList(xs []string) string { return strings.Join(xs, "; ") }

func principalOpts(l model.Lang) []option {
	out := []option{{"", "—"}}
	for _, p := range model.Principals {
		out = append(out, option{string(p), p.Label(l)})
	}
	return out
}

func roleOpts(l model.Lang) []option {
	var out []option
	for _, r := range model.Roles {
		out = append(out, option{string(r), r.Label(l)})
	}
	return out
}

func formOpts(l model.Lang) []option {
	var out []option
	for _, f := range model.Forms {
		out = append(out, option{string(f), f.Label(l)})
	}
	return out
}

func statusOpts(l model.Lang) []option {
	var out []option
	for _, s := range model.ActionStatuses {
		out = append(out, option{string(s), s.Label(l)})
	}
	return out
}

package meeting

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
	if id == SecReview {
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

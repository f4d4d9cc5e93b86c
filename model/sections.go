package model

import "strings"

// SectionOf is the plan section a finding's path concerns, by the section
// ids the agenda and the screens use ("participants", "consent", "goals",
// "follow_up", "review", ...), so that a finding can say where to look
// without the screen.
func SectionOf(path string) string {
	switch {
	case strings.HasPrefix(path, "meeting.participants"):
		return SectionParticipants
	case strings.HasPrefix(path, "meeting."), strings.HasPrefix(path, "person."):
		return SectionMeeting
	case strings.HasPrefix(path, "consent"):
		return SectionConsent
	case strings.HasPrefix(path, "content.goals"):
		return SectionGoals
	case strings.HasPrefix(path, "content.actions"):
		return SectionActions
	case strings.HasPrefix(path, "content.coordinator"):
		return SectionCoordinator
	case strings.HasPrefix(path, "content.follow_up"), strings.HasPrefix(path, "content.handover"):
		return SectionFollowUp
	case strings.HasPrefix(path, "content.consider_until"):
		return SectionNotAgreed
	case strings.HasPrefix(path, "content.devices"):
		return SectionMedication
	case strings.HasPrefix(path, "content.own_view_how"):
		return SectionOwnWords
	case strings.HasPrefix(path, "review"):
		return SectionReview
	case strings.HasPrefix(path, "content."):
		s := strings.TrimPrefix(path, "content.")
		if i := strings.IndexAny(s, ".["); i >= 0 {
			s = s[:i]
		}
		return s
	}
	return SectionFinish
}

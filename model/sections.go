package model

import "strings"

// SectionOf is the plan section a finding's path concerns, by the section
// ids the agenda and the screens use ("participants", "consent", "goals",
// "follow_up", "review", ...), so that a finding can say where to look
// without the screen.
func SectionOf(path string) string {
	switch {
	case strings.HasPrefix(path, "meeting.participants"):
		return "participants"
	case strings.HasPrefix(path, "meeting."), strings.HasPrefix(path, "person."):
		return "meeting"
	case strings.HasPrefix(path, "consent"):
		return "consent"
	case strings.HasPrefix(path, "content.goals"):
		return "goals"
	case strings.HasPrefix(path, "content.actions"):
		return "actions"
	case strings.HasPrefix(path, "content.coordinator"):
		return "coordinator"
	case strings.HasPrefix(path, "content.follow_up"), strings.HasPrefix(path, "content.handover"):
		return "follow_up"
	case strings.HasPrefix(path, "content.consider_until"):
		return "not_agreed"
	case strings.HasPrefix(path, "content.devices"):
		return "medication"
	case strings.HasPrefix(path, "content.own_view_how"):
		return "own_words"
	case strings.HasPrefix(path, "review"):
		return "review"
	case strings.HasPrefix(path, "content."):
		s := strings.TrimPrefix(path, "content.")
		if i := strings.IndexAny(s, ".["); i >= 0 {
			s = s[:i]
		}
		return s
	}
	return "finish"
}

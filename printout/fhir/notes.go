package fhir

import (
	"strings"

	"github.com/sipmote/sipmote/model"
)

// NeverExported are the text parts that stay in sipmote: how the meeting
// felt is not plan content and is never printed. (The subjects the person
// does not want raised are no text part; they are never read here.)
var NeverExported = map[string]bool{"evaluation": true}

// notes are the plan's free text, each under its printed heading, in the
// order of the plan: the registry of text parts gives them, so a part
// added to the plan is exported without a change here. The person's own
// words carry the person as their author; what an absent participant sent
// in writing carries them.
func (b *builder) notes() []Annotation {
	var out []Annotation
	ct := b.v.Content
	for _, tp := range model.TextParts {
		if NeverExported[tp.Key] {
			continue
		}
		text := strings.TrimSpace(*tp.Of(&ct))
		if text == "" {
			continue
		}
		a := Annotation{Text: tp.Heading.In(b.o.Lang) + ": " + text}
		if tp.Key == "own_words" {
			r := b.pat
			a.AuthorReference = &r
		}
		out = append(out, a)
	}
	for i, pt := range b.v.Meeting.Participants {
		// Printed, and so exported, only for those who did not come.
		if w := strings.TrimSpace(pt.WrittenInput); w != "" && !pt.IsPresent() {
			r := b.members[i]
			out = append(out, Annotation{AuthorReference: &r,
				Text: b.t("Skriftligt underlag från ", "Written input from ") + strings.TrimSpace(pt.Name) + ": " + w})
		}
	}
	fu := ct.FollowUp
	if fu.State == model.FollowUpNone {
		text := b.t("Ingen uppföljning", "No follow-up")
		if why := strings.TrimSpace(fu.NoneReason); why != "" {
			text += ": " + why
		}
		out = append(out, Annotation{Text: text})
	}
	if fu.NeedsMandate() && fu.MandateEnds != "" {
		out = append(out, Annotation{Text: b.t("Samordnarens uppdrag gäller till ", "The coordinator's mandate runs until ") + fu.MandateEnds})
	}
	if by, when := strings.TrimSpace(ct.HandoverBy), strings.TrimSpace(ct.HandoverWhen); by != "" || when != "" {
		name := by
		if r, ok := b.who(by); ok && r.Display != "" {
			name = r.Display
		}
		out = append(out, Annotation{Text: strings.TrimSpace(b.t("Lämnar över planen till den enskilde: ", "Hands the plan to the person: ") + name + " " + when)})
	}
	if r := b.v.Review; r != nil && r.Decision != "" {
		text := b.t("Uppföljningens beslut: ", "Decision of the follow-up: ") + model.DecisionLabel(r.Decision, b.o.Lang)
		if r.Decision == model.DecisionClose {
			if why := r.CloseReason.Label(b.o.Lang); why != "" {
				text += " (" + why + ")"
			}
		}
		out = append(out, Annotation{Text: text})
	}
	if c := b.p.Closure; c != nil && b.p.Status == model.StatusClosed {
		out = append(out, Annotation{Text: c.Describe(b.o.Lang)})
	}
	return out
}

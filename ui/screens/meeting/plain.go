package meeting

import (
	"strings"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
	"github.com/sipmote/sipmote/ui/screens/meeting/planfields"
)

// PlainSection is one section of the plan for a screen without widgets
// (the accessible mode): the very fields the full screen edits, so that a
// field added to a section reaches both. Each field's Get and Set read and
// write the plan, and so run inside the session's View.Edit only.
type PlainSection struct {
	ID    string
	Label string
	// Fields are the section's form; nil for a list of rows.
	Fields []components.Field
	// Rows is the section's list (participants, goals, actions).
	Rows *PlainRows
}

// PlainRows is a list section: its rows, each named in one line, and the
// form of a row. A row's setters create it when it does not exist yet, so
// a new row is made by giving Fields a fresh id (model.NewID).
type PlainRows struct {
	Noun   model.Text
	Count  func() int
	RowID  func(i int) string
	Index  func(id string) int
	Line   func(i int) string
	Fields func(id string) []components.Field
	// Remove removes row i.
	Remove func(i int)
	// Quick, where the list has a quick row (the participants), adds a
	// row from one typed line, as the full screen's quick row does:
	// "Eva Lund, närstående (dotter), telefon". It returns the new
	// row's id and what it understood, a part each; ok is false when
	// the line names no one, and then nothing is added.
	Quick func(line string) (id string, understood []string, ok bool)
}

// PlainSections gives the plan's sections in the order of the meeting,
// the follow-up's review last when the draft has one. p is the session's
// plan; it is read through v, as on the full screen. words are the quick
// row's words (the checklists').
func PlainSections(l model.Lang, p *model.Plan, now func() time.Time, words []model.QuickWord) []PlainSection {
	v := func() *model.Version {
		if c := p.Current(); c != nil {
			return c
		}
		return &model.Version{}
	}
	rows := func(s listSpec) *PlainRows {
		var quick func(string) (string, []string, bool)
		if s.quick != nil {
			quick = func(line string) (string, []string, bool) {
				said := s.preview(line)
				if !s.quick(line) {
					return "", nil, false
				}
				return s.rowID(s.count() - 1), said, true
			}
		}
		return &PlainRows{Noun: s.noun, Count: s.count, RowID: s.rowID, Index: s.indexOf, Fields: s.fields, Remove: s.remove, Quick: quick,
			Line: func(i int) string {
				var parts []string
				// The columns before the one that names the row are its
				// number, which the line says already.
				for _, c := range s.cells(i)[s.labelCol:] {
					if c = strings.TrimSpace(c); c != "" {
						parts = append(parts, c)
					}
				}
				return strings.Join(parts, ", ")
			}}
	}
	var out []PlainSection
	for _, id := range sectionOrder {
		s := PlainSection{ID: id, Label: sectionLabel(id, l)}
		switch id {
		case secMeeting:
			s.Fields = planfields.MeetingFields(l, p, v)
		case secParticipants:
			s.Rows = rows(participantSpec(l, v, participantHooks{quickWords: func() []model.QuickWord { return words },
				child: func() bool { child, _ := p.ChildRules(v(), now().Format(model.DateLayout)); return child }}))
		case secConsent:
			s.Fields = planfields.ConsentFields(l, p, v, now)
		case secGoals:
			s.Rows = rows(goalSpec(l, v))
		case secActions:
			s.Rows = rows(actionSpec(l, v))
		case secCoordinator:
			s.Fields = []components.Field{coordinatorField(l, v)}
		case secFollowUp:
			s.Fields = planfields.FollowUpFields(l, v)
		case secFinish:
			// Finalising and printing are commands, not fields.
		default:
			s.Fields = plainTextFields(id, l, v)
		}
		out = append(out, s)
	}
	if p.Draft != nil && p.Draft.Review != nil {
		if fs := reviewFields(l, p); len(fs) > 0 {
			out = append(out, PlainSection{ID: SecReview, Label: sectionLabel(SecReview, l), Fields: fs})
		}
	}
	return out
}

// plainTextFields are a free-text section's parts named by their heading,
// the editor's question as the hint: a line read aloud starts with what
// the field is.
func plainTextFields(id string, l model.Lang, v func() *model.Version) []components.Field {
	fs := planfields.TextSectionFields(id, l, v)
	for i := range fs {
		if tp, ok := model.TextPartOf(strings.TrimPrefix(fs[i].Path, "content.")); ok {
			fs[i].Hint = fs[i].Label
			fs[i].Label = tp.Heading.In(l)
		}
	}
	return fs
}

// coordinatorField appoints the coordinator among those the rules allow:
// the present staff of the municipality or the region.
func coordinatorField(l model.Lang, v func() *model.Version) components.Field {
	return components.Field{Path: "content.coordinator", Label: model.T(l, "Samordnare", "Coordinator"), Kind: components.KindChoice,
		Hint: model.T(l, "någon från kommunen eller regionen som är med på mötet", "someone from the municipality or the region at the meeting"),
		Options: func() []components.Option {
			var out []components.Option
			for _, p := range v().Meeting.Participants {
				if p.CanCoordinate() {
					out = append(out, components.Option{Value: p.ID, Label: p.Name + ", " + p.Principal.Label(l)})
				}
			}
			return out
		},
		Get: func() string { return v().Content.Coordinator.ParticipantID },
		Set: func(s string) { v().Content.Coordinator.ParticipantID = s }}
}

// PlainDocument is the plan as the preview shows it, for a screen that
// reads it out: the printed document with the personnummer masked and
// every table as a list. ok is false when the plan has no version.
func PlainDocument(p *model.Plan, l model.Lang) (d model.Document, ok bool) {
	v := p.Current()
	if v == nil {
		return model.Document{}, false
	}
	return model.BuildDocument(p, v, l).Masked().TablesAsLists(), true
}

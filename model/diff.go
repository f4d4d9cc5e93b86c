package model

import (
	"slices"
	"strconv"
	"strings"
)

// ChangeKind says what happened to a row between two versions.
type ChangeKind string

const (
	ChangeAdded   ChangeKind = "added"
	ChangeChanged ChangeKind = "changed"
	ChangeRemoved ChangeKind = "removed"
)

// Areas of a plan that Diff compares. Goals, actions and participants are
// lists of rows; the others are single parts of the plan.
const (
	AreaGoal        = "goal"
	AreaAction      = "action"
	AreaParticipant = "participant"
	AreaCoordinator = "coordinator"
	AreaFollowUp    = "follow_up"
	AreaConsent     = "consent"
	// AreaContent is one free-text part of the plan (situation, needs, not
	// agreed...); the field says which.
	AreaContent = "content"
)

// Change is one difference between two versions of a plan.
type Change struct {
	Kind ChangeKind `json:"kind"`
	Area string     `json:"area"`
	// Label names the row as the plan shows it: the goal's text, the
	// action's what, the participant's or coordinator's name. It is the new
	// name for added and changed rows and the old one for removed rows.
	Label  string        `json:"label,omitempty"`
	Fields []FieldChange `json:"fields,omitempty"`
}

// FieldChange is one field that differs. Old and New are the values as
// stored ("planned", "true"); FieldChange.Values shows them in words. For an
// added row, Old is empty and New describes the row.
type FieldChange struct {
	// Key is the field's JSON name, so that code can tell fields apart
	// without reading the label.
	Key   string `json:"key"`
	Field Text   `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

var fieldLabels = map[string]Text{
	"text":         {"text", "text"},
	"what":         {"vad", "what"},
	"unit":         {"verksamhet", "unit"},
	"responsible":  {"ansvarig", "responsible"},
	"party":        {"organisation", "organisation"},
	"when":         {"när", "when"},
	"status":       {"status", "status"},
	"goal":         {"mål", "goal"},
	"name":         {"namn", "name"},
	"role":         {"roll", "role"},
	"title":        {"titel", "title"},
	"phone":        {"telefon", "phone"},
	"email":        {"e-post", "e-mail"},
	"coordinator":  {"samordnare", "coordinator"},
	"date":         {"datum", "date"},
	"time":         {"tid", "time"},
	"place":        {"plats", "place"},
	"attendees":    {"vilka som deltar", "who takes part"},
	"called_by":    {"vem som kallar", "called by"},
	"state":        {"uppföljningen", "the follow-up"},
	"book_by":      {"bokas senast", "to be booked by"},
	"why_later":    {"varför den bokas senare", "why it is booked later"},
	"follow_what":  {"vad som följs upp", "what is followed up"},
	"start":        {"börjar", "starts"},
	"due":          {"klar senast", "due"},
	"none_reason":  {"varför ingen uppföljning", "why no follow-up"},
	"mandate_ends": {"samordnarens uppdrag slutar", "coordinator's mandate ends"},
	"given":        {"samtycke givet", "consent given"},
	"consent_form": {"hur samtycket gavs", "how consent was given"},
	"valid_until":  {"gäller till och med", "valid until"},
	"actors":       {"gäller för", "covers"},
	"subjects":     {"ämnen", "subjects"},
	"withdrawn_on": {"återkallat den", "withdrawn on"},
	"guardians":    {"vårdnadshavare", "guardians"},
}

// Diff lists what differs from version a to version b. Rows are matched by
// id, which StartFollowUp keeps, so a list that is only reordered gives no
// change: the order of goals and actions carries no meaning in a plan.
// Attendance (invited, confirmed, present) is left out, since it is redone
// at every meeting and says nothing about what was agreed. Either version
// may be nil, which counts as an empty plan.
func Diff(a, b *Version) []Change {
	if a == nil {
		a = &Version{}
	}
	if b == nil {
		b = &Version{}
	}
	var out []Change
	out = append(out, diffRows(AreaGoal, a.Content.Goals, b.Content.Goals,
		func(g Goal) string { return g.ID },
		func(g Goal) string { return clean(g.Text) },
		func(x, y Goal) []FieldChange {
			var d fields
			d.cmp("text", x.Text, y.Text)
			return d
		}, nil)...)
	out = append(out, diffRows(AreaAction, a.Content.Actions, b.Content.Actions,
		func(x Action) string { return x.ID },
		func(x Action) string { return clean(x.What) },
		func(x, y Action) []FieldChange { return actionFields(a, b, x, y) },
		func(y Action) []FieldChange { return actionFields(nil, b, Action{}, y) })...)
	out = append(out, diffRows(AreaParticipant, a.Meeting.Participants, b.Meeting.Participants,
		func(x Participant) string { return x.ID },
		func(x Participant) string { return clean(x.Name) },
		participantFields,
		func(y Participant) []FieldChange { return participantFields(Participant{}, y) })...)
	if c, ok := diffCoordinator(a, b); ok {
		out = append(out, c)
	}
	if c, ok := diffFollowUp(a.Content.FollowUp, b.Content.FollowUp); ok {
		out = append(out, c)
	}
	if fs := consentFields(a.Consent, b.Consent); len(fs) > 0 {
		kind := ChangeChanged
		switch {
		case len(consentFields(Consent{}, a.Consent)) == 0:
			kind = ChangeAdded
		case len(consentFields(Consent{}, b.Consent)) == 0:
			kind = ChangeRemoved
		}
		out = append(out, Change{Kind: kind, Area: AreaConsent, Fields: fs})
	}
	out = append(out, diffContent(a.Content, b.Content)...)
	return out
}

// fields collects field changes; cmp ignores differences in surrounding
// space, which the secretary cannot see.
type fields []FieldChange

func (d *fields) cmp(key, old, new string) {
	old, new = clean(old), clean(new)
	if old != new {
		*d = append(*d, FieldChange{Key: key, Field: fieldLabels[key], Old: old, New: new})
	}
}

func clean(s string) string { return strings.TrimSpace(s) }

// diffRows matches two lists of rows by id. Rows without an id, and the
// second of two rows with the same id, cannot be matched and count as added
// or removed. added, when not nil, describes an added row.
func diffRows[T any](area string, a, b []T, id, label func(T) string,
	changed func(x, y T) []FieldChange, added func(T) []FieldChange) []Change {
	first := make(map[string]int, len(a))
	for i, r := range a {
		if k := id(r); k != "" {
			if _, dup := first[k]; !dup {
				first[k] = i
			}
		}
	}
	matched := make(map[string]bool, len(b))
	var out []Change
	for _, r := range b {
		k := id(r)
		i, ok := first[k]
		if k == "" || !ok || matched[k] {
			c := Change{Kind: ChangeAdded, Area: area, Label: label(r)}
			if added != nil {
				c.Fields = added(r)
			}
			out = append(out, c)
			continue
		}
		matched[k] = true
		if fs := changed(a[i], r); len(fs) > 0 {
			out = append(out, Change{Kind: ChangeChanged, Area: area, Label: label(r), Fields: fs})
		}
	}
	for i, r := range a {
		if k := id(r); k != "" && matched[k] && first[k] == i {
			continue
		}
		out = append(out, Change{Kind: ChangeRemoved, Area: area, Label: label(r)})
	}
	return out
}

// partyValue is the stored form of who runs a unit: the principal, or the
// other party's own name.
func partyValue(p Principal, other string) string {
	if p == PrincipalOther && clean(other) != "" {
		return clean(other)
	}
	return string(p)
}

// goalText names the goal an action serves, in the version it belongs to.
func goalText(v *Version, id string) string {
	if v == nil || id == "" {
		return ""
	}
	if g := v.Goal(id); g != nil {
		return g.Text
	}
	return ""
}

// goalTexts names the goals an action serves, joined with "; ".
func goalTexts(v *Version, ids []string) string {
	var out []string
	for _, id := range ids {
		if t := goalText(v, id); t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, "; ")
}

func actionFields(va, vb *Version, x, y Action) []FieldChange {
	var d fields
	d.cmp("what", x.What, y.What)
	d.cmp("unit", x.Unit, y.Unit)
	d.cmp("responsible", x.Responsible, y.Responsible)
	d.cmp("party", partyValue(x.Principal, x.OtherParty), partyValue(y.Principal, y.OtherParty))
	d.cmp("when", x.When, y.When)
	d.cmp("start", x.Start, y.Start)
	d.cmp("due", x.Due, y.Due)
	d.cmp("status", string(x.Status), string(y.Status))
	// A goal reworded is reported once, as a goal; here only a move to
	// another goal counts.
	if strings.Join(x.GoalIDs, ",") != strings.Join(y.GoalIDs, ",") {
		d.cmp("goal", goalTexts(va, x.GoalIDs), goalTexts(vb, y.GoalIDs))
	}
	return d
}

func participantFields(x, y Participant) []FieldChange {
	// A value left in a field the role does not have is no part of the
	// plan: it is neither shown nor printed.
	x, y = x.Visible(), y.Visible()
	var d fields
	d.cmp("name", x.Name, y.Name)
	d.cmp("role", string(x.Role), string(y.Role))
	d.cmp("title", x.Title, y.Title)
	d.cmp("unit", x.Unit, y.Unit)
	d.cmp("party", partyValue(x.Principal, x.OtherParty), partyValue(y.Principal, y.OtherParty))
	d.cmp("phone", x.Phone, y.Phone)
	d.cmp("email", x.Email, y.Email)
	d.cmp("language", x.Language, y.Language)
	return d
}

func coordinatorName(v *Version) string {
	if pt := v.CoordinatorParticipant(); pt != nil {
		return clean(pt.Name)
	}
	return ""
}

// diffCoordinator compares the coordinators by name as well as by id, so
// that the same person entered twice is not reported as a new coordinator.
func diffCoordinator(a, b *Version) (Change, bool) {
	an, bn := coordinatorName(a), coordinatorName(b)
	if a.Content.Coordinator.ParticipantID == b.Content.Coordinator.ParticipantID || (an != "" && SameName(an, bn)) {
		return Change{}, false
	}
	c := Change{Area: AreaCoordinator, Kind: ChangeChanged, Label: bn}
	switch {
	case an == "" && bn == "":
		return Change{}, false
	case an == "":
		c.Kind = ChangeAdded
	case bn == "":
		c.Kind, c.Label = ChangeRemoved, an
	}
	c.Fields = []FieldChange{{Key: "coordinator", Field: fieldLabels["coordinator"], Old: an, New: bn}}
	return c, true
}

func diffFollowUp(a, b FollowUp) (Change, bool) {
	var d fields
	d.cmp("date", a.Date, b.Date)
	d.cmp("time", a.Time, b.Time)
	d.cmp("place", a.Place, b.Place)
	d.cmp("attendees", a.Attendees, b.Attendees)
	d.cmp("called_by", a.CalledBy, b.CalledBy)
	d.cmp("state", string(a.State), string(b.State))
	d.cmp("book_by", a.BookBy, b.BookBy)
	d.cmp("why_later", a.WhyLater, b.WhyLater)
	d.cmp("none_reason", a.NoneReason, b.NoneReason)
	d.cmp("mandate_ends", a.MandateEnds, b.MandateEnds)
	d.cmp("follow_what", a.What, b.What)
	if len(d) == 0 {
		return Change{}, false
	}
	c := Change{Kind: ChangeChanged, Area: AreaFollowUp, Fields: d}
	switch {
	case a == FollowUp{}:
		c.Kind = ChangeAdded
	case b == FollowUp{}:
		c.Kind, c.Fields = ChangeRemoved, nil
	}
	return c, true
}

func boolValue(b bool) string {
	if b {
		return strconv.FormatBool(b)
	}
	return ""
}

// sameSet tells whether two lists hold the same items in any order, so
// that reordering the consented actors is not a change.
func sameSet(a, b []string) bool {
	norm := func(l []string) []string {
		var out []string
		for _, s := range l {
			if s = strings.ToLower(clean(s)); s != "" {
				out = append(out, s)
			}
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(norm(a), norm(b))
}

func consentFields(a, b Consent) []FieldChange {
	var d fields
	d.cmp("given", boolValue(a.Given), boolValue(b.Given))
	d.cmp("consent_form", a.Form, b.Form)
	d.cmp("date", a.Date, b.Date)
	d.cmp("valid_until", a.ValidUntil, b.ValidUntil)
	list := func(key string, x, y []string) {
		if !sameSet(x, y) {
			d = append(d, FieldChange{Key: key, Field: fieldLabels[key],
				Old: strings.Join(x, ", "), New: strings.Join(y, ", ")})
		}
	}
	list("actors", a.Actors, b.Actors)
	list("subjects", a.Subjects, b.Subjects)
	// NotRaise is left out on purpose: a list of changes is read aloud
	// and shown on screens, and naming a subject there is raising it. The
	// JSON export carries it.
	d.cmp("withdrawn_on", a.WithdrawnOn, b.WithdrawnOn)
	// A guardian is compared with their own scope: a guardian who widened
	// their consent is a change.
	names := func(k Consent) []string {
		var out []string
		for _, g := range k.Guardians {
			ga, gs := k.ScopeOf(g)
			out = append(out, strings.TrimSpace(g.Name)+" ("+strings.Join(trimAll(ga), "; ")+" | "+strings.Join(trimAll(gs), "; ")+")")
		}
		return out
	}
	list("guardians", names(a), names(b))
	return d
}

// diffContent gives one change per free-text part, so that a long text
// that changed does not drag the others into the same line.
func diffContent(a, b Content) []Change {
	var out []Change
	for _, p := range TextParts {
		x, y := clean(*p.Of(&a)), clean(*p.Of(&b))
		if x == y {
			continue
		}
		kind := ChangeChanged
		switch {
		case x == "":
			kind = ChangeAdded
		case y == "":
			kind = ChangeRemoved
		}
		out = append(out, Change{Kind: kind, Area: AreaContent, Fields: []FieldChange{{Key: p.Key, Field: p.Field, Old: x, New: y}}})
	}
	return out
}

var changeWords = map[string]map[ChangeKind]Text{
	AreaGoal: {
		ChangeAdded:   {"Nytt mål", "New goal"},
		ChangeChanged: {"Ändrat mål", "Changed goal"},
		ChangeRemoved: {"Borttaget mål", "Removed goal"},
	},
	AreaAction: {
		ChangeAdded:   {"Ny insats", "New action"},
		ChangeChanged: {"Ändrad insats", "Changed action"},
		ChangeRemoved: {"Borttagen insats", "Removed action"},
	},
	AreaParticipant: {
		ChangeAdded:   {"Ny deltagare", "New participant"},
		ChangeChanged: {"Ändrade uppgifter om deltagare", "Changed participant details"},
		ChangeRemoved: {"Borttagen deltagare", "Removed participant"},
	},
	AreaCoordinator: {
		ChangeAdded:   {"Samordnare utsedd", "Coordinator appointed"},
		ChangeChanged: {"Ny samordnare", "New coordinator"},
		ChangeRemoved: {"Ingen samordnare längre", "No coordinator any more"},
	},
	AreaFollowUp: {
		ChangeAdded:   {"Uppföljning bokad", "Follow-up booked"},
		ChangeChanged: {"Ändrad uppföljning", "Changed follow-up"},
		ChangeRemoved: {"Ingen uppföljning bokad längre", "No follow-up booked any more"},
	},
	AreaConsent: {
		ChangeAdded:   {"Samtycke", "Consent"},
		ChangeChanged: {"Ändrat samtycke", "Changed consent"},
		ChangeRemoved: {"Samtycket är borttaget", "Consent removed"},
	},
	AreaContent: {
		ChangeAdded:   {"Nytt i planen", "Added to the plan"},
		ChangeChanged: {"Ändrat i planen", "Changed in the plan"},
		ChangeRemoved: {"Borttaget ur planen", "Removed from the plan"},
	},
}

// maxShown is how many characters of a free text FormatDiff shows, so that
// one long paragraph does not push every other change off the screen.
const maxShown = 160

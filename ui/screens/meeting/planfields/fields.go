// Package planfields builds the fields of the plan's parts that are plain
// forms (the meeting, the consent, the follow-up, the text parts) and the
// small pieces the lists' rows share (attendance, an action's goals and
// contact). The full screen's sections and the accessible mode use the
// very same fields, so a field added here reaches both. Each field reads
// and writes the draft through the version getter it is given, inside the
// session's edit only.
package planfields

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
)

// Field builders for the sections that are plain forms. Each closure reads
// and writes the draft through v(), so a field never holds its own copy.

func areaField(path, label, hint string, get func() *string) components.Field {
	f := components.TextField(path, label, hint, get)
	f.Kind = components.KindArea
	return f
}

func toggleField(path, label string, get func() *bool) components.Field {
	return components.Field{Path: path, Label: label, Kind: components.KindToggle,
		Get: func() string { return components.BoolStr(*get()) },
		Set: func(s string) { *get() = s == "true" }}
}

func MeetingFields(l model.Lang, p *model.Plan, v func() *model.Version) []components.Field {
	m := func() *model.Meeting { return &v().Meeting }
	minutes := components.Field{Path: "meeting.minutes", Label: model.T(l, "Planerad längd (minuter)", "Planned length (minutes)"), Kind: components.KindText,
		Get: func() string { return strconv.Itoa(m().Minutes) },
		Set: func(s string) {
			if n, ok := model.ParseMinutes(s); ok {
				m().Minutes = n
			}
		},
		Check: func(s string) string {
			if _, ok := model.ParseMinutes(s); !ok {
				return model.T(l, "Skriv ett antal minuter, t.ex. 60 eller 1 h 30 min.", "Write a number of minutes, e.g. 60 or 1 h 30 min.")
			}
			return ""
		}}
	date := components.WithCheck(components.TextField("meeting.date", model.T(l, "Datum", "Date"), model.T(l, "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"), func() *string { return &m().Date }), components.DateCheck(l))
	start := components.WithCheck(components.TextField("meeting.start", model.T(l, "Starttid", "Start time"), model.T(l, "TT:MM", "HH:MM"), func() *string { return &m().Start }), components.ClockCheck(l))
	// Typing 90 on 60 means 90 minutes, as on a date or a time.
	minutes.Whole = true
	name := components.TextField("person.name", model.T(l, "Den enskildes namn", "The person's name"), "", func() *string { return &p.Person.Name })
	name.Identity = true
	return []components.Field{
		name, pnrField(l, p), date, start, minutes,
		components.TextField("meeting.place", model.T(l, "Plats", "Place"), "", func() *string { return &m().Place }),
		{Path: "meeting.form", Label: model.T(l, "Form", "Format"), Kind: components.KindChoice, Opts: components.FormOpts(l),
			Get: func() string { return string(m().Form) }, Set: func(s string) { m().Form = model.MeetingForm(s) }},
		components.TextField("meeting.chair", model.T(l, "Mötesledare", "Chair"), "", func() *string { return &m().Chair }),
		components.TextField("meeting.secretary", model.T(l, "Mötessekreterare", "Secretary"), "", func() *string { return &m().Secretary }),
		{Path: "person.variant", Label: model.T(l, "Checklista för", "Checklists for"), Kind: components.KindChoice,
			Opts: []components.Option{{Value: "adult", Label: model.AgeAdult.Label(l)}, {Value: "child", Label: model.AgeChild.Label(l)}, {Value: "older", Label: model.AgeOlder.Label(l)}},
			Get:  func() string { return string(p.Variant) }, Set: func(s string) { p.Variant = model.AgeGroup(s) }},
		components.LanguageField("person.language", l, func() *string { return &p.Person.Language }),
	}
}

// pnrField is the person's personnummer, which a plan made without one
// (the new-plan form lets it be left empty) gets here. It is checked as
// the form checks it, date and check digit, and put in its standard form
// on leaving; like the name, a step change or an opening meeting never
// leaves the cursor in it.
func pnrField(l model.Lang, p *model.Plan) components.Field {
	f := components.TextField("person.pnr", model.T(l, "Personnummer eller samordningsnummer (kan lämnas tomt)", "Personnummer or samordningsnummer (may be left empty)"),
		model.T(l, "ÅÅÅÅMMDD-NNNN", "YYYYMMDD-NNNN"), func() *string { return &p.Person.PNR })
	f.Identity = true
	f.Resting = model.MaskPNR
	f.Check = func(s string) string {
		if strings.TrimSpace(s) == "" {
			return ""
		}
		n, err := model.NormalisePNR(s, time.Now())
		if err != nil {
			return model.T(l, "Personnumret stämmer inte (datum eller sista siffran). Skriv ÅÅÅÅMMDD-NNNN.",
				"The personnummer does not check out (date or last digit). Write YYYYMMDD-NNNN.")
		}
		// The checklists follow the age only when chosen: the agenda of a
		// meeting under way does not change under the chair's feet.
		if g, err := model.AgeGroupOf(n, time.Now()); err == nil && g != p.Variant {
			return fmt.Sprintf(model.T(l, "Personnumret stämmer. Efter åldern passar checklistan för %s: välj den under ”Checklista för” nedan.",
				"The personnummer checks out. By age the checklists for %s fit: choose them under \u201cChecklists for\u201d below."), g.Label(l))
		}
		return ""
	}
	f.Tidy = func(s string) string {
		if n, err := model.NormalisePNR(s, time.Now()); err == nil {
			return n
		}
		return strings.TrimSpace(s)
	}
	return f
}

// privateField shows its value only when the secretary asks with enter,
// and hides it again when the focus leaves (form_private.go).
func privateField(f components.Field) components.Field {
	f.Private = true
	return f
}

func listField(path, label, hint string, get func() *[]string) components.Field {
	return components.Field{Path: path, Label: label, Hint: hint, Kind: components.KindText,
		Get:   func() string { return components.JoinList(*get()) },
		Set:   func(s string) { *get() = components.SplitList(s) },
		Items: func() int { return len(components.SplitList(components.JoinList(*get()))) }}
}

// unitListField is a list of units: commas part them as semicolons do
// (model.SplitUnits), so "Elevhälsan, Ekskolan" is stored as two units and
// shown as "Elevhälsan; Ekskolan" once the field is left (issue 27).
func unitListField(path, label, hint string, get func() *[]string) components.Field {
	f := listField(path, label, hint, get)
	f.Set = func(s string) { *get() = model.SplitUnits(s) }
	return f
}

func ConsentFields(l model.Lang, p *model.Plan, v func() *model.Version, now func() time.Time) []components.Field {
	c := func() *model.Consent { return &v().Consent }
	// decide tells, on each draw, whether the guardians' consents decide:
	// then the plan's lists are their overlap, shown and not typed.
	decide := func() bool { return p.GuardiansDecide(v(), now().Format(model.DateLayout)) }
	w := newWidening(l, p, v, now)
	fs := []components.Field{
		toggleField("consent.given", model.T(l, "Samtycke finns", "Consent given"), func() *bool { return &c().Given }),
		{Path: "consent.form", Label: model.T(l, "Hur samtycket gavs", "How consent was given"), Kind: components.KindChoice,
			Opts: []components.Option{{Value: "", Label: "—"}, {Value: "oral", Label: model.T(l, "muntligt", "oral")}, {Value: "written", Label: model.T(l, "skriftligt", "written")}},
			Get:  func() string { return c().Form }, Set: func(s string) { c().Form = s }},
		components.WithCheck(components.TextField("consent.date", model.T(l, "Datum för samtycket", "Date of consent"), model.T(l, "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"), func() *string { return &c().Date }), components.DateCheck(l)),
		components.WithCheck(components.TextField("consent.valid_until", model.T(l, "Gäller till och med", "Valid until"), model.T(l, "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"), func() *string { return &c().ValidUntil }), components.DateCheck(l)),
		ownList(decide, unitListField("consent.actors", model.T(l, "Gäller för vilka verksamheter (skilj med , eller ;)", "Covers which units (separate with , or ;)"),
			model.T(l, "t.ex. psykiatrin, vårdcentralen", "e.g. psychiatry, health centre"), func() *[]string { return &c().Actors })),
		overlapField(l, p, v, decide),
		widenField(l, p, v, now, w),
		declineField(l, v, w),
		widenChildField(l, p, v, now, decide),
		ownList(decide, unitListField("consent.subjects", model.T(l, "Gäller för vilka ämnen (skilj med , eller ;)", "Covers which subjects (separate with , or ;)"), "", func() *[]string { return &c().Subjects })),
		privateField(listField("consent.not_raise", model.T(l, "Ämnen som inte ska tas upp (visas för mötesledaren, skrivs inte ut)", "Subjects not to raise (shown to the chair, never printed)"), "", func() *[]string { return &c().NotRaise })),
		components.WithCheck(components.TextField("consent.withdrawn_on", model.T(l, "Dag då samtycket togs tillbaka (bara om det har hänt)", "Day the consent was withdrawn (only if it happened)"), model.T(l, "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"), func() *string { return &c().WithdrawnOn }), components.DateCheck(l)),
	}
	if p.Variant == model.AgeChild {
		// One block per guardian: two, or as many as the plan has.
		for i := range max(2, len(c().Guardians)) {
			fs = append(fs, guardianFields(l, p, v, now, i)...)
		}
	}
	return fs
}

func FollowUpFields(l model.Lang, v func() *model.Version) []components.Field {
	f := func() *model.FollowUp { return &v().Content.FollowUp }
	c := func() *model.Content { return &v().Content }
	states := []components.Option{{Value: "", Label: model.T(l, "— välj —", "— choose —")}}
	for _, s := range model.FollowUpStates {
		states = append(states, components.Option{Value: string(s), Label: s.Label(l)})
	}
	dateHint := model.T(l, "ÅÅÅÅ-MM-DD", "YYYY-MM-DD")
	// only shows a field in the states given; a state not yet chosen
	// shows them all, so nothing is hidden from a secretary who types first.
	only := func(fl components.Field, states ...model.FollowUpState) components.Field {
		fl.Hide = func() bool {
			st := f().State
			if st == "" {
				return false
			}
			for _, s := range states {
				if s == st {
					return false
				}
			}
			return true
		}
		return fl
	}
	booked, later, none := model.FollowUpBooked, model.FollowUpLater, model.FollowUpNone
	return []components.Field{
		{Path: "content.follow_up.state", Label: model.T(l, "Uppföljningen: bokad här, bokas senare, eller ingen?", "The follow-up: booked here, booked later, or none?"), Kind: components.KindChoice,
			Opts: states, Get: func() string { return string(f().State) }, Set: func(s string) { f().State = model.FollowUpState(s) }},
		only(areaField("content.follow_up.what", model.T(l, "Vad ska följas upp och utvärderas?", "What will be followed up and evaluated?"),
			model.T(l, "t.ex. målen och insatserna", "e.g. the goals and the actions"), func() *string { return &f().What }), booked, later),
		only(components.WithCheck(components.TextField("content.follow_up.date", model.T(l, "Bokad: datum", "Booked: date"), dateHint, func() *string { return &f().Date }), components.DateCheck(l)), booked),
		only(components.WithCheck(components.TextField("content.follow_up.time", model.T(l, "Bokad: tid", "Booked: time"), model.T(l, "TT:MM", "HH:MM"), func() *string { return &f().Time }), components.ClockCheck(l)), booked),
		only(components.TextField("content.follow_up.place", model.T(l, "Bokad: plats", "Booked: place"), "", func() *string { return &f().Place }), booked),
		only(components.TextField("content.follow_up.attendees", model.T(l, "Bokad: vilka som deltar", "Booked: who takes part"), "", func() *string { return &f().Attendees }), booked),
		only(components.TextField("content.follow_up.called_by", model.T(l, "Bokad: kallar till mötet", "Booked: calls the meeting"), "", func() *string { return &f().CalledBy }), booked),
		only(components.WithCheck(components.TextField("content.follow_up.book_by", model.T(l, "Bokas senare: senast när", "Booked later: by when"), dateHint, func() *string { return &f().BookBy }), components.DateCheck(l)), later),
		only(components.TextField("content.follow_up.why_later", model.T(l, "Bokas senare: varför inte nu", "Booked later: why not now"),
			model.T(l, "t.ex. beslut om boendestöd väntas", "e.g. a decision on housing support is awaited"), func() *string { return &f().WhyLater }), later),
		only(components.TextField("content.follow_up.none_reason", model.T(l, "Ingen uppföljning: varför", "No follow-up: why"), "", func() *string { return &f().NoneReason }), none),
		only(components.WithCheck(components.TextField("content.follow_up.mandate_ends", model.T(l, "Samordnarens uppdrag gäller till och med (när uppföljningen inte är bokad)", "The coordinator's mandate runs until (when the follow-up is not booked)"), dateHint, func() *string { return &f().MandateEnds }), components.DateCheck(l)), later, none),
		components.TextField("content.handover_by", model.T(l, "Om den enskilde inte är med: vem lämnar över planen", "If the person is not here: who hands the plan over"), "", func() *string { return &c().HandoverBy }),
		components.TextField("content.handover_when", model.T(l, "… och när", "… and when"), "", func() *string { return &c().HandoverWhen }),
	}
}

// textSectionFields are the sections that are free text.
func TextSectionFields(id string, l model.Lang, v func() *model.Version) []components.Field {
	var out []components.Field
	for _, p := range model.TextParts {
		if p.Section != id {
			continue
		}
		of := p.Of
		f := areaField("content."+p.Key, p.Prompt.In(l), p.Hint.In(l), func() *string { return of(&v().Content) })
		if p.Line {
			f = components.TextField("content."+p.Key, p.Prompt.In(l), p.Hint.In(l), func() *string { return of(&v().Content) })
		}
		out = append(out, f)
	}
	return out
}

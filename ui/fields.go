package ui

import (
	"strconv"
	"strings"

	"github.com/sipmote/sipmote/model"
)

// Field builders for the sections that are plain forms. Each closure reads
// and writes the draft through v(), so a field never holds its own copy.

func textField(path, label, hint string, get func() *string) field {
	return field{path: path, label: label, hint: hint, kind: kindText,
		get: func() string { return *get() }, set: func(s string) { *get() = s }}
}

func areaField(path, label, hint string, get func() *string) field {
	f := textField(path, label, hint, get)
	f.kind = kindArea
	return f
}

func toggleField(path, label string, get func() *bool) field {
	return field{path: path, label: label, kind: kindToggle,
		get: func() string { return boolStr(*get()) },
		set: func(s string) { *get() = s == "true" }}
}

func meetingFields(l model.Lang, p *model.Plan, v func() *model.Version) []field {
	m := func() *model.Meeting { return &v().Meeting }
	minutes := field{path: "meeting.minutes", label: model.T(l, "Planerad längd (minuter)", "Planned length (minutes)"), kind: kindText,
		get: func() string { return strconv.Itoa(m().Minutes) },
		set: func(s string) {
			if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && n > 0 && n <= 600 {
				m().Minutes = n
			}
		},
		check: func(s string) string {
			if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n <= 0 || n > 600 {
				return model.T(l, "Skriv ett antal minuter, t.ex. 60.", "Write a number of minutes, e.g. 60.")
			}
			return ""
		}}
	date := textField("meeting.date", model.T(l, "Datum", "Date"), model.T(l, "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"), func() *string { return &m().Date })
	date.check = dateCheck(l)
	start := textField("meeting.start", model.T(l, "Starttid", "Start time"), model.T(l, "TT:MM", "HH:MM"), func() *string { return &m().Start })
	start.check = clockCheck(l)
	return []field{
		textField("person.name", model.T(l, "Den enskildes namn", "The person's name"), "", func() *string { return &p.Person.Name }),
		date, start, minutes,
		textField("meeting.place", model.T(l, "Plats", "Place"), "", func() *string { return &m().Place }),
		{path: "meeting.form", label: model.T(l, "Form", "Form"), kind: kindChoice, opts: formOpts(l),
			get: func() string { return string(m().Form) }, set: func(s string) { m().Form = model.MeetingForm(s) }},
		textField("meeting.chair", model.T(l, "Mötesledare", "Chair"), "", func() *string { return &m().Chair }),
		textField("meeting.secretary", model.T(l, "Mötessekreterare", "Secretary"), "", func() *string { return &m().Secretary }),
		{path: "person.variant", label: model.T(l, "Checklista för", "Checklists for"), kind: kindChoice,
			opts: []option{{"adult", model.AgeAdult.Label(l)}, {"child", model.AgeChild.Label(l)}, {"older", model.AgeOlder.Label(l)}},
			get:  func() string { return string(p.Variant) }, set: func(s string) { p.Variant = model.AgeGroup(s) }},
	}
}

// privateField shows its value only while it is being edited.
func privateField(f field) field {
	f.private = true
	return f
}

func listField(path, label, hint string, get func() *[]string) field {
	return field{path: path, label: label, hint: hint, kind: kindText,
		get: func() string { return joinList(*get()) },
		set: func(s string) { *get() = splitList(s) }}
}

func consentFields(l model.Lang, p *model.Plan, v func() *model.Version) []field {
	c := func() *model.Consent { return &v().Consent }
	fs := []field{
		toggleField("consent.given", model.T(l, "Samtycke finns", "Consent given"), func() *bool { return &c().Given }),
		{path: "consent.form", label: model.T(l, "Hur samtycket gavs", "How consent was given"), kind: kindChoice,
			opts: []option{{"", "—"}, {"oral", model.T(l, "muntligt", "oral")}, {"written", model.T(l, "skriftligt", "written")}},
			get:  func() string { return c().Form }, set: func(s string) { c().Form = s }},
		withCheck(textField("consent.date", model.T(l, "Datum för samtycket", "Date of consent"), model.T(l, "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"), func() *string { return &c().Date }), dateCheck(l)),
		withCheck(textField("consent.valid_until", model.T(l, "Gäller till och med", "Valid until"), model.T(l, "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"), func() *string { return &c().ValidUntil }), dateCheck(l)),
		listField("consent.actors", model.T(l, "Gäller för vilka verksamheter (skilj med semikolon ;)", "Covers which units (separate with semicolons ;)"),
			model.T(l, "t.ex. psykiatrin; vårdcentralen", "e.g. psychiatry; health centre"), func() *[]string { return &c().Actors }),
		{path: "consent.actors.add", label: model.T(l, "Har den enskilde samtyckt till alla enheter som är här?", "Has the person consented to every unit here?"),
			hint: model.T(l, "Lägg till de närvarande enheterna", "Add the units present"), kind: kindAction,
			get: func() string { return "" },
			set: func(string) { c().Actors = addPresentUnits(c().Actors, v()) }},
		listField("consent.subjects", model.T(l, "Gäller för vilka ämnen", "Covers which subjects"), "", func() *[]string { return &c().Subjects }),
		privateField(listField("consent.not_raise", model.T(l, "Ämnen som inte ska tas upp (visas för mötesledaren, skrivs inte ut)", "Subjects not to raise (shown to the chair, never printed)"), "", func() *[]string { return &c().NotRaise })),
		withCheck(textField("consent.withdrawn_on", model.T(l, "Dag då samtycket togs tillbaka (bara om det har hänt)", "Day the consent was withdrawn (only if it happened)"), "", func() *string { return &c().WithdrawnOn }), dateCheck(l)),
	}
	if p.Variant == model.AgeChild {
		fs = append(fs,
			field{path: "consent.guardians", label: model.T(l, "Vårdnadshavare (skilj med semikolon ;)", "Guardians (separate with semicolons ;)"), kind: kindText,
				get: func() string {
					var n []string
					for _, g := range c().Guardians {
						n = append(n, g.Name)
					}
					return joinList(n)
				},
				set: func(s string) {
					given := len(c().Guardians) > 0 && c().Guardians[0].Given
					var gs []model.Guardian
					for _, n := range splitList(s) {
						gs = append(gs, model.Guardian{Name: n, Given: given})
					}
					c().Guardians = gs
				}},
			field{path: "consent.guardians[0].given", label: model.T(l, "Vårdnadshavarna har samtyckt", "The guardians have consented"), kind: kindToggle,
				get: func() string { return boolStr(len(c().Guardians) > 0 && c().Guardians[0].Given) },
				set: func(s string) {
					for i := range c().Guardians {
						c().Guardians[i].Given = s == "true"
					}
				}})
	}
	return fs
}

// withCheck adds a check, and for dates and times the tidying that goes
// with it.
func withCheck(f field, check func(string) string) field {
	f.check = check
	switch {
	case strings.Contains(f.hint, "MM-DD"):
		f.tidy = model.TidyDate
	case strings.Contains(f.hint, ":MM"):
		f.tidy = model.TidyClock
	}
	return f
}

func followUpFields(l model.Lang, v func() *model.Version) []field {
	f := func() *model.FollowUp { return &v().Content.FollowUp }
	return []field{
		withCheck(textField("content.follow_up.date", model.T(l, "Datum", "Date"), model.T(l, "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"), func() *string { return &f().Date }), dateCheck(l)),
		withCheck(textField("content.follow_up.time", model.T(l, "Tid", "Time"), model.T(l, "TT:MM", "HH:MM"), func() *string { return &f().Time }), clockCheck(l)),
		textField("content.follow_up.place", model.T(l, "Plats", "Place"), "", func() *string { return &f().Place }),
		textField("content.follow_up.attendees", model.T(l, "Vilka som deltar", "Who takes part"), "", func() *string { return &f().Attendees }),
		textField("content.follow_up.called_by", model.T(l, "Kallar till mötet", "Calls the meeting"), "", func() *string { return &f().CalledBy }),
		{path: "content.follow_up.none", label: model.T(l, "Blir det ett uppföljningsmöte?", "Will there be a follow-up meeting?"), kind: kindChoice,
			opts: []option{{"false", model.T(l, "ja, det bokas här", "yes, it is booked here")}, {"true", model.T(l, "nej — skriv varför och när uppdraget slutar", "no — write why and when the mandate ends")}},
			get:  func() string { return boolStr(f().None) }, set: func(s string) { f().None = s == "true" }},
		textField("content.follow_up.none_reason", model.T(l, "Varför ingen uppföljning", "Why no follow-up"), "", func() *string { return &f().NoneReason }),
		withCheck(textField("content.follow_up.mandate_ends", model.T(l, "Samordnarens uppdrag slutar", "The coordinator's mandate ends"), "", func() *string { return &f().MandateEnds }), dateCheck(l)),
	}
}

// textSectionFields are the sections that are free text.
func textSectionFields(id string, l model.Lang, v func() *model.Version) []field {
	c := func() *model.Content { return &v().Content }
	switch id {
	case secOwnWords:
		return []field{
			areaField("content.own_words", model.T(l, "Vad är viktigt för dig? Skriv med personens egna ord.", "What matters to you? In the person's own words."), "", func() *string { return &c().OwnWords }),
			textField("content.own_view_how", model.T(l, "Hur togs personens egen syn fram? (viktigt för barn)", "How was the person's own view found out? (important for a child)"),
				model.T(l, "t.ex. samtal med skolkuratorn", "e.g. a talk with the school counsellor"), func() *string { return &c().OwnViewHow }),
		}
	case secSituation:
		return []field{areaField("content.situation", model.T(l, "Hur det är nu, också det som fungerar", "Current situation, including what works"), "", func() *string { return &c().Situation })}
	case secNeeds:
		return []field{areaField("content.needs", model.T(l, "Behov, förutsättningar och intressen", "Needs, circumstances and interests"), "", func() *string { return &c().Needs })}
	case secNotAgreed:
		return []field{
			areaField("content.not_agreed", model.T(l, "Det vi inte kom överens om", "What we did not agree on"), "", func() *string { return &c().NotAgreed }),
			textField("content.consider_until", model.T(l, "Betänketid (till när, och svar till vem)", "Time to consider (until when, answer to whom)"), "", func() *string { return &c().ConsiderUntil }),
		}
	case secEvaluation:
		return []field{areaField("content.evaluation", model.T(l, "Hur kändes mötet? Allas röster.", "How did the meeting feel? Everyone's voice."), "", func() *string { return &c().Evaluation })}
	case secNotes:
		return []field{areaField("content.notes", model.T(l, "Anteckningar", "Notes"), "", func() *string { return &c().Notes })}
	case secMedication:
		return []field{
			areaField("content.medication", model.T(l, "Läkemedel (om det behövs)", "Medication (if relevant)"), "", func() *string { return &c().Medication }),
			areaField("content.devices", model.T(l, "Hjälpmedel (om det behövs)", "Assistive devices (if relevant)"), "", func() *string { return &c().Devices }),
		}
	}
	return nil
}

// addPresentUnits adds the unit of every present staff member that the
// consent does not name yet, so the secretary need not retype each name
// exactly as in the participant list.
func addPresentUnits(actors []string, v *model.Version) []string {
	for _, p := range v.Present() {
		name := p.Unit
		if name == "" && p.Principal == model.PrincipalOther {
			name = p.OtherParty
		}
		if p.Role != model.RoleStaff || name == "" || model.Covers(actors, name) {
			continue
		}
		actors = append(actors, name)
	}
	return actors
}

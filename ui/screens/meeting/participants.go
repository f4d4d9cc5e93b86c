package meeting

import (
	"reflect"
	"slices"
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
	"github.com/sipmote/sipmote/ui/screens/meeting/planfields"
)

// participantSpec is the participant list. A participant has many fields,
// so the form asks first what every row needs (name, role, where from,
// how they take part) and shows the rest only where the role or the
// attendance calls for it: the language for an interpreter, the mandate
// for a trustee, what was sent for someone absent. The quick row (a) adds
// a person from one typed line.
func participantSpec(l model.Lang, v func() *model.Version, hooks participantHooks) listSpec {
	ps := func() *[]model.Participant { return &v().Meeting.Participants }
	find := func(id string) int {
		for i, p := range *ps() {
			if p.ID == id {
				return i
			}
		}
		return -1
	}
	fresh := func(id string) model.Participant {
		return model.Participant{ID: id, Role: model.RoleStaff, Attendance: model.FormAttendance(v().Meeting.Form)}
	}
	// row returns the participant, creating it when asked to write.
	row := func(id string, create bool) *model.Participant {
		if i := find(id); i >= 0 {
			return &(*ps())[i]
		}
		if !create {
			p := fresh(id)
			return &p
		}
		*ps() = append(*ps(), fresh(id))
		return &(*ps())[len(*ps())-1]
	}
	str := func(id, path, label, hint string, sel func(*model.Participant) *string) components.Field {
		return components.Field{Path: "meeting.participants[]." + path, Label: label, Hint: hint, Kind: components.KindText,
			Get: func() string { return *sel(row(id, false)) },
			Set: func(s string) { *sel(row(id, true)) = s }}
	}
	flag := func(id, path, label string, sel func(*model.Participant) *bool) components.Field {
		return components.Field{Path: "meeting.participants[]." + path, Label: label, Kind: components.KindToggle,
			Get: func() string { return components.BoolStr(*sel(row(id, false))) },
			Set: func(s string) { *sel(row(id, true)) = s == "true" }}
	}
	roles := &roleRun{changed: hooks.roleChanged}
	return listSpec{
		id:       secParticipants,
		noun:     model.Text{SV: "deltagare", EN: "participant"},
		newRow:   model.Text{SV: "Ny deltagare", EN: "New participant"},
		labelCol: 1,
		headers:  []string{model.T(l, "Här", "Here"), model.T(l, "Namn", "Name"), model.T(l, "Roll", "Role"), model.T(l, "Verksamhet", "Unit"), model.T(l, "Kommun/region", "Organisation"), model.T(l, "Kontakt", "Contact")},
		count:    func() int { return len(*ps()) },
		rowID:    func(i int) string { return (*ps())[i].ID },
		indexOf:  find,
		remove:   func(i int) { *ps() = append((*ps())[:i], (*ps())[i+1:]...) },
		cells: func(i int) []string {
			p := (*ps())[i].Visible()
			contact := p.Phone
			if contact == "" {
				contact = p.Email
			}
			// The role without the title: "tolk (finska)", "god man".
			bare := p
			bare.Title = ""
			return []string{planfields.AttendanceShort(l, p), p.Name, bare.RoleText(l), p.Unit, model.PartyName(p.Principal, p.OtherParty, l), contact}
		},
		space: func(i int) func() {
			id, was := (*ps())[i].ID, (*ps())[i].Attendance
			planfields.ToggleAttendance(&(*ps())[i], v().Meeting.Form)
			return func() {
				if j := find(id); j >= 0 {
					(*ps())[j].Attendance = was
				}
			}
		},
		spaceHelp: model.Text{SV: "närvarande/frånvarande", EN: "present/absent"},
		quick: func(line string) bool {
			q := model.ParseQuickRowFor(line, v().Meeting.Form, hooks.words(), hooks.isChild())
			if q.OK {
				q.Participant.ID = model.NewID()
				*ps() = append(*ps(), q.Participant)
			}
			return q.OK
		},
		preview: func(line string) []string {
			return model.ParseQuickRowFor(line, v().Meeting.Form, hooks.words(), hooks.isChild()).Segments(l)
		},
		fields: func(id string) []components.Field {
			is := func(roles ...model.Role) func(p *model.Participant) bool {
				return func(p *model.Participant) bool { return slices.Contains(roleStrings(roles), string(p.Role)) }
			}
			// shows is whether the role has the field (model.Participant.Shows),
			// so that the form, the rules and the paper agree.
			shows := func(f model.ParticipantField) func(p *model.Participant) bool {
				return func(p *model.Participant) bool { return p.Shows(f) }
			}
			// onRow shows a field only while show holds for the row.
			onRow := func(f components.Field, show func(p *model.Participant) bool) components.Field {
				f.Hide = func() bool { return !show(row(id, false)) }
				return f
			}
			present := func(p *model.Participant) bool { return p.IsPresent() }
			absent := func(p *model.Participant) bool { return !p.IsPresent() }
			name := str(id, "name", model.T(l, "Namn", "Name"), model.T(l, "t.ex. Eva Lind", "e.g. Eva Lind"), func(p *model.Participant) *string { return &p.Name })
			// A quick row typed into the name is read as the quick row
			// reads it when the name is left, on a row whose other
			// fields are as a new row has them; until then a line under
			// the name says what it will be (tryout42a #11).
			name.Note = func() string {
				if q, ok := quickInName(row(id, false), fresh(id), v().Meeting.Form, hooks.words()); ok {
					return model.T(l, "Läses som snabbrad när du lämnar fältet: ", "Read as a quick row when you leave the field: ") + strings.Join(q.Segments(l), " · ")
				}
				return ""
			}
			name.Leave = func() bool {
				p := row(id, false)
				q, ok := quickInName(p, fresh(id), v().Meeting.Form, hooks.words())
				if !ok || find(id) < 0 {
					return false
				}
				got := q.Participant
				got.ID = id
				*row(id, true) = got
				return true
			}
			name.Check = func(s string) string {
				if _, ok := quickInName(row(id, false), fresh(id), v().Meeting.Form, hooks.words()); ok {
					return ""
				}
				return quickLineInName(l, s, hooks.words())
			}
			fs := []components.Field{
				name,
				{Path: "meeting.participants[].role", Label: model.T(l, "Roll", "Role"), Kind: components.KindChoice, Opts: components.RoleOpts(l),
					Get: func() string { return string(row(id, false).Role) }, Set: func(s string) { roles.set(row(id, true), model.Role(s)) }},
				onRow(str(id, "language", model.T(l, "Språk som tolkas", "Language interpreted"), model.T(l, "t.ex. finska", "e.g. Finnish"),
					func(p *model.Participant) *string { return &p.Language }), shows(model.FieldLanguage)),
				onRow(components.Field{Path: "meeting.participants[].trustee_kind", Label: model.T(l, "God man eller förvaltare", "God man or förvaltare"), Kind: components.KindChoice,
					Opts: []components.Option{{Value: "", Label: "—"}, {Value: string(model.TrusteeGodMan), Label: model.TrusteeGodMan.Label(l)}, {Value: string(model.TrusteeForvaltare), Label: model.TrusteeForvaltare.Label(l)}},
					Get:  func() string { return string(row(id, false).TrusteeKind) }, Set: func(s string) { row(id, true).TrusteeKind = model.TrusteeKind(s) }},
					shows(model.FieldTrustee)),
			}
			for _, a := range model.TrusteeAreas {
				fs = append(fs, onRow(components.Field{Path: "meeting.participants[].trustee_for", Label: model.T(l, "Uppdrag: ", "Mandate: ") + a.Label(l), Kind: components.KindToggle,
					Get: func() string { return components.BoolStr(hasArea(row(id, false).TrusteeFor, a)) },
					Set: func(s string) { p := row(id, true); p.TrusteeFor = setArea(p.TrusteeFor, a, s == "true") }},
					shows(model.FieldTrustee)))
			}
			fs = append(fs,
				onRow(str(id, "unit", model.T(l, "Verksamhet", "Unit"), model.T(l, "t.ex. Vårdcentralen Norr", "e.g. Health centre North"),
					func(p *model.Participant) *string { return &p.Unit }),
					shows(model.FieldUnit)),
				onRow(components.Field{Path: "meeting.participants[].principal", Label: model.T(l, "Kommun eller region (eller annan organisation)", "Municipality or region (or other organisation)"), Kind: components.KindChoice, Opts: components.PrincipalOpts(l),
					Get: func() string { return string(row(id, false).Principal) }, Set: func(s string) { row(id, true).Principal = model.Principal(s) }},
					// Staff of another party have "other" by their role: not asked.
					is(model.RoleStaff, model.RoleOther)),
				onRow(str(id, "other_party", model.T(l, "Vilken annan organisation", "Which other organisation"), model.T(l, "t.ex. Försäkringskassan, skolan", "e.g. Försäkringskassan, the school"),
					func(p *model.Participant) *string { return &p.OtherParty }),
					shows(model.FieldOtherParty)),
				onRow(components.Field{Path: "meeting.participants[].funded_by", Label: model.T(l, "Privat utförare: anlitad av", "Private provider: funded by"), Kind: components.KindChoice,
					Opts: []components.Option{{Value: "", Label: "—"}, {Value: string(model.PrincipalKommun), Label: model.PrincipalKommun.Label(l)}, {Value: string(model.PrincipalRegion), Label: model.PrincipalRegion.Label(l)}},
					Get:  func() string { return string(row(id, false).FundedBy) }, Set: func(s string) { row(id, true).FundedBy = model.Principal(s) }},
					shows(model.FieldFundedBy)),
				str(id, "title", model.T(l, "Titel eller relation", "Title or relation"), model.T(l, "t.ex. läkare, mamma", "e.g. doctor, mother"), func(p *model.Participant) *string { return &p.Title }),
				components.Field{Path: "meeting.participants[].attendance", Label: model.T(l, "Deltar", "Takes part"), Kind: components.KindChoice, Opts: planfields.AttendanceOpts(l),
					Get: func() string { return string(row(id, false).Attendance) }, Set: func(s string) { row(id, true).Attendance = model.Attendance(s) }},
				onRow(components.Field{Path: "meeting.participants[].left", Label: model.T(l, "Gick före slutet (tid eller anteckning)", "Left before the end (time or note)"),
					Hint: model.T(l, "t.ex. 13:20", "e.g. 13:20"), Kind: components.KindText,
					Get: func() string { return row(id, false).Left.String() },
					Set: func(s string) { p := row(id, true); p.Left = keepStep(p.Left, model.ParseLeaving(s)) }},
					present),
				onRow(components.Field{Path: "meeting.participants[].written_input", Label: model.T(l, "Skriftligt underlag (det hen skickade)", "Written input (what they sent)"), Kind: components.KindArea,
					Get: func() string { return row(id, false).WrittenInput }, Set: func(s string) { row(id, true).WrittenInput = s }},
					absent),
				flag(id, "invited", model.T(l, "Kallad", "Invited"), func(p *model.Participant) *bool { return &p.Invited }),
				flag(id, "confirmed", model.T(l, "Har bekräftat", "Confirmed"), func(p *model.Participant) *bool { return &p.Confirmed }),
				components.Field{Path: "meeting.participants[].signs", Label: model.T(l, "Underskrift", "Signature"), Kind: components.KindChoice,
					Opts: signOpts(l, func() *model.Participant { return row(id, false) }),
					Get:  func() string { return string(row(id, false).Signs) }, Set: func(s string) { row(id, true).Signs = model.Signing(s) }},
				str(id, "phone", model.T(l, "Telefon", "Phone"), "", func(p *model.Participant) *string { return &p.Phone }),
				str(id, "email", model.T(l, "E-post", "E-mail"), "", func(p *model.Participant) *string { return &p.Email }),
				str(id, "presence_note", model.T(l, "Annat om närvaron", "Other notes on attendance"), model.T(l, "t.ex. de första 20 minuterna", "e.g. the first 20 minutes"),
					func(p *model.Participant) *string { return &p.PresenceNote }),
			)
			return fs
		},
	}
}

func roleStrings(rs []model.Role) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = string(r)
	}
	return out
}

func hasArea(as []model.TrusteeArea, a model.TrusteeArea) bool {
	for _, x := range as {
		if x == a {
			return true
		}
	}
	return false
}

// setArea turns an area of a trustee's mandate on or off, keeping the
// order of model.TrusteeAreas.
func setArea(as []model.TrusteeArea, a model.TrusteeArea, on bool) []model.TrusteeArea {
	var out []model.TrusteeArea
	for _, x := range model.TrusteeAreas {
		if x == a && on || x != a && hasArea(as, x) {
			out = append(out, x)
		}
	}
	return out
}

// keepStep keeps the agenda step a leaving was marked at when the time or
// note is retyped, so that the rounds still know where it fell.
func keepStep(old, new *model.Leaving) *model.Leaving {
	if old != nil && new != nil && new.Step == "" {
		new.Step = old.Step
	}
	return new
}

// signOpts offers the signing choices; the first says what the role and
// the attendance give when nothing is chosen.
func signOpts(l model.Lang, pt func() *model.Participant) []components.Option {
	p := *pt()
	p.Signs = ""
	out := []components.Option{{Value: "", Label: model.T(l, "som rollen ger: ", "as the role gives: ") + p.Signing().Label(l)}}
	for _, s := range model.Signings {
		out = append(out, components.Option{Value: string(s), Label: s.Label(l)})
	}
	return out
}

// quickLineInName says, under a participant's name, that what follows its
// comma is a role or a way of taking part, which the form does not read
// from the name: the quick row does (tryout42a #11).
func quickLineInName(l model.Lang, name string, words []model.QuickWord) string {
	if !strings.ContainsAny(name, ",;(") || !model.QuickRowKnown(name, words) {
		return ""
	}
	return model.T(l, "Efter kommat står en roll eller närvaro, som här blir en del av namnet. Välj dem nedan, eller: esc, delete och skriv raden i listan.",
		"After the comma is a role or attendance, which here becomes part of the name. Choose them below, or: esc, delete and type the row on the list.")
}

// quickInName reads a participant's name as a quick row when it holds
// one ("Nora Lund, den enskilde") and the row is otherwise as a new row
// has it, so that nothing chosen in the form is overwritten.
func quickInName(p *model.Participant, fresh model.Participant, form model.MeetingForm, words []model.QuickWord) (model.QuickRow, bool) {
	if !strings.ContainsAny(p.Name, ",;(") || !model.QuickRowKnown(p.Name, words) {
		return model.QuickRow{}, false
	}
	bare := *p
	bare.Name = fresh.Name
	if !reflect.DeepEqual(bare, fresh) {
		return model.QuickRow{}, false
	}
	q := model.ParseQuickRow(p.Name, form, words)
	return q, q.OK
}

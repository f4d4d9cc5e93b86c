package meeting

import (
	"strconv"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/components"
	"github.com/sipmote/sipmote/ui/screens/meeting/planfields"
)

// The three list sections. Rows are found by id on every access, so a row
// removed elsewhere (another screen, later) can never be written to by a
// stale index.

func goalSpec(l model.Lang, v func() *model.Version) listSpec {
	gs := func() *[]model.Goal { return &v().Content.Goals }
	find := func(id string) int {
		for i, g := range *gs() {
			if g.ID == id {
				return i
			}
		}
		return -1
	}
	return listSpec{
		id:       secGoals,
		noun:     model.Text{SV: "mål", EN: "goal"},
		newRow:   model.Text{SV: "Nytt mål", EN: "New goal"},
		labelCol: 1,
		headers:  []string{"#", model.T(l, "Mål", "Goal")},
		count:    func() int { return len(*gs()) },
		rowID:    func(i int) string { return (*gs())[i].ID },
		indexOf:  find,
		remove:   func(i int) { *gs() = append((*gs())[:i], (*gs())[i+1:]...) },
		cells:    func(i int) []string { return []string{strconv.Itoa(i + 1), (*gs())[i].Text} },
		fields: func(id string) []components.Field {
			return []components.Field{{Path: "content.goals[].text", Label: model.T(l, "Målet, gärna med den enskildes ord", "The goal, in the person's words where possible"),
				Hint: model.T(l, "t.ex. Egen lägenhet inom ett år", "e.g. Own flat within a year"), Kind: components.KindText,
				Get: func() string {
					if i := find(id); i >= 0 {
						return (*gs())[i].Text
					}
					return ""
				},
				Set: func(s string) {
					if i := find(id); i >= 0 {
						(*gs())[i].Text = s
						return
					}
					*gs() = append(*gs(), model.Goal{ID: id, Text: s})
				}}}
		},
	}
}

func actionSpec(l model.Lang, v func() *model.Version) listSpec {
	as := func() *[]model.Action { return &v().Content.Actions }
	find := func(id string) int {
		for i, a := range *as() {
			if a.ID == id {
				return i
			}
		}
		return -1
	}
	row := func(id string, create bool) *model.Action {
		if i := find(id); i >= 0 {
			return &(*as())[i]
		}
		if !create {
			return &model.Action{Status: model.ActionPlanned}
		}
		*as() = append(*as(), model.Action{ID: id, Status: model.ActionPlanned})
		return &(*as())[len(*as())-1]
	}
	str := func(id, path, label, hint string, sel func(*model.Action) *string) components.Field {
		return components.Field{Path: "content.actions[]." + path, Label: label, Hint: hint, Kind: components.KindText,
			Get: func() string { return *sel(row(id, false)) },
			Set: func(s string) { *sel(row(id, true)) = s }}
	}
	goalNo := func(a model.Action) string { return a.GoalNumbers(v().Content.Goals) }
	return listSpec{
		id:      secActions,
		noun:    model.Text{SV: "insats eller åtgärd", EN: "action"},
		newRow:  model.Text{SV: "Ny insats eller åtgärd", EN: "New action"},
		headers: []string{model.T(l, "Vad", "What"), model.T(l, "Verksamhet", "Unit"), model.T(l, "Ansvarig", "Responsible"), model.T(l, "När", "When"), model.T(l, "Status", "Status"), model.T(l, "Mål", "Goal")},
		count:   func() int { return len(*as()) },
		rowID:   func(i int) string { return (*as())[i].ID },
		indexOf: find,
		remove:  func(i int) { *as() = append((*as())[:i], (*as())[i+1:]...) },
		cells: func(i int) []string {
			a := (*as())[i]
			return []string{a.What, a.Unit, a.Responsible, a.When, a.Status.Label(l), goalNo(a)}
		},
		fields: func(id string) []components.Field {
			return []components.Field{
				str(id, "what", model.T(l, "Vad ska göras", "What will be done"), model.T(l, "t.ex. Boendestöd", "e.g. Housing support"), func(a *model.Action) *string { return &a.What }),
				str(id, "unit", model.T(l, "Verksamhet", "Unit"), model.T(l, "behövs inte för den enskildes eller en närståendes egen insats", "not needed for the person's or a relative's own action"), func(a *model.Action) *string { return &a.Unit }),
				withFill(str(id, "responsible", model.T(l, "Ansvarig person", "Responsible person"), model.T(l, "en av deltagarna, eller annan", "one of the participants, or another"), func(a *model.Action) *string { return &a.Responsible }),
					func() { fillFromParticipant(row(id, true), v()) }),
				planfields.ActionContactField(l, v, func(create bool) *model.Action { return row(id, create) }),
				{Path: "content.actions[].principal", Label: model.T(l, "Kommun eller region (eller annan organisation)", "Municipality or region (or other organisation)"), Kind: components.KindChoice, Opts: components.PrincipalOpts(l),
					Get: func() string { return string(row(id, false).Principal) }, Set: func(s string) { row(id, true).Principal = model.Principal(s) }},
				// Asked only when another organisation is chosen: for
				// kommun or region there is nothing to name.
				withHide(str(id, "other_party", model.T(l, "Vilken annan organisation", "Which other organisation"), model.T(l, "t.ex. Försäkringskassan", "e.g. Försäkringskassan"),
					func(a *model.Action) *string { return &a.OtherParty }),
					func() bool { return row(id, false).Principal != model.PrincipalOther }),
				str(id, "when", model.T(l, "När / hur ofta", "When / how often"), model.T(l, "t.ex. varje tisdag", "e.g. every Tuesday"), func(a *model.Action) *string { return &a.When }),
				components.WithCheck(str(id, "start", model.T(l, "Börjar (datum, om det finns)", "Starts (date, if there is one)"), model.T(l, "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"), func(a *model.Action) *string { return &a.Start }), components.DateCheck(l)),
				components.WithCheck(str(id, "due", model.T(l, "Klar senast (datum, om det finns)", "Due (date, if there is one)"), model.T(l, "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"), func(a *model.Action) *string { return &a.Due }), components.DateCheck(l)),
				{Path: "content.actions[].status", Label: model.T(l, "Status", "Status"), Kind: components.KindChoice, Opts: components.StatusOpts(l),
					Get: func() string { return string(row(id, false).Status) }, Set: func(s string) { row(id, true).Status = model.ActionStatus(s) }},
				planfields.GoalsField(l, v, func(create bool) *model.Action { return row(id, create) }),
			}
		},
	}
}

// withHide hides the field while hide says so.
func withHide(f components.Field, hide func() bool) components.Field {
	f.Hide = hide
	return f
}

// withFill runs fill after every write of the field.
func withFill(f components.Field, fill func()) components.Field {
	set := f.Set
	f.Set = func(s string) {
		set(s)
		fill()
	}
	return f
}

// fillFromParticipant gives an action the unit and principal of its
// responsible person when that person is a participant and the action has
// none yet, so the secretary does not type them twice.
func fillFromParticipant(a *model.Action, v *model.Version) {
	// With several people responsible, the first who is a participant
	// and has a unit gives it ("Omar Haddad och Göran Lindqvist").
	for _, r := range v.ResponsibleOf(*a) {
		if r.Participant == nil {
			continue
		}
		// Only what the form shows: a relative's unit left from before
		// a role change is no unit of theirs.
		p := r.Participant.Visible()
		if p.Unit == "" && p.Principal == "" {
			continue
		}
		if a.Unit == "" {
			a.Unit = p.Unit
		}
		if a.Principal == "" {
			a.Principal, a.OtherParty = p.Principal, p.OtherParty
		}
		return
	}
}

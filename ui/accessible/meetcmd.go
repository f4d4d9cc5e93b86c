package accessible

import (
	"errors"
	"fmt"
	"github.com/sipmote/sipmote/ui/components"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// command runs a meeting command.
func (m *meeting) command(c cmd, arg string) {
	r, l := m.r, m.l
	switch c {
	case cmdNext:
		m.goStep(m.step+1, true)
	case cmdPrev:
		m.goStep(m.step-1, true)
	case cmdStep:
		if arg == "" {
			m.agenda()
			return
		}
		n, ok := number(arg, len(m.steps))
		if !ok {
			r.say(model.T(l, "Dagordningen har punkt 1 till ", "The agenda has steps 1 to ") + itoa(len(m.steps)) + ".")
			return
		}
		m.goStep(n-1, true)
	case cmdRead:
		m.read()
	case cmdField:
		m.goField(arg)
	case cmdRow:
		m.goRow(arg)
	case cmdNew:
		m.newRow()
	case cmdSection:
		m.goSection(arg)
	case cmdDone:
		m.done()
	case cmdTime:
		m.clocks()
	case cmdStart:
		m.start()
	case cmdFindings:
		if arg != "" {
			m.goFinding(arg)
			return
		}
		m.findings()
	case cmdRemove:
		m.removeRow(arg)
	case cmdCopies:
		m.copies(arg)
	case cmdRound:
		m.round(arg)
	case cmdPlan:
		m.readPlan()
	case cmdTrail:
		r.trail(m.sess.PlanID())
	case cmdChecklist:
		m.checklist(arg)
	case cmdUndoStart:
		m.undoStart()
	case cmdFinalise:
		m.finalise()
	case cmdPrint:
		m.print()
	case cmdShow:
		m.show()
	case cmdShare:
		m.share()
	case cmdUnshare:
		m.unshare()
	default:
		r.sayT("Det kommandot hör till listan över planer; :lista går dit.", "That command belongs to the list of plans; :list goes there.")
	}
}

// goStep moves the agenda to step i, for every view of the meeting, and
// says the step in one line.
func (m *meeting) goStep(i int, moved bool) {
	if len(m.steps) == 0 {
		m.r.say(m.view0(m.focusLine))
		return
	}
	if i < 0 || i >= len(m.steps) {
		m.r.sayT("Det finns ingen punkt åt det hållet. :punkt läser dagordningen.", "There is no step that way. :step reads the agenda.")
		return
	}
	m.step = i
	m.focusStep()
	if !m.readOnly {
		m.edit(func(*model.Plan) { m.view.MoveStep(m.steps[i].ID) })
	}
	var line string
	m.view.Read(func(*model.Plan) { line = m.stepLine() })
	m.r.say(line)
}

// view0 runs f inside Read and gives its answer.
func (m *meeting) view0(f func() string) string {
	var s string
	m.view.Read(func(*model.Plan) { s = f() })
	return s
}

// focusStep puts the focus on the step's section, first field.
func (m *meeting) focusStep() {
	id := m.steps[m.step].Section
	for i, s := range m.sections {
		if s.ID == id {
			m.sec, m.row, m.field = i, "", 0
		}
	}
}

// stepLine is a step in one line: its number, title, time and field.
// Inside Read or Edit.
func (m *meeting) stepLine() string {
	l := m.l
	st := m.steps[m.step]
	s := model.T(l, "Punkt ", "Step ") + itoa(m.step+1) + model.T(l, " av ", " of ") + itoa(len(m.steps)) + ": " + stop(st.Title.In(l))
	if v := m.view.Plan().Current(); v != nil && v.Meeting.Minutes > 0 {
		b := m.budgets(v)
		if mins := int(b[m.step].Now.Round(time.Minute).Minutes()); mins > 0 {
			s += " " + model.Plural(l, mins, "%d minut", "%d minuter", "%d minute", "%d minutes") + "."
		}
		if v.Agenda[st.ID].Done {
			s += model.T(l, " Klar.", " Done.")
		}
	}
	return s + " " + m.fieldState()
}

// fieldState says in a few words what the focus holds.
func (m *meeting) fieldState() string {
	l := m.l
	fs := m.visible()
	if len(fs) == 0 {
		return m.emptyFocus()
	}
	f := fs[min(m.field, len(fs)-1)]
	switch {
	case f.Private:
		return model.T(l, "Fältet ", "The field ") + f.Label + model.T(l, " är dolt.", " is hidden.")
	case m.valueText(f) == "":
		return model.T(l, "Fältet ", "The field ") + f.Label + model.T(l, " är tomt.", " is empty.")
	}
	if f.Kind != components.KindArea {
		return model.T(l, "Fältet ", "The field ") + stop(f.Label+": "+m.valueText(f))
	}
	return model.T(l, "Fältet ", "The field ") + f.Label + model.T(l, " har text. :läs läser det.", " has text. :read reads it.")
}

// budgets are the steps' times as the full screen's agenda gives them.
func (m *meeting) budgets(v *model.Version) []model.Budget {
	times := make([]model.StepTime, len(m.steps))
	for i, s := range m.steps {
		times[i] = model.StepTime{ID: s.ID, Share: s.Share}
	}
	return model.Budgets(time.Duration(v.Meeting.Minutes)*time.Minute, times, m.step, v)
}

// agenda reads the steps, the one open marked.
func (m *meeting) agenda() {
	m.view.Read(func(p *model.Plan) {
		v := p.Current()
		for i, st := range m.steps {
			s := itoa(i+1) + ". " + st.Title.In(m.l)
			if v != nil && v.Agenda[st.ID].Done {
				s += model.T(m.l, ", klar", ", done")
			}
			if i == m.step {
				s += model.T(m.l, " (nu)", " (now)")
			}
			m.r.say(s)
		}
	})
}

// goSection puts the focus on section N; without N it lists them.
func (m *meeting) goSection(arg string) {
	if arg == "" {
		for i, s := range m.sections {
			m.r.say(itoa(i+1) + ". " + s.Label)
		}
		return
	}
	n, ok := number(arg, len(m.sections))
	if !ok {
		m.r.say(model.T(m.l, "Planen har del 1 till ", "The plan has sections 1 to ") + itoa(len(m.sections)) + ".")
		return
	}
	m.sec, m.row, m.field = n-1, "", 0
	m.r.say(model.T(m.l, "Del ", "Section ") + itoa(n) + ": " + m.sections[n-1].Label + ". " + m.view0(m.focusLine))
}

// goField puts the focus on field N; without N it lists the fields.
func (m *meeting) goField(arg string) {
	m.view.Read(func(*model.Plan) {
		fs := m.visible()
		if len(fs) == 0 {
			m.r.say(m.emptyFocus())
			return
		}
		if arg == "" {
			for i, f := range fs {
				m.r.say(itoa(i+1) + ". " + f.Label)
			}
			return
		}
		n, ok := number(arg, len(fs))
		if !ok {
			m.r.say(model.T(m.l, "Här finns fält 1 till ", "Here are fields 1 to ") + itoa(len(fs)) + ".")
			return
		}
		m.field = n - 1
		m.r.say(m.focusLine())
	})
}

// goRow opens row N of the list in focus.
func (m *meeting) goRow(arg string) {
	s := m.section()
	if s.Rows == nil {
		m.r.sayT("Delen i fokus är ingen lista.", "The section in focus is not a list.")
		return
	}
	m.view.Read(func(*model.Plan) {
		n, ok := number(arg, s.Rows.Count())
		if !ok {
			m.r.say(model.T(m.l, "Listan har rad 1 till ", "The list has rows 1 to ") + itoa(s.Rows.Count()) + ".")
			return
		}
		m.row, m.field = s.Rows.RowID(n-1), 0
		m.r.say(model.T(m.l, "Rad ", "Row ") + itoa(n) + ": " + s.Rows.Line(n-1) + ". " + m.focusLine())
	})
}

// newRow starts a new row of the list in focus; it exists once typed in.
func (m *meeting) newRow() {
	s := m.section()
	if s.Rows == nil {
		m.r.sayT("Delen i fokus är ingen lista. :ny lägger till under Deltagare, Mål och Vem gör vad.",
			"The section in focus is not a list. :new adds under Participants, Goals and Who does what.")
		return
	}
	if m.readOnly {
		m.r.sayT("Planen kan inte ändras.", "The plan cannot be changed.")
		return
	}
	m.row, m.field = model.NewID(), 0
	m.r.say(model.T(m.l, "Ny rad: ", "New row: ") + s.Rows.Noun.In(m.l) + ". " + m.view0(m.focusLine))
}

// done marks the step done, or not done again, as the chair's key does;
// done moves the agenda on.
func (m *meeting) done() {
	if len(m.steps) == 0 || m.readOnly {
		m.r.sayT("Det finns ingen punkt att markera.", "There is no step to mark.")
		return
	}
	var isDone bool
	m.edit(func(*model.Plan) {
		v := m.view.Draft()
		if v == nil {
			return
		}
		id := m.steps[m.step].ID
		if v.Agenda == nil {
			v.Agenda = map[string]model.StepState{}
		}
		st := v.Agenda[id]
		st.Done = !st.Done
		v.Agenda[id] = st
		isDone = st.Done
		m.view.Changed("")
	})
	if !isDone {
		m.r.sayT("Punkten är inte längre markerad klar.", "The step is no longer marked done.")
		return
	}
	m.r.say(model.T(m.l, "Punkt ", "Step ") + itoa(m.step+1) + model.T(m.l, " är klar.", " is done."))
	if m.step+1 < len(m.steps) {
		m.goStep(m.step+1, true)
	}
}

// clocks says the time of day, the meeting's and the step's.
func (m *meeting) clocks() {
	l := m.l
	m.view.Read(func(p *model.Plan) {
		s := model.T(l, "Klockan är ", "The time is ") + m.r.o.Now().Format("15:04") + "."
		v := p.Current()
		switch {
		case v == nil:
		case !v.Started():
			s += model.T(l, " Mötet har inte startat; :starta startar dess klocka.", " The meeting has not started; :start starts its clock.")
		default:
			s += fmt.Sprintf(model.T(l, " Mötet: %d av %d minuter.", " Meeting: %d of %d minutes."), int(v.Elapsed().Minutes()), v.Meeting.Minutes)
			if len(m.steps) > 0 {
				b := m.budgets(v)[m.step]
				s += fmt.Sprintf(model.T(l, " Den här punkten: %d av %d minuter.", " This step: %d of %d minutes."), int(b.Used.Minutes()), int(b.Now.Round(time.Minute).Minutes()))
				if b.Over() {
					s += model.T(l, " Punkten har dragit över tiden.", " The step has run over its time.")
				}
			}
		}
		m.r.say(s)
	})
}

// start starts the meeting's clock.
func (m *meeting) start() {
	said := model.T(m.l, "Mötet har redan startat. :ångra start tar tillbaka en start i onödan.", "The meeting has already started. :undo start takes back a false start.")
	m.edit(func(*model.Plan) {
		v := m.view.Draft()
		if v == nil {
			said = model.T(m.l, "Planen kan inte ändras.", "The plan cannot be changed.")
			return
		}
		if v.Started() {
			return
		}
		was := v.StartMeeting(m.r.o.Now())
		m.lastTick = m.r.o.Now()
		m.view.Changed("")
		said = model.T(m.l, "Mötet har startat; klockan går.", "The meeting has started; the clock runs.")
		if was != "" {
			said += model.T(m.l, " Planen har nu starttiden ", " The plan now has the start time ") + v.Meeting.Start + model.T(m.l, " (bokat ", " (booked ") + was + ")."
		}
	})
	m.r.say(said)
}

// findings says what the plan lacks, errors first, each with its section.
func (m *meeting) findings() {
	l := m.l
	var fs []model.Finding
	m.view.Read(func(*model.Plan) { fs = m.view.Findings() })
	if len(fs) == 0 {
		m.r.sayT("Planen saknar inget som går att kontrollera.", "The plan lacks nothing that can be checked.")
		return
	}
	m.r.say(model.Plural(l, len(fs), "%d sak att se över", "%d saker att se över", "%d thing to look at", "%d things to look at") +
		model.T(l, "; :fynd N går dit:", "; :findings N goes there:"))
	m.said = nil
	n := 0
	rank := func(s model.Severity) int {
		switch s {
		case model.SevError:
			return 0
		case model.SevWarning:
			return 1
		}
		return 2 // a notice, or anything newer: said last, never left out
	}
	for pass := range 3 {
		for _, f := range fs {
			if rank(f.Severity) != pass {
				continue
			}
			sev := f.Severity
			n++
			kind := sev.Label(l)
			if sev == model.SevError {
				kind = model.T(l, "Fel, hindrar fastställandet", "Error, blocks finalising")
			}
			m.r.say(itoa(n) + ". " + kind + ". " + m.sectionName(model.SectionOf(f.Path)) + ": " + f.Message.In(l))
			m.said = append(m.said, f)
		}
	}
}

// sectionName is a section's name with its number for :del N.
func (m *meeting) sectionName(id string) string {
	for i, s := range m.sections {
		if s.ID == id {
			return s.Label + model.T(m.l, " (del ", " (section ") + itoa(i+1) + ")"
		}
	}
	return model.SectionLabel(id, m.l)
}

// finalise freezes the draft as the full screen does, and says so once
// the version is on disk.
func (m *meeting) finalise() {
	l := m.l
	if m.readOnly {
		m.r.sayT("Planen är redan fastställd eller avslutad.", "The plan is already finalised or closed.")
		return
	}
	var err error
	var fs []model.Finding
	number := 0
	m.edit(func(p *model.Plan) { fs, err = m.view.Finalise(); number = p.VersionNumber() })
	switch {
	case errors.Is(err, model.ErrBlocked):
		// The shared error text names the full screen's key; here the
		// findings are a command.
		n := 0
		for _, f := range fs {
			if f.Severity == model.SevError {
				n++
			}
		}
		m.r.say(model.T(l, "Planen kunde inte fastställas: ", "The plan could not be finalised: ") +
			model.Plural(l, n, "%d fel måste rättas först.", "%d fel måste rättas först.", "%d error must be fixed first.", "%d errors must be fixed first.") +
			model.T(l, " :fynd säger vilka.", " :findings says which."))
		return
	case err != nil:
		m.r.say(model.T(l, "Planen kunde inte fastställas: ", "The plan could not be finalised: ") + common.ErrText(l, err))
		return
	}
	m.readOnly = true
	m.r.sayT("Fastställer…", "Finalising…")
	s := m.sess
	m.r.async(func() func() {
		err := s.Flush()
		return func() {
			if err != nil {
				m.r.say(model.T(l, "Versionen är inte sparad ännu: ", "The version is not saved yet: ") + common.ErrText(l, err))
				return
			}
			m.r.say(fmt.Sprintf(model.T(l, "Version %d är fastställd och sparad. :skriv ut skriver ut den.", "Version %d is finalised and saved. :print prints it."), number))
		}
	})
}

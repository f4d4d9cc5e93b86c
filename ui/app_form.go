package ui

import (
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/closeplan"
	"github.com/sipmote/sipmote/ui/screens/newplan"
)

// The new-plan form is saved as it is typed, like everything else: every
// save tick writes it if it changed, so a crash or a closed window a second
// after typing loses nothing. It is given back at the next start, and
// cleared when it becomes a plan or is thrown away (after a question).

// formNewPlan is the store's name of the new-plan form.
const formNewPlan = "new-plan"

type (
	// formTickMsg is the new-plan form's save tick; gen tells a tick of an
	// earlier form from the current one's.
	formTickMsg struct{ gen int }
	// formSavedMsg reports one write of the form.
	formSavedMsg struct {
		gen int
		at  time.Time
		err error
		// left: the write esc asked for, whose outcome the home screen
		// says (it says "kept" only once it is).
		left bool
	}
	// formClearedMsg reports clearing the form from the disk.
	formClearedMsg struct{ err error }
)

// formDrafts writes the form in the order the screen asked, though each
// write runs in a command of its own: a slow save finishing after a later
// clear must not bring the form back.
type formDrafts struct {
	mu   sync.Mutex
	seq  int // the last write asked for
	done int // the last write made
}

func (f *formDrafts) next() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seq++
	return f.seq
}

// write runs fn for write number n unless a later write has been made.
func (f *formDrafts) write(n int, fn func() error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if n < f.done {
		return nil
	}
	f.done = n
	return fn()
}

// loadFormDraft reads a form left at the last run, before the program
// starts, and tells the home screen.
func (m *Model) loadFormDraft() {
	var in newplan.Input
	at, ok, err := m.o.Service.LoadForm(formNewPlan, &in)
	if err != nil || !ok {
		return
	}
	m.formDraft, m.formAt = &in, at
	msg := model.T(m.o.Lang, "Ett påbörjat formulär för en ny SIP är sparat (", "A new-plan form begun earlier is kept (") +
		at.Format("2006-01-02 15:04") + model.T(m.o.Lang, "). Tryck n för att fortsätta med det.", "). Press n to go on with it.")
	if m.home.Message != "" {
		msg = m.home.Message + "  " + msg
	}
	m.home.Message = msg
}

// startForm opens the new-plan form, with the kept one when there is one,
// and starts its save tick.
func (m *Model) startForm() tea.Cmd {
	m.newPlan = newplan.New(m.o.Lang, &m.st, m.o.Now)
	m.newPlan.Exists = m.home.SamePerson
	m.newPlan.EasyLangs = m.o.EasyReadLangs
	if m.formDraft != nil {
		m.newPlan.Restore(*m.formDraft, m.formAt)
	}
	m.newPlan.SetSize(m.width, m.height)
	m.screen = screenNew
	m.formGen++
	return tea.Batch(m.newPlan.Form.FocusField(0, -1), m.formTick())
}

func (m *Model) formTick() tea.Cmd {
	gen := m.formGen
	return tea.Tick(service.SaveInterval, func(time.Time) tea.Msg { return formTickMsg{gen} })
}

// saveForm writes the form as it is now, if it changed.
func (m *Model) saveForm() tea.Cmd { return m.writeForm(false) }

// writeForm is saveForm; left marks the write made on leaving the form.
func (m *Model) writeForm(left bool) tea.Cmd {
	np := m.newPlan
	if np == nil || !np.Dirty {
		return nil
	}
	np.Dirty = false
	in, db, gen, at := np.In, m.o.Service, m.formGen, m.o.Now()
	m.formDraft, m.formAt = &in, at
	n := m.formWrites.next()
	return func() tea.Msg {
		err := m.formWrites.write(n, func() error { return db.SaveForm(formNewPlan, in, at) })
		return formSavedMsg{gen: gen, at: at, err: err, left: left}
	}
}

// clearForm forgets the form, in memory at once and on disk in order.
func (m *Model) clearForm() tea.Cmd {
	m.formDraft = nil
	db := m.o.Service
	n := m.formWrites.next()
	return func() tea.Msg {
		return formClearedMsg{m.formWrites.write(n, func() error { return db.ClearForm(formNewPlan) })}
	}
}

// updateForm handles the messages of the form's saving; ok is false for
// any other message.
func (m *Model) updateForm(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case formTickMsg:
		if msg.gen != m.formGen || m.screen != screenNew {
			return nil, true // the form is gone; its tick ends
		}
		return tea.Batch(m.saveForm(), m.formTick()), true
	case formSavedMsg:
		if np := m.newPlan; np != nil && msg.gen == m.formGen {
			np.SaveErr = msg.err != nil
			if msg.err != nil {
				np.SaveText = common.SaveErrorText(m.o.Lang, msg.err)
				np.Dirty = true // try again at the next tick
			} else {
				np.SaveText = model.T(m.o.Lang, "Formuläret sparat ", "Form saved ") + msg.at.Format("15:04:05")
			}
		}
		switch {
		case msg.err != nil && m.screen == screenHome:
			m.home.Message = model.T(m.o.Lang, "Formuläret kunde inte sparas: ", "The form could not be saved: ") + common.ErrText(m.o.Lang, msg.err)
			if !service.Refused(msg.err) {
				// n gives it back from memory, and saves it again.
				m.home.Message += model.T(m.o.Lang, " Det som skrevs finns kvar tills programmet stängs; tryck n för att fortsätta med det.",
					" What was typed is here until the program is closed; press n to go on with it.")
			}
		case msg.left && msg.gen == m.formGen && m.screen == screenHome:
			m.home.Message = model.T(m.o.Lang, "Formuläret är sparat. Tryck n för att fortsätta med det.", "The form is kept. Press n to go on with it.")
		}
		return nil, true
	case formClearedMsg:
		if msg.err != nil {
			m.home.Message = model.T(m.o.Lang, "Formuläret kunde inte tas bort från disken: ", "The form could not be removed from the disk: ") + common.ErrText(m.o.Lang, msg.err)
		}
		return nil, true
	case newplan.DiscardFormMsg:
		m.screen = screenHome
		m.home.Message = model.T(m.o.Lang, "Formuläret är kastat.", "The form was thrown away.")
		return m.clearForm(), true
	}
	return nil, false
}

// leaveForm is esc on the form: back home, the form kept if anything was
// typed in it, written at once rather than at the next tick. The home
// screen says it is kept when the write has succeeded, not before.
func (m *Model) leaveForm() tea.Cmd {
	np := m.newPlan
	m.screen = screenHome
	if np == nil || !np.Touched {
		return nil
	}
	np.Dirty = true
	m.home.Message = model.T(m.o.Lang, "Sparar formuläret…", "Saving the form…")
	return m.writeForm(true)
}

// flushForm writes a form with unsaved changes before the program ends.
func (m *Model) flushForm() error {
	np := m.newPlan
	if np == nil || !np.Dirty || m.screen != screenNew && m.formDraft == nil {
		return nil
	}
	np.Dirty = false
	in, at := np.In, m.o.Now()
	n := m.formWrites.next()
	return m.formWrites.write(n, func() error { return m.o.Service.SaveForm(formNewPlan, in, at) })
}

// samePersonMsg answers the look-up of the personnummer of a plan about
// to be made: the plans not closed that have it.
type samePersonMsg struct {
	plan  *model.Plan
	found []model.ListEntry
}

// createPlan makes the plan the form asks for. A personnummer is first
// looked up on disk (the home screen's list shows it masked): a plan not
// yet closed that has it is named on the form before a second plan is
// made for one person; ctrl+s again makes it anyway.
func (m *Model) createPlan(msg newplan.CreatedPlanMsg) tea.Cmd {
	p, svc := msg.Plan, m.o.Service
	m.want = p.ID
	if msg.Anyway || p.Person.PNR == "" {
		return m.io(func() tea.Msg {
			s, err := svc.CreateSession(m.ctx, p)
			return sessionOpenedMsg{p.ID, s, err}
		})
	}
	return m.io(func() tea.Msg {
		// A look-up that fails does not stop the plan: making it says
		// what is wrong with the file.
		found, _ := svc.SamePerson(m.ctx, p.Person.PNR)
		return samePersonMsg{p, found}
	})
}

// samePersonFound warns on the form, or makes the plan when nobody has
// the personnummer.
func (m *Model) samePersonFound(msg samePersonMsg) tea.Cmd {
	if msg.plan.ID != m.want || m.screen != screenNew || m.newPlan == nil {
		return nil
	}
	if len(msg.found) == 0 {
		return m.createPlan(newplan.CreatedPlanMsg{Plan: msg.plan, Anyway: true})
	}
	m.want = ""
	m.newPlan.SamePerson(msg.found[0].ID, msg.found[0].Person)
	return nil
}

// keepCloseForm keeps what the close form held when esc left it before
// the plan was closed, and says so: in memory, while the program runs,
// which is what the line says.
func (m *Model) keepCloseForm() {
	k, typed := m.closing.Kept()
	if !typed {
		return
	}
	if m.closeKept == nil {
		m.closeKept = map[string]closeplan.Kept{}
	}
	m.closeKept[m.closing.Plan.ID] = k
	m.home.Message = model.T(m.o.Lang, "Planen är inte avslutad. Det du skrev i formuläret finns kvar så länge sipmote är öppet: x på planen fortsätter med det.",
		"The plan is not closed. What you wrote in the form is kept while sipmote is open: x on the plan goes on with it.")
}

package meeting

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/components"
)

// Section is one part of the plan pane. Each owns its keys and its view.
type Section interface {
	Update(tea.Msg) (tea.Cmd, bool)
	View(rev int, findings map[string]string) string
	SetSize(w, h int)
	Help() []key.Binding
	Jump(path string, row int) tea.Cmd
}

// FormSection is a section that is one form.
type FormSection struct {
	Form *components.Form
	lang model.Lang
}

func (s *FormSection) Update(m tea.Msg) (tea.Cmd, bool) { return s.Form.Update(m) }
func (s *FormSection) View(_ int, fs map[string]string) string {
	return s.Form.View(fs)
}
func (s *FormSection) SetSize(w, h int) { s.Form.SetSize(w, h) }
func (s *FormSection) Help() []key.Binding {
	if s.Form.Concealed() {
		return []key.Binding{
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T(s.lang, "visa fältet", "show the field"))),
			key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", model.T(s.lang, "nästa fält", "next field"))),
		}
	}
	return []key.Binding{
		key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", model.T(s.lang, "nästa fält", "next field"))),
		key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", model.T(s.lang, "förra fältet", "previous field"))),
	}
}
func (s *FormSection) Jump(path string, _ int) tea.Cmd {
	c, _ := s.Form.Jump(path)
	return c
}

// coordinatorSection appoints the coordinator among the present staff of
// kommun or region: the only people the rules allow.
type coordinatorSection struct {
	lang   model.Lang
	st     *common.Styles
	v      func() *model.Version
	cursor int
	width  int
	height int
	keys   struct{ up, down, pick key.Binding }
	// lone tells a space typed alone, which appoints, from one that
	// begins a typed sentence, which must not (components.LoneKeys);
	// note says what a typed text did here.
	lone components.LoneKeys
	note string
}

func newCoordinatorSection(l model.Lang, st *common.Styles, v func() *model.Version) *coordinatorSection {
	s := &coordinatorSection{lang: l, st: st, v: v}
	s.keys.up = key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", model.T(l, "välj", "choose")))
	s.keys.down = key.NewBinding(key.WithKeys("down"))
	s.keys.pick = key.NewBinding(key.WithKeys("enter", "space"), key.WithHelp("enter", model.T(l, "utse till samordnare", "appoint coordinator")))
	return s
}

func (s *coordinatorSection) eligible() []model.Participant {
	var out []model.Participant
	for _, p := range s.v().Meeting.Participants {
		if p.CanCoordinate() {
			out = append(out, p)
		}
	}
	return out
}

func (s *coordinatorSection) Update(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	el := s.eligible()
	kind, undone := s.lone.Key(k, key.Matches(k, s.keys.pick))
	if kind == components.InRun {
		switch {
		case undone:
			s.note = model.T(s.lang, "Mellanslaget ändrade inget: det började en text. Välj med ↑↓ och enter.",
				"The space changed nothing: it began a text. Choose with ↑↓ and enter.")
		case s.note == "":
			s.note = model.T(s.lang, "Här skrivs ingen text: välj med ↑↓ och enter.", "No text is written here: choose with ↑↓ and enter.")
		}
		return nil, undone
	}
	s.note = ""
	switch {
	case key.Matches(k, s.keys.up) && s.cursor > 0:
		s.cursor--
	case key.Matches(k, s.keys.down) && s.cursor < len(el)-1:
		s.cursor++
	case key.Matches(k, s.keys.pick) && s.cursor < len(el):
		c := &s.v().Content.Coordinator
		was := c.ParticipantID
		c.ParticipantID = el[s.cursor].ID
		s.lone.Acted(func() { s.v().Content.Coordinator.ParticipantID = was })
		return nil, true
	}
	return nil, false
}

func (s *coordinatorSection) View(_ int, fs map[string]string) string {
	var b strings.Builder
	l := s.lang
	w := max(10, s.width)
	intro := ansi.Wordwrap(model.T(l, "Samordnaren utses tillsammans med den enskilde. Det ska vara någon som arbetar för kommunen eller regionen, eller för ett företag som de betalar för hjälpen (till exempel privat hemtjänst). Helst är samordnaren med på mötet.",
		"The coordinator is appointed together with the person. It must be someone who works for the municipality or the region, or for a provider they fund. Preferably the coordinator is at the meeting."), w, "")
	keys := s.st.Subtle.Render(ansi.Wordwrap(model.T(l, "↑/↓ väljer, enter utser till samordnare.", "↑/↓ choose, enter appoints the coordinator."), w, ""))
	el := s.eligible()
	cur := s.v().Content.Coordinator.ParticipantID
	if len(el) == 0 {
		b.WriteString(s.st.Warn.Render(ansi.Wordwrap(model.T(l,
			"Ingen personal från kommun, region eller ett företag som de betalar finns i listan. Lägg till dem under Deltagare (alt+1).",
			"No staff from the municipality, the region or a provider they fund. Add them under Participants (alt+1)."), w, "")))
	}
	for i, p := range el {
		mark := "( )"
		if p.ID == cur {
			mark = s.st.Done.Render("(•)")
		}
		works := p.Principal.Label(l)
		if p.Principal != p.Employer() {
			works = fmt.Sprintf(model.T(l, "anlitad av %s", "funded by %s"), p.Employer().Label(l))
		}
		line := fmt.Sprintf("%s %s — %s, %s", mark, p.Name, p.Visible().Unit, works)
		if !p.IsPresent() {
			line += model.T(l, " (inte på mötet)", " (not at the meeting)")
		}
		if i == s.cursor {
			line = s.st.Selected.Render(line)
		}
		b.WriteString(ansi.Truncate(line, max(10, s.width), "…") + "\n")
	}
	if s.note != "" {
		// Under the rows, where the eye is: the lines below may be cut.
		b.WriteString(s.st.Warn.Render(ansi.Wordwrap(s.note, w, "")) + "\n")
	}
	if c := s.v().CoordinatorParticipant(); c != nil {
		b.WriteString("\n" + s.st.Label.Render(model.T(l, "Samordnare: ", "Coordinator: ")) + c.Name + "\n")
		b.WriteString(model.T(l, "Telefon: ", "Phone: ") + orDash(c.Phone) + "   " + model.T(l, "E-post: ", "E-mail: ") + orDash(c.Email) + "\n")
		// The number the easy-read page tells the person to call: what is
		// wrong with it is said here, where the coordinator is chosen, by
		// the findings' rule, in a line each (80x24 has little room).
		if p := model.PhoneProblem(c.Phone); p.SV != "" {
			b.WriteString(s.st.Warn.Render(ansi.Wordwrap(model.T(l, "Numret "+p.SV+"; den lättlästa sidan ber den enskilde ringa det.",
				"The number "+p.EN+"; the easy-read page tells the person to call it."), w, "")) + "\n")
		}
		if p := model.EmailProblem(c.Email); p.SV != "" {
			b.WriteString(s.st.Warn.Render(ansi.Wordwrap(model.T(l, "Adressen "+p.SV+".", "The address "+p.EN+"."), w, "")) + "\n")
		}
		b.WriteString(s.st.Subtle.Render(ansi.Wordwrap(model.T(l, "Telefon och e-post ändras under Deltagare (alt+1).", "Phone and e-mail are edited under Participants (alt+1)."), w, "")) + "\n")
	}
	if msg, ok := fs["content.coordinator"]; ok && s.v().CoordinatorParticipant() == nil {
		b.WriteString("\n" + s.st.Warn.Render(ansi.Wordwrap(msg, w, "")))
	}
	// The choice and who was chosen come first when the pane is short
	// (80x24 under the agenda): the rules' text above them goes, then
	// the keys' line; nothing below the list is cut off.
	body := strings.TrimRight(b.String(), "\n")
	n := strings.Count(body, "\n") + 1
	switch {
	case s.height <= 0 || n+strings.Count(intro, "\n")+strings.Count(keys, "\n")+4 <= s.height:
		return intro + "\n\n" + keys + "\n\n" + body
	case n+strings.Count(keys, "\n")+2 <= s.height:
		return keys + "\n\n" + body
	}
	return body
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func (s *coordinatorSection) SetSize(w, h int)         { s.width, s.height = w, h }
func (s *coordinatorSection) Help() []key.Binding      { return []key.Binding{s.keys.up, s.keys.pick} }
func (s *coordinatorSection) Jump(string, int) tea.Cmd { return nil }

// Section ids: the parts of the plan the secretary edits. They are
// model's registry (model.Sections), named short here.
const (
	secMeeting      = model.SectionMeeting
	secParticipants = model.SectionParticipants
	secConsent      = model.SectionConsent
	secOwnWords     = model.SectionOwnWords
	secSituation    = model.SectionSituation
	secNeeds        = model.SectionNeeds
	secGoals        = model.SectionGoals
	secActions      = model.SectionActions
	secCoordinator  = model.SectionCoordinator
	secNotAgreed    = model.SectionNotAgreed
	secFollowUp     = model.SectionFollowUp
	secEvaluation   = model.SectionEvaluation
	secNotes        = model.SectionNotes
	secMedication   = model.SectionMedication
	secFinish       = model.SectionFinish
)

// sectionOrder is the order of the tabs: the order of the meeting.
var sectionOrder = []string{
	secParticipants, secConsent, secOwnWords, secSituation, secNeeds, secGoals,
	secActions, secCoordinator, secNotAgreed, secFollowUp, secEvaluation,
	secMedication, secNotes, secMeeting, secFinish,
}

// sectionLabel is a section's name on screen: model's registry, which the
// checklists' agenda reads too, so that a step and its tab never disagree.
func sectionLabel(id string, l model.Lang) string {
	if id == SecReview {
		return model.T(l, "Resultat sedan förra mötet", "Results since the last meeting")
	}
	return model.SectionLabel(id, l)
}

// sectionOfPath maps a finding's path to the section that edits it and the
// row it concerns (-1 for none), so that g on a finding goes there.
func sectionOfPath(path string) (section string, row int) {
	row = -1
	idx := func(s string) int {
		i := strings.Index(s, "[")
		j := strings.Index(s, "]")
		if i < 0 || j < i {
			return -1
		}
		n, err := strconv.Atoi(s[i+1 : j])
		if err != nil {
			return -1
		}
		return n
	}
	section = model.SectionOf(path)
	switch section {
	case secParticipants, secGoals, secActions:
		row = idx(path)
	}
	return section, row
}

// A personnummer written in the meeting (a plan made without one) may be
// one another open plan already has: two plans for one person, which the
// new-plan form and sipmote new refuse. The meeting cannot read other
// plans in Update, so the look is a tea.Cmd, and its answer is said.

// samePNRMsg answers the look for other open plans with personnummer pnr.
type samePNRMsg struct {
	common.Owner
	pnr    string
	others []model.ListEntry
}

// checkSamePNR looks, off the UI goroutine, for plans not closed that
// have the personnummer now in this plan; nil while it is not a valid one.
func (m *Model) checkSamePNR() tea.Cmd {
	p := m.Sess.Plan()
	pnr, err := model.NormalisePNR(p.Person.PNR, m.now())
	if err != nil || pnr == "" || m.svc == nil {
		return nil
	}
	id, o, svc, ctx := p.ID, m.owner, m.svc, m.ctx
	return m.IO(func() tea.Msg {
		found, _ := svc.SamePerson(ctx, pnr)
		var others []model.ListEntry
		for _, e := range found {
			if e.ID != id {
				others = append(others, e)
			}
		}
		return samePNRMsg{o, pnr, others}
	})
}

// samePNRFound says that another open plan has the personnummer, if the
// plan still has it.
func (m *Model) samePNRFound(msg samePNRMsg) {
	if len(msg.others) == 0 || msg.Owner != m.owner {
		return
	}
	if now, err := model.NormalisePNR(m.Sess.Plan().Person.PNR, m.now()); err != nil || now != msg.pnr {
		return
	}
	var names []string
	for _, e := range msg.others {
		names = append(names, e.Person+" ("+e.Status.Label(m.lang)+")")
	}
	text := fmt.Sprintf(model.T(m.lang,
		"En plan som inte är avslutad har redan det personnumret: %s. Två planer för samma person? Stäng eller ta bort den ena (x på hemskärmen).",
		"A plan not closed already has that personnummer: %s. Two plans for one person? Close or remove one of them (x on the home screen)."),
		strings.Join(names, ", "))
	// Said under the field, for as long as the number is the same (the
	// message line would give way at the next key).
	fs, ok := m.Sections[secMeeting].(*FormSection)
	if !ok {
		return
	}
	if i := FieldIndex(fs.Form, "person.pnr"); i >= 0 {
		pnr, p, now := msg.pnr, m.Sess.Plan(), m.now
		fs.Form.Fields[i].Note = func() string {
			if n, err := model.NormalisePNR(p.Person.PNR, now()); err == nil && n == pnr {
				return text
			}
			return ""
		}
	}
}

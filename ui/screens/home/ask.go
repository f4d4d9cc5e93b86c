package home

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

type AskResultMsg struct {
	Plan   *model.Plan
	Choice string // "followup", "view" or "" for cancel
}

// AskModel asks what to do with a plan whose version is finalised: start
// the follow-up meeting (a new version) or read the last version.
type AskModel struct {
	common.Asker
	lang model.Lang
	st   *common.Styles
	keys askKeys
	// width is the window's, which the text is wrapped to.
	width int
	plan  *model.Plan
}

func NewAsk(l model.Lang, st *common.Styles, p *model.Plan) *AskModel {
	return &AskModel{lang: l, st: st, plan: p, keys: newAskKeys(l)}
}

func (a *AskModel) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	choice := ""
	switch {
	case key.Matches(k, a.keys.followUp):
		choice = "followup"
	case key.Matches(k, a.keys.view):
		choice = "view"
	case key.Matches(k, a.keys.print):
		choice = "print"
	case key.Matches(k, a.keys.back):
	default:
		return nil
	}
	p := a.plan
	return a.Request(AskResultMsg{Plan: p, Choice: choice})
}

func (a *AskModel) View() string {
	l, width := a.lang, a.width
	var b strings.Builder
	b.WriteString(a.st.Title.Render(a.plan.Person.Name) + "\n\n")
	b.WriteString(fmt.Sprintf(model.T(l, "Version %d är fastställd.", "Version %d is finalised."), a.plan.VersionNumber()) + "\n")
	if fu := a.plan.NextFollowUp(); fu != "" {
		b.WriteString(model.T(l, "Uppföljning bokad: ", "Follow-up booked: ") + fu + "\n")
	}
	b.WriteString("\n" + ansi.Wordwrap(model.T(l,
		"enter eller u  starta uppföljningsmötet (en ny version utgår från den senaste)\nv              läs den senaste versionen\np              skriv ut den senaste versionen\nesc            tillbaka",
		"enter or u  start the follow-up meeting (a new version from the last one)\nv           read the last version\np           print the last version\nesc         back"), max(20, width-2), ""))
	return b.String()
}

// askKeys are the choices offered for a finalised plan.
type askKeys struct {
	followUp, view, print, back key.Binding
}

func newAskKeys(l model.Lang) askKeys {
	return askKeys{
		followUp: key.NewBinding(key.WithKeys("u", "enter"), key.WithHelp("u", model.T(l, "uppföljning", "follow-up"))),
		view:     key.NewBinding(key.WithKeys("v"), key.WithHelp("v", model.T(l, "visa", "view"))),
		print:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", model.T(l, "skriv ut", "print"))),
		back:     key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", model.T(l, "tillbaka", "back"))),
	}
}

var _ common.Component = (*AskModel)(nil)

// SetSize gives the question the window's width.
func (a *AskModel) SetSize(width, _ int) { a.width = width }

// ShortHelp names the choices.
func (a *AskModel) ShortHelp() []key.Binding {
	return []key.Binding{a.keys.followUp, a.keys.view, a.keys.print, a.keys.back}
}

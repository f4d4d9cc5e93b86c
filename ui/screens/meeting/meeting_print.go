// The meeting's end: finalising the draft, choosing who gets a copy and
// printing, each off the UI goroutine, with answers that name the session
// they belong to.

package meeting

import (
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/meeting/printdialog"
)

// finalise freezes the draft; the message waits until the version is on
// disk, which a tea.Cmd waits for.
func (m *Model) finalise() tea.Cmd {
	fs, err := m.Sess.Finalise()
	if err != nil {
		m.Findings = fs
		m.Message = model.T(m.lang, "Planen kunde inte fastställas: ", "The plan could not be finalised: ") + common.ErrText(m.lang, err)
		return nil
	}
	m.rev++
	m.Message = model.T(m.lang, "Fastställer…", "Finalising…")
	s, o := m.Sess.Session(), m.owner
	return m.IO(func() tea.Msg { return finalisedMsg{o, s.Flush()} })
}

// ChoosePapers opens the list of papers over the screen, as p does: the
// home screen's "print the last version" goes through it too.
func (m *Model) ChoosePapers() tea.Cmd { return m.choosePapers() }

// choosePapers opens the copy list before printing, so that the secretary
// sees who gets a copy and can change it.
func (m *Model) choosePapers() tea.Cmd {
	p := m.Sess.Plan()
	v := p.Current()
	if m.svc == nil || v == nil {
		return nil
	}
	o := printdialog.New(m.lang, m.st, p, v, v == m.Sess.Draft() && !m.Sess.ReadOnly())
	m.Over = o
	resume := o.Resume(m.copyLine)
	m.copyLine = ""
	// The printer is named before anything is printed: the one given
	// (--printer), else the system's default, asked of CUPS off the UI
	// goroutine.
	svc, id, po, snap := m.svc, m.owner, m.PrintOptions, p.Clone()
	return tea.Batch(m.IO(func() tea.Msg {
		name := ""
		if po != nil {
			name = po(snap, snap.Current()).Printer
		}
		if name == "" {
			name = svc.Printer()
		}
		dir := ""
		if name == "" {
			dir = service.SaveFolder()
		}
		return printdialog.PrinterMsg{Owner: id, Name: name, Dir: dir}
	}), resume)
}

// print prints the version on screen on the papers of job. The PDF is made
// off the UI goroutine from a snapshot, so the screen never waits for the
// render or the printer; the service records the print in the trail of
// this plan, even if the meeting is left before the printer answers.
func (m *Model) print(job printdialog.Job) tea.Cmd {
	if m.svc == nil || m.Sess.Plan().Current() == nil {
		return nil
	}
	p, svc, l, id, po, ctx := m.Sess.Plan().Clone(), m.svc, m.lang, m.owner, m.PrintOptions, m.ctx
	m.Message = model.T(m.lang, "Skriver ut…", "Printing…")
	return m.IO(func() tea.Msg {
		o := service.PrintOptions{Lang: l}
		if po != nil {
			o = po(p, p.Current())
		}
		o.Papers = &service.Papers{Original: job.Original, Copies: job.Copies}
		res, err := svc.Print(ctx, p, p.Current(), o)
		return printedMsg{id, service.PrintedLine(l, res), err}
	})
}

// Answers of the meeting's tea.Cmds; each names its owner (the session
// and this screen's generation), so that the root drops one that comes
// after the meeting was left.
type (
	printedMsg struct {
		common.Owner
		where string
		err   error
	}
	finalisedMsg struct {
		common.Owner
		err error
	}
)

package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/printout"
	"github.com/sipmote/sipmote/seal"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/home"
	"github.com/sipmote/sipmote/ui/screens/sealto"
)

// Sealing from the home screen: s on a plan lists the people in the
// recipients file; choosing one seals the plan for them, signed with
// ~/.ssh/id_ed25519, into the folder where PDFs go. Reading the file, the
// key and the plan is disk I/O, so each step is a tea.Cmd whose answer
// names its plan; one that arrives after the user has moved on is dropped.

// sealState is the sealing screen's, while it is in front.
type sealState struct {
	to    *sealto.Model
	named []seal.Named
}

type (
	sealListMsg struct {
		id, person string
		named      []seal.Named
		err        error
	}
	// sealPassMsg says the signing key needs its passphrase (again, when
	// wrong is set).
	sealPassMsg struct {
		id    string
		wrong bool
	}
	sealDoneMsg struct {
		id, name, path string
		err            error
	}
)

// loadRecipients reads the recipients file for sealing plan id, once the
// service has said the plan may be sealed at all: a plan whose consent is
// withdrawn is refused here, before anyone is chosen or a passphrase typed.
func (m *Model) loadRecipients(id, person string) tea.Cmd {
	svc := m.o.Service
	return m.io(func() tea.Msg {
		if err := svc.MaySeal(m.ctx, id); err != nil {
			return sealListMsg{id: id, person: person, err: err}
		}
		named, err := seal.LoadNamed(seal.RecipientsFile())
		return sealListMsg{id: id, person: person, named: named, err: err}
	})
}

// sealFor seals plan id for r, signing with the default key, asking
// through the screen for its passphrase when it has one.
func (m *Model) sealFor(id string, r seal.Named, pass []byte) tea.Cmd {
	svc := m.o.Service
	return m.io(func() tea.Msg {
		defer clear(pass)
		keyPath := seal.DefaultSignKey()
		if keyPath == "" {
			return sealDoneMsg{id: id, err: &seal.Error{Kind: seal.ErrNoKey, Msg: model.Text{
				SV: "ingen nyckel att signera med: ~/.ssh/id_ed25519 finns inte (skapa en med ssh-keygen -t ed25519)",
				EN: "no key to sign with: ~/.ssh/id_ed25519 does not exist (make one with ssh-keygen -t ed25519)"}}}
		}
		var ask seal.Ask
		if pass != nil {
			ask = func(string) ([]byte, error) { return append([]byte(nil), pass...), nil }
		}
		signer, err := seal.LoadSigner(keyPath, ask)
		switch {
		case errors.Is(err, seal.ErrNoTerminal):
			return sealPassMsg{id: id}
		case errors.Is(err, seal.ErrPassphrase):
			return sealPassMsg{id: id, wrong: true}
		case err != nil:
			return sealDoneMsg{id: id, err: err}
		}
		dir, err := printout.SaveDir()
		if err != nil {
			return sealDoneMsg{id: id, err: err}
		}
		rc := r.Recipient
		rc.Name = r.Name
		path, err := svc.SealPlan(m.ctx, id, service.SealOptions{To: []seal.Recipient{rc}, Signer: signer, Dir: dir})
		return sealDoneMsg{id: id, name: r.Name, path: path, err: err}
	})
}

// updateSeal handles the sealing screen's messages; ok is false for a
// message that is not about it.
func (m *Model) updateSeal(msg tea.Msg) (tea.Cmd, bool) {
	l := m.o.Lang
	switch msg := msg.(type) {
	case home.SealPlanMsg:
		return m.loadRecipients(msg.ID, msg.Person), true
	case sealListMsg:
		if m.screen != screenHome {
			return nil, true
		}
		if msg.err != nil {
			m.home.Message = common.ErrSentence(l, msg.err)
			return nil, true
		}
		if len(msg.named) == 0 {
			m.home.Message = model.T(l, "Ingen att försegla för: skriv namn och nyckel, en person per rad, i "+seal.RecipientsFile()+" (se README).",
				"No one to seal for: write a name and a key, one person a line, in "+seal.RecipientsFile()+" (see README).")
			return nil, true
		}
		list := make([]sealto.Recipient, len(msg.named))
		for i, n := range msg.named {
			list[i] = sealto.Recipient{Name: n.Name, Fingerprint: n.Fingerprint}
		}
		m.sealing.named = msg.named
		m.sealing.to = sealto.New(l, &m.st, msg.id, msg.person, list, m.width, m.height)
		m.screen = screenSeal
		return nil, true
	case sealto.ChosenMsg:
		if m.sealing.to == nil || msg.ID != m.sealing.to.ID() || msg.Index >= len(m.sealing.named) {
			clear(msg.Passphrase)
			return nil, true
		}
		return m.sealFor(msg.ID, m.sealing.named[msg.Index], msg.Passphrase), true
	case sealPassMsg:
		if m.sealing.to == nil || msg.id != m.sealing.to.ID() {
			return nil, true
		}
		problem := ""
		if msg.wrong {
			problem = model.T(l, "Lösenfrasen stämmer inte. Försök igen.", "The passphrase is not right. Try again.")
		}
		return m.sealing.to.AskPassphrase(problem), true
	case sealDoneMsg:
		if m.sealing.to == nil || msg.id != m.sealing.to.ID() {
			return nil, true
		}
		if msg.err != nil {
			m.sealing.to.Failed(common.ErrText(l, msg.err))
			return nil, true
		}
		m.closeSeal()
		dir, name := filepath.Split(msg.path)
		m.home.Message = model.T(l, "Förseglad för "+msg.name+": "+name+" i "+homeShort(dir),
			"Sealed for "+msg.name+": "+name+" in "+homeShort(dir))
		return nil, true
	case sealto.BackMsg:
		m.closeSeal()
		return nil, true
	}
	return nil, false
}

func (m *Model) closeSeal() {
	m.sealing = sealState{}
	m.screen = screenHome
}

// homeShort writes a folder with ~ for the home folder, so that a status
// line at 80 columns still shows where the file went.
func homeShort(dir string) string {
	dir = filepath.Clean(dir)
	if h, err := os.UserHomeDir(); err == nil && h != "" {
		if rel, err := filepath.Rel(h, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.Join("~", rel)
		}
	}
	return dir
}

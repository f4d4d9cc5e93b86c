package cli

import (
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/share"
	"github.com/sipmote/sipmote/store"
	"github.com/sipmote/sipmote/ui"
)

// cmdServe opens a plan's meeting already shared over SSH.
func cmdServe(a *app, args []string) error {
	fs := a.flags("serve")
	fs.StringVar(&a.listen, "listen", "", "")
	pos, err := a.parse(fs, "serve", args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fail("ange planens id: sipmote serve ID", "give the plan's id: sipmote serve ID")
	}
	a.serve = true
	return a.runTUI(pos[0])
}

// sharer shares a session's meeting: each device that joins gets its own
// program, attached to the session as one more view.
func (a *app) sharer(agenda func(model.AgeGroup) []ui.Step) (ui.Sharer, error) {
	path, err := service.ResolvePath(a.dbFlag)
	if err != nil {
		return nil, err
	}
	key := filepath.Join(filepath.Dir(path), share.HostKeyName)
	return func(s *service.Session) (ui.Sharing, error) {
		srv, err := share.Start(share.Options{
			Listen:  a.listen,
			HostKey: key,
			Prompt:  func(r share.Role) string { return codePrompt(a.lang, r) },
			NewModel: func(c share.Client) (tea.Model, func()) {
				v := s.Attach()
				m := ui.NewRemote(ui.RemoteOptions{Lang: a.lang, Chair: c.Role == share.RoleChair,
					View: v, Agenda: agenda, Now: a.now})
				return m, v.Detach
			},
			Trail: func(kind string, c share.Client) {
				k := store.TrailJoined
				if kind == "left" {
					k = store.TrailLeft
				}
				s.LogAccess(k, string(c.Role), c.Addr)
			},
			Now: a.now,
		})
		if err != nil {
			return nil, err
		}
		return sharing{srv}, nil
	}, nil
}

// sharing shows a share.Server to the screens.
type sharing struct{ *share.Server }

func (s sharing) Line(role string) string { return s.Server.Line(share.Role(role)) }

func (s sharing) Code(role string) string { return s.Server.Code(share.Role(role)) }

func (s sharing) Devices() []ui.Device {
	var out []ui.Device
	for _, c := range s.Clients() {
		out = append(out, ui.Device{ID: c.ID, Role: string(c.Role), Addr: c.Addr, Since: c.Since})
	}
	return out
}

func (s sharing) Stop() error { return s.Close() }

// codePrompt is what ssh asks a device joining as r: it names the role, so
// that the right one of the two codes is typed.
func codePrompt(l model.Lang, r share.Role) string {
	switch r {
	case share.RoleChair:
		return model.T(l, "Kod för mötesledarens dator: ", "Code for the chair's computer: ")
	case share.RoleRoom:
		return model.T(l, "Kod för rummets skärm: ", "Code for the room's screen: ")
	}
	return model.T(l, "Kod: ", "Code: ")
}

package cli

import (
	"io"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/share"
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
	logPath := filepath.Join(filepath.Dir(path), shareLogName)
	return func(s *service.Session) (ui.Sharing, error) {
		// Faults of a device's screen are noted there, by where only;
		// nothing is ever written on the secretary's terminal.
		log, err := os.OpenFile(logPath, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
		if err != nil {
			log = nil
		}
		srv, err := share.Start(share.Options{
			Listen:  a.listen,
			HostKey: key,
			Lang:    a.lang,
			Log:     logWriter(log),
			Prompt:  func(r share.Role) string { return codePrompt(a.lang, r) },
			NewModel: func(c share.Client) (tea.Model, func()) {
				v := s.Attach()
				m := ui.NewRemote(ui.RemoteOptions{Lang: a.lang, Chair: c.Role == share.RoleChair,
					View: v, Agenda: agenda, Now: a.now})
				return m, v.Detach
			},
			Trail: func(kind string, c share.Client) {
				if kind == "left" {
					s.DeviceLeft(string(c.Role), c.Addr, c.User)
					return
				}
				s.DeviceJoined(string(c.Role), c.Addr, c.User)
			},
			Refused: func(r share.Refusal) {
				s.DeviceRefused(string(r.Role), r.Addr, "", r.Count)
			},
			Now: a.now,
		})
		if err != nil {
			if log != nil {
				_ = log.Close()
			}
			return nil, err
		}
		return sharing{srv, log}, nil
	}, nil
}

// shareLogName is the file, beside the database, where faults of the
// devices' screens are noted (never what they showed).
const shareLogName = "share.log"

// logWriter is f, or nothing when it could not be opened.
func logWriter(f *os.File) io.Writer {
	if f == nil {
		return io.Discard
	}
	return f
}

// sharing shows a share.Server to the screens.
type sharing struct {
	*share.Server
	log *os.File
}

func (s sharing) Line(role string) string { return s.Server.Line(share.Role(role)) }

func (s sharing) Code(role string) string { return s.Server.Code(share.Role(role)) }

func (s sharing) Devices() []ui.Device {
	var out []ui.Device
	for _, c := range s.Clients() {
		out = append(out, ui.Device{ID: c.ID, Role: string(c.Role), Addr: c.Addr, User: c.User, Since: c.Since})
	}
	return out
}

func (s sharing) Refused() []ui.Refusal {
	var out []ui.Refusal
	for _, r := range s.Server.Refused() {
		out = append(out, ui.Refusal{Addr: r.Addr, Role: string(r.Role), Count: r.Count, Last: r.Last})
	}
	return out
}

func (s sharing) Stop() error { return s.end(s.Close) }

func (s sharing) EndMeeting() error { return s.end(s.Server.EndMeeting) }

// end stops the share with stop, then closes the log of faults.
func (s sharing) end(stop func() error) error {
	err := stop()
	if s.log != nil {
		_ = s.log.Close()
	}
	return err
}

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

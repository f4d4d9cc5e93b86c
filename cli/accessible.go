package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui"
	"github.com/sipmote/sipmote/ui/accessible"
)

// settings are what sipmote remembers between runs, in the user's config
// folder: the accessible mode, once asked for, stays on.
type settings struct {
	Accessible bool `json:"accessible"`
}

// settingsPath is the settings file: $SIPMOTE_CONFIG_DIR, or the user's
// config folder's sipmote folder.
func settingsPath() (string, error) {
	dir := os.Getenv("SIPMOTE_CONFIG_DIR")
	if dir == "" {
		cfg, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(cfg, "sipmote")
	}
	return filepath.Join(dir, "settings.json"), nil
}

func loadSettings() settings {
	var s settings
	path, err := settingsPath()
	if err != nil {
		return s
	}
	b, err := os.ReadFile(path)
	if err == nil {
		_ = json.Unmarshal(b, &s)
	}
	return s
}

// saveSettings writes the settings file, private to the user, whole or
// not at all.
func saveSettings(s settings) error {
	path, err := settingsPath()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	b, _ := json.MarshalIndent(s, "", "  ")
	tmp, err := os.CreateTemp(filepath.Dir(path), ".settings-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// accessibleFlag takes --accessible (or --accessible=false) off the
// command line: it may come anywhere, like --lang. given tells whether
// it was there.
func accessibleFlag(args []string) (rest []string, on, given bool, err error) {
	for _, s := range args {
		t := strings.TrimLeft(s, "-")
		if !strings.HasPrefix(s, "-") || !(t == "accessible" || strings.HasPrefix(t, "accessible=")) {
			rest = append(rest, s)
			continue
		}
		given, on = true, true
		if v, ok := strings.CutPrefix(t, "accessible="); ok {
			if on, err = strconv.ParseBool(v); err != nil {
				return nil, false, false, err
			}
		}
	}
	return rest, on, given, nil
}

// chooseAccessible decides the mode: the flag, then SIPMOTE_ACCESSIBLE,
// then the settings file. The flag is remembered.
func (a *app) chooseAccessible(on, given bool) {
	switch {
	case given:
		a.accessible = on
		if loadSettings().Accessible != on {
			if err := saveSettings(settings{Accessible: on}); err != nil {
				// The file's name, not the system's English error text.
				path, _ := settingsPath()
				fmt.Fprintln(a.stderr, model.T(a.lang, "sipmote: valet kunde inte sparas till nästa gång ("+path+" gick inte att skriva); det gäller bara den här gången.",
					"sipmote: the choice could not be kept for next time ("+path+" could not be written); it holds for this run only."))
			}
		}
	case os.Getenv("SIPMOTE_ACCESSIBLE") != "":
		a.accessible, _ = strconv.ParseBool(os.Getenv("SIPMOTE_ACCESSIBLE"))
	default:
		a.accessible = loadSettings().Accessible
	}
}

// runAccessible runs the screens as the accessible mode's plain lines.
func (a *app) runAccessible(open string) error {
	set, notice := a.loadChecklists()
	svc, err := a.openService(set.Jargon)
	if err != nil {
		return err
	}
	defer svc.Close()
	notice = a.readOnlyNotice(svc, notice)
	if open != "" {
		if open, err = svc.Resolve(open); err != nil {
			return err
		}
	}
	in := a.stdin
	if a.lines != nil {
		in = a.lines // a passphrase was read from the same input
	}
	agenda := func(v model.AgeGroup) []ui.Step { return agendaSteps(set, v) }
	sharer, err := a.sharer(agenda)
	if err != nil {
		return err
	}
	// ctrl+c, a closed terminal window or a shutdown end the mode as
	// :avsluta does, so that the last lines typed are saved.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sig)
	quit, done := make(chan struct{}), make(chan struct{})
	defer close(done)
	// The signal also cancels the context of the mode's service calls:
	// an opening that waits for a closing session stops waiting.
	ctx, cancel := context.WithCancel(a.ctx)
	defer cancel()
	go func() {
		select {
		case <-sig:
			close(quit)
			cancel()
		case <-done:
		}
	}()
	saved := accessible.Run(ctx, accessible.Options{
		Quit:        quit,
		Service:     svc,
		Lang:        a.lang,
		Now:         a.now,
		In:          in,
		Out:         a.stdout,
		Agenda:      agenda,
		Share:       sharer,
		ShareOnOpen: a.serve,
		QuickWords:  set.QuickWords,
		Checklist: func(v model.AgeGroup) (before, after []ui.CheckItem) {
			for _, it := range set.BeforeFor(v) {
				before = append(before, ui.CheckItem{ID: it.ID, Text: it.Text})
			}
			for _, it := range set.AfterFor(v) {
				after = append(after, ui.CheckItem{ID: it.ID, Text: it.Text})
			}
			return before, after
		},
		OpenPlan: open,
		Notice:   notice,
		PrintOptions: func(p *model.Plan, v *model.Version) service.PrintOptions {
			o := service.PrintOptions{Lang: a.lang}
			o.EasyRead, _ = a.easyRead(p, v, "")
			return o
		},
		CloseRetry: closeRetry,
	})
	if !saved {
		return exitCode(1)
	}
	return nil
}

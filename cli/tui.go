package cli

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"golang.org/x/term"

	"github.com/sipmote/sipmote/checklists"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui"
)

func cmdTUI(a *app, args []string) error {
	fs := a.flags("")
	fs.StringVar(&a.listen, "listen", "", "")
	pos, err := a.parse(fs, "", args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fail("okänt argument: "+pos[0], "unknown argument: "+pos[0])
	}
	return a.runTUI("")
}

func cmdMeeting(a *app, args []string) error {
	fs := a.flags("meeting")
	fs.StringVar(&a.listen, "listen", "", "")
	pos, err := a.parse(fs, "meeting", args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fail("ange planens id: sipmote meeting ID", "give the plan's id: sipmote meeting ID")
	}
	return a.runTUI(pos[0])
}

// frameRate is how many frames a second the screens may be written at.
const frameRate = 120

// runTUI runs the screens until the user quits. Whatever ends the program,
// the open meeting is saved before the database is closed.
func (a *app) runTUI(open string) error {
	// The program's first start makes the database and says so; a
	// meeting opened by id needs one that is there.
	a.mayCreate = open == ""
	if a.accessible {
		return a.runAccessible(open)
	}
	// Without a terminal the screens cannot start: said before anything
	// is opened or created, in the user's language, with the way that
	// works without one.
	// A meeting by id needs its database, and a new one is not made in
	// a folder that is not there: a mistyped --db is said first,
	// whatever else is missing.
	if path, err := service.ResolvePath(a.dbFlag); err == nil {
		if _, err := a.missingDB(path); err != nil {
			return err
		}
	}
	if err := a.needTerminal(); err != nil {
		return err
	}
	defer quietStart()()
	// The checklists are read before the database is opened, so that
	// nothing in a local routine can keep the lock from another sipmote.
	set, notice := a.loadChecklists()
	svc, err := a.openForScreens(set.Jargon)
	if err != nil {
		return err
	}
	defer svc.Close()
	if a.created != "" {
		notice = strings.TrimSpace(model.T(a.lang, "En ny databas skapades: ", "A new database was created: ") + service.Shown(a.created) + ". " + notice)
	}
	notice = a.readOnlyNotice(svc, notice)
	if open != "" {
		if open, err = svc.Resolve(open); err != nil {
			return err
		}
	}
	agenda := func(v model.AgeGroup) []ui.Step { return agendaSteps(set, v) }
	sharer, err := a.sharer(agenda)
	if err != nil {
		return err
	}
	m := ui.New(ui.Options{
		Service:   svc,
		Lang:      a.lang,
		Now:       a.now,
		Agenda:    agenda,
		OpenCount: func(s model.Summary) int { return set.OpenCountIDs(s.Variant, s.Ticks) },
		Checklist: func(v model.AgeGroup) (before, after []ui.CheckItem) {
			for _, it := range set.BeforeFor(v) {
				before = append(before, ui.CheckItem{ID: it.ID, Text: it.Text})
			}
			for _, it := range set.AfterFor(v) {
				after = append(after, ui.CheckItem{ID: it.ID, Text: it.Text})
			}
			return before, after
		},
		// The meeting's print carries the easy-read page in the person's
		// language where there are words for it.
		EasyRead: func(p *model.Plan, v *model.Version) *model.EasyRead {
			e, _ := a.easyRead(p, v, "")
			return e
		},
		EasyReadLangs: set.EasyReadLanguages(),
		QuickWords:    set.QuickWords,
		OpenPlan:      open,
		Notice:        notice,
		NoColor:       noColor(),
		Share:         sharer,
		ShareOnOpen:   a.serve,
		// The list of plans is read while the first frame is drawn.
		ListAfterStart: true,
		// Keys typed while a meeting opens are not typed into it.
		MeetingSeenAfter: ui.FirstFrameWait,
		DailyCheck:       true,
		DemoCommand:      a.demoCommand(),
		Command:          a.command,
	})
	// Bubble Tea writes a frame only when its ticker fires: the first
	// frame, and every answer to a key, waits for the next tick. At the
	// most it allows, 120 a second, that wait is at most 8 ms instead of
	// 17; a tick with nothing new on screen writes nothing (README, "How
	// fast").
	opts := []tea.ProgramOption{tea.WithFPS(frameRate)}
	if noColor() {
		// No colour at all, whatever the terminal would allow; bold and
		// reverse still mark the focus.
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	prog := tea.NewProgram(m, opts...)
	// Closing the terminal window sends SIGHUP; end the program the normal
	// way so that the last keystrokes are saved before it exits. Bubble Tea
	// does the same for SIGTERM itself.
	stopHangup := quitOnHangup(prog.Quit)
	_, runErr := prog.Run()
	stopHangup()
	saved := a.shutdown(m)
	if errors.Is(runErr, tea.ErrInterrupted) || errors.Is(runErr, tea.ErrProgramKilled) {
		runErr = nil // a signal ended it; what was typed is dealt with above
	}
	if runErr == nil && !saved {
		// Said above; the status tells a script that not everything typed
		// is in the database.
		return exitCode(1)
	}
	return runErr
}

// closeRetry is how long the last save of a meeting is tried again when
// the program ends, before the plan goes to a recovery file.
const closeRetry = 5 * time.Second

// shutdown closes what the screens had open, after the screen is gone: a
// last save that fails is tried again for closeRetry, and then the plan
// goes to a recovery file. Standard error says exactly where, or that the
// text is lost. A second SIGTERM, SIGHUP or SIGINT meanwhile cuts the wait
// short (the recovery file is still written) instead of killing the
// program in the middle. It tells whether everything is in the database.
func (a *app) shutdown(m *ui.Model) bool {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT)
	defer signal.Stop(sig)
	stop, done := make(chan struct{}), make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-sig:
			close(stop)
		case <-done:
		}
	}()
	// Closing is quick when the disk takes the last save; when it does
	// not, the terminal would sit silent for seconds, so after a moment
	// it says what is going on.
	var mu sync.Mutex
	noted, finished := false, false
	note := time.AfterFunc(time.Second, func() {
		mu.Lock()
		defer mu.Unlock()
		if !finished {
			noted = true
			fmt.Fprintln(a.stderr, model.T(a.lang, "sipmote: sparar det som skrevs sist…", "sipmote: saving what was typed last…"))
		}
	})
	closed, err := m.Shutdown(closeRetry, stop)
	note.Stop()
	mu.Lock()
	finished = true
	mu.Unlock()
	if err != nil {
		fmt.Fprintln(a.stderr, "sipmote: "+service.ErrorText(a.lang, err))
	}
	allSaved := err == nil
	for _, c := range closed {
		// a.stderr cleans what it writes of terminal escapes: the path
		// comes from the environment.
		if t := service.ClosedText(a.lang, c); t != "" {
			allSaved = false
			fmt.Fprintln(a.stderr, t)
		}
	}
	if noted && allSaved {
		fmt.Fprintln(a.stderr, model.T(a.lang, "sipmote: allt som skrevs är sparat i databasen.", "sipmote: everything typed is saved in the database."))
	}
	return allSaved
}

// noColor follows the NO_COLOR convention (no-color.org): set to anything
// but empty, it turns colour off.
func noColor() bool { return os.Getenv("NO_COLOR") != "" }

// agendaSteps turns the checklists' agenda into the screen's steps.
func agendaSteps(set *checklists.Set, v model.AgeGroup) []ui.Step {
	var out []ui.Step
	for _, s := range set.AgendaFor(v) {
		out = append(out, ui.Step{
			ID: s.ID, Part: s.Part,
			PartTxt: model.Text{SV: checklists.PartLabel(s.Part, model.Swedish), EN: checklists.PartLabel(s.Part, model.English)},
			Share:   s.Share, Prompt: s.Prompt, Title: s.Title, Section: s.Section, Round: s.Round,
			Complete: s.Complete,
		})
	}
	return out
}

// quitOnHangup calls quit when the terminal hangs up (SIGHUP) until stop
// is called. stop returns once the watching goroutine has ended:
// signal.Stop alone never closes the channel, and a goroutine waiting on
// it would wait for ever.
func quitOnHangup(quit func()) (stop func()) {
	hup := make(chan os.Signal, 1)
	done, ended := make(chan struct{}), make(chan struct{})
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		defer close(ended)
		select {
		case <-hup:
			quit()
		case <-done:
		}
	}()
	return func() {
		signal.Stop(hup)
		close(done)
		<-ended
	}
}

// needTerminal refuses to start the screens when there is no terminal to
// draw them in (a pipe, a script, a service), which Bubble Tea would
// report as an English error about /dev/tty.
func (a *app) needTerminal() error {
	if term.IsTerminal(int(os.Stdin.Fd())) {
		return nil
	}
	in, out, err := tea.OpenTTY()
	if err != nil {
		return fail("programmet behöver en terminal för sina skärmar, och här finns ingen. Med en skärmläsare, eller för att läsa och skriva rader från en fil eller ett skript: "+a.command("--accessible")+".",
			"the program needs a terminal for its screens, and there is none here. With a screen reader, or to read and write lines from a file or a script: "+a.command("--accessible")+".")
	}
	in.Close()
	if out != in {
		out.Close()
	}
	return nil
}

// Package accessible is sipmote's accessible mode: the whole program as
// plain lines for a screen reader or a braille display. Lines are only
// ever added, never redrawn: no alternate screen, no cursor addressing, no
// borders, no colour, no line longer than 80 characters. A line that
// starts with ':' is a command; any other line is text for the field in
// focus. It is a front end on the service, as the full screen is: edits
// go through a session's view, and saving, the trail and the private
// field behave as they do there.
//
// The mode reads standard input line by line, from a terminal or a pipe,
// on a goroutine of its own; everything else happens on the one loop in
// Run, so that the plan is only ever touched inside View.Edit or Read.
package accessible

import (
	"bufio"
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/sipmote/sipmote/internal/textwrap"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/termsafe"
	ms "github.com/sipmote/sipmote/ui/screens/meeting"
	"github.com/sipmote/sipmote/ui/screens/meeting/checklist"
	"github.com/sipmote/sipmote/ui/screens/room"
)

// Width is the longest line the mode writes: a braille display shows 40
// or 80 cells, and a screen reader reads a short line at once.
const Width = 80

// Options are what the mode runs on; cli fills them as for the full
// screen.
type Options struct {
	Service *service.Service
	Lang    model.Lang
	Now     func() time.Time
	In      io.Reader
	Out     io.Writer
	// Agenda gives a variant's agenda steps (the checklists' agenda).
	Agenda func(v model.AgeGroup) []room.Step
	// OpenPlan, when set, opens that plan's meeting at once.
	OpenPlan string
	// Notice is said first (a local checklist's problem).
	Notice string
	// Checklist gives a variant's before- and after-meeting checklists.
	Checklist checklist.Lists
	// QuickWords are the words a participant typed on one line is read
	// with ("Eva Lund, närstående, telefon"), as on the full screen.
	QuickWords []model.QuickWord
	// PrintOptions gives a print its options (the easy-read page).
	PrintOptions func(p *model.Plan, v *model.Version) service.PrintOptions
	// Share shares a meeting over SSH (:dela); ShareOnOpen shares the
	// meeting opened first at once (sipmote serve).
	Share       ms.Sharer
	ShareOnOpen bool
	// Quit ends the mode as :avsluta does, when a signal asks (ctrl+c,
	// a closed terminal window, a shutdown).
	Quit <-chan struct{}
	// CloseRetry is how long the last save of a meeting is tried again
	// when the meeting ends.
	CloseRetry time.Duration
}

// runner is the mode's state; only Run's loop touches it.
type runner struct {
	ctx   context.Context // passed to every service call
	o     Options
	l     model.Lang
	out   io.Writer
	home  []model.Summary
	ask   *question
	meet  *meeting
	quit  bool
	jobs  chan func()
	busy  sync.WaitGroup
	saved bool // false once a meeting's text did not reach the database
}

// question waits for the next line: a form's field or a numbered choice.
type question struct {
	handle func(line string)
	cancel func()
}

// Run runs the mode until :avsluta or the end of the input. It returns
// whether everything typed is in the database. ctx goes to every service
// call; cancelling it ends a wait (an opening of a plan still closing).
func Run(ctx context.Context, o Options) bool {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.CloseRetry == 0 {
		o.CloseRetry = 5 * time.Second
	}
	r := &runner{ctx: ctx, o: o, l: o.Lang, out: o.Out, jobs: make(chan func(), 8), saved: true}
	lines := make(chan inLine)
	stop := make(chan struct{})
	defer close(stop)
	if o.Notice != "" {
		r.say(o.Notice)
	}
	r.say(model.T(r.l, "sipmote, tillgängligt läge. Kommandon börjar med kolon. :hjälp visar dem.",
		"sipmote, accessible mode. Commands start with a colon. :help lists them."))
	// What a terminal holds now was typed before this line could be read:
	// dropped (typeahead.go), before anything reads the input.
	dropped := dropTypeAhead(o.In)
	go readLines(o.In, lines, stop)
	r.sayDropped(dropped)
	r.offerRecoveries(o.Service.Recoveries(), func() {
		if o.OpenPlan != "" {
			r.open(o.OpenPlan)
		} else {
			r.showHome()
		}
	})
	save := time.NewTicker(service.SaveInterval)
	defer save.Stop()
	clock := time.NewTicker(time.Second)
	defer clock.Stop()
	for !r.quit {
		var events <-chan service.Event
		if r.meet != nil {
			events = r.meet.events
		}
		select {
		case ln, ok := <-lines:
			if !ok {
				r.quit = true
				break
			}
			if ln.tooLong {
				r.sayT("Raden var för lång för ett fält och togs inte emot. Dela upp texten i stycken.",
					"The line was too long for a field and was not taken. Split the text into paragraphs.")
				continue
			}
			r.line(ln.text)
		case <-o.Quit:
			r.sayT("Avslutar och sparar…", "Ending and saving…")
			r.quit = true
		case e, ok := <-events:
			if !ok {
				r.meet.events = nil // the session closed; Edit does nothing now
				continue
			}
			r.meet.event(e)
		case f := <-r.jobs:
			f()
		case <-save.C:
			if r.meet != nil {
				r.meet.saveTick()
			}
		case <-clock.C:
			if r.meet != nil {
				r.meet.clockTick()
			}
		}
	}
	// What was asked of the disk or the printer is waited for, so that its
	// answer is said before the meeting closes.
	r.drain()
	r.leave()
	r.say(model.T(r.l, "Hej då.", "Goodbye."))
	return r.saved
}

// inLine is one line of input; tooLong marks a line longer than any field
// holds, whose text was dropped.
type inLine struct {
	text    string
	tooLong bool
}

// maxLine is the longest line taken: a field's limit in bytes of UTF-8.
const maxLine = model.MaxFieldChars*4 + 16

// readLines sends each line of in until its end, then closes lines. A
// line too long is dropped and said so, and reading goes on: a pasted
// book must not end the meeting.
func readLines(in io.Reader, lines chan<- inLine, stop <-chan struct{}) {
	defer close(lines)
	br := bufio.NewReaderSize(in, 64*1024)
	for {
		var buf []byte
		tooLong := false
		chunk, err := br.ReadSlice('\n')
		for errors.Is(err, bufio.ErrBufferFull) {
			if !tooLong && len(buf)+len(chunk) <= maxLine {
				buf = append(buf, chunk...)
			} else {
				tooLong, buf = true, nil
			}
			chunk, err = br.ReadSlice('\n')
		}
		if !tooLong && len(buf)+len(chunk) <= maxLine {
			buf = append(buf, chunk...)
		} else {
			tooLong, buf = true, nil
		}
		if len(buf) > 0 || tooLong || err == nil {
			select {
			case lines <- inLine{text: strings.TrimRight(string(buf), "\r\n"), tooLong: tooLong}:
			case <-stop:
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// async runs work off the loop; the function it returns runs on the loop.
func (r *runner) async(work func() func()) {
	r.busy.Add(1)
	go func() {
		f := work()
		r.jobs <- func() { r.busy.Done(); f() }
	}()
}

// drain runs the answers of the work still going.
func (r *runner) drain() {
	done := make(chan struct{})
	go func() { r.busy.Wait(); close(done) }()
	for {
		select {
		case f := <-r.jobs:
			f()
		case <-done:
			for {
				select {
				case f := <-r.jobs:
					f()
				default:
					return
				}
			}
		}
	}
}

// say writes text as lines of at most Width characters, each paragraph
// of text on lines of its own. Stored text is cleaned of terminal
// sequences and control characters first: nothing a plan holds may move
// the cursor or change the screen.
func (r *runner) say(text string) {
	text = termsafe.String(text)
	var b strings.Builder
	for _, para := range strings.Split(text, "\n") {
		para = strings.Map(func(c rune) rune {
			if unicode.IsControl(c) {
				return ' '
			}
			return c
		}, para)
		for _, ln := range textwrap.Lines(para, Width, "", "") {
			b.WriteString(ln + "\n")
		}
	}
	_, _ = io.WriteString(r.out, b.String())
}

// sayf is say of a Swedish or English line.
func (r *runner) sayT(sv, en string) { r.say(model.T(r.l, sv, en)) }

// line takes one line of input.
func (r *runner) line(line string) {
	line = strings.TrimRight(line, "\r")
	if strings.HasPrefix(strings.TrimSpace(line), ":") {
		c, arg := parse(line)
		if r.ask != nil {
			switch c {
			case cmdCancel:
				a := r.ask
				r.ask = nil
				if a.cancel != nil {
					a.cancel()
				}
				return
			case cmdHelp:
				r.sayT("Svara på frågan, eller :avbryt.", "Answer the question, or :cancel.")
				return
			case cmdQuit:
				r.ask = nil
				r.quit = true
				return
			}
		}
		if c == cmdNone {
			r.sayT("Okänt kommando. :hjälp visar kommandona.", "Unknown command. :help lists the commands.")
		}
		if r.ask != nil {
			// A known command waits for the answer: say only that.
			r.sayT("En fråga väntar på svar; :avbryt avbryter den.", "A question waits for an answer; :cancel cancels it.")
		}
		if c == cmdNone || r.ask != nil {
			return
		}
		r.command(c, arg)
		return
	}
	if r.ask != nil {
		a := r.ask
		r.ask = nil
		a.handle(line)
		return
	}
	if r.meet != nil {
		r.meet.text(line)
		return
	}
	if strings.TrimSpace(line) != "" {
		r.sayT("Skriv ett kommando, t.ex. :öppna 1 eller :ny. :hjälp visar alla.",
			"Type a command, e.g. :open 1 or :new. :help lists them all.")
	}
}

// command runs a command where it is offered.
func (r *runner) command(c cmd, arg string) {
	switch c {
	case cmdHelp:
		r.help()
		return
	case cmdQuit:
		r.askIfShared(func() { r.quit = true })
		return
	case cmdList:
		r.askIfShared(func() {
			r.leave()
			r.showHome()
		})
		return
	}
	if r.meet != nil {
		r.meet.command(c, arg)
		return
	}
	r.homeCommand(c, arg)
}

// askIfShared leaves the meeting by do, after asking when devices are
// connected to it: leaving disconnects them, as on the full screen. A
// second :avsluta while it asks ends the program without a word more.
func (r *runner) askIfShared(do func()) {
	m := r.meet
	if m == nil || m.shared == nil {
		do()
		return
	}
	devs := m.shared.sh.Devices()
	if len(devs) == 0 {
		do()
		return
	}
	var who []string
	for _, role := range []string{"chair", "room"} {
		for _, d := range devs {
			if d.Role == role {
				who = append(who, roleName(r.l, role))
				break
			}
		}
	}
	l := r.l
	r.choose(model.Plural(l, len(devs),
		"%d skärm är ansluten ("+strings.Join(who, " och ")+") och kopplas från om du lämnar mötet. Inget som skrivits går förlorat, vilket du än svarar.",
		"%d skärmar är anslutna ("+strings.Join(who, " och ")+") och kopplas från om du lämnar mötet. Inget som skrivits går förlorat, vilket du än svarar.",
		"%d screen is connected ("+strings.Join(who, " and ")+") and is disconnected if you leave the meeting. Nothing typed is lost, whatever you answer.",
		"%d screens are connected ("+strings.Join(who, " and ")+") and are disconnected if you leave the meeting. Nothing typed is lost, whatever you answer."),
		[]string{model.T(l, "Lämna mötet ändå", "Leave the meeting anyway"), model.T(l, "Stanna kvar i mötet", "Stay in the meeting")},
		func(i int) {
			if i == 0 {
				do()
				return
			}
			r.sayT("Du är kvar i mötet.", "You are still in the meeting.")
		}, func() { r.sayT("Du är kvar i mötet.", "You are still in the meeting.") })
}

// help lists the commands offered where the user is.
func (r *runner) help() {
	if r.meet != nil {
		r.sayT("I mötet läggs varje rad som inte börjar med kolon till i fältet i fokus, som ett nytt stycke.",
			"In the meeting every line that does not start with a colon is added to the field in focus, as a new paragraph.")
	}
	for _, w := range words {
		if (r.meet != nil && w.inMeet) || (r.meet == nil && w.atHome) {
			r.say(":" + model.T(r.l, w.sv, w.en) + w.arg.In(r.l) + " " + model.T(r.l, "–", "–") + " " + w.what.In(r.l))
		}
	}
}

// choose asks for one of the options by number and calls pick with its
// index.
func (r *runner) choose(prompt string, opts []string, pick func(i int), cancel func()) {
	r.say(prompt)
	for i, o := range opts {
		r.say(itoa(i+1) + ". " + o)
	}
	r.sayT("Skriv numret, eller :avbryt.", "Type the number, or :cancel.")
	var q *question
	q = &question{cancel: cancel, handle: func(line string) {
		n, ok := number(line, len(opts))
		if !ok {
			r.sayT("Skriv ett av numren 1 till "+itoa(len(opts))+", eller :avbryt.", "Type one of the numbers 1 to "+itoa(len(opts))+", or :cancel.")
			r.ask = q
			return
		}
		pick(n - 1)
	}}
	r.ask = q
}

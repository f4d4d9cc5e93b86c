package accessible

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sipmote/sipmote/checklists"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/screens/meeting/checklist"
	"github.com/sipmote/sipmote/ui/screens/room"
)

var fixedNow = time.Date(2026, 11, 24, 9, 30, 0, 0, time.Local)

func agenda(t *testing.T) func(model.AgeGroup) []room.Step {
	set, probs := checklists.Load("")
	if len(probs) > 0 {
		t.Fatalf("default checklists: %v", probs)
	}
	return func(v model.AgeGroup) []room.Step {
		var out []room.Step
		for _, s := range set.AgendaFor(v) {
			out = append(out, room.Step{ID: s.ID, Part: s.Part, Share: s.Share, Prompt: s.Prompt, Title: s.Title, Section: s.Section, Round: s.Round, Complete: s.Complete})
		}
		return out
	}
}

// quickWords are the real default quick row's words.
func quickWords(t *testing.T) []model.QuickWord {
	set, _ := checklists.Load("")
	if len(set.QuickWords) == 0 {
		t.Fatal("the default checklists have no quick row words")
	}
	return set.QuickWords
}

// checklist is the real default before- and after-meeting checklists.
func routineLists(t *testing.T) checklist.Lists {
	set, _ := checklists.Load("")
	return func(v model.AgeGroup) (before, after []checklist.Item) {
		for _, it := range set.BeforeFor(v) {
			before = append(before, checklist.Item{ID: it.ID, Text: it.Text})
		}
		for _, it := range set.AfterFor(v) {
			after = append(after, checklist.Item{ID: it.ID, Text: it.Text})
		}
		return before, after
	}
}

// lockedBuffer is the mode's output, read by the test while it runs.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (w *lockedBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *lockedBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// run runs the mode on a database file with script as standard input,
// through a real pipe, and returns what it wrote.
func run(t *testing.T, path string, l model.Lang, script []string) string {
	t.Helper()
	svc, err := service.Open(path, service.Options{Now: func() time.Time { return fixedNow }, RecoveryDirs: []string{t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	go func() {
		for _, s := range script {
			_, _ = pw.WriteString(s + "\n")
		}
		pw.Close()
	}()
	var out lockedBuffer
	done := make(chan bool)
	go func() {
		done <- Run(context.Background(), Options{Service: svc, Lang: l, Now: func() time.Time { return fixedNow }, In: pr, Out: &out, Agenda: agenda(t), Checklist: routineLists(t), QuickWords: quickWords(t)})
	}()
	select {
	case saved := <-done:
		if !saved {
			t.Errorf("Run says not everything was saved:\n%s", out.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("the mode did not end at the end of its input:\n%s", out.String())
	}
	checkPlain(t, out.String())
	return out.String()
}

// checkPlain fails for anything but plain lines: no escape character at
// all (so no cursor addressing, no alternate screen, no colour), no
// carriage return that would write over a line, no line over 80.
func checkPlain(t *testing.T, out string) {
	t.Helper()
	if strings.ContainsAny(out, "\x1b\r\u009b") {
		t.Errorf("output holds an escape or carriage return: %q", out)
	}
	for _, ln := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(ln); n > Width {
			t.Errorf("line of %d characters: %q", n, ln)
		}
	}
}

func load(t *testing.T, path string) *model.Plan {
	t.Helper()
	svc, err := service.Open(path, service.Options{RecoveryDirs: []string{t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	sums, err := svc.List(context.Background())
	if err != nil || len(sums) != 1 {
		t.Fatalf("list: %v %v", sums, err)
	}
	p, err := svc.Load(context.Background(), sums[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMeetingThroughAPipeSwedish(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sip.db")
	secret := "Pappas sjukdom"
	out := run(t, path, model.Swedish, []string{
		":ny", "Karin Lund", "", "", "", "", "Vårdcentralen", "9", "1", "Eva Chair", "",
		":punkt 5",
		"Karin bor ensam i en lägenhet.",
		"Hon vill börja arbeta igen.",
		strings.Repeat("lång ", maxLine/5+10),
		":läs",
		":punkt 2", "Anna Berg",
		":punkt 8", "Egen lägenhet inom ett år", "Ett mål som tas bort", ":ta bort 2", "2", ":ta bort 2", "1",
		":punkt 4", ":fält 6", "ja tack", ":fält 8", secret, ":läs", ":visa",
		":klar", ":tid", ":fynd", ":fynd 4",
		":punkt 9999", ":okänt", "", ":hjälp", ":logg", ":planen", ":kopior", ":kopior + Per Wall, Geriatriken", ":kopior 1",
	})
	p := load(t, path)
	d := p.Draft
	if d == nil {
		t.Fatalf("no draft saved:\n%s", out)
	}
	if p.Person.Name != "Karin Lund" || d.Meeting.Place != "Vårdcentralen" || d.Meeting.Chair != "Eva Chair" {
		t.Errorf("form: %q %q %q\n%s", p.Person.Name, d.Meeting.Place, d.Meeting.Chair, out)
	}
	if want := "Karin bor ensam i en lägenhet.\nHon vill börja arbeta igen."; d.Content.Situation != want {
		t.Errorf("situation = %q, want %q\n%s", d.Content.Situation, want, out)
	}
	if len(d.Meeting.Participants) != 1 || d.Meeting.Participants[0].Name != "Anna Berg" {
		t.Errorf("participants: %+v", d.Meeting.Participants)
	}
	if len(d.Content.Goals) != 1 || d.Content.Goals[0].Text != "Egen lägenhet inom ett år" {
		t.Errorf("goals: %+v", d.Content.Goals)
	}
	if len(d.Consent.NotRaise) != 1 || d.Consent.NotRaise[0] != secret {
		t.Errorf("not to raise: %q\n%s", d.Consent.NotRaise, out)
	}
	for _, want := range []string{
		"Punkt 5 av 14: Hur det är nu. ",
		"Fältet Hur det är nu är tomt.",
		"Punkt 4 av 14:",
		"dolt fält",
		"Okänt kommando",
		"Det du skrev sparades inte;",
		"Åtkomstloggen, ",
		"Slut på planen.",
		"Dagordningen har punkt 1 till 14.",
		"saker att se över;",
		"Raden är borttagen.",
		"Raden var för lång för ett fält och togs inte emot.",
		"Del 8: Samordnare. Fält 1 av 1: Samordnare.",
		"Mötet är stängt och allt som skrevs är sparat.",
	} {
		if !strings.Contains(strings.ReplaceAll(out, "\n", " "), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The private field is said only after :visa asked for it.
	i := strings.Index(out, secret)
	if i < 0 {
		t.Errorf(":visa did not read the hidden field:\n%s", out)
	} else if strings.Count(out, secret) != 1 || !strings.Contains(out[:i], "1. Samtycke finns") {
		t.Errorf("the hidden field was said before :visa, or twice:\n%s", out)
	}
	if len(d.Copies.Added) != 1 || d.Copies.Added[0].Name != "Per Wall" || d.Copies.Added[0].Unit != "Geriatriken" ||
		len(d.Copies.Removed) != 1 || d.Copies.Removed[0] != "Anna Berg" {
		t.Errorf("copy list edits: %+v\n%s", d.Copies, out)
	}
	if st := d.Agenda[stepAt(t, p, 3)]; !st.Done {
		t.Errorf(":klar did not mark step 4 done: %+v", d.Agenda)
	}
}

// stepAt is the id of agenda step i of the plan's variant.
func stepAt(t *testing.T, p *model.Plan, i int) string {
	return agenda(t)(p.Variant)[i].ID
}

func TestMeetingThroughAPipeEnglish(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sip.db")
	out := run(t, path, model.English, []string{
		":new", "Eva Holm", "", "", "", "45", "", "", "", "",
		":step 5", "Eva lives with her son.",
		":next", ":next", ":next", "A flat of her own", ":new", "Work three days a week",
		":read", ":time", ":findings", ":checklist", ":checklist 1", ":start", ":time", ":undo start", ":step 12", "2", ":field 1", "0", "1", ":step 2", "Anna Berg", "", "Health centre North", ":round", ":round 1", ":quit",
		"this line comes after quit and is not taken",
	})
	p := load(t, path)
	d := p.Draft
	if d.Content.Situation != "Eva lives with her son." {
		t.Errorf("situation = %q\n%s", d.Content.Situation, out)
	}
	if before, _ := routineLists(t)(p.Variant); !p.Ticked(before[0].ID) || len(d.Ticks) != 1 {
		t.Errorf("ticks = %v\n%s", d.Ticks, out)
	}
	if d.Content.FollowUp.State != model.FollowUpStates[0] {
		t.Errorf("option 1 of the follow-up chose %q, want %q", d.Content.FollowUp.State, model.FollowUpStates[0])
	}
	if ids := d.Rounds[stepAt(t, p, 1)]; len(ids) != 1 || len(d.Meeting.Participants) != 1 || ids[0] != d.Meeting.Participants[0].ID {
		t.Errorf("round of step 2: %v", d.Rounds)
	}
	if pt := d.Meeting.Participants; len(pt) != 1 || pt[0].Unit != "Health centre North" || pt[0].Role != model.RoleStaff {
		t.Errorf("an empty line did not leave the role and move to the unit: %+v", pt)
	}
	if d.Started() {
		t.Errorf(":undo start left the meeting started")
	}
	if d.Meeting.Minutes != 45 {
		t.Errorf("minutes = %d", d.Meeting.Minutes)
	}
	var goals []string
	for _, g := range d.Content.Goals {
		goals = append(goals, g.Text)
	}
	if strings.Join(goals, "|") != "A flat of her own|Work three days a week" {
		t.Errorf("goals = %q\n%s", goals, out)
	}
	for _, want := range []string{"Step 5 of 14: ", "The field Current situation is empty.", "1. Anna Berg, has not spoken", "0 takes the choice away.", "nothing chosen.", "Anna Berg has spoken.", "1. A flat of her own", "Before the meeting:", "Ticked: ", "The meeting has started", "Meeting: 0 of 45 minutes.", "The start is undone", "Goodbye."} {
		if !strings.Contains(strings.ReplaceAll(out, "\n", " "), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Okänt") || strings.Contains(out, "Punkt ") {
		t.Errorf("Swedish in the English mode:\n%s", out)
	}
}

// A new-plan form left half-way (the input ended) is kept, and the next
// :ny goes on with it: nothing answered is lost.
func TestNewPlanFormIsKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sip.db")
	run(t, path, model.Swedish, []string{":ny", "Ulla Berg", "", "2026-12-01"})
	out := run(t, path, model.Swedish, []string{":ny", "", "", "", "", "", "", "", "", ""})
	if !strings.Contains(out, "Ett påbörjat formulär") {
		t.Errorf("the kept form was not offered:\n%s", out)
	}
	p := load(t, path)
	if p.Person.Name != "Ulla Berg" || p.Draft.Meeting.Date != "2026-12-01" {
		t.Errorf("plan from the kept form: %q %q\n%s", p.Person.Name, p.Draft.Meeting.Date, out)
	}
}

// TestKnownCommandWhileAsked: a command that exists, given while a
// question waits, is told the question waits, not that it is unknown;
// an unknown one hears both.
func TestKnownCommandWhileAsked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sip.db")
	out := run(t, path, model.Swedish, []string{":ny", ":punkt", ":avbryt"})
	if strings.Contains(out, "Okänt kommando") || !strings.Contains(out, "En fråga väntar på svar") {
		t.Errorf(":punkt while a question waits:\n%s", out)
	}
	out = run(t, path, model.Swedish, []string{":ny", ":blaha", ":avbryt"})
	if !strings.Contains(out, "Okänt kommando") || !strings.Contains(out, "En fråga väntar på svar") {
		t.Errorf(":blaha while a question waits:\n%s", out)
	}
}

// TestNewPlanTakesNaturalInput: the plain-text form reads a date, a time
// and a length as the full screen's form does ("i dag", "9.30", "1 h 30
// min"), and refuses a date a digit short, saying so (tryout2 #10, #25).
func TestNewPlanTakesNaturalInput(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sip.db")
	out := run(t, path, model.Swedish, []string{":ny", "Ulla Berg", "", "2027-01-1", "i dag", "9.30", "1 h 30 min", "", "", "", ""})
	if !strings.Contains(out, "Datumet verkar sakna en siffra") {
		t.Errorf("2027-01-1 was not refused as a digit short:\n%s", out)
	}
	m := load(t, path).Draft.Meeting
	if m.Date != fixedNow.Format(model.DateLayout) || m.Start != "09:30" || m.Minutes != 90 {
		t.Errorf("read as %q %q %d, want today, 09:30, 90:\n%s", m.Date, m.Start, m.Minutes, out)
	}
}

// A meeting date years back is said once; an empty line keeps it, as
// ctrl+s again does on the full screen.
func TestNewPlanFarDateAskedOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sip.db")
	out := run(t, path, model.English, []string{":new", "Gustav Gammal", "", "2020-01-01", "", "", "", "", "", "", ""})
	if !strings.Contains(out, "The meeting date 2020-01-01 was 6 years ago.") {
		t.Errorf("the far date was not said:\n%s", out)
	}
	if p := load(t, path); p.Draft.Meeting.Date != "2020-01-01" {
		t.Errorf("the date kept by an empty line: %q\n%s", p.Draft.Meeting.Date, out)
	}
}

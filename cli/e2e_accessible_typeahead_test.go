package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// lonePlan is a database file in t's folder with one new plan for name.
func lonePlan(t *testing.T, name string) (db string, p *model.Plan) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "sip.db")
	p = model.NewPlan(model.Person{Name: name}, time.Now())
	svc, err := service.Open(db, service.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if err := svc.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return db, p
}

// savedPlan is plan id as the database file db holds it.
func savedPlan(t *testing.T, db, id string) *model.Plan {
	t.Helper()
	svc, err := service.Open(db, service.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	p, err := svc.Load(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestAccessibleDropsLinesTypedAhead: on a real terminal (tmux, 80x24),
// lines typed while the program starts are never acted on (issue 27: a
// "p" typed ahead became the person's name), and one line says how many
// there were; the unfinished line typed ahead is dropped too, so it never
// starts the next line. What is typed once the mode is there works as
// always. (A pipe is read whole: TestAccessibleModeFromAPipe.)
func TestAccessibleDropsLinesTypedAhead(t *testing.T) {
	needTool(t, "tmux")
	bin := buildBinary(t)
	env, _ := accessibleEnv(t)
	db, p := lonePlan(t, "Lars Ek")
	// The program starts two seconds after the terminal: what is typed
	// meanwhile waits in the terminal, as keys typed at a slow start do.
	argv := append([]string{"sh", "-c", `sleep 2; "$@"; echo "EXIT=$?"; sleep 60`, "sh", "env"}, env...)
	tm := startTmux(t, 80, 24, append(argv, bin, "meeting", p.ID, "--db", db, "--accessible")...)
	tm.keys("p", "Enter")
	tm.keys(":punkt 5", "Enter")
	tm.keys("-l", "Fel ")
	s := tm.waitFor("Mötet för Lars Ek är öppet.", 10*time.Second)
	if !strings.Contains(s, "3 rader skrevs innan sipmote var klart; de gjorde ingenting.") {
		t.Errorf("the lines typed ahead are not said to be dropped:\n%s", s)
	}
	tm.keys(":punkt 5", "Enter")
	tm.waitFor("Punkt 5 av 14", 5*time.Second)
	tm.keys("Lars vill flytta.", "Enter")
	tm.waitFor("Tillagt i Hur det är nu.", 5*time.Second)
	tm.keys(":avsluta", "Enter")
	s = tm.waitFor("EXIT=", 10*time.Second)
	if !strings.Contains(s, "EXIT=0") {
		t.Errorf("the mode did not end well:\n%s", s)
	}
	got := savedPlan(t, db, p.ID)
	if got.Person.Name != "Lars Ek" {
		t.Errorf("a line typed ahead reached the plan: name %q", got.Person.Name)
	}
	if got.Draft.Content.Situation != "Lars vill flytta." {
		t.Errorf("situation %q, want only the line typed once the mode was there", got.Draft.Content.Situation)
	}
}

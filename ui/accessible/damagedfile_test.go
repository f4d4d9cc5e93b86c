package accessible

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/spoil"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// :cancel on the new-plan questions says what became of the answers: kept
// when they are on disk, nothing made when none was given.
func TestNewPlanCancelSaysWhatIsKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sip.db")
	out := run(t, path, model.Swedish, []string{":ny", ":avbryt"})
	if !strings.Contains(out, "Ingen ny plan skapades.") || strings.Contains(out, "formuläret är sparat") {
		t.Errorf(":avbryt before any answer:\n%s", out)
	}
	out = run(t, path, model.English, []string{":new", "Ulla Berg", ":cancel"})
	if !strings.Contains(out, "the form is kept and :new goes on with it") {
		t.Errorf(":cancel after an answer:\n%s", out)
	}
}

// On a database found damaged (so it takes no writes), :new says so before
// its first question, in the user's language.
func TestNoNewPlanOnADamagedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sip.db")
	svc, err := service.Open(path, service.Options{Now: func() time.Time { return fixedNow }, RecoveryDirs: []string{t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	p := model.NewPlan(model.Person{Name: "Olle Sund"}, fixedNow)
	if err := svc.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	svc.Close()
	spoil.Name(t, path, "Olle")
	// Reading the plan finds the damage, and the file keeps that it did.
	svc, err = service.Open(path, service.Options{RecoveryDirs: []string{t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Load(context.Background(), p.ID); err == nil {
		t.Fatal("the damaged plan was read as whole")
	}
	svc.Close()
	for _, c := range []struct {
		l          model.Lang
		cmd, no    string
		why, first string
	}{
		{model.Swedish, ":ny", "Ingen ny plan kan göras i den här databasen", "skadade poster", "Den enskildes namn"},
		{model.English, ":new", "No new plan can be made in this database", "damaged records", "The person's name"},
	} {
		out := run(t, path, c.l, []string{c.cmd, "Maja Lind"})
		if !strings.Contains(out, c.no) || !strings.Contains(out, c.why) || strings.Contains(out, c.first) {
			t.Errorf("%s on a damaged file:\n%s", c.cmd, out)
		}
	}
}

// A list of one row is said in the singular, and a hidden field's line
// after its label's full stop begins as a sentence.
func TestListAndHiddenFieldWording(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sip.db")
	out := run(t, path, model.Swedish, []string{":ny", "Karin Lund", "", "", "", "", "", "", "", "",
		":del 1", "Eva Lund", ":del 2", ":del 1"})
	if flat := strings.Join(strings.Fields(out), " "); !strings.Contains(flat, "Listan Deltagare har 1 rad. :läs") {
		t.Errorf("one row:\n%s", out)
	}
	out = run(t, path, model.English, []string{":open 1", ":section 2", ":field 8"})
	if flat := strings.Join(strings.Fields(out), " "); !strings.Contains(flat, ". Hidden field") {
		t.Errorf("a hidden field's line:\n%s", out)
	}
}

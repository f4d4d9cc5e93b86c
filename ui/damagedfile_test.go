package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/spoil"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
)

// damagedService gives a database of two plans whose second plan's record
// has a flipped byte, as a failing disk leaves it, opened; find reads that
// plan, which finds the damage: from then on the database takes no write.
func damagedService(t *testing.T) (*service.Service, func()) {
	t.Helper()
	db := openTestDB(t)
	var damaged string
	for _, name := range []string{"Vera Sund", "Olle Sund"} {
		p := model.NewPlan(model.Person{Name: name}, fixedNow)
		if err := db.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		damaged = p.ID
	}
	path := db.Path()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	spoil.Name(t, path, "Olle")
	svc, err := service.Open(path, service.Options{Now: func() time.Time { return fixedNow },
		RecoveryDirs: []string{filepath.Join(t.TempDir(), "recovery")}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Close() })
	if err := svc.Writable(); err != nil {
		t.Fatalf("the damage was found before any read: %v", err)
	}
	return svc, func() {
		t.Helper()
		if _, err := svc.Load(context.Background(), damaged); err == nil {
			t.Fatal("the damaged plan was read as whole")
		}
		if err := svc.Writable(); !errors.Is(err, service.ErrDamaged) {
			t.Fatalf("after reading the damaged plan Writable = %v, want ErrDamaged", err)
		}
	}
}

// On a database that takes no writes, n says so at once instead of
// opening a form whose name, dates and place could not be kept.
func TestNoNewPlanFormOnADamagedFile(t *testing.T) {
	for _, c := range []struct {
		l        model.Lang
		no, why  string
		formWord string
	}{
		{model.Swedish, "Ingen ny plan kan göras i den här databasen", "skadade poster", "Den enskildes namn"},
		{model.English, "No new plan can be made in this database", "damaged records", "The person's name"},
	} {
		svc, find := damagedService(t)
		find()
		m := newTestModel(t, svc, c.l, 80, 24)
		press(m, "n")
		got := strings.Join(strings.Fields(screenText(m)), " ")
		if m.screen != screenHome || strings.Contains(got, c.formWord) {
			t.Errorf("%s: n opened the form on a damaged file:\n%s", c.l, screenText(m))
		}
		if !strings.Contains(got, c.no) || !strings.Contains(got, c.why) {
			t.Errorf("%s: n on a damaged file does not say why nothing opens:\n%s", c.l, screenText(m))
		}
	}
}

// The form open when the file is found damaged: its saves are not said to
// be tried again (no try will do), and esc does not say it is kept.
func TestFormOnAFileFoundDamagedIsNotSaidKept(t *testing.T) {
	for _, c := range []struct {
		l                     model.Lang
		onlyHere, retry, kept string
		notSaved, goOn        string
	}{
		{model.Swedish, "texten finns bara kvar på skärmen", "försöker igen", "Formuläret är sparat",
			"Formuläret kunde inte sparas", "tryck n för att fortsätta"},
		{model.English, "the text is only on screen", "trying again", "The form is kept",
			"The form could not be saved", "press n to go on"},
	} {
		svc, find := damagedService(t)
		m := newTestModel(t, svc, c.l, 100, 30)
		press(m, "n")
		if m.screen != screenNew {
			t.Fatalf("%s: n did not open the form before the damage was found:\n%s", c.l, screenText(m))
		}
		typeText(m, "Maja")
		// The file is found damaged while the form is open: the form's
		// next save meets the refusal.
		find()
		send(m, formTickMsg{gen: m.formGen})
		got := strings.Join(strings.Fields(screenText(m)), " ")
		if !strings.Contains(got, c.onlyHere) || strings.Contains(got, c.retry) {
			t.Errorf("%s: a refused form save:\n%s", c.l, screenText(m))
		}
		typeText(m, " Lind")
		// esc (the form's cancel) is taken, and its write not yet made:
		// nothing is said kept.
		drainPending(m)
		base := m.running.Load()
		_, cmd := m.Update(common.CancelMsg{})
		if m.screen != screenHome || strings.Contains(screenText(m), c.kept) {
			t.Fatalf("%s: esc before its write:\n%s", c.l, screenText(m))
		}
		runCmd(m, cmd, 0, base)
		got = strings.Join(strings.Fields(screenText(m)), " ")
		// n cannot give it back (the file takes no plan), so the screen
		// does not say it can.
		if strings.Contains(got, c.kept) || !strings.Contains(got, c.notSaved) || strings.Contains(got, c.goOn) {
			t.Errorf("%s: esc on a form that could not be saved:\n%s", c.l, screenText(m))
		}
	}
}

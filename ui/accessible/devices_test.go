package accessible

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// Another device's changes are said one line each, at most one a second,
// by section only: the hidden field's text never reaches the output.
func TestOtherDevicesChangesAreSaidOneASecond(t *testing.T) {
	svc, err := service.Open(filepath.Join(t.TempDir(), "sip.db"), service.Options{RecoveryDirs: []string{t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	p := model.NewPlan(model.Person{Name: "Lars Ek"}, time.Now())
	if err := svc.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	ss, err := svc.OpenSession(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	other := ss.Attach() // the chair's device
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	var out lockedBuffer
	done := make(chan bool)
	go func() {
		done <- Run(context.Background(), Options{Service: svc, Lang: model.Swedish, In: pr, Out: &out, Agenda: agenda(t), OpenPlan: p.ID})
	}()
	waitFor(t, &out, "är öppet", 1)
	const secret = "Hemligt ämne om skulder"
	other.Edit(func(pl *model.Plan) {
		pl.Draft.Consent.NotRaise = []string{secret}
		other.Changed(model.SectionConsent)
		pl.Draft.Content.Goals = append(pl.Draft.Content.Goals, model.Goal{ID: model.NewID(), Text: "Ett arbete"})
		other.Changed(model.SectionGoals)
		pl.Draft.Content.Situation = "Lars bor hos sin bror."
		other.Changed(model.SectionSituation)
	})
	const said = "Ändrat från en annan enhet"
	var at []time.Time
	for n := 1; n <= 3; n++ {
		waitFor(t, &out, said, n)
		at = append(at, time.Now())
	}
	for i := 1; i < len(at); i++ {
		gap := at[i].Sub(at[i-1])
		t.Logf("change %d said %v after change %d", i+1, gap.Round(time.Millisecond), i)
		if gap < 800*time.Millisecond {
			t.Errorf("changes %d and %d said %v apart, want a second", i, i+1, gap)
		}
	}
	other.Edit(func(pl *model.Plan) { other.MoveStep(agenda(t)(pl.Variant)[4].ID) })
	waitFor(t, &out, "Mötet gick vidare. Punkt 5 av 14: Hur det är nu.", 1)
	pw.Close()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the mode did not end")
	}
	o := out.String()
	checkPlain(t, o)
	for _, want := range []string{said + ": Samtycke.", said + ": Mål.", said + ": Hur det är nu."} {
		if !strings.Contains(o, want) {
			t.Errorf("output lacks %q:\n%s", want, o)
		}
	}
	if strings.Contains(o, secret) || strings.Contains(o, "skulder") {
		t.Errorf("the hidden field reached the output:\n%s", o)
	}
}

// waitFor waits until out holds s at least n times.
func waitFor(t *testing.T, out *lockedBuffer, s string, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for strings.Count(strings.ReplaceAll(out.String(), "\n", " "), s) < n {
		if time.Now().After(deadline) {
			t.Fatalf("waited for %q (%d times):\n%s", s, n, out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

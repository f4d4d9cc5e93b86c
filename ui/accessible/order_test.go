package accessible

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// TestListInTheFullScreensOrder: the plain-text mode numbers the plans as
// the full screen shows them, the open ones in Swedish name order and the
// closed ones after, so that :öppna 2 is the second row a sighted
// colleague sees (tryout2 #41: the list was in the order of the ids).
func TestListInTheFullScreensOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sip.db")
	svc, err := service.Open(path, service.Options{Now: func() time.Time { return fixedNow }, RecoveryDirs: []string{t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Örjan Ek", "Anna Ek", "bo Ek", "Karin Ek", "Åsa Ek", "Gone Ek"} {
		p := model.NewPlan(model.Person{Name: n}, fixedNow)
		switch n {
		case "Anna Ek":
			if err := p.Close(model.Closure{Reason: model.CloseNoNeed}, fixedNow); err != nil {
				t.Fatal(err)
			}
		case "Gone Ek":
			if err := p.Close(model.Closure{Reason: model.CloseConsentGone, DraftDiscarded: true}, fixedNow); err != nil {
				t.Fatal(err)
			}
		}
		if err := svc.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
	}
	svc.Close()
	out := run(t, path, model.Swedish, []string{":öppna 2"})
	var got []string
	for _, l := range strings.Split(out, "\n") {
		if l == "Avslutade planer:" {
			got = append(got, l)
		}
		if len(l) > 3 && l[0] >= '1' && l[0] <= '9' && l[1] == '.' {
			got = append(got, l[:strings.Index(l, ",")])
		}
	}
	// A plan whose consent was withdrawn has no name on the list; it is
	// named as the home screen names it, not ", avslutad".
	want := "1. bo Ek|2. Karin Ek|3. Åsa Ek|4. Örjan Ek|Avslutade planer:|5. (samtycket återkallat)|6. Anna Ek"
	if strings.Join(got, "|") != want {
		t.Errorf("the list reads %q, want %q:\n%s", strings.Join(got, "|"), want, out)
	}
	if !strings.Contains(out, "Mötet för Karin Ek är öppet.") {
		t.Errorf(":öppna 2 did not open Karin Ek's plan:\n%s", out)
	}
}

package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/printout"
	"github.com/sipmote/sipmote/service"
)

// TestTrailScreen opens the trail from the home screen, in both languages,
// and finds the events the store holds, the read itself logged, and the
// way back.
func TestTrailScreen(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		noPrinter := func([]byte, string, string) (printout.Result, error) { return printout.Result{}, nil }
		db := openTestService(t, service.Options{OSUser: "sekr1", Device: noPrinter})
		p := model.NewPlan(model.Person{Name: "Tora Test"}, time.Now())
		p.Draft.Meeting.Secretary = "Sara Sekreterare"
		if err := db.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Print(context.Background(), p, p.Draft, service.PrintOptions{Lang: l}); err != nil {
			t.Fatal(err)
		}
		// Swedish at 80 columns: the account and the secretary are read
		// whole beside the short "skapad".
		w, h := 80, 24
		if l == model.English {
			w, h = 100, 30
		}
		m := newTestModel(t, db, l, w, h)
		press(m, "t")
		screen := screenText(m)
		for _, want := range []string{"Tora Test", model.TrailLabel(l, "created", ""), model.TrailLabel(l, "printed", ""), "sekr1 (Sara Sekreterare)"} {
			if !strings.Contains(screen, want) {
				t.Errorf("%s: the trail screen lacks %q:\n%s", l, want, screen)
			}
		}
		if ev, _ := db.Trail(context.Background(), p.ID); len(ev) != 3 || ev[2].Kind != "viewed" || ev[2].Section != "trail" {
			t.Errorf("%s: showing the trail is not logged: %+v", l, ev)
		}
		press(m, "?")
		if !strings.Contains(screenText(m), "sipmote check") {
			t.Errorf("%s: no help on the trail screen", l)
		}
		press(m, "x", "esc")
		if strings.Contains(screenText(m), model.TrailLabel(l, "printed", "")) {
			t.Errorf("%s: esc does not leave the trail screen", l)
		}
	}
}

// TestTrailScreenShowsDevices: a shared screen's wrong codes and joining
// show in the trail screen, the device's account unknown, never the
// secretary's.
func TestTrailScreenShowsDevices(t *testing.T) {
	db := openTestService(t, service.Options{OSUser: "sekr1"})
	p := model.NewPlan(model.Person{Name: "Tora Test"}, time.Now())
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	sess, err := db.OpenSession(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	sess.DeviceRefused("chair", "127.0.0.5", "", 3)
	sess.DeviceJoined("room", "10.0.0.7", "")
	if err := sess.Close(); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 120, 30)
	press(m, "t")
	screen := screenText(m)
	for _, want := range []string{"fel kod till delat möte (mötesledarens vy), 3 försök", "okänt konto", "127.0.0.5", "10.0.0.7"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the trail screen lacks %q:\n%s", want, screen)
		}
	}
	for _, line := range strings.Split(screen, "\n") {
		if strings.Contains(line, "10.0.0.7") && strings.Contains(line, "sekr1") {
			t.Errorf("a device shown as the secretary: %q", line)
		}
	}
}

package service

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// TestShownIsTrailed: every operation that shows a plan, or the list of
// plans, records it in the trail by itself; the caller names no event.
func TestShownIsTrailed(t *testing.T) {
	now := testNow
	svc := openTest(t, Options{Now: func() time.Time { return now }})
	p := newPlan(t, svc, "Maja Lind")
	v := p.Current()
	now = now.AddDate(0, 2, 0) // the draft is left idle: due

	steps := []struct {
		name string
		show func() error
		want string // the plan's last event, kind:section
	}{
		{"copies", func() error { _, err := svc.CopyList(context.Background(), p, v, model.Swedish); return err }, "viewed:copies"},
		{"summons", func() error { _, err := svc.Summons(context.Background(), p, v, model.Swedish); return err }, "viewed:summons"},
		{"diff", func() error { _, err := svc.Diff(context.Background(), p, v, v); return err }, "viewed:diff"},
		{"due", func() error {
			due, err := svc.Due(context.Background(), 14)
			if err == nil && len(due) == 0 {
				err = fmt.Errorf("a draft idle for two months is not due")
			}
			return err
		}, "viewed:due"},
		{"trail", func() error { _, err := svc.Trail(context.Background(), p.ID); return err }, "viewed:trail"},
		{"findings", func() error { _, _, _, err := svc.Findings(context.Background(), p.ID); return err }, "viewed:findings"},
	}
	for _, st := range steps {
		if err := st.show(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		kinds := trailKinds(t, svc, p.ID)
		if got := kinds[len(kinds)-1]; got != st.want {
			t.Errorf("%s: the trail ends with %s, want %s (%v)", st.name, got, st.want, kinds)
		}
	}

	// The list: every time on the command line, once a run on the screens.
	for range 2 {
		if _, err := svc.List(context.Background()); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Home(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	file, err := svc.db.FileTrail()
	if err != nil {
		t.Fatal(err)
	}
	var lists []string
	for _, e := range file {
		if e.Kind == "listed" {
			lists = append(lists, fmt.Sprintf("%s:%d", e.Section, e.Count))
		}
	}
	if want := []string{"list:1", "home:1", "list:1"}; !slices.Equal(lists, want) {
		t.Errorf("the file's trail lists %v, want %v", lists, want)
	}
}

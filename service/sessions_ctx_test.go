package service

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// TestOpenWaitEndsOnCancel opens a plan whose session is closing and
// whose last save does not end; cancelling the opening's context ends
// its wait at once with ctx.Err(), and the closing still saves the text
// once the disk answers.
func TestOpenWaitEndsOnCancel(t *testing.T) {
	svc, disk := openSlow(t)
	disk.gate = make(chan struct{})
	p := newPlan(t, svc, "Maja Lind")
	s, err := svc.OpenSession(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	v := s.Attach()
	v.Edit(func(p *model.Plan) {
		p.Draft.Content.Notes = "Sista raden."
		v.Changed("notes")
	})
	disk.slow.Store(true)
	closed := make(chan Closed, 1)
	go func() { closed <- s.CloseWithin(0, nil) }()
	<-s.closing

	ctx, cancel := context.WithCancel(context.Background())
	opened := make(chan error, 1)
	go func() {
		_, err := svc.OpenSession(ctx, p.ID)
		opened <- err
	}()
	select {
	case err := <-opened:
		t.Fatalf("the opening did not wait for the last save: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
	cancel()
	select {
	case err := <-opened:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("a cancelled opening gave %v, want context.Canceled", err)
		}
	case <-time.After(time.Second):
		t.Fatal("a cancelled opening still waits for the last save")
	}

	disk.slow.Store(false)
	close(disk.gate)
	if res := <-closed; res.Err() != nil {
		t.Fatalf("closing: %v", res.Err())
	}
	got, err := svc.Load(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Draft.Content.Notes != "Sista raden." {
		t.Fatalf("after the closing the plan holds %q", got.Draft.Content.Notes)
	}
}

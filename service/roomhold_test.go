package service

import (
	"context"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// TestRoomHeldToACopy: while the secretary's view holds the room, every
// view reads the copy as the room's plan and the plan itself otherwise;
// letting go tells the other views, so that a projector joined over SSH
// draws the settled text at once.
func TestRoomHeldToACopy(t *testing.T) {
	svc := openTest(t, Options{})
	p := newPlan(t, svc, "Maja Lind")
	s, err := svc.OpenSession(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	secretary, room := s.Attach(), s.Attach()
	secretary.Edit(func(p *model.Plan) {
		held := &model.Plan{Person: p.Person, Draft: &model.Version{}}
		held.Draft.Content.Situation = "Hon sover dåligt."
		secretary.HoldRoom(held)
		p.Draft.Content.Situation = "Hon sover dåligt. Skulderna hos Kronofo"
		secretary.Changed(model.SectionSituation)
	})
	<-room.Events()
	room.Read(func(p *model.Plan) {
		if got := room.RoomPlan().Current().Content.Situation; got != "Hon sover dåligt." || !room.RoomHeld() {
			t.Errorf("held: the room reads %q (held %t)", got, room.RoomHeld())
		}
		if p.Draft.Content.Situation == "Hon sover dåligt." {
			t.Error("the plan itself is the copy")
		}
	})
	secretary.Edit(func(*model.Plan) { secretary.ReleaseRoom() })
	select {
	case e := <-room.Events():
		if !e.Room || e.Edited {
			t.Errorf("letting go told the room %+v", e)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("letting go told the room nothing")
	}
	room.Read(func(p *model.Plan) {
		if room.RoomPlan() != p || room.RoomHeld() {
			t.Error("after letting go the room does not read the plan itself")
		}
	})
	// Letting go of a room not held tells nobody anything.
	secretary.Edit(func(*model.Plan) { secretary.ReleaseRoom() })
	select {
	case e := <-room.Events():
		t.Errorf("an empty let-go sent %+v", e)
	default:
	}
}

package service

import (
	"context"
	"testing"

	"github.com/sipmote/sipmote/store"
)

// TestDevicesInTheTrail: a shared meeting's devices are in the trail with
// their own account where it is known and "?" where it is not, never the
// secretary's account or name; wrong codes with their address, view and
// count.
func TestDevicesInTheTrail(t *testing.T) {
	svc := openTest(t, Options{OSUser: "sekreteraren"})
	p := newPlan(t, svc, "Maja")
	sess, err := svc.OpenSession(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	sess.DeviceJoined("chair", "127.0.0.1", "maja")
	sess.DeviceJoined("room", "10.0.0.7", "")
	sess.DeviceRefused("chair", "127.0.0.5", "", 3)
	sess.DeviceRefused("", "127.0.0.6", "", 1)
	if err := sess.Close(); err != nil {
		t.Fatal(err)
	}
	sess.DeviceLeft("room", "10.0.0.7", "") // after the close: straight to the file
	trail, err := svc.Trail(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range trail {
		switch e.Kind {
		case store.TrailJoined, store.TrailLeft, store.TrailRefused:
			if e.Secretary != "" || e.OSUser == "sekreteraren" {
				t.Errorf("a device recorded as the secretary: %+v", e)
			}
			got = append(got, e.Kind+" "+e.Section+" "+e.From+" "+e.OSUser+" "+string(rune('0'+e.Count)))
		}
	}
	want := []string{"joined chair 127.0.0.1 maja 0", "joined room 10.0.0.7 ? 0", "refused chair 127.0.0.5 ? 3",
		"refused user 127.0.0.6 ? 1", "left room 10.0.0.7 ? 0"}
	if len(got) != len(want) {
		t.Fatalf("trail %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d: %q, want %q", i, got[i], want[i])
		}
	}
}

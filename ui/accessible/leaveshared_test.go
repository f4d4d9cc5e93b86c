package accessible

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/screens/meeting/sharepanel"
)

// twoDevices is a share that two devices have joined: the chair's and
// the room's. What is asked of it is the mode's, not SSH's (share has
// the tests with a real ssh client).
type twoDevices struct {
	stopped atomic.Bool
	done    chan struct{}
}

func (s *twoDevices) Code(string) string            { return "123456" }
func (s *twoDevices) Line(string) string            { return "ssh -p 2222 chair@127.0.0.1" }
func (s *twoDevices) Changed() <-chan struct{}      { return nil }
func (s *twoDevices) Done() <-chan struct{}         { return s.done }
func (s *twoDevices) Drop(int)                      {}
func (s *twoDevices) Fingerprint() string           { return "SHA256:x" }
func (s *twoDevices) Refused() []sharepanel.Refusal { return nil }
func (s *twoDevices) Stop() error                   { s.stopped.Store(true); return nil }
func (s *twoDevices) EndMeeting() error             { s.stopped.Store(true); return nil }
func (s *twoDevices) Devices() []sharepanel.Device {
	if s.stopped.Load() {
		return nil
	}
	return []sharepanel.Device{{ID: 1, Role: "chair", Since: time.Now()}, {ID: 2, Role: "room", Since: time.Now()}}
}

// TestQuitWhileSharedAsks: :avsluta with devices connected asks first,
// as the full screen does; staying keeps the meeting and its devices,
// leaving ends the program.
func TestQuitWhileSharedAsks(t *testing.T) {
	svc, err := service.Open(filepath.Join(t.TempDir(), "sip.db"), service.Options{RecoveryDirs: []string{t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	p := model.NewPlan(model.Person{Name: "Lars Ek"}, time.Now())
	if err := svc.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	sh := &twoDevices{done: make(chan struct{})}
	var out lockedBuffer
	done := make(chan bool)
	go func() {
		done <- Run(context.Background(), Options{Service: svc, Lang: model.Swedish, In: pr, Out: &out, Agenda: agenda(t), OpenPlan: p.ID,
			Share: func(*service.Session) (sharepanel.Sharing, error) { return sh, nil }})
	}()
	send := func(line string) { _, _ = pw.WriteString(line + "\n") }
	waitFor(t, &out, "är öppet", 1)
	send(":dela")
	waitFor(t, &out, "2 anslutna", 1)
	send(":avsluta")
	waitFor(t, &out, "2 skärmar är anslutna (mötesledarens dator och rummets skärm)", 1)
	send("2")
	waitFor(t, &out, "Du är kvar i mötet.", 1)
	select {
	case <-done:
		t.Fatalf("the mode ended although the user stayed:\n%s", out.String())
	case <-time.After(300 * time.Millisecond):
	}
	if sh.stopped.Load() {
		t.Fatal("staying stopped the share")
	}
	send(":avsluta")
	waitFor(t, &out, "2 skärmar är anslutna", 2)
	send("1")
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("the mode did not end after leaving:\n%s", out.String())
	}
	pw.Close()
	if !strings.Contains(out.String(), "Hej då") {
		t.Errorf("no goodbye:\n%s", out.String())
	}
}

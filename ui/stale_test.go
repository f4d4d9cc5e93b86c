package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/printout"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/screens/home"
)

// slowPrinter is a printer that answers only when told to.
type slowPrinter struct {
	started chan struct{}
	release chan struct{}
}

func newSlowPrinter() *slowPrinter {
	return &slowPrinter{started: make(chan struct{}, 4), release: make(chan struct{})}
}

func (p *slowPrinter) device(pdf []byte, printer, path string) (printout.Result, error) {
	p.started <- struct{}{}
	<-p.release
	return printout.Result{Printed: true, Printer: "Skrivaren"}, nil
}

// printed tells whether a plan's trail records a print.
func printed(t *testing.T, svc *service.Service, id string) bool {
	t.Helper()
	trail, err := svc.Trail(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return slices.ContainsFunc(trail, func(e service.TrailEvent) bool { return e.Kind == "printed" })
}

// TestPrintThenSwitchPlan is the case from issue 10: print plan A from the
// meeting, leave it and open plan B before the printer answers. The trail
// records the print on A, and B's screen does not show A's print.
func TestPrintThenSwitchPlan(t *testing.T) {
	pr := newSlowPrinter()
	svc := openTestService(t, service.Options{Device: pr.device})
	a := model.NewPlan(model.Person{Name: "Anna Ek"}, fixedNow)
	b := model.NewPlan(model.Person{Name: "Bo Berg"}, fixedNow)
	for _, p := range []*model.Plan{a, b} {
		if err := svc.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
	}
	m := newTestModel(t, svc, model.Swedish, 120, 40)
	send(m, home.OpenPlanMsg{ID: a.ID})
	press(m, "ctrl+g", "e")
	if m.session == nil || m.session.PlanID() != a.ID || m.meeting.Active != model.SectionFinish {
		t.Fatalf("not at the finish of plan A:\n%s", screenText(m))
	}
	// Press p, then p again in the list of papers, and start the print,
	// but let it hang at the printer.
	press(m, "p")
	_, cmd := m.Update(kp("p"))
	_, printCmd := m.Update(cmd())
	if printCmd == nil {
		t.Fatalf("p in the list of papers did not print:\n%s", screenText(m))
	}
	result := make(chan tea.Msg, 1)
	go func() { result <- printCmd() }()
	select {
	case <-pr.started:
	case <-time.After(10 * time.Second):
		t.Fatal("the print never reached the printer")
	}
	press(m, "ctrl+q")
	send(m, home.OpenPlanMsg{ID: b.ID})
	if m.session == nil || m.session.PlanID() != b.ID {
		t.Fatalf("plan B is not open:\n%s", screenText(m))
	}
	close(pr.release)
	send(m, <-result)
	if !printed(t, svc, a.ID) {
		t.Error("the trail of plan A does not record its print")
	}
	if printed(t, svc, b.ID) {
		t.Error("the trail of plan B records a print of plan A")
	}
	if strings.Contains(screenText(m), "Skrivaren") {
		t.Errorf("plan B's meeting shows plan A's print:\n%s", screenText(m))
	}
}

// TestPrintFromHomeThenOpenOther: p on the home screen's question about a
// finalised plan opens the same list of papers as the meeting's p (the
// printer named, nothing printed yet), and the print is recorded on that
// plan even when another is opened before the printer answers.
func TestPrintFromHomeThenOpenOther(t *testing.T) {
	pr := newSlowPrinter()
	svc := openTestService(t, service.Options{Device: pr.device})
	a := model.Demo(fixedNow)
	a.Draft = nil // its follow-up not begun: the home screen asks what to do
	if len(a.Versions) == 0 {
		t.Fatal("the demo plan has no finalised version")
	}
	b := model.NewPlan(model.Person{Name: "Bo Berg"}, fixedNow)
	for _, p := range []*model.Plan{a, b} {
		if err := svc.Create(context.Background(), p); err != nil {
			t.Fatal(err)
		}
	}
	m := newTestModel(t, svc, model.Swedish, 120, 40)
	send(m, home.OpenPlanMsg{ID: a.ID})
	if m.screen != screenAsk {
		t.Fatalf("a finalised plan did not ask what to do:\n%s", screenText(m))
	}
	press(m, "p")
	text := screenText(m)
	if m.screen != screenMeeting || !strings.Contains(text, "Skriv ut: original och kopior") || !strings.Contains(strings.ToLower(text), "skrivare") {
		t.Fatalf("p on the home screen did not show the list of papers and the printer:\n%s", text)
	}
	select {
	case <-pr.started:
		t.Fatal("p on the home screen printed before the list of papers was answered")
	default:
	}
	_, cmd := m.Update(kp("enter"))
	_, printCmd := m.Update(cmd())
	if printCmd == nil {
		t.Fatalf("enter in the list of papers did not print:\n%s", screenText(m))
	}
	result := make(chan tea.Msg, 1)
	go func() { result <- printCmd() }()
	<-pr.started
	press(m, "ctrl+q")
	send(m, home.OpenPlanMsg{ID: b.ID})
	close(pr.release)
	send(m, <-result)
	if !printed(t, svc, a.ID) || printed(t, svc, b.ID) {
		t.Errorf("print recorded on A: %v, on B: %v; want A only", printed(t, svc, a.ID), printed(t, svc, b.ID))
	}
}

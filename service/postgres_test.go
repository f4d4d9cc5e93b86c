package service

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/pgtest"
	"github.com/sipmote/sipmote/internal/testkeys"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

func TestMain(m *testing.M) {
	done := testkeys.Use()
	code := pgtest.Main(m)
	done()
	os.Exit(code)
}

func openPg(t *testing.T, dsn string, recovery ...string) *Service {
	t.Helper()
	if recovery == nil {
		recovery = []string{filepath.Join(t.TempDir(), "recovery")}
	}
	s, err := Open(dsn, Options{Now: func() time.Time { return testNow }, RecoveryDirs: recovery})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestMeetingOnPostgres: two programs on one database. The one with the
// meeting open holds the plan: the other is told who has it, changes
// another plan as usual, and gets the plan once the meeting ends.
func TestMeetingOnPostgres(t *testing.T) {
	dsn := pgtest.DSN(t)
	a, b := openPg(t, dsn), openPg(t, dsn)
	if a.Engine() != "postgres" || strings.Contains(a.Path(), pgtest.Password) {
		t.Fatalf("engine %s, path %s", a.Engine(), a.Path())
	}
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, testNow)
	p.Draft.Meeting.Secretary = "Ali Rahimi"
	sess, err := a.CreateSession(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	v := sess.Attach()
	v.Edit(func(p *model.Plan) {
		p.Draft.Content.Situation = "Vill bo kvar hemma."
		v.Changed("situation")
		v.Tick()
	})
	if err := sess.Flush(); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	_, err = b.OpenSession(context.Background(), p.ID)
	var held *HeldError
	if !errors.As(err, &held) || time.Since(start) > 2*time.Second {
		t.Fatalf("the other program opening the plan: %v after %v", err, time.Since(start))
	}
	msg := ErrorText(model.Swedish, err)
	if !strings.Contains(msg, held.Owner) || !strings.Contains(msg, "öppen i ett annat sipmote") {
		t.Errorf("the message: %s", msg)
	}
	if _, err := b.ClosePlan(context.Background(), p.ID, model.Closure{Reason: model.CloseGoalsMet, Date: "2026-11-25"}); !errors.Is(err, ErrHeld) {
		t.Errorf("closing a held plan from the other program: %v", err)
	}
	// Other plans work as usual.
	q := model.NewPlan(model.Person{Name: "Olle Berg"}, testNow)
	qs, err := b.CreateSession(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if err := qs.Close(); err != nil {
		t.Fatal(err)
	}
	if err := sess.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := b.OpenSession(context.Background(), p.ID)
	if err != nil {
		t.Fatalf("after the meeting ended: %v", err)
	}
	got.Close()
	stored, _ := b.Load(context.Background(), p.ID)
	if stored.Draft.Content.Situation != "Vill bo kvar hemma." {
		t.Errorf("situation = %q", stored.Draft.Content.Situation)
	}
	kinds := strings.Join(trailKinds(t, b, p.ID), " ")
	if kinds != "created opened changed:situation opened" {
		t.Errorf("trail: %s", kinds)
	}
	if r, err := Check(dsn, Options{}); err != nil || !r.OK() {
		t.Errorf("check: %+v, %v", r, err)
	}
}

// TestServerLostMidMeeting: the network goes while a meeting is open.
// Saves fail with a message that says so, and are tried again; closing
// writes the text to a recovery file, which the next start offers back
// once the server answers again. As on a full disk.
func TestServerLostMidMeeting(t *testing.T) {
	proxy, dsn := pgtest.NewProxy(t, pgtest.DSN(t))
	dirs := []string{filepath.Join(t.TempDir(), "recovery")}
	svc := openPg(t, dsn, dirs...)
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, testNow)
	s, err := svc.CreateSession(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	v := s.Attach()
	proxy.Cut()
	start := time.Now()
	v.Edit(func(p *model.Plan) {
		p.Draft.Content.Situation = "Skrivet medan nätet var borta."
		v.Changed("situation")
		v.Tick()
	})
	saveErr := awaitSave(t, v)
	var se *store.SaveError
	if !errors.As(saveErr, &se) || !errors.Is(saveErr, ErrUnreachable) {
		t.Fatalf("the save without a network gave %v", saveErr)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the failed save was told after %v", took)
	}
	if msg := ErrorText(model.Swedish, saveErr); !strings.Contains(msg, "databasservern går inte att nå") {
		t.Errorf("the message: %s", msg)
	}
	start = time.Now()
	res := s.CloseWithin(1500*time.Millisecond, nil)
	t.Logf("closing took %v", time.Since(start))
	if res.Outcome != OutcomeRecovered {
		t.Fatalf("closing gave %+v, want a recovery file", res)
	}
	svc.Close()

	proxy.Mend()
	start = time.Now()
	svc = openPg(t, dsn, dirs...)
	recs := svc.Recoveries()
	if len(recs) != 1 || recs[0].Err != nil || recs[0].Person != "Maja Lind" {
		t.Fatalf("recoveries: %+v", recs)
	}
	// The hold of the meeting that lost the server could not be let go
	// of; it runs out by itself within 30 s.
	for {
		_, err := svc.Restore(context.Background(), recs[0])
		if err == nil {
			break
		}
		if !errors.Is(err, ErrHeld) || time.Since(start) > 30*time.Second {
			t.Fatal(err)
		}
		time.Sleep(500 * time.Millisecond)
	}
	got, _ := svc.Load(context.Background(), p.ID)
	if got.Draft.Content.Situation != "Skrivet medan nätet var borta." {
		t.Errorf("after restore: %q", got.Draft.Content.Situation)
	}
}

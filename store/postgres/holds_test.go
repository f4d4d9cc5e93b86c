package postgres

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/pgtest"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// TestHoldsBetweenPrograms: a plan held by one program is refused to
// another within 2 s, naming who and since when; other plans work as
// usual; a release frees it at once.
func TestHoldsBetweenPrograms(t *testing.T) {
	dsn := pgtest.DSN(t)
	a, b := openT(t, dsn), openT(t, dsn)
	plan, other := model.NewID(), model.NewID()
	ha, err := a.Hold(plan)
	if err != nil {
		t.Fatal(err)
	}
	// The same program may hold it twice (two screens of one meeting).
	ha2, err := a.Hold(plan)
	if err != nil {
		t.Fatalf("a second hold in the same program: %v", err)
	}
	start := time.Now()
	_, err = b.Hold(plan)
	var he *store.HeldError
	if !errors.As(err, &he) || !errors.Is(err, store.ErrHeld) {
		t.Fatalf("another program's hold gave %v", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("it took %v to say who holds the plan", took)
	}
	if !strings.Contains(he.Owner, store.CurrentOSUser()) || time.Since(he.Since) > time.Minute {
		t.Errorf("held by %q since %v", he.Owner, he.Since)
	}
	hb, err := b.Hold(other)
	if err != nil {
		t.Fatalf("another plan: %v", err)
	}
	hb.Release()
	ha.Release()
	if _, err := b.Hold(plan); !errors.Is(err, store.ErrHeld) {
		t.Fatalf("released by one of two holds, the plan is free: %v", err)
	}
	ha2.Release()
	ha2.Release() // a second release changes nothing
	hb2, err := b.Hold(plan)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	select {
	case <-hb2.Lost():
		t.Error("a fresh hold is lost")
	default:
	}
}

// envHolder makes the test binary a program that holds a plan until it
// is killed.
const envHolder = "SIPMOTE_TEST_HOLDER"

func TestHolderHelper(t *testing.T) {
	arg := os.Getenv(envHolder)
	if arg == "" {
		return
	}
	dsn, plan, _ := strings.Cut(arg, "|")
	d, err := Open(dsn)
	if err != nil {
		os.Stdout.WriteString("error " + err.Error() + "\n")
		os.Exit(1)
	}
	if _, err := d.Hold(plan); err != nil {
		os.Stdout.WriteString("error " + err.Error() + "\n")
		os.Exit(1)
	}
	os.Stdout.WriteString("held\n")
	time.Sleep(time.Hour)
}

// TestKilledProgramLetsGo: a program killed with -9 holds its plan no
// longer than 30 s.
func TestKilledProgramLetsGo(t *testing.T) {
	dsn := pgtest.DSN(t)
	plan := model.NewID()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHolderHelper$")
	cmd.Env = append(os.Environ(), envHolder+"="+dsn+"|"+plan)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "held\n" {
		t.Fatalf("the helper said %q", line)
	}
	b := openT(t, dsn)
	if _, err := b.Hold(plan); !errors.Is(err, store.ErrHeld) {
		t.Fatalf("while the other program runs: %v", err)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	killed := time.Now()
	for {
		_, err := b.Hold(plan)
		if err == nil {
			t.Logf("free %v after the kill", time.Since(killed).Round(time.Second))
			break
		}
		if !errors.Is(err, store.ErrHeld) {
			t.Fatal(err)
		}
		if time.Since(killed) > 30*time.Second {
			t.Fatalf("still held 30 s after the kill: %v", err)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

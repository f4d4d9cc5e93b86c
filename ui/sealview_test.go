package ui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/seal"
)

// sealSetup gives the test a home with the sender's key (made by
// ssh-keygen, with pass as its passphrase) and a recipients file naming
// Per, and returns Per's private key and the documents folder.
func sealSetup(t *testing.T, pass string) (perKey, docs string) {
	t.Helper()
	if _, err := exec.LookPath("ssh-keygen"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("ssh-keygen is needed in CI")
		}
		t.Skip("ssh-keygen not installed")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	docs = filepath.Join(home, "docs")
	t.Setenv("XDG_DOCUMENTS_DIR", docs)
	os.MkdirAll(filepath.Join(home, ".ssh"), 0o700)
	os.MkdirAll(filepath.Join(home, ".config", "sipmote"), 0o700)
	gen := func(path, pass, comment string) {
		if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", pass, "-C", comment, "-f", path).CombinedOutput(); err != nil {
			t.Fatalf("ssh-keygen: %v %s", err, out)
		}
	}
	gen(filepath.Join(home, ".ssh", "id_ed25519"), pass, "anna@kommun")
	perKey = filepath.Join(t.TempDir(), "per")
	gen(perKey, "", "per@region")
	pub, _ := os.ReadFile(perKey + ".pub")
	os.WriteFile(filepath.Join(home, ".config", "sipmote", "recipients"), []byte("Per Wall, Geriatriken "+string(pub)), 0o600)
	return perKey, docs
}

// waitScreen sends nothing but lets the screen's commands finish until the
// screen shows want.
func waitScreen(t *testing.T, m *Model, want string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		send(m, nil)
		s := screenText(m)
		if strings.Contains(s, want) || time.Now().After(deadline) {
			return s
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// s on the home screen seals the plan for a person in the recipients
// file; Per's key opens the file, and the plan's trail says so.
func TestSealFromHomeScreen(t *testing.T) {
	perKey, docs := sealSetup(t, "")
	db := openTestDB(t)
	p := model.NewPlan(model.Person{Name: "Tora Test"}, fixedNow)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 80, 24)
	press(m, "?")
	if s := screenText(m); !strings.Contains(s, "försegla för en kollega") {
		t.Errorf("the help does not name the key:\n%s", s)
	}
	press(m, "esc", "s")
	if s := screenText(m); !strings.Contains(s, "Per Wall, Geriatriken") || !strings.Contains(s, "Tora Test") {
		t.Fatalf("the sealing screen:\n%s", s)
	}
	// At 80 columns, and at 64 where name and key do not fit one line,
	// the chosen one's key fingerprint, to check before sealing, is
	// whole: nothing above the key help is cut.
	for _, w := range []int{80, 64} {
		send(m, tea.WindowSizeMsg{Width: w, Height: 24})
		if lines := strings.Split(screenText(m), "\n"); strings.Contains(strings.Join(lines[:len(lines)-1], "\n"), "…") ||
			!strings.Contains(screenText(m), "SHA256:") {
			t.Errorf("%d columns: the sealing screen cuts the fingerprint:\n%s", w, screenText(m))
		}
	}
	send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	press(m, "enter")
	s := waitScreen(t, m, "Förseglad för Per Wall")
	if !strings.Contains(s, "Förseglad för Per Wall, Geriatriken") {
		t.Fatalf("after sealing:\n%s", s)
	}
	files, _ := filepath.Glob(filepath.Join(docs, "sipmote", "sipmote-plan-*.age"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	kr := seal.NewKeyring(nil)
	if err := kr.Add(perKey); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(files[0])
	defer f.Close()
	o, err := seal.Open(f, kr, 64<<20)
	if err != nil || !o.Signed || !strings.Contains(string(o.Content), "Tora Test") {
		t.Fatalf("open: %v", err)
	}
	if ev, _ := db.Trail(context.Background(), p.ID); ev[len(ev)-1].Kind != "sealed" || ev[len(ev)-1].Key != o.Fingerprint {
		t.Errorf("trail: %+v", ev[len(ev)-1])
	}
	// Per's database takes it; its trail screen marks the sender's events.
	per := openTestDB(t)
	sd, err := per.ReadSealed(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if err := per.SaveSealed(context.Background(), sd); err != nil {
		t.Fatal(err)
	}
	pm := newTestModel(t, per, model.Swedish, 100, 30)
	press(pm, "t")
	if s := screenText(pm); !strings.Contains(s, "[avsändare] skapad") || !strings.Contains(s, "inläst från fil") {
		t.Errorf("the receiver's trail screen:\n%s", s)
	}
}

// A signing key with a passphrase is asked for in a masked field; a wrong
// one is said so, and nothing is written until the right one.
func TestSealAsksTheKeysPassphrase(t *testing.T) {
	_, docs := sealSetup(t, "annas fras 1")
	db := openTestDB(t)
	if err := db.Create(context.Background(), model.NewPlan(model.Person{Name: "Tora Test"}, fixedNow)); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.English, 80, 24)
	press(m, "s", "enter")
	waitScreen(t, m, "passphrase")
	typeText(m, "wrong")
	press(m, "enter")
	s := waitScreen(t, m, "not right")
	if strings.Contains(s, "wrong") || !strings.Contains(s, "not right") {
		t.Fatalf("wrong passphrase:\n%s", s)
	}
	if files, _ := filepath.Glob(filepath.Join(docs, "sipmote", "*")); len(files) != 0 {
		t.Fatalf("written with a wrong passphrase: %v", files)
	}
	typeText(m, "annas fras 1")
	press(m, "enter")
	if s := waitScreen(t, m, "Sealed for"); !strings.Contains(s, "Sealed for Per Wall") {
		t.Fatalf("after the passphrase:\n%s", s)
	}
}

// Without a recipients file the home screen says where to write one.
func TestSealWithoutRecipients(t *testing.T) {
	sealSetup(t, "")
	os.Remove(seal.RecipientsFile())
	db := openTestDB(t)
	if err := db.Create(context.Background(), model.NewPlan(model.Person{Name: "Tora Test"}, fixedNow)); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.Swedish, 80, 24)
	press(m, "s")
	if s := waitScreen(t, m, "recipients"); !strings.Contains(s, "Ingen att försegla för") {
		t.Fatalf("no recipients:\n%s", s)
	}
}

// s on a plan whose consent is withdrawn says at once that it is not
// sealed, in either language, before anyone is chosen: no list of people,
// no file.
func TestSealRefusedFromHomeScreenOnceConsentIsWithdrawn(t *testing.T) {
	_, docs := sealSetup(t, "")
	db := openTestDB(t)
	p := model.NewPlan(model.Person{Name: "Tora Test"}, fixedNow)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ClosePlan(context.Background(), p.ID, model.Closure{Reason: model.CloseConsentGone, Date: fixedNow.Format(model.DateLayout), DraftDiscarded: true}); err != nil {
		t.Fatal(err)
	}
	for l, want := range map[model.Lang]string{model.Swedish: "förseglas inte", model.English: "not sealed"} {
		m := newTestModel(t, db, l, 80, 24)
		press(m, "a", "s")
		s := waitScreen(t, m, want)
		if !strings.Contains(s, want) || strings.Contains(s, "Per Wall") {
			t.Errorf("%s: s on a plan whose consent is withdrawn:\n%s", l, s)
		}
	}
	if files, _ := filepath.Glob(filepath.Join(docs, "sipmote", "*.age")); len(files) != 0 {
		t.Errorf("files written: %v", files)
	}
}

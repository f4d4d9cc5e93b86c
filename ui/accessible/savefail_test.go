package accessible

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/smalldisk"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// A full disk, acted out by the kernel: one line says the save failed,
// nothing claims "saved" meanwhile, one line says when saving works
// again, and the text typed during the failure is in the database.
func TestSaveFailureIsSaidOnceAndItsEnd(t *testing.T) {
	disk := smalldisk.Mount(t, "2m")
	path := filepath.Join(disk, "sip.db")
	svc, err := service.Open(path, service.Options{RecoveryDirs: []string{t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, time.Now())
	if err := svc.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	var out lockedBuffer
	done := make(chan bool)
	go func() {
		done <- Run(context.Background(), Options{Service: svc, Lang: model.Swedish, In: pr, Out: &out, Agenda: agenda(t), OpenPlan: p.ID})
	}()
	send := func(lines ...string) {
		for _, s := range lines {
			if _, err := pw.WriteString(s + "\n"); err != nil {
				t.Fatal(err)
			}
		}
	}
	send(":punkt 5")
	waitFor(t, &out, "Punkt 5 av 14", 1)
	free := smalldisk.Fill(t, disk)
	para := strings.Repeat("Maja bor i en etta och vill ha ett arbete. ", 60)
	send(para, para, para)
	waitFor(t, &out, "KUNDE INTE SPARA", 1)
	time.Sleep(2 * time.Second) // saves keep failing, and are not said again
	send("Det sista stycket.")
	time.Sleep(time.Second)
	free()
	waitFor(t, &out, "Sparat igen", 1)
	pw.Close()
	select {
	case saved := <-done:
		if !saved {
			t.Errorf("Run says the text is not saved:\n%s", out.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the mode did not end")
	}
	o := out.String()
	checkPlain(t, o)
	if n := strings.Count(o, "KUNDE INTE SPARA"); n != 1 {
		t.Errorf("the failure said %d times:\n%s", n, o)
	}
	if n := strings.Count(o, "Sparat igen"); n != 1 {
		t.Errorf("the recovery said %d times:\n%s", n, o)
	}
	if i, j := strings.Index(o, "KUNDE INTE SPARA"), strings.Index(o, "Sparat igen"); strings.Contains(strings.ToLower(o[i:j]), "sparat") {
		t.Errorf("something said saved while saves failed:\n%s", o[i:j])
	}
	got, err := svc.Load(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(got.Draft.Content.Situation, "\nDet sista stycket.") || strings.Count(got.Draft.Content.Situation, "\n") != 3 {
		t.Errorf("situation as saved: %q", got.Draft.Content.Situation)
	}
}

// A meeting closed while the disk is full goes to a recovery file, said
// where; the next start offers it first, and putting it back stores the
// text typed last.
func TestRecoveryFileOfferedAndPutBack(t *testing.T) {
	disk := smalldisk.Mount(t, "2m")
	path := filepath.Join(disk, "sip.db")
	recDir := t.TempDir()
	if err := os.Chmod(recDir, 0o700); err != nil { // recovery files go only in a private folder
		t.Fatal(err)
	}
	svc, err := service.Open(path, service.Options{RecoveryDirs: []string{recDir}})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, time.Now())
	if err := svc.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	start := func(in *os.File, out *lockedBuffer) chan bool {
		done := make(chan bool)
		go func() {
			done <- Run(context.Background(), Options{Service: svc, Lang: model.English, In: in, Out: out, Agenda: agenda(t), OpenPlan: p.ID, CloseRetry: 300 * time.Millisecond})
		}()
		return done
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	var out lockedBuffer
	done := start(pr, &out)
	_, _ = pw.WriteString(":step 5\n")
	waitFor(t, &out, "Step 5 of 14", 1)
	free := smalldisk.Fill(t, disk)
	text := strings.Repeat("Maja lives alone and wants work. ", 80)
	_, _ = pw.WriteString(text + "\n")
	waitFor(t, &out, "COULD NOT SAVE", 1)
	pw.Close()
	if saved := <-done; saved {
		t.Errorf("Run says all is saved on a full disk:\n%s", out.String())
	}
	o := out.String()
	if !strings.Contains(strings.ReplaceAll(o, "\n", " "), recDir) || strings.Contains(o, "everything typed is saved") {
		t.Errorf("the close does not say where the text went, or claims it saved:\n%s", o)
	}
	checkPlain(t, o)
	free()
	// The next start of the program.
	svc.Close()
	if svc, err = service.Open(path, service.Options{RecoveryDirs: []string{recDir}}); err != nil {
		t.Fatal(err)
	}

	pr2, pw2, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr2.Close()
	var out2 lockedBuffer
	done = start(pr2, &out2)
	waitFor(t, &out2, "Put it back in the database", 1)
	_, _ = pw2.WriteString("1\n")
	waitFor(t, &out2, "The plan is back in the database and the file is removed.", 1)
	pw2.Close()
	<-done
	checkPlain(t, out2.String())
	got, err := svc.Load(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Draft.Content.Situation != strings.TrimSpace(text) {
		t.Errorf("situation after putting back: %q", got.Draft.Content.Situation)
	}
}

package accessible

import (
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
	if err := svc.Create(p); err != nil {
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
		done <- Run(Options{Service: svc, Lang: model.Swedish, In: pr, Out: &out, Agenda: agenda(t), OpenPlan: p.ID})
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
	got, err := svc.Load(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(got.Draft.Content.Situation, "\nDet sista stycket.") || strings.Count(got.Draft.Content.Situation, "\n") != 3 {
		t.Errorf("situation as saved: %q", got.Draft.Content.Situation)
	}
}

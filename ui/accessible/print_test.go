package accessible

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/printout"
	"github.com/sipmote/sipmote/service"
)

// A finalised plan opened from the list, read, and printed on the papers
// chosen by number: the PDF (read back with poppler) holds the original
// and the one copy chosen, and no other.
func TestPrintChosenPapers(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is required in CI")
		}
		t.Skip("pdftotext not installed")
	}
	var mu sync.Mutex
	var pdfs [][]byte
	device := func(pdf []byte, printer, path string) (printout.Result, error) {
		mu.Lock()
		defer mu.Unlock()
		pdfs = append(pdfs, pdf)
		return printout.Result{Printed: true, Printer: "test"}, nil
	}
	now := time.Now()
	svc, err := service.Open(filepath.Join(t.TempDir(), "sip.db"), service.Options{RecoveryDirs: []string{t.TempDir()}, Device: device})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	p := model.Demo(now)
	p.Draft = nil // the last version finalised, no follow-up begun
	if err := svc.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	cl := p.Copies(p.Latest(), model.Swedish)
	if len(cl.Copies) < 2 {
		t.Fatalf("the demo plan has %d copies", len(cl.Copies))
	}
	chosen, left := cl.Copies[1], cl.Copies[0]
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	var out lockedBuffer
	done := make(chan bool)
	go func() {
		done <- Run(context.Background(), Options{Service: svc, Lang: model.Swedish, In: pr, Out: &out, Agenda: agenda(t)})
	}()
	for _, s := range []string{":öppna 1", "2", ":läs", "hej", ":skriv ut", "3", "+ Per Wall, Geriatriken", "1 3 " + itoa(len(cl.Copies)+len(cl.Removed)+2)} {
		_, _ = pw.WriteString(s + "\n")
	}
	waitFor(t, &out, "Skriver ut…", 1)
	pw.Close()
	<-done
	o := out.String()
	checkPlain(t, o)
	if !strings.Contains(o, "kan bara läsas") || !strings.Contains(o, "Planen kan inte ändras") {
		t.Errorf("the finalised version was not said read-only, or took a line:\n%s", o)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(pdfs) != 1 {
		t.Fatalf("%d prints:\n%s", len(pdfs), o)
	}
	f := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(f, pdfs[0], 0o600); err != nil {
		t.Fatal(err)
	}
	txt, err := exec.Command("pdftotext", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(txt)), " ")
	for _, want := range []string{"Original till", chosen.Mark(model.Swedish), "Kopia till Per Wall, Geriatriken"} {
		if !strings.Contains(text, want) {
			t.Errorf("the print lacks %q", want)
		}
	}
	if strings.Contains(text, left.Mark(model.Swedish)) {
		t.Errorf("the print holds %q, not chosen", left.Mark(model.Swedish))
	}
}

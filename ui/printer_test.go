package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/home"
)

// The list of papers names the printer before anything is printed: the
// system's default printer, or that none is chosen and the PDF is saved.
func TestPrintDialogNamesThePrinter(t *testing.T) {
	for _, tt := range []struct {
		name, lpstat, want string
	}{
		{"default printer", "echo 'system default destination: mottagningen'", "Printer: mottagningen"},
		// The folder the PDF really goes to, not a translation of it.
		{"none", "echo 'no system default destination'", "No printer is chosen: the PDF is saved in ~/Documents/sipmote."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bin := t.TempDir()
			if err := os.WriteFile(filepath.Join(bin, "lpstat"), []byte("#!/bin/sh\n"+tt.lpstat+"\n"), 0o755); err != nil {
				t.Fatal(err)
			}
			t.Setenv("PATH", bin+string(os.PathListSeparator)+"/usr/bin"+string(os.PathListSeparator)+"/bin")
			dir := t.TempDir()
			t.Setenv("HOME", dir)
			t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, ".config"))
			t.Setenv("XDG_DOCUMENTS_DIR", "")
			svc := openTestDB(t)
			p := model.NewPlan(model.Person{Name: "Anna Ek"}, fixedNow)
			if err := svc.Create(context.Background(), p); err != nil {
				t.Fatal(err)
			}
			m := newTestModel(t, svc, model.English, 120, 40)
			send(m, home.OpenPlanMsg{ID: p.ID})
			press(m, "ctrl+g", "e", "p")
			if !strings.Contains(screenText(m), tt.want) {
				t.Fatalf("the list of papers does not say %q:\n%s", tt.want, screenText(m))
			}
			if _, err := os.Stat(filepath.Join(dir, "Documents")); err == nil {
				t.Error("naming the folder made it before anything was printed")
			}
		})
	}
}

package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/checklists"
	"github.com/sipmote/sipmote/model"
)

// TestChecklistsCommand: each subcommand of sipmote checklists, its
// messages in both languages and its exit codes.
func TestChecklistsCommand(t *testing.T) {
	good := routine(t, "ok.ini", "[step room]\nshare = 2\n")
	bad := routine(t, "trasig.ini", "[step room]\nshare = 2\nsection = kaffe\n")
	badFile := filepath.Join(bad, "trasig.ini")
	tests := []struct {
		name   string
		args   []string
		lang   model.Lang
		dir    string
		code   int
		stdout []string
		stderr []string
	}{
		{name: "no command", code: 2, stderr: []string{"Användning"}},
		{name: "help", args: []string{"--help"}, code: 0, stdout: []string{"validate [MAPP]"}},
		{name: "help in English", args: []string{"-h"}, lang: model.English, code: 0, stdout: []string{"validate [DIR]"}},
		{name: "unknown command", args: []string{"lista"}, code: 2, stderr: []string{"Okänt kommando ”lista”"}},
		{name: "validate good", args: []string{"validate", good}, code: 0, stdout: []string{"Inga fel", "vuxen: 14 steg", "barn: 14 steg"}},
		{name: "validate bad", args: []string{"validate", bad}, code: 1, stdout: []string{badFile + ":3:", "kaffe", "1 problem"}},
		{name: "validate bad in English", args: []string{"validate", bad}, lang: model.English, code: 1,
			stdout: []string{badFile + ":3: Unknown plan section"}},
		{name: "validate resolved dir", args: []string{"validate"}, dir: bad, code: 1, stdout: []string{badFile + ":3:"}},
		{name: "validate defaults only", args: []string{"validate"}, code: 0, stdout: []string{"förvalda", "Inga fel"}},
		{name: "validate two dirs", args: []string{"validate", good, bad}, code: 2, stderr: []string{"en mapp"}},
		{name: "validate help", args: []string{"validate", "--help"}, code: 0, stderr: []string{"validate [MAPP]"}},
		{name: "show", args: []string{"show"}, code: 0, stdout: []string{"DAGORDNING – vuxen", "FÖRE MÖTET"}},
		{name: "show child english", args: []string{"show", "--variant", "child", "--lang", "en"}, code: 0,
			stdout: []string{"AGENDA – child", "What does the child think?"}},
		{name: "show swedish variant name", args: []string{"show", "--variant=äldre"}, code: 0, stdout: []string{"DAGORDNING – äldre"}},
		{name: "show bad variant", args: []string{"show", "--variant", "teen"}, code: 2, stderr: []string{"Okänd variant"}},
		{name: "show bad lang", args: []string{"show", "--lang", "de"}, code: 2, stderr: []string{"Okänt språk"}},
		{name: "show unknown flag", args: []string{"show", "--färg"}, code: 2, stderr: []string{"Användning: sipmote checklists show"}},
		{name: "show with problems", args: []string{"show"}, dir: bad, code: 1,
			stdout: []string{"DAGORDNING"}, stderr: []string{badFile + ":3:"}},
		{name: "show help", args: []string{"show", "--help"}, lang: model.English, code: 0, stderr: []string{"--variant", "Usage"}},
		{name: "defaults needs a dir", args: []string{"defaults"}, code: 2, stderr: []string{"defaults MAPP"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb strings.Builder
			lang := tt.lang
			if lang == "" {
				lang = model.Swedish
			}
			code := checklistsCommand(tt.args, &out, &errb, lang, tt.dir)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out.String(), errb.String())
			}
			for _, w := range tt.stdout {
				if !strings.Contains(out.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, out.String())
				}
			}
			for _, w := range tt.stderr {
				if !strings.Contains(errb.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, errb.String())
				}
			}
		})
	}
}

func TestDefaultsCommandWritesAnEditableCopy(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "rutin")
	var out, errb strings.Builder
	if code := checklistsCommand([]string{"defaults", dir}, &out, &errb, model.Swedish, ""); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), filepath.Join(dir, "agenda.ini")) {
		t.Errorf("stdout: %s", out.String())
	}
	// A copy of the defaults is a valid local routine that changes nothing.
	if probs := checklists.ValidateDir(dir); len(probs) > 0 {
		t.Errorf("copy of the defaults has problems: %v", probs)
	}
	set, _ := checklists.Load(dir)
	def, _ := checklists.Load("")
	if len(set.Agenda) != len(def.Agenda) || len(set.Jargon) != len(def.Jargon) {
		t.Error("copy of the defaults changed the set")
	}
	// Editing the copy takes effect.
	p := filepath.Join(dir, "agenda.ini")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "title.sv = Rum och teknik", "title.sv = Lokalen", 1)
	if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	set, _ = checklists.Load(dir)
	if i := slices.IndexFunc(set.Agenda, func(s checklists.Step) bool { return s.ID == "room" }); i < 0 || set.Agenda[i].Title.SV != "Lokalen" {
		t.Errorf("edit not used: %+v", set.Agenda)
	}
	// Running it again overwrites nothing.
	errb.Reset()
	if code := checklistsCommand([]string{"defaults", dir}, &out, &errb, model.English, ""); code != 1 {
		t.Errorf("second run exit %d", code)
	}
	if !strings.Contains(errb.String(), "already exists") {
		t.Errorf("stderr: %s", errb.String())
	}
	if data, _ := os.ReadFile(p); !strings.Contains(string(data), "Lokalen") {
		t.Error("the edited file was overwritten")
	}
}

// routine is a local routine of one file in a fresh folder.
func routine(t *testing.T, name, body string) string {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

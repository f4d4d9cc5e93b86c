package checklists

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// writeDir writes files into a fresh directory and returns it.
func writeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func stepIDs(steps []Step) []string {
	var out []string
	for _, s := range steps {
		out = append(out, s.ID)
	}
	return out
}

func findStep(steps []Step, id string) (Step, bool) {
	i := slices.IndexFunc(steps, func(s Step) bool { return s.ID == id })
	if i < 0 {
		return Step{}, false
	}
	return steps[i], true
}

func TestOverrideAndExtend(t *testing.T) {
	defaults, _ := Load("")
	dir := writeDir(t, map[string]string{
		"10-lokal.ini": "\ufeff# Vår rutin\r\n" +
			"[step room]\r\n" +
			"share = 1\r\n" +
			"prompt.sv = Kolla att videon fungerar.\r\n" +
			"prompt.en = Check that the video works.\r\n" +
			"\r\n" +
			"[step interpreter]\r\n" +
			"after = introductions\r\n" +
			"part = introduction\r\n" +
			"share = 1\r\n" +
			"section = participants\r\n" +
			"complete = reviewed\r\n" +
			"title.sv = Tolk\r\n" +
			"title.en = Interpreter\r\n" +
			"prompt.sv = Presentera tolken.\r\n" +
			"prompt.en = Introduce the interpreter.\r\n" +
			"\r\n" +
			"[step evaluation]\r\n" +
			"remove = true\r\n" +
			"[step sign]\r\n" +
			"share = 9\r\n" +
			"before = agreed\r\n" +
			"[step situation]\r\n" +
			"prompt.child.sv =\r\n" +
			"prompt.child.en =\r\n" +
			"[before own_goals]\r\n" +
			"remove = ja\r\n" +
			"[after archive]\r\n" +
			"before = signed\r\n" +
			"text.sv = Planen är sparad i journalen.\r\n" +
			"text.en = The plan is saved in the record.\r\n" +
			"[word LSS]\r\n" +
			"plain.sv = stöd enligt LSS-lagen\r\n" +
			"[word vårdprogram]\r\n" +
			"plain.sv = plan för vården\r\n" +
			"plain.en = care programme\r\n",
		// A later file wins over an earlier one.
		"20-sist.ini": "[step room]\nshare = 2\n",
	})
	set, probs := Load(dir)
	for _, p := range probs {
		t.Errorf("unexpected problem: %s", p.In(model.English))
	}
	agenda := set.AgendaFor(model.AgeAdult)
	ids := stepIDs(agenda)
	want := []string{"room", "introductions", "interpreter", "frame", "consent", "situation", "own_words", "needs",
		"goals", "actions", "coordinator", "sign", "agreed", "follow_up"}
	if !slices.Equal(ids, want) {
		t.Errorf("agenda\n got %v\nwant %v", ids, want)
	}
	room, _ := findStep(agenda, "room")
	if room.Share != 2 || room.Prompt.SV != "Kolla att videon fungerar." {
		t.Errorf("room: share %d prompt %q", room.Share, room.Prompt.SV)
	}
	if room.File != filepath.Join(dir, "20-sist.ini") || room.Line != 1 {
		t.Errorf("room source %s:%d", room.File, room.Line)
	}
	defRoom, _ := findStep(defaults.Agenda, "room")
	if room.Title != defRoom.Title || room.Section != defRoom.Section {
		t.Error("fields not given must keep their defaults")
	}
	// The child's own prompt for the room is not touched by an override of
	// the base prompt.
	childRoom, _ := findStep(set.AgendaFor(model.AgeChild), "room")
	if childRoom.Prompt.SV == room.Prompt.SV {
		t.Error("child prompt was lost")
	}
	// Emptying a variant's prompt falls back to the base prompt.
	sit, _ := findStep(agenda, "situation")
	if childSit, _ := findStep(set.AgendaFor(model.AgeChild), "situation"); childSit.Prompt != sit.Prompt {
		t.Errorf("cleared child prompt still used: %q", childSit.Prompt.SV)
	}
	sum := 0
	for _, s := range agenda {
		sum += s.Share
	}
	if sum != 100 {
		t.Errorf("shares sum %d", sum)
	}
	if slices.ContainsFunc(set.Before, func(it Item) bool { return it.ID == "own_goals" }) {
		t.Error("own_goals not removed")
	}
	if set.After[0].ID != "archive" {
		t.Errorf("archive not placed first: %v", set.After[0].ID)
	}
	var lss model.Jargon
	for _, j := range set.Jargon {
		if j.Term == "LSS" {
			lss = j
		}
	}
	if lss.Plain.SV != "stöd enligt LSS-lagen" || lss.Plain.EN == "" {
		t.Errorf("LSS override: %+v", lss)
	}
	if len(set.Jargon) != len(defaults.Jargon)+1 {
		t.Errorf("word list %d, want %d", len(set.Jargon), len(defaults.Jargon)+1)
	}
}

func TestBrokenLocalFileFallsBack(t *testing.T) {
	valid := "[step extra]\npart = summary\nshare = 0\nsection = notes\ncomplete = always\n" +
		"title.sv = Extra\ntitle.en = Extra\nprompt.sv = Extra.\nprompt.en = Extra.\n"
	tests := []struct {
		name  string
		body  string
		line  int
		want  string // in the English message
		extra bool   // whether the extra step still makes it in
	}{
		{"unknown condition", strings.Replace(valid, "complete = always", "complete = goals>=1, moon_is_full", 1), 5, "Unknown condition", false},
		{"bad count", strings.Replace(valid, "complete = always", "complete = goals>=many", 1), 5, "malformed", false},
		{"count on plain condition", strings.Replace(valid, "complete = always", "complete = consent_given>=2", 1), 5, "malformed", false},
		{"unknown section", strings.Replace(valid, "section = notes", "section = kaffe", 1), 4, "Unknown plan section", false},
		{"unknown part", strings.Replace(valid, "part = summary", "part = fika", 1), 2, "Unknown part", false},
		{"share not a number", strings.Replace(valid, "share = 0", "share = fem", 1), 3, "whole number", false},
		{"share too big", strings.Replace(valid, "share = 0", "share = 101", 1), 3, "whole number", false},
		{"missing english", strings.Replace(valid, "prompt.en = Extra.\n", "", 1), 8, "no English", false},
		{"missing field", strings.Replace(valid, "section = notes\n", "", 1), 1, "\"section\" is missing", false},
		{"unknown variant", valid + "variants = teen\n", 10, "Unknown variant", false},
		{"round not bool", valid + "round = kanske\n", 10, "true or false", false},
		{"unknown key", strings.Replace(valid, "share = 0", "shares = 0", 1), 3, "Unknown key", false},
		{"duplicate key", valid + "share = 3\n", 10, "already given on line 3", true},
		{"no equals sign", valid + "det här är en fortsättning\n", 10, "not \"key = value\"", true},
		{"bad heading", "[steg extra]\nshare = 1\n" + valid, 1, "Unknown kind", true},
		{"heading without bracket", "[step extra\n" + valid, 1, "lacks ]", true},
		{"bad id", strings.Replace(valid, "[step extra]", "[step Extra Steg]", 1), 1, "may only contain", false},
		{"line before heading", "share = 5\n" + valid, 1, "before the first heading", true},
		{"remove unknown", "[step nothing]\nremove = true\n" + valid, 2, "no step \"nothing\" to remove", true},
		{"remove not bool", "[step room]\nremove = perhaps\n" + valid, 2, "\"remove\" must be true or false", true},
		{"unknown anchor", valid + "after = nowhere\n", 10, "nothing called \"nowhere\"", true},
		{"after and before", valid + "after = room\nbefore = room\n", 11, "only one of", true},
		{"id in both lists", "[after consent]\ntext.sv = X\ntext.en = X\n" + valid, 1, "already used in the [before] list", true},
		{"bad override keeps default", "[step room]\nsection = nowhere\n" + valid, 2, "the earlier version stays", true},
		{"not utf-8", "[step room]\nprompt.sv = Hej p\xe5 dig\nprompt.en = Hi\n", 2, "not saved as UTF-8", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeDir(t, map[string]string{"rutin.ini": tt.body})
			set, probs := Load(dir)
			file := filepath.Join(dir, "rutin.ini")
			found := false
			for _, p := range probs {
				if p.File == file && p.Line == tt.line && strings.Contains(p.Message.EN, tt.want) {
					found = true
				}
				if p.Message.SV == "" || p.Message.EN == "" {
					t.Errorf("problem lacks a language: %+v", p)
				}
				if !strings.HasPrefix(p.In(model.Swedish), p.File) {
					t.Errorf("formatted problem does not start with the file: %s", p.In(model.Swedish))
				}
			}
			if !found {
				var got []string
				for _, p := range probs {
					got = append(got, p.In(model.English))
				}
				t.Fatalf("want a problem at %s:%d containing %q; got\n%s", file, tt.line, tt.want, strings.Join(got, "\n"))
			}
			// The defaults are all there.
			room, ok := findStep(set.Agenda, "room")
			if !ok || room.Section != model.SectionMeeting || len(set.AgendaFor(model.AgeAdult)) < 13 {
				t.Errorf("defaults damaged: %v", stepIDs(set.Agenda))
			}
			if _, ok := findStep(set.Agenda, "extra"); ok != tt.extra {
				t.Errorf("extra step present = %v, want %v", ok, tt.extra)
			}
			if len(set.Before) == 0 || len(set.After) == 0 || len(set.Jargon) < 60 {
				t.Error("checklists or word list lost")
			}
		})
	}
}

func TestSharesThatDoNotAddUp(t *testing.T) {
	dir := writeDir(t, map[string]string{"a.ini": "[step room]\nshare = 7\n"})
	set, probs := Load(dir)
	var n int
	for _, p := range probs {
		if strings.Contains(p.Message.EN, "add up to 105%") {
			n++
			if p.File != filepath.Join(dir, "a.ini") || p.Line != 1 {
				t.Errorf("points at %s:%d", p.File, p.Line)
			}
		}
	}
	if n != len(Variants) {
		t.Errorf("want one share problem per variant, got %d: %v", n, probs)
	}
	for _, v := range Variants {
		sum := 0
		for _, s := range set.AgendaFor(v) {
			sum += s.Share
		}
		if sum != 100 {
			t.Errorf("%s: scaled shares sum to %d", v, sum)
		}
	}
}

func TestEmptyAgendaGetsDefaultsBack(t *testing.T) {
	var b strings.Builder
	defaults, _ := Load("")
	for _, s := range defaults.Agenda {
		b.WriteString("[step " + s.ID + "]\nremove = true\n")
	}
	dir := writeDir(t, map[string]string{"tom.ini": b.String()})
	set, probs := Load(dir)
	if len(set.Agenda) != len(defaults.Agenda) {
		t.Errorf("agenda has %d steps, want the %d defaults", len(set.Agenda), len(defaults.Agenda))
	}
	if len(probs) == 0 || !strings.Contains(probs[0].Message.EN, "no steps left") {
		t.Errorf("problems: %v", probs)
	}
}

func TestDirectoryProblems(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "finns-inte")
	file := filepath.Join(t.TempDir(), "fil.ini")
	if err := os.WriteFile(file, []byte("[step room]\nshare = 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := writeDir(t, map[string]string{"README.txt": "not a checklist", ".hidden.ini": "garbage"})
	tests := []struct {
		name, dir, want string
	}{
		{"missing", missing, "does not exist"},
		{"a file", file, "not a directory"},
		{"no ini files", empty, "no files ending in .ini"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			probs := ValidateDir(tt.dir)
			if len(probs) != 1 || probs[0].File != tt.dir || !strings.Contains(probs[0].Message.EN, tt.want) {
				t.Errorf("got %v", probs)
			}
			set, _ := Load(tt.dir)
			if len(set.Agenda) < 13 {
				t.Error("defaults not used")
			}
		})
	}
}

func TestTooLargeFile(t *testing.T) {
	big := strings.Repeat("# padding\n", maxFileSize/10+10)
	dir := writeDir(t, map[string]string{"stor.ini": big})
	probs := ValidateDir(dir)
	if len(probs) != 1 || !strings.Contains(probs[0].Message.EN, "larger than") {
		t.Errorf("got %v", probs)
	}
}

func TestDefaultDirAndResolve(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	home := func() (string, error) { return "/home/anna", nil }
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"xdg", map[string]string{"XDG_CONFIG_HOME": "/cfg"}, filepath.Join("/cfg", "sipmote", "checklists")},
		{"relative xdg ignored", map[string]string{"XDG_CONFIG_HOME": "cfg"}, filepath.Join("/home/anna", ".config", "sipmote", "checklists")},
		{"home", nil, filepath.Join("/home/anna", ".config", "sipmote", "checklists")},
	}
	for _, tt := range tests {
		if got := defaultDirFrom(env(tt.env), home); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}

	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	if got := Resolve(""); got != "" {
		t.Errorf("Resolve with no local dir = %q, want defaults only", got)
	}
	local := filepath.Join(cfg, "sipmote", "checklists")
	if err := os.MkdirAll(local, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Resolve(""); got != local {
		t.Errorf("Resolve = %q, want %q", got, local)
	}
	if got := Resolve("/elsewhere"); got != "/elsewhere" {
		t.Errorf("flag not honoured: %q", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"[step a]\nshare = 5\n", "[", "]", "[word ]", "= x", "[step room]\nremove = true",
		"\xef\xbb\xbf[before x]\r\ntext.sv=\"a\"\r\n", "[step x]\ncomplete = goals>=",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		recs, _ := parse("fuzz.ini", []byte(s))
		m := newMerger()
		m.apply(recs)
		m.check(nil)
		set := m.set()
		for _, v := range Variants {
			set.AgendaFor(v)
			set.OpenCountIDs(v, nil)
		}
	})
}

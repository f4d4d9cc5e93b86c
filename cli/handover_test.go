package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// activeID is the id of the demo's plan that is in force.
func activeID(t *testing.T, c *runner) string {
	t.Helper()
	var rows []struct{ ID, Status string }
	if err := json.Unmarshal([]byte(c.ok("list", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Status == "active" {
			return r.ID[:8]
		}
	}
	t.Fatalf("no active plan in %v", rows)
	return ""
}

// trailCount counts the lines of plan id's trail that hold word.
func trailCount(t *testing.T, c *runner, id, word string) int {
	t.Helper()
	return strings.Count(c.ok("trail", id, "--lang", "en"), word)
}

// After the person withdrew the consent, seal refuses as export does for
// JSON, says why in either language, and writes no file and no event.
func TestSealRefusedAfterConsentWithdrawn(t *testing.T) {
	sealHome(t)
	per := keygen(t, filepath.Join(t.TempDir(), "per"), "ed25519", "", "per@region")
	c := newCLI(t)
	c.ok("demo")
	id := activeID(t, c)
	c.ok("close", id, "--reason", "consent_withdrawn", "--discard-draft")
	dir := t.TempDir()
	file := filepath.Join(dir, "cw.age")
	for lang, want := range map[string]string{"sv": "samtycket är återkallat, så planen förseglas inte", "en": "the consent has been withdrawn, so the plan is not sealed"} {
		out, e, code := c.run("seal", id, "--to", per+".pub", "-o", file, "--lang", lang)
		if code != 1 || !strings.Contains(e, want) || out != "" {
			t.Errorf("%s: seal gave %d %q %q", lang, code, out, e)
		}
	}
	if names, _ := os.ReadDir(dir); len(names) != 0 {
		t.Errorf("files written: %v", names)
	}
	if n := trailCount(t, c, id, "sealed"); n != 0 {
		t.Errorf("%d sealed events for a refused seal", n)
	}
	if _, e, code := c.run("export", id, "--format", "json", "--lang", "en"); code != 1 || !strings.Contains(e, "consent has been withdrawn") {
		t.Errorf("json export: %d %q", code, e)
	}
}

// An export refused for its file (taken, folder missing) is no export in
// the trail; one that is written is one.
func TestRefusedExportIsNotInTheTrail(t *testing.T) {
	c := newCLI(t)
	c.ok("demo")
	id := activeID(t, c)
	dir := t.TempDir()
	taken := filepath.Join(dir, "maja.fhir.json")
	os.WriteFile(taken, []byte("x"), 0o600)
	before := trailCount(t, c, id, "exported")
	cases := []struct {
		args   []string
		sv, en string
	}{
		{[]string{"export", id, "--format", "fhir", "-o", taken}, "finns redan", "already exists"},
		{[]string{"export", id, "--format", "ics", "-o", filepath.Join(dir, "nodir", "x.ics")}, "mappen " + filepath.Join(dir, "nodir") + " finns inte", "the folder " + filepath.Join(dir, "nodir") + " does not exist"},
		{[]string{"print", id, "-o", filepath.Join(dir, "nodir", "x.pdf")}, "mappen " + filepath.Join(dir, "nodir") + " finns inte", "the folder " + filepath.Join(dir, "nodir") + " does not exist"},
	}
	for _, tc := range cases {
		for _, lang := range []string{"sv", "en"} {
			want := map[string]string{"sv": tc.sv, "en": tc.en}[lang]
			if _, e, code := c.run(append(tc.args, "--lang", lang)...); code != 1 || !strings.Contains(e, want) {
				t.Errorf("%v %s: %d %q, want %q", tc.args, lang, code, e, want)
			}
		}
	}
	if n := trailCount(t, c, id, "exported"); n != before {
		t.Fatalf("exported events went from %d to %d with nothing exported", before, n)
	}
	if n := trailCount(t, c, id, "printed"); n != 0 {
		t.Fatalf("%d printed events with nothing printed", n)
	}
	c.ok("export", id, "--format", "md", "-o", filepath.Join(dir, "maja.md"))
	if n := trailCount(t, c, id, "exported"); n != before+1 {
		t.Fatalf("a written export: %d events, want %d", n, before+1)
	}
}

// Opening a sealed file for someone else with --db naming a new file
// creates no database: it is made only once there is a plan to store.
func TestOpenMakesNoDatabaseForNothing(t *testing.T) {
	sealHome(t)
	per := keygen(t, filepath.Join(t.TempDir(), "per"), "ed25519", "", "per@region")
	from := newCLI(t)
	from.ok("demo")
	file := filepath.Join(t.TempDir(), "plan.age")
	from.ok("seal", firstID(t, from)[:8], "--to", per+".pub", "-o", file)
	to := newCLI(t)
	garbage := filepath.Join(t.TempDir(), "garbage.age")
	os.WriteFile(garbage, []byte("not sealed at all"), 0o600)
	for _, args := range [][]string{{"open", file}, {"open", garbage, "--identity", per}} {
		_, e, code := to.run(append(args, "--lang", "en")...)
		if code != 1 || strings.Contains(e, "database was created") {
			t.Errorf("%v: %d %q", args, code, e)
		}
		if _, err := os.Stat(to.db); !os.IsNotExist(err) {
			t.Fatalf("%v: a database was made for nothing: %v", args, err)
		}
	}
	_, e, code := to.run("open", file, "--identity", per, "--lang", "en")
	if code != 0 || !strings.Contains(e, "a new database was created") {
		t.Fatalf("open with the right key: %d %q", code, e)
	}
	if n := planCount(t, to); n != 1 {
		t.Fatalf("%d plans", n)
	}
}

// A file that is not there is said to be missing; a folder that is not
// there is named.
func TestFileErrorsSayWhatIsMissing(t *testing.T) {
	sealHome(t)
	per := keygen(t, filepath.Join(t.TempDir(), "per"), "ed25519", "", "per@region")
	c := newCLI(t)
	c.ok("demo")
	id := activeID(t, c)
	dir := t.TempDir()
	missing := filepath.Join(dir, "nothere.age")
	nodir := filepath.Join(dir, "nodir")
	cases := []struct {
		args   []string
		sv, en string
	}{
		{[]string{"open", missing}, "filen " + missing + " finns inte", "the file " + missing + " does not exist"},
		{[]string{"import", missing}, "filen " + missing + " finns inte", "the file " + missing + " does not exist"},
		{[]string{"open", dir}, dir + " är en mapp", dir + " is a folder"},
		{[]string{"seal", id, "--to", per + ".pub", "-o", filepath.Join(nodir, "x.age")}, "mappen " + nodir + " finns inte", "the folder " + nodir + " does not exist"},
		{[]string{"export", id, "-o", filepath.Join(per+".pub", "x.json")}, "är inte en mapp", "is not a folder"},
	}
	for _, tc := range cases {
		for _, lang := range []string{"sv", "en"} {
			want := map[string]string{"sv": tc.sv, "en": tc.en}[lang]
			if _, e, code := c.run(append(tc.args, "--lang", lang)...); code != 1 || !strings.Contains(e, want) {
				t.Errorf("%v %s: %d %q, want %q", tc.args, lang, code, e, want)
			}
		}
	}
	if _, err := os.Stat(nodir); !os.IsNotExist(err) {
		t.Errorf("the missing folder was made: %v", err)
	}
}

// import into a --db that is not there yet checks the file first: one
// that cannot be imported creates no database.
func TestImportMakesNoDatabaseForNothing(t *testing.T) {
	from := newCLI(t)
	from.ok("demo")
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "plan.json"), filepath.Join(dir, "bad.json")
	from.ok("export", activeID(t, from), "--format", "json", "-o", good)
	os.WriteFile(bad, []byte(`{"bad": 1}`), 0o600)
	to := newCLI(t)
	for lang, want := range map[string]string{"sv": "filen kan inte läsas in", "en": "the file cannot be imported"} {
		_, e, code := to.run("import", bad, "--lang", lang)
		if code != 1 || !strings.Contains(e, want) {
			t.Errorf("%s: %d %q", lang, code, e)
		}
		if _, err := os.Stat(to.db); !os.IsNotExist(err) {
			t.Fatalf("a refused import made the database: %v", err)
		}
	}
	if _, e, code := to.run("import", good, "--lang", "en"); code != 0 || !strings.Contains(e, "a new database was created") {
		t.Fatalf("import: %d %q", code, e)
	}
	if n := planCount(t, to); n != 1 {
		t.Fatalf("%d plans", n)
	}
}

package cli

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Closing refuses to drop a follow-up draft unless told to, and says so;
// the explanation is kept and the people to tell are listed.
func TestCloseDiscardDraft(t *testing.T) {
	c := newCLI(t)
	out := c.ok("demo")
	id := strings.Fields(out)[0] // Maja: a follow-up draft is open
	_, errOut, code := c.run("close", id, "--reason", "moved", "--text", "Flyttar till Umeå", "--lang", "en")
	if code == 0 || !strings.Contains(errOut, "--discard-draft") || !strings.Contains(errOut, "Nothing was changed") {
		t.Fatalf("close with a draft: exit %d: %s", code, errOut)
	}
	if js := c.ok("export", id, "--format", "json"); strings.Contains(js, `"status": "closed"`) {
		t.Fatal("a refused close changed the plan")
	}
	got := c.ok("close", id, "--reason", "moved", "--text", "Flyttar till Umeå", "--discard-draft", "--lang", "en")
	for _, w := range []string{"Flyttar till Umeå", "[ ] Maja Lind", "Ali Rahimi (Psykiatriska öppenvårdsmottagningen)"} {
		if !strings.Contains(got, w) {
			t.Errorf("close output lacks %q:\n%s", w, got)
		}
	}
	md := c.ok("export", id, "--format", "md")
	if i := strings.Index(md, "Planen är avslutad"); i < 0 || i > strings.Index(md, "Deltagare") || !strings.Contains(md, "Flyttar till Umeå") {
		t.Errorf("the export does not open on the closure:\n%s", md[:min(len(md), 800)])
	}
}

// TestClosingSaysWhatHappensToTheDraft: what closing does to an open draft
// depends on the reason, and close says which, before (a refusal) and
// after; a plan whose consent was withdrawn before any version was
// finalised prints and exports its closure notice, not "the plan is
// empty" (tryout2 #51).
func TestClosingSaysWhatHappensToTheDraft(t *testing.T) {
	c := newCLI(t)
	maja, _ := demoIDs(t, c)
	cases := []struct {
		name   string
		id     string
		args   []string
		ok     bool
		says   string
		denies string
	}{
		{"consent withdrawn, never finalised, not told", "", []string{"--reason", "consent_withdrawn"}, false,
			"Samtycket är återkallat, så utkastet (version 1) får inte sparas: det tas bort när planen avslutas. Avsluta med --discard-draft. Inget har ändrats.", "Fastställ"},
		{"consent withdrawn, never finalised", "", []string{"--reason", "consent_withdrawn", "--discard-draft"}, true,
			"Samtycket är återkallat, så utkastet (version 1) får inte sparas", ""},
		{"no need, never finalised", "", []string{"--reason", "no_need"}, true,
			"Planen har aldrig fastställts: utkastet (version 1) sparas som det är, och kan inte ändras mer.", ""},
		{"follow-up draft, not told", maja, []string{"--reason", "no_need"}, false,
			"Det påbörjade utkastet (version 2) är inte fastställt och tas bort när planen avslutas; version 1 är den som gäller. Fastställ det först, eller avsluta med --discard-draft.", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			id := tc.id
			if id == "" {
				id = strings.TrimSpace(c.ok("new", "--person", "Vera Test"))
			}
			out, errOut, code := c.run(append([]string{"close", id}, tc.args...)...)
			if (code == 0) != tc.ok {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			said := out + errOut
			if !strings.Contains(said, tc.says) || tc.denies != "" && strings.Contains(said, tc.denies) {
				t.Errorf("close says:\n%s\nwant %q, without %q", said, tc.says, tc.denies)
			}
		})
	}

	// Withdrawn before any version was finalised: the closure notice.
	id := strings.TrimSpace(c.ok("new", "--person", "Vera Test"))
	c.ok("close", id, "--reason", "consent_withdrawn", "--discard-draft")
	if md := c.ok("export", id, "--format", "md"); !strings.Contains(md, "Meddelande: samordnad individuell plan (SIP) avslutad") {
		t.Errorf("export gives:\n%s", md)
	}
	needTool(t, "pdftotext")
	pdf := filepath.Join(t.TempDir(), "notice.pdf")
	c.ok("print", id, "-o", pdf)
	txt, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil || !strings.Contains(string(txt), "Den enskilde har tagit tillbaka sitt samtycke.") {
		t.Errorf("print gives (%v):\n%s", err, txt)
	}
}

// TestCloseNotBeforeFinalised: close refuses a date before the plan was
// finalised, or made, and names that day (tryout41a #10).
func TestCloseNotBeforeFinalised(t *testing.T) {
	c := newCLI(t)
	maja, _ := demoIDs(t, c)
	js := c.ok("export", maja, "--format", "json")
	i := strings.Index(js, `"finalised_at": "`)
	if i < 0 {
		t.Fatalf("the demo plan has no finalised version:\n%s", js[:min(len(js), 600)])
	}
	fin := js[i+len(`"finalised_at": "`):][:10]
	for _, l := range []string{"sv", "en"} {
		_, errOut, code := c.run("close", maja, "--reason", "moved", "--discard-draft", "--date", "2020-01-01", "--lang", l)
		want := "Planen kan inte avslutas före " + fin + ", då den fastställdes. Inget har ändrats."
		if l == "en" {
			want = "The plan cannot be closed before " + fin + ", the day it was finalised. Nothing was changed."
		}
		if code == 0 || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d: %s\nwant %q", l, code, errOut, want)
		}
	}
	if js := c.ok("export", maja, "--format", "json"); strings.Contains(js, `"status": "closed"`) {
		t.Fatal("a refused close changed the plan")
	}
	vera := strings.TrimSpace(c.ok("new", "--person", "Vera Test"))
	if _, errOut, code := c.run("close", vera, "--reason", "no_need", "--date", "2020-01-01"); code == 0 || !strings.Contains(errOut, "då den skapades") {
		t.Errorf("a plan closed before it was made: exit %d: %s", code, errOut)
	}
}

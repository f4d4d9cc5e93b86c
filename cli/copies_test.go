package cli

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// demoIDs creates the demo plans and returns Maja's and Elias's ids.
func demoIDs(t *testing.T, c *runner) (maja, elias string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(c.ok("demo")), "\n") {
		f := strings.Fields(line)
		if len(f) > 1 && f[1] == "Maja" {
			maja = f[0]
		}
		if len(f) > 1 && f[1] == "Elias" {
			elias = f[0]
		}
	}
	if maja == "" || elias == "" {
		t.Fatal("demo ids not found")
	}
	return maja, elias
}

// TestPrintCopies reads printed PDFs back: every paper is named on its
// first page, --original-only prints the original alone, --copies-for the
// copies asked for, and a name not on the list prints nothing.
func TestPrintCopies(t *testing.T) {
	needTool(t, "pdftotext")
	c := newCLI(t)
	maja, _ := demoIDs(t, c)
	dir := t.TempDir()
	// firstPages lists the mark on the first page of each paper.
	papers := func(args ...string) []string {
		t.Helper()
		pdf := filepath.Join(dir, strings.Join(args, "_")+".pdf")
		c.ok(append([]string{"print", maja, "--version", "1", "-o", pdf, "--easy-read", "off"}, args...)...)
		txt, err := exec.Command("pdftotext", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		var marks []string
		for _, page := range strings.Split(string(txt), "\f") {
			if !strings.Contains(page, "sida 1 av") {
				continue
			}
			for _, line := range strings.Split(page, "\n") {
				if strings.HasPrefix(line, "Kopia till ") || strings.HasPrefix(line, "Original till ") {
					marks = append(marks, line)
					break
				}
			}
		}
		return marks
	}
	all := papers()
	want := []string{"Original till Maja Lind (exempel)", "Kopia till Eva Lind, närstående, mamma", "Kopia till Sara Ek, Brukarföreningen",
		"Kopia till Ali Rahimi, Psykiatriska öppenvårdsmottagningen", "Kopia till Karin Holm, Socialtjänstens beroendeenhet",
		"Kopia till Jonas Berg, Vårdcentralen Norr", "Kopia till Lena Sund, Försäkringskassan"}
	if strings.Join(all, "\n") != strings.Join(want, "\n") {
		t.Errorf("papers\n got %q\nwant %q", all, want)
	}
	if got := papers("--original-only"); len(got) != 1 || got[0] != want[0] {
		t.Errorf("--original-only: %q", got)
	}
	if got := papers("--copies-for", "Lena Sund, jonas"); strings.Join(got, "|") != "Kopia till Lena Sund, Försäkringskassan|Kopia till Jonas Berg, Vårdcentralen Norr" {
		t.Errorf("--copies-for: %q", got)
	}
	_, errOut, code := c.run("print", maja, "--version", "1", "-o", filepath.Join(dir, "x.pdf"), "--copies-for", "Nobody")
	if code == 0 || !strings.Contains(errOut, "kopielistan") || strings.Contains(errOut, "Nobody") {
		t.Errorf("an unknown name: code %d, %q", code, errOut)
	}
	_, errOut, code = c.run("print", maja, "--original-only", "--copies", "2")
	if code == 0 || !strings.Contains(errOut, "välj en av") {
		t.Errorf("two selections: code %d, %q", code, errOut)
	}
	// A draft has no named papers.
	_, errOut, code = c.run("print", maja, "-o", filepath.Join(dir, "d.pdf"), "--original-only")
	if code == 0 || !strings.Contains(errOut, "UTKAST") {
		t.Errorf("--original-only on the draft: code %d, %q", code, errOut)
	}
	// The list itself, with the absent action owner's contact.
	out := c.ok("copies", maja, "--version", "1")
	if !strings.Contains(out, "Kopia till Lena Sund, Försäkringskassan  (ansvarar för en insats; lena.sund@example.org)") {
		t.Errorf("copies:\n%s", out)
	}
}

// TestSummonsBooksTheInterpreter: the summons list names the people and
// asks for the interpreter, never summoning the interpreter as a person.
func TestSummonsBooksTheInterpreter(t *testing.T) {
	c := newCLI(t)
	_, elias := demoIDs(t, c)
	out := c.ok("summons", elias)
	if !strings.Contains(out, "Boka tolk: finska") || strings.Contains(out, "Aino Virtanen") ||
		!strings.Contains(out, "Anna Nyström, vårdnadshavare, mamma") {
		t.Errorf("summons:\n%s", out)
	}
	out = c.ok("summons", elias, "--lang", "en")
	if !strings.Contains(out, "Book an interpreter: finska") {
		t.Errorf("summons in English:\n%s", out)
	}
}

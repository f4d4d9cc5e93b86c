package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// demoMaja creates the sample plans and returns Maja's id (finalised).
func demoMaja(t *testing.T, c *runner) string {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(c.ok("demo")), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[1] == "Maja" {
			return f[0]
		}
	}
	t.Fatal("no Maja in the demo")
	return ""
}

// TestCopiesCapped: a huge --copies is refused at once with a message that
// names the cap, and no file is written; the cap itself still prints.
func TestCopiesCapped(t *testing.T) {
	c := newCLI(t)
	id := demoMaja(t, c)
	pdf := filepath.Join(t.TempDir(), "x.pdf")
	type res struct {
		errOut string
		code   int
	}
	done := make(chan res, 1)
	go func() {
		_, e, code := c.run("print", id, "--version", "1", "-o", pdf, "--copies", "20000", "--lang", "en")
		done <- res{e, code}
	}()
	select {
	case r := <-done:
		if r.code == 0 || !strings.Contains(r.errOut, "at most 50") {
			t.Errorf("--copies 20000: exit %d, %q", r.code, r.errOut)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("--copies 20000 was not refused; still printing after 5 s")
	}
	if _, err := os.Stat(pdf); err == nil {
		t.Error("a PDF was written for a refused --copies")
	}
	c.ok("print", id, "--version", "1", "-o", pdf, "--copies", "50")
	if _, err := os.Stat(pdf); err != nil {
		t.Errorf("--copies 50 wrote no PDF: %v", err)
	}
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
			if !strings.Contains(page, "Sida 1 av") {
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
	_, errOut, code = c.run("print", maja, "--version", "2", "-o", filepath.Join(dir, "d.pdf"), "--original-only")
	if code == 0 || !strings.Contains(errOut, "UTKAST") {
		t.Errorf("--original-only on the draft: code %d, %q", code, errOut)
	}
	// The list itself, with the absent action owner's contact.
	out := c.ok("copies", maja, "--version", "1")
	if !strings.Contains(out, "Kopia till Lena Sund, Försäkringskassan  (ansvarar för en insats; lena.sund@example.org)") {
		t.Errorf("copies:\n%s", out)
	}
}

// TestPrintDraftIsMarked prints a draft and a finalised version and reads
// the PDFs back: the draft says so and is never the original.
func TestPrintDraftIsMarked(t *testing.T) {
	needTool(t, "pdftotext")
	c := newCLI(t)
	out := c.ok("demo")
	var maja, elias string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(line)
		if len(f) > 1 && f[1] == "Maja" {
			maja = f[0]
		}
		if len(f) > 1 && f[1] == "Elias" {
			elias = f[0]
		}
	}
	dir := t.TempDir()
	read := func(id string, args ...string) string {
		pdf := filepath.Join(dir, id+".pdf")
		c.ok(append([]string{"print", id, "-o", pdf}, args...)...)
		txt, err := exec.Command("pdftotext", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return string(txt)
	}
	draft := read(elias)
	if !strings.Contains(draft, "UTKAST") || strings.Contains(draft, "Original") {
		t.Errorf("a draft print is not marked as a draft")
	}
	final := read(maja, "--version", "1")
	if !strings.Contains(final, "Original") || strings.Contains(final, "UTKAST") {
		t.Errorf("the finalised print lacks the original mark")
	}
	if n := strings.Count(final, "Kopia"); n < 1 {
		t.Errorf("no copies in the finalised print")
	}
}

// TestPrintWithoutPrinterSavesInDocuments: with no printer and no -o, the
// PDF goes to the documents folder's sipmote folder, never to the folder
// the program was started from, and the full path is shown.
func TestPrintWithoutPrinterSavesInDocuments(t *testing.T) {
	c := newCLI(t)
	id := strings.Fields(c.ok("demo"))[0]
	docs := t.TempDir()
	t.Setenv("XDG_DOCUMENTS_DIR", docs)
	t.Setenv("PATH", t.TempDir()) // no lp, no lpstat: no printer
	cwd := t.TempDir()
	t.Chdir(cwd)
	out := c.ok("print", id)
	dir := filepath.Join(docs, "sipmote")
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 {
		t.Fatalf("%s holds %v (%v); want one PDF", dir, entries, err)
	}
	path := filepath.Join(dir, entries[0].Name())
	if !strings.Contains(out, path) {
		t.Errorf("the output %q does not show the full path %s", out, path)
	}
	st, _ := os.Stat(path)
	dst, _ := os.Stat(dir)
	if st.Mode().Perm() != 0o600 || dst.Mode().Perm() != 0o700 {
		t.Errorf("file mode %v, folder mode %v; want 0600 and 0700", st.Mode().Perm(), dst.Mode().Perm())
	}
	if e, _ := os.ReadDir(cwd); len(e) != 0 {
		t.Errorf("the current folder got %v", e)
	}
}

// TestPrintToANamedPrinterWithoutCUPS: --printer where CUPS is missing
// says so in the user's language, that nothing was printed, and how to
// save the PDF instead; never "an unexpected error" (tryout42b #18).
func TestPrintToANamedPrinterWithoutCUPS(t *testing.T) {
	c := newCLI(t)
	id := strings.Fields(c.ok("demo"))[0]
	t.Setenv("PATH", t.TempDir()) // no lp
	for _, tc := range []struct{ lang, want string }{
		{"en", "printing goes through CUPS (the lp command), which is not installed on this computer; nothing was printed. Save the PDF instead, for example sipmote print ID -o plan.pdf"},
		{"sv", "utskrift går genom CUPS (kommandot lp), och det finns inte på den här datorn; inget skrevs ut."},
	} {
		_, errOut, code := c.run("print", id, "--printer", "Corridor", "--lang", tc.lang)
		if code == 0 || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, "printout:") {
			t.Errorf("%s: exit %d, %q; want %q", tc.lang, code, errOut, tc.want)
		}
	}
}

package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// TestClosedPlanSaysSo: after a withdrawn consent, summons refuses with the
// closure, copies lists whom to tell, the easy-read page is a closing
// letter, and nothing that carries the plan's content leaves; no internal
// error text reaches the user.
func TestClosedPlanSaysSo(t *testing.T) {
	c := newCLI(t)
	maja, _ := demoIDs(t, c)
	today := time.Now().Format(model.DateLayout)
	c.ok("close", maja, "--reason", "consent_withdrawn", "--discard-draft", "--date", today)

	_, errOut, code := c.run("summons", maja)
	if want := "Planen avslutades " + today + ": samtycket togs tillbaka. Ingen ska kallas."; code == 0 || !strings.Contains(errOut, want) {
		t.Errorf("summons of a closed plan: exit %d, %q; want %q", code, errOut, want)
	}
	out := c.ok("copies", maja)
	for _, w := range []string{"(0 av 7 meddelade)", "[ ] Eva Lind", "[ ] Lena Sund (Försäkringskassan) — lena.sund@example.org"} {
		if !strings.Contains(out, w) {
			t.Errorf("copies lacks %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, "Kopia till") || strings.Contains(out, "Original till") {
		t.Errorf("copies of a closed plan hands the plan out:\n%s", out)
	}
	easy := c.ok("export", maja, "--format", "easyread")
	for _, w := range []string{"Min plan har tagit slut", "samtycke", "Jag kan ringa Ali Rahimi", "070-174 06 12"} {
		if w == "samtycke" {
			w = "Jag har sagt att jag inte vill ha planen"
		}
		if !strings.Contains(easy, w) {
			t.Errorf("closing letter lacks %q:\n%s", w, easy)
		}
	}
	for _, bad := range []string{"Nästa möte", "Mina mål", "Boendestöd", "håller ihop min plan"} {
		if strings.Contains(easy, bad) {
			t.Errorf("closing letter says %q:\n%s", bad, easy)
		}
	}
	for _, f := range []string{"json", "ics"} {
		out, errOut, code := c.run("export", maja, "--format", f)
		if code == 0 || out != "" || strings.Contains(errOut, "oväntat") || strings.Contains(errOut, "service:") {
			t.Errorf("export %s of a withdrawn plan: exit %d, stdout %d bytes, %q", f, code, len(out), errOut)
		}
	}
}

// TestFollowUpToBook: a follow-up to be booked by a date shows in due (and
// its JSON), in summons and in list.
func TestFollowUpToBook(t *testing.T) {
	c := newCLI(t)
	now := time.Now()
	p := model.Demo(now)
	p.Draft = nil
	by := now.AddDate(0, 0, 5).Format(model.DateLayout)
	f := &p.Versions[0].Content.FollowUp
	*f = model.FollowUp{State: model.FollowUpLater, BookBy: by, WhyLater: "beslut om boende väntas",
		MandateEnds: now.AddDate(0, 2, 0).Format(model.DateLayout), What: "målen och insatserna"}
	js, err := model.EncodeExport(p)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(file, js, 0o600); err != nil {
		t.Fatal(err)
	}
	id := strings.TrimSpace(c.ok("import", file))

	if out := c.ok("due"); !strings.Contains(out, "uppföljningen ska bokas senast om 5 dagar ("+by+")") {
		t.Errorf("due:\n%s", out)
	}
	var items []model.DueItem
	if err := json.Unmarshal([]byte(c.ok("due", "--json")), &items); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, it := range items {
		found = found || (it.Kind == model.DueBookBy && it.Date == by && it.PlanID == id)
	}
	if !found {
		t.Errorf("due --json lacks the booking: %+v", items)
	}
	want := "Nästa möte: bokas senast " + model.LongDate(by, model.Swedish) + " av samordnaren"
	if out := c.ok("summons", id); !strings.Contains(out, want) || !strings.Contains(out, "Karin Holm") {
		t.Errorf("summons lacks %q:\n%s", want, out)
	}
	if out := c.ok("list"); !strings.Contains(out, "bokas senast "+by) {
		t.Errorf("list:\n%s", out)
	}
	if out := c.ok("list", "--json"); !strings.Contains(out, `"follow_up_book_by": "`+by+`"`) {
		t.Errorf("list --json:\n%s", out)
	}
	// A finalised version is never offered for finalising.
	if out := c.ok("findings", id); strings.Contains(out, "kan fastställas") || !strings.Contains(out, "redan fastställd") {
		t.Errorf("findings of a finalised version:\n%s", out)
	}
}

// TestFindingsKinds: readability figures are their own kind, never
// counted as warnings; a closed plan's findings say it has ended.
func TestFindingsKinds(t *testing.T) {
	c := newCLI(t)
	maja, _ := demoIDs(t, c)
	var rep findingsReport
	out, _, _ := c.run("findings", maja, "--json")
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Info) == 0 {
		t.Errorf("no readability figure: %+v", rep)
	}
	for _, w := range rep.Warnings {
		if strings.Contains(w.Message, "LIX") {
			t.Errorf("a readability figure counted as a warning: %q", w.Message)
		}
	}
	text, _, _ := c.run("findings", maja)
	if want := "Varningar (" + strconv.Itoa(len(rep.Warnings)) + "):"; len(rep.Warnings) > 0 && !strings.Contains(text, want) {
		t.Errorf("text lacks %q:\n%s", want, text)
	}
	c.ok("close", maja, "--reason", "goals_met", "--discard-draft")
	if out := c.ok("findings", maja); strings.Contains(out, "kan fastställas") || !strings.Contains(out, "Planen avslutades") {
		t.Errorf("findings of a closed plan:\n%s", out)
	}
}

// TestImportChecksFinalisedVersions: a file whose finalised version
// finalising would refuse is refused, each problem named by its path, and
// nothing is stored; --as-draft takes it in as a draft.
func TestImportChecksFinalisedVersions(t *testing.T) {
	c := newCLI(t)
	p := model.Demo(time.Now())
	p.Draft = nil
	v := &p.Versions[0]
	v.Content.Needs, v.Content.Goals = "", nil
	js, err := model.EncodeExport(p)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(file, js, 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := c.run("import", file)
	for _, w := range []string{"plan.versions[0].content.needs", "plan.versions[0].content.goals", "--as-draft"} {
		if code == 0 || !strings.Contains(errOut, w) {
			t.Errorf("import of a finalised version without needs or goals: exit %d, lacks %q:\n%s", code, w, errOut)
		}
	}
	if _, err := os.Stat(c.db); !os.IsNotExist(err) {
		t.Fatalf("a refused import made the database: %v", err)
	}
	id := strings.TrimSpace(c.ok("import", file, "--as-draft"))
	var rows []map[string]any
	if err := json.Unmarshal([]byte(c.ok("list", "--json")), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("list: %v %v", rows, err)
	}
	if r := rows[0]; r["id"] != id || r["status"] != "draft" || r["version"] != 1.0 || r["has_draft"] != true || r["finalised_versions"] != 0.0 {
		t.Errorf("--as-draft: %v", r)
	}
	// The demo's own versions pass as they are.
	p = model.Demo(time.Now())
	if js, err = model.EncodeExport(p); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, js, 0o600); err != nil {
		t.Fatal(err)
	}
	c.ok("import", file, "--anyway") // the demo's person has a plan here already
}

package accessible

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// TestCloseDateInAccessibleMode: :stäng asks the day the plan ended, as
// the full screen's form has a date, and refuses one before the plan was
// made, naming that day, and asks again (tryout41a #10).
func TestCloseDateInAccessibleMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sip.db")
	out := run(t, path, model.Swedish, []string{
		":ny", "Karin Lund", "", "", "", "", "Vårdcentralen", "1", "Eva Chair", "",
		":lista", ":stäng 1", "2", "2026-01-01", "",
	})
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		"Vilket datum avslutas planen? ÅÅÅÅ-MM-DD [2026-11-24]:",
		"Planen kan inte avslutas före 2026-11-24, då den skapades.",
		"Planen för Karin Lund är avslutad.",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the mode did not say %q:\n%s", want, out)
		}
	}
	if c := load(t, path).Closure; c == nil || c.Date != "2026-11-24" {
		t.Errorf("closure %+v, want closed on 2026-11-24", c)
	}
}

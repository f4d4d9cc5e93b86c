package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// TestImportRefusesOverLimits: import refuses a field longer than the
// editor holds and a plan larger than the size limit, each with a message
// that names the place and the limit, and creates nothing.
func TestImportRefusesOverLimits(t *testing.T) {
	c := newCLI(t)
	now := time.Now()
	long := model.Demo(now)
	long.Draft.Content.OwnWords = strings.Repeat("å", 50_001)
	large := model.Demo(now)
	for i := range 120 { // 120 × 40 000 characters: about 5 MB
		large.Draft.Content.Goals = append(large.Draft.Content.Goals, model.Goal{ID: fmt.Sprintf("g%d", i), Text: strings.Repeat("x", 40_000)})
	}
	cases := []struct {
		name string
		plan *model.Plan
		want []string
	}{
		{"long field", long, []string{"plan.draft.content.own_words", "at most 50000 characters"}},
		{"large plan", large, []string{"The plan is 4.", "MB; at most 1 MB"}},
	}
	dir := t.TempDir()
	for _, tc := range cases {
		data, err := model.EncodeExport(tc.plan)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "plan.json")
		if err := os.WriteFile(file, data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, errOut, code := c.run("import", file, "--lang", "en")
		if code == 0 {
			t.Errorf("%s: accepted", tc.name)
		}
		for _, w := range tc.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%s: message lacks %q: %s", tc.name, w, errOut)
			}
		}
	}
	if _, err := os.Stat(c.db); !os.IsNotExist(err) {
		t.Errorf("a refused import made the database: %v", err)
	}
}

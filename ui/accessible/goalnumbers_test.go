package accessible

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// TestGoalNumberThatIsNoGoal: a goal number the plan does not have is
// said at once, and kept as typed until a new line corrects it, instead
// of being echoed as taken and then dropped.
func TestGoalNumberThatIsNoGoal(t *testing.T) {
	for _, tc := range []struct {
		l          model.Lang
		field, say string
	}{
		{model.Swedish, ":fält 9", "Mål 7 finns inte (planen har 2 mål)."},
		{model.English, ":field 9", "There is no goal 7 (the plan has 2 goals)."},
	} {
		path := filepath.Join(t.TempDir(), "sip.db")
		newPlan := []string{":ny", "Karin Lund", "", "", "", "", "Vårdcentralen", "9", "1", "Eva Chair", ""}
		if tc.l == model.English {
			newPlan[0] = ":new"
		}
		goto8, goto9 := ":punkt 8", ":punkt 9"
		if tc.l == model.English {
			goto8, goto9 = ":step 8", ":step 9"
		}
		out := run(t, path, tc.l, append(newPlan,
			goto8, "Egen lägenhet", "Ett arbete",
			goto9, "Boendestöd", tc.field, "1, 7",
		))
		flat := strings.ReplaceAll(out, "\n", " ")
		if !strings.Contains(flat, tc.say) {
			t.Errorf("%s: the mode did not say %q:\n%s", tc.l, tc.say, out)
		}
		a := load(t, path).Draft.Content.Actions
		if len(a) != 1 || a[0].GoalsTyped != "1, 7" || len(a[0].GoalIDs) != 1 {
			t.Fatalf("%s: action kept %+v, want the goal 1 and the text 1, 7", tc.l, a)
		}
		// Corrected by the next line, the text is no longer kept.
		out = run(t, path, tc.l, []string{":öppna 1", goto9, ":rad 1", tc.field, "1, 2"})
		if tc.l == model.English {
			out = run(t, path, tc.l, []string{":open 1", goto9, ":row 1", tc.field, "1, 2"})
		}
		a = load(t, path).Draft.Content.Actions
		if a[0].GoalsTyped != "" || len(a[0].GoalIDs) != 2 {
			t.Errorf("%s: after correcting: %+v\n%s", tc.l, a[0], out)
		}
	}
}

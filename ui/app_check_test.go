package ui

import (
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// TestDailyCheckSaysWhatIsWrong: the daily check runs through the real
// service (a new file: nothing wrong, nothing said), and a check that
// found damage is said on the home screen with what to do.
func TestDailyCheckSaysWhatIsWrong(t *testing.T) {
	db := openTestDB(t)
	m := newTestModel(t, db, model.English, 80, 24)
	before := screenText(m)
	send(m, checkDueMsg{})
	if rec, ok := db.LastCheck(); !ok || !rec.OK() {
		t.Fatalf("the check did not run and record a whole file: %+v %v", rec, ok)
	}
	if got := screenText(m); got != before {
		t.Errorf("a whole file changed the home screen:\n%s", got)
	}
	send(m, checkedMsg{rec: service.CheckRecord{At: fixedNow, Damaged: []string{"a", "b"}}, ran: true})
	got := strings.Join(strings.Fields(screenText(m)), " ")
	for _, want := range []string{"damaged records in 2 plans,", "sipmote check"} {
		if !strings.Contains(got, want) {
			t.Errorf("the home screen does not say %q:\n%s", want, screenText(m))
		}
	}
}

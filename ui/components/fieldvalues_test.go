package components

import (
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// TestDateCheckSaysWhatTheFindingSays: the same wrong date read "Skriv
// datumet som …" under the field and "Datumet ska skrivas …" in ctrl+f
// (tryout42a #13). Both now say it in the same words; the finding puts
// the field's name first.
func TestDateCheckSaysWhatTheFindingSays(t *testing.T) {
	for _, l := range []model.Lang{model.Swedish, model.English} {
		for _, bad := range []string{"15 jan", "2027-02-30"} {
			under := DateCheck(l)(bad)
			p := &model.Plan{Person: model.Person{Name: "Nora Lund"}}
			v := &model.Version{}
			v.Meeting.Date = bad
			var finding string
			for _, f := range model.Validate(p, v, model.Options{}) {
				if f.Path == "meeting.date" {
					finding = f.Message.In(l)
				}
			}
			if under == "" || finding == "" || !strings.HasSuffix(strings.ToLower(finding), strings.ToLower(under)) {
				t.Errorf("%s %q: under the field %q, in the findings %q", l, bad, under, finding)
			}
		}
	}
}

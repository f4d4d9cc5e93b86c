package accessible

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// TestParticipantOnOneLine: a participant typed on one line in the
// participants' section is read as the full screen's quick row reads it,
// not kept whole as a name; the mode says what it understood.
func TestParticipantOnOneLine(t *testing.T) {
	for _, tc := range []struct {
		l                        model.Lang
		open, section, line, say string
		title                    string
	}{
		{model.Swedish, ":ny", ":del 1", "Eva Lund, närstående (dotter), telefon", "Tillagd: Eva Lund", "dotter"},
		{model.English, ":new", ":section 1", "Eva Lund, relative (daughter), phone", "Added: Eva Lund", "daughter"},
	} {
		path := filepath.Join(t.TempDir(), "sip.db")
		out := run(t, path, tc.l, []string{tc.open, "Karin Lund", "", "", "", "", "Vårdcentralen", "9", "1", "Eva Chair", "",
			tc.section, tc.line, "Bo Ek"})
		flat := strings.ReplaceAll(out, "\n", " ")
		if !strings.Contains(flat, tc.say) {
			t.Errorf("%s: the mode did not say %q:\n%s", tc.l, tc.say, out)
		}
		var eva, bo *model.Participant
		ps := load(t, path).Draft.Meeting.Participants
		for i := range ps {
			switch ps[i].Name {
			case "Eva Lund":
				eva = &ps[i]
			case "Bo Ek":
				bo = &ps[i]
			}
		}
		if eva == nil || eva.Role != model.RoleRelative || eva.Attendance != model.AttendPhone || eva.Title != tc.title {
			t.Fatalf("%s: participants %+v; want Eva Lund, a relative (dotter) by phone", tc.l, ps)
		}
		// The line after it starts a new participant, by name.
		if bo == nil {
			t.Errorf("%s: the next line made no new participant: %+v", tc.l, ps)
		}
	}
}

// TestChoiceThatHidesFieldsSaysSo: a choice that changes which fields a
// row has says the new count at once, so that "Fält 3 av 11" after
// "Fält 2 av 13" is no surprise.
func TestChoiceThatHidesFieldsSaysSo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sip.db")
	out := run(t, path, model.Swedish, []string{":ny", "Karin Lund", "", "", "", "", "Vårdcentralen", "9", "1", "Eva Chair", "",
		":del 1", "Bo Ek", "2"})
	flat := strings.ReplaceAll(out, "\n", " ")
	if !strings.Contains(flat, "Med det valet finns") {
		t.Fatalf("a role that hides fields was not said:\n%s", out)
	}
}

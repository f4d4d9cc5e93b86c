package cli

import (
	"strings"
	"testing"
)

// TestDemoCommandCarriesTheDB: the sample-plan hint names the file this
// run uses, quoted so that it can be pasted into a shell as it stands.
func TestDemoCommandCarriesTheDB(t *testing.T) {
	for _, tt := range []struct{ db, want string }{
		{"", "sipmote demo"},
		{"/tmp/cold/db", "sipmote demo --db /tmp/cold/db"},
		{"/tmp/mina planer/sip.db", "sipmote demo --db '/tmp/mina planer/sip.db'"},
		{"/tmp/it's.db", `sipmote demo --db '/tmp/it'\''s.db'`},
	} {
		a := &app{dbFlag: tt.db}
		if got := a.demoCommand(); got != tt.want {
			t.Errorf("--db %q: %q, want %q", tt.db, got, tt.want)
		}
	}
}

// TestDemoTwiceAsks: a second sipmote demo finds the sample plans there and
// makes none, saying how to open them and how to make another set; with
// --again it does (tryout2 #46).
func TestDemoTwiceAsks(t *testing.T) {
	c := newCLI(t)
	rows := func() int { return strings.Count(c.ok("list", "--json"), `"id"`) }
	c.ok("demo")
	first := rows()
	cases := []struct {
		args  []string
		added bool
		says  string
	}{
		{nil, false, "Exempelplanerna finns redan i filen (3 planer); inga nya skapades. Öppna dem med: sipmote --db " + c.db + ". En uppsättning till: sipmote demo --db " + c.db + " --again"},
		{[]string{"--lang", "en"}, false, "The sample plans are in the file already (3 plans); none were added."},
		{[]string{"--again"}, true, "Exempelplaner skapade"},
	}
	for _, tc := range cases {
		before := rows()
		out := c.ok(append([]string{"demo"}, tc.args...)...)
		if !strings.Contains(out, tc.says) {
			t.Errorf("demo %v says:\n%s\nwant %q", tc.args, out, tc.says)
		}
		if added := rows() > before; added != tc.added {
			t.Errorf("demo %v added plans: %v, want %v", tc.args, added, tc.added)
		}
	}
	if first != 3 || rows() != 6 {
		t.Errorf("%d plans after demo, %d at the end; want 3 and 6", first, rows())
	}
}

package cli

import "testing"

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

package cli

import (
	"bytes"
	"strings"
	"testing"
)

// A wrong flag is said in the user's language, naming the flag as the
// usage does (--days), and never with the flag package's English.
func TestFlagErrorsInUsersLanguage(t *testing.T) {
	c := newCLI(t)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"list", "--bogus"}, "okänd flagga: --bogus (se sipmote list --help)"},
		{[]string{"list", "--bogus=1", "--lang", "en"}, "unknown flag: --bogus (see sipmote list --help)"},
		{[]string{"due", "--days", "x"}, "fel värde för --days: \"x\""},
		{[]string{"due", "--days", "x", "--lang", "en"}, "wrong value for --days: \"x\""},
		{[]string{"list", "--json=kanske"}, "fel värde för --json: \"kanske\""},
		{[]string{"due", "--days", "-5"}, "--days tar ett antal dagar, 1 eller fler"},
		{[]string{"due", "--days", "0", "--lang", "en"}, "--days takes a number of days, 1 or more"},
		{[]string{"backup", t.TempDir(), "--keep", "0"}, "--keep tar ett antal, 1 eller fler"},
		{[]string{"backup", t.TempDir(), "--keep", "-1", "--lang", "en"}, "--keep takes a number, 1 or more"},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			out, errOut, code := c.run(tc.args...)
			if code == 0 {
				t.Fatalf("exit 0, stdout %q", out)
			}
			if !strings.Contains(errOut, tc.want) {
				t.Errorf("stderr %q lacks %q", errOut, tc.want)
			}
			for _, english := range []string{"flag provided", "invalid value", "invalid boolean", "parse error", "needs an argument", " -bogus", " -days"} {
				if strings.Contains(errOut, english) {
					t.Errorf("stderr %q shows the flag package's %q", errOut, english)
				}
			}
			if strings.Contains(out, "dagar") || strings.Contains(out, "days") {
				t.Errorf("stdout %q claims a window although the flag was refused", out)
			}
		})
	}
}

// A flag left without its value at the end of the line is named too.
func TestFlagWithoutValue(t *testing.T) {
	c := newCLI(t)
	var o, e bytes.Buffer
	if code := Run([]string{"export", "x", "--db", c.db, "--format"}, strings.NewReader(""), &o, &e); code == 0 {
		t.Fatal("exit 0")
	}
	if got := e.String(); !strings.Contains(got, "--format behöver ett värde") || strings.Contains(got, "needs an argument") {
		t.Errorf("stderr %q", got)
	}
}

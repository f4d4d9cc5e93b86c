package cli

import (
	"os"
	"strings"
	"testing"
)

// README's table of commands names every command the program has, with
// the flags its usage names: a command or flag missing there is one a
// user cannot learn of from the README.
func TestReadmeNamesEveryCommand(t *testing.T) {
	raw, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, "| `sipmote "); ok {
			name, _, _ := strings.Cut(rest, " ")
			name = strings.TrimSuffix(name, "`")
			rows[name] += line
		}
	}
	for _, c := range commands() {
		if c.name == "" {
			continue
		}
		row, ok := rows[c.name]
		if !ok {
			t.Errorf("README's table of commands lacks sipmote %s", c.name)
			continue
		}
		for _, f := range strings.Fields(c.args) {
			f = strings.Trim(f, "[]|")
			if strings.HasPrefix(f, "--") && !strings.Contains(row, f) {
				t.Errorf("README's row for sipmote %s lacks %s", c.name, f)
			}
		}
	}
}

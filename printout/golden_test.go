package printout

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

func TestGolden(t *testing.T) {
	tests := []struct {
		file  string
		lang  model.Lang
		write func(model.Document) string
	}{
		{"plan-sv.md.golden", model.Swedish, Markdown},
		{"plan-en.md.golden", model.English, Markdown},
		{"plan-sv.txt.golden", model.Swedish, Text},
		{"plan-en.txt.golden", model.English, Text},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := tt.write(sampleDoc(tt.lang))
			path := filepath.Join(goldenDir(), tt.file)
			if *update {
				if err := os.MkdirAll(goldenDir(), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the golden file (go test -update to accept):\n%s", tt.file, firstDiff(got, string(want)))
			}
			if strings.Contains(got, notRaised) {
				t.Errorf("a subject not to be raised is printed")
			}
		})
	}
}

// firstDiff shows the first line that differs.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + a + "\nwant: " + b
		}
	}
	return ""
}

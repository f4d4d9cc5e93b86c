package printout

import (
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// TestWrapKeepsAddressesWhole: an e-mail or web address too wide for its
// cell is broken after @ or a dot, or cut, without a hyphen added, so
// that the lines put together are the address as written; a long word is
// still cut with a hyphen (tryout2 #47: "karin.l@example.-" / "se").
func TestWrapKeepsAddressesWhole(t *testing.T) {
	r, err := newRenderer(model.Document{Lang: model.Swedish})
	if err != nil {
		t.Fatal(err)
	}
	r.font("", sizeSmall)
	cases := []struct {
		text   string
		width  float64 // mm
		hyphen bool    // a hyphen is added at a break
	}{
		{"karin.l@example.se", 18, false},
		{"karin.lindqvist-holm@vardcentralen-vast.example.se", 20, false},
		{"https://www.example.se/sip/plan/2026", 15, false},
		{"aaaaaaaaaaaaaaaaaaaaaaaa@bbbbbbbbbbbbbbbbbbbbbbbbbbb.se", 12, false},
		{"Långtordlångtordlångtordlångtordlångtord", 15, true},
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			lines := r.wrapPDF(tc.text, tc.width)
			if len(lines) < 2 {
				t.Fatalf("%q fits in %v mm; the test needs a break", tc.text, tc.width)
			}
			for _, l := range lines {
				if w := r.pdf.GetStringWidth(l); w > tc.width+0.01 {
					t.Errorf("line %q is %.1f mm, wider than %v", l, w, tc.width)
				}
			}
			joined := strings.Join(lines, "")
			if got := joined != tc.text; got != tc.hyphen {
				t.Errorf("lines %q put together give %q (hyphen added: %v, want %v)", lines, joined, got, tc.hyphen)
			}
		})
	}
}

package textwrap

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestLines(t *testing.T) {
	tests := []struct {
		name        string
		s           string
		width       int
		first, rest string
		want        []string
	}{
		{"fits", "Egen bostad", 20, "", "", []string{"Egen bostad"}},
		{"breaks between words", "ett två tre fyra", 8, "", "", []string{"ett två", "tre fyra"}},
		{"prefix and indent", "Maja vill bo själv", 12, "- ", "  ", []string{"- Maja vill", "  bo själv"}},
		{"spaces and breaks count as one", "a  b\n\nc", 10, "", "", []string{"a b c"}},
		{"long word cut", "https://exempel.se/lång/adress", 10, "> ", "  ", []string{"> https://", "  exempel.", "  se/lång/", "  adress"}},
		{"runes not bytes", "åäö åäö", 7, "", "", []string{"åäö åäö"}},
		{"empty keeps the prefix, trimmed", "", 10, "  [ ] ", "      ", []string{"  [ ]"}},
		{"only spaces", "   ", 10, "", "", []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Lines(tt.s, tt.width, tt.first, tt.rest)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Lines(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
			}
			for _, l := range got {
				if utf8.RuneCountInString(l) > tt.width {
					t.Errorf("line %q is wider than %d", l, tt.width)
				}
			}
		})
	}
}

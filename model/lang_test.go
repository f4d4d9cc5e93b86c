package model

import "testing"

// TestParseLang: --lang and SIPMOTE_LANG are read as people write them
// (--lang EN, en_GB.UTF-8), and anything else is refused.
func TestParseLang(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Lang
		ok   bool
	}{
		{"sv", Swedish, true}, {"", Swedish, true}, {"en", English, true}, {"EN", English, true},
		{" En ", English, true}, {"SV", Swedish, true}, {"en_GB.UTF-8", English, true}, {"sv-SE", Swedish, true},
		{"fi", Swedish, false}, {"english", Swedish, false}, {"e", Swedish, false}, {"-en", Swedish, false},
	} {
		got, ok := ParseLang(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseLang(%q) = %q, %t; want %q, %t", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

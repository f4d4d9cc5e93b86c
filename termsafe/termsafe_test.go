package termsafe

import (
	"bytes"
	"strings"
	"testing"
)

const esc = "\x1b"

func TestStringRemovesSequences(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain Swedish text is kept", "Åsa Öberg-Ärlig\tsid 2\n", "Åsa Öberg-Ärlig\tsid 2\n"},
		{"OSC 0 window title ended by BEL", "Anna" + esc + "]0;pwned\aBerg", "AnnaBerg"},
		{"OSC 2 title ended by ST", "Anna" + esc + "]2;pwned" + esc + "\\Berg", "AnnaBerg"},
		{"OSC 52 clipboard write", "x" + esc + "]52;c;cm0gLXJmIH4=\ay", "xy"},
		{"OSC 8 hyperlink keeps only its text", esc + "]8;;https://evil.example/" + esc + "\\klicka" + esc + "]8;;" + esc + "\\", "klicka"},
		{"CSI clear screen", "a" + esc + "[2Jb", "ab"},
		{"CSI cursor home and erase line", esc + "[H" + esc + "[2Kc", "c"},
		{"CSI colour", esc + "[31;1mröd" + esc + "[0m", "röd"},
		{"CSI private mode", esc + "[?1049hd", "d"},
		{"8-bit CSI", "a\u009b2Jb", "ab"},
		{"8-bit OSC ended by 8-bit ST", "a\u009d0;t\u009cb", "ab"},
		{"DCS with ST", "a" + esc + "Pq#0;2;0;0;0" + esc + "\\b", "ab"},
		{"8-bit DCS", "a\u0090$qm\u009cb", "ab"},
		{"APC", "a" + esc + "_Gf=100;AAAA" + esc + "\\b", "ab"},
		{"SOS and PM", "a" + esc + "Xsos" + esc + "\\b" + esc + "^pm" + esc + "\\c", "abc"},
		{"ESC c full reset", "a" + esc + "cb", "ab"},
		{"ESC with intermediate: charset", "a" + esc + "(0b", "ab"},
		{"C0 controls", "a\x00b\x07c\x08d\re\x0cf\x7fg", "abcdefg"},
		{"C1 controls", "a\u0085b\u008dc\u009ad", "abcd"},
		{"invalid UTF-8 byte", "a\x9bb\xffc", "abc"},
		{"unterminated OSC ends at newline", "a" + esc + "]0;title\nnext line", "a\nnext line"},
		{"unterminated CSI ends at newline", "a" + esc + "[12\nb", "a\nb"},
		{"lone ESC at end", "abc" + esc, "abc"},
		{"ESC ESC [ clears both", "a" + esc + esc + "[2Jb", "ab"},
		{"right-to-left override", "Anna \u202eneB\u202c Berg", "Anna neB Berg"},
		{"every embedding and override", "a\u202ab\u202bc\u202cd\u202de\u202ef", "abcdef"},
		{"isolates", "a\u2066b\u2067c\u2068d\u2069e", "abcde"},
		{"marks", "a\u200eb\u200fc\u061cd", "abcd"},
		{"joiners and other letters stay", "a\u200db ﷺ", "a\u200db ﷺ"},
		{"format control ends a broken sequence", "a" + esc + "[\u202e1mb", "a1mb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := String(tt.in); got != tt.want {
				t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
			}
			// The writer gives the same, even fed one byte at a time.
			var buf bytes.Buffer
			w := Writer(&buf)
			for i := 0; i < len(tt.in); i++ {
				if n, err := w.Write([]byte{tt.in[i]}); n != 1 || err != nil {
					t.Fatalf("Write = %d, %v", n, err)
				}
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("Writer byte by byte: %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStringCleanReturnsInputUnchanged(t *testing.T) {
	s := strings.Repeat("Förnamn Efternamn\n", 10)
	if got := String(s); got != s {
		t.Fatalf("changed clean text: %q", got)
	}
	if n := testing.AllocsPerRun(100, func() { _ = String(s) }); n != 0 {
		t.Errorf("clean text allocated %v times", n)
	}
}

func TestControlsKeepsFormatControls(t *testing.T) {
	in := "\u200fAnna\u202e" + esc + "]0;t\a\u2066x\u2069"
	if got, want := Controls(in), "\u200fAnna\u202e\u2066x\u2069"; got != want {
		t.Errorf("Controls = %q, want %q", got, want)
	}
	if got, want := String(in), "Annax"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	if s := "\u202eabc"; Controls(s) != s {
		t.Errorf("Controls changed %q", s)
	}
}

func TestDropFormatKeepsSequences(t *testing.T) {
	in := esc + "[1mAnna\u202e" + esc + "[0m \u2067x"
	if got, want := DropFormat(in), esc+"[1mAnna"+esc+"[0m x"; got != want {
		t.Errorf("DropFormat = %q, want %q", got, want)
	}
}

func FuzzString(f *testing.F) {
	f.Add("a\x1b]0;x\ab")
	f.Add("\u009b2J")
	f.Fuzz(func(t *testing.T, s string) {
		got := String(s)
		for _, r := range got {
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f || IsFormat(r) {
				t.Fatalf("String(%q) kept control %U", s, r)
			}
		}
		if String(got) != got {
			t.Fatalf("not idempotent on %q", s)
		}
	})
}

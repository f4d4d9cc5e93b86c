package service

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/printout"
)

// TestPrintedLineNamesTheFileFirst: on a status line cut at 80 columns the
// file's name is still there, and the home folder is written as ~.
func TestPrintedLineNamesTheFileFirst(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	res := printout.Result{Path: filepath.Join(home, "Documents", "sipmote", "sip-SH-v1-2026-11-30-2.pdf")}
	for _, tt := range []struct {
		lang model.Lang
		want string
	}{
		{model.Swedish, "PDF sparad (ingen skrivare): sip-SH-v1-2026-11-30-2.pdf i " + filepath.Join("~", "Documents", "sipmote")},
		{model.English, "PDF saved (no printer): sip-SH-v1-2026-11-30-2.pdf in " + filepath.Join("~", "Documents", "sipmote")},
	} {
		got := PrintedLine(tt.lang, res)
		if got != tt.want {
			t.Errorf("%s: %q, want %q", tt.lang, got, tt.want)
		}
		if ansi.StringWidth(got) > 80 {
			t.Errorf("%s: the line is cut at 80 columns, its folder with it: %q", tt.lang, got)
		}
	}
	other := printout.Result{Path: "/srv/utskrift/sip.pdf"}
	if got := PrintedLine(model.English, other); !strings.Contains(got, "sip.pdf in /srv/utskrift") {
		t.Errorf("a folder outside home: %q", got)
	}
}

// With no printer chosen the command line says so and names the file; a
// refusing default printer is named with its answer.
func TestPrintedTextSaysNoPrinterIsChosen(t *testing.T) {
	got := PrintedText(model.English, printout.Result{Path: "/x/sip.pdf", NoPrinter: true})
	if !strings.Contains(got, "No printer is chosen") || !strings.Contains(got, "--printer") || !strings.Contains(got, "/x/sip.pdf") {
		t.Errorf("no printer: %q", got)
	}
	got = PrintedText(model.Swedish, printout.Result{Path: "/x/sip.pdf", Printer: "kontoret", Refused: "lp: stopped"})
	if !strings.Contains(got, "kontoret") || !strings.Contains(got, "lp: stopped") || !strings.Contains(got, "/x/sip.pdf") {
		t.Errorf("refused: %q", got)
	}
}

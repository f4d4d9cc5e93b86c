package accessible

import "testing"

func TestParse(t *testing.T) {
	for _, c := range []struct {
		line string
		c    cmd
		arg  string
	}{
		{":nästa", cmdNext, ""},
		{"  :NÄSTA  ", cmdNext, ""},
		{":next", cmdNext, ""},
		{":punkt 5", cmdStep, "5"},
		{":step  12 ", cmdStep, "12"},
		{":skriv ut", cmdPrint, ""},
		{":skriv ut 2", cmdPrint, "2"},
		{":sluta dela", cmdUnshare, ""},
		{":dela", cmdShare, ""},
		{":ångra start", cmdUndoStart, ""},
		{":starta", cmdStart, ""},
		{":lista", cmdList, ""},
		{":list", cmdList, ""},
		{":läs", cmdRead, ""},
		{":Kopior + Per Wall, Geriatriken", cmdCopies, "+ Per Wall, Geriatriken"},
		{":ta bort 3", cmdRemove, "3"},
		{":?", cmdHelp, ""},
		{":nästan", cmdNone, ""},
		{":", cmdNone, ""},
	} {
		got, arg := parse(c.line)
		if got != c.c || arg != c.arg {
			t.Errorf("parse(%q) = %v %q, want %v %q", c.line, got, arg, c.c, c.arg)
		}
	}
}

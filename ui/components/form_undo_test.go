package components

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

// undoForm is a form of one text area with a clock the test moves.
func undoForm(t *testing.T) (*Form, *string, *time.Time) {
	t.Helper()
	st := common.DefaultStyles()
	value := new(string)
	now := time.Date(2026, 11, 25, 13, 0, 0, 0, time.UTC)
	f := NewForm(model.Swedish, &st, []Field{{Kind: KindArea, Label: "Övrigt", Path: "notes",
		Get: func() string { return *value }, Set: func(s string) { *value = s }}})
	f.SetSize(60, 20)
	f.Now = func() time.Time { return now }
	return f, value, &now
}

// typeKeys types s a key at a time, gap apart, as a secretary does.
func typeKeys(f *Form, now *time.Time, s string, gap time.Duration) {
	for _, r := range s {
		f.Update(tea.PasteMsg{Content: string(r)}) // the meeting gives typed keys as inserts
		*now = now.Add(gap)
	}
}

// TestUndoTakesSmallStepsAndRedoes: one ctrl+z took four sentences typed
// 0.4 s apart, and a 7,600-character paste, with no way back (tryout42b
// #5). A step now ends at a sentence's end, a new line, a word's end once
// it holds a few words, and a pause; a paste is a step of its own, also
// when it comes in several inserts; Redo brings back what Undo took,
// until the field is changed again.
func TestUndoTakesSmallStepsAndRedoes(t *testing.T) {
	f, value, now := undoForm(t)
	sentences := []string{"Hon sover dåligt.", " Hon vill flytta.", " Mamma hjälper till.", " Hon vill sjunga i kör."}
	for _, s := range sentences {
		typeKeys(f, now, s, 80*time.Millisecond)
		*now = now.Add(400 * time.Millisecond)
	}
	all := strings.Join(sentences, "")
	if *value != all {
		t.Fatalf("typed %q", *value)
	}
	if !f.Undo() || *value != strings.Join(sentences[:3], "") {
		t.Fatalf("one undo left %q, want the last sentence gone only", *value)
	}
	if !f.Undo() || *value != strings.Join(sentences[:2], "") {
		t.Fatalf("a second undo left %q", *value)
	}
	if !f.Redo() || *value != strings.Join(sentences[:3], "") {
		t.Fatalf("redo left %q", *value)
	}
	if !f.Redo() || *value != all {
		t.Fatalf("a second redo left %q", *value)
	}
	if f.Redo() {
		t.Error("redo with nothing undone changed the field")
	}

	// Sentences that come whole, 0.4 s apart (keys sent at once, as
	// tmux send-keys does), are a step each too.
	f, value, now = undoForm(t)
	for _, s := range sentences {
		f.Update(tea.PasteMsg{Content: s})
		*now = now.Add(400 * time.Millisecond)
	}
	if !f.Undo() || *value != strings.Join(sentences[:3], "") {
		t.Fatalf("one undo of sentences that came whole left %q, want the last one gone only", *value)
	}

	// A long sentence without a full stop goes a few words at a time.
	f, value, now = undoForm(t)
	long := "hon berättar om skolan och om kompisarna och om hur det var när hon flyttade hit"
	typeKeys(f, now, long, 60*time.Millisecond)
	f.Undo()
	if *value == "" || len([]rune(long))-len([]rune(*value)) > stepChars+12 {
		t.Errorf("one undo of a long sentence left %q: want a few words gone", *value)
	}

	// A paste, marked (one insert) or not (inserts in a row), is one step.
	for _, parts := range [][]string{{strings.Repeat("Stycke ett. ", 600)}, {strings.Repeat("a", 300), strings.Repeat("b", 300), strings.Repeat("c. ", 100)}} {
		f, value, now = undoForm(t)
		typeKeys(f, now, "Före.", 80*time.Millisecond)
		*now = now.Add(2 * time.Second)
		for _, p := range parts {
			f.Update(tea.PasteMsg{Content: p})
			*now = now.Add(80 * time.Millisecond)
		}
		*now = now.Add(2 * time.Second)
		typeKeys(f, now, " Efter", 80*time.Millisecond)
		f.Undo()
		if want := "Före." + strings.Join(parts, ""); *value != want {
			t.Errorf("the first undo after a paste left %d characters, want %d: the typing after it gone", len(*value), len(want))
		}
		f.Undo()
		if *value != "Före." {
			t.Errorf("the second undo left %d characters, want the paste gone whole: %q", len(*value), (*value)[:min(len(*value), 30)])
		}
		f.Redo()
		if want := "Före." + strings.Join(parts, ""); *value != want {
			t.Errorf("redo did not bring the paste back whole")
		}
	}

	// Typing after an undo ends what redo could bring back.
	f, value, now = undoForm(t)
	typeKeys(f, now, "Ett. Två.", 80*time.Millisecond)
	f.Undo()
	typeKeys(f, now, " Tre", 80*time.Millisecond)
	if f.Redo() || *value != "Ett. Tre" {
		t.Errorf("redo after new typing changed the field to %q", *value)
	}
}

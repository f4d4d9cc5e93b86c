package model

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

var importNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func TestExportImportRoundTrip(t *testing.T) {
	p := Demo(importNow)
	data, err := EncodeExport(p)
	if err != nil {
		t.Fatal(err)
	}
	q, err := DecodeExport(bytes.NewReader(data), importNow)
	if err != nil {
		t.Fatalf("import of an export: %v", err)
	}
	if q.ID == p.ID {
		t.Error("import kept the old id; it must make a new plan")
	}
	if q.Person != p.Person || len(q.Versions) != len(p.Versions) || (q.Draft == nil) != (p.Draft == nil) {
		t.Errorf("round trip lost data: %+v", q.Person)
	}
}

func TestImportNamesThePath(t *testing.T) {
	cases := []struct {
		name, json, path string
	}{
		{"not json", `{`, "@1"},
		{"other format", `{"format":"x","format_version":1,"plan":{}}`, "format"},
		{"unknown field", `{"format":"sipmote-plan","format_version":1,"plan":{"nope":1}}`, "nope"},
		{"bad pnr", `{"format":"sipmote-plan","format_version":1,"plan":{"person":{"name":"A","pnr":"19890412-3456"},"status":"draft"}}`, "plan.person.pnr"},
		{"bad date", `{"format":"sipmote-plan","format_version":1,"plan":{"person":{"name":"A"},"status":"draft","draft":{"number":1,"meeting":{"date":"30/11/2026"}}}}`, "plan.draft.meeting.date"},
		{"wrong type", `{"format":"sipmote-plan","format_version":1,"plan":{"person":{"name":7}}}`, "plan.person.name"},
		{"bad action status", `{"format":"sipmote-plan","format_version":1,"plan":{"person":{"name":"A"},"status":"draft","draft":{"number":1,"content":{"actions":[{"id":"a","what":"x","status":"maybe"}]}}}}`, "plan.draft.content.actions[0].status"},
		{"duplicate ids", `{"format":"sipmote-plan","format_version":1,"plan":{"person":{"name":"A"},"status":"draft","draft":{"number":1,"content":{"goals":[{"id":"g","text":"x"},{"id":"g","text":"y"}]}}}}`, "plan.draft.content.goals[1].id"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := DecodeExport(bytes.NewReader([]byte(c.json)), importNow)
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("want ImportError, got %v", err)
			}
			found := false
			for _, f := range ie.Problems {
				if f.Path == c.path {
					found = true
				}
				if f.Message.SV == "" || f.Message.EN == "" {
					t.Errorf("message missing a language: %+v", f)
				}
			}
			if !found {
				t.Errorf("no problem at %q in %v", c.path, ie)
			}
		})
	}
}

// FuzzImport feeds arbitrary bytes to the import: it must never panic, and
// whatever it accepts must pass the structural check and encode again.
func FuzzImport(f *testing.F) {
	if data, err := EncodeExport(Demo(importNow)); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"format":"sipmote-plan","format_version":1,"plan":{"person":{"name":"A"},"status":"draft"}}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := DecodeExport(bytes.NewReader(data), importNow)
		if err != nil {
			return
		}
		if probs := CheckStructure(p, importNow); len(probs) > 0 {
			t.Fatalf("accepted a plan with problems: %v", probs)
		}
		if _, err := EncodeExport(p); err != nil {
			t.Fatal(err)
		}
	})
}

// A name with bidi controls is exported whole, the controls as \u escapes
// (harmless on a terminal), and imported back the same.
func TestExportKeepsFormatControlsEscaped(t *testing.T) {
	p := Demo(importNow)
	p.Person.Name = "Anna \u202eneB\u202c \u200fBerg"
	data, err := EncodeExport(p)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.ContainsRune(data, 0x202e) || bytes.ContainsRune(data, 0x200f) {
		t.Fatal("the export holds a raw format control")
	}
	if !bytes.Contains(data, []byte(`Anna \u202eneB\u202c \u200fBerg`)) {
		t.Fatalf("the export does not keep the name escaped")
	}
	q, err := DecodeExport(bytes.NewReader(data), importNow)
	if err != nil {
		t.Fatal(err)
	}
	if q.Person.Name != p.Person.Name {
		t.Errorf("round trip gave %q, want %q", q.Person.Name, p.Person.Name)
	}
}

package model

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// TestImportRefusesWhatTheEditorCannotHold: a field over the editor's limit
// and a plan over the size limit are refused at import, each with the path
// and a message in both languages; a field at the limit is taken whole.
func TestImportRefusesWhatTheEditorCannotHold(t *testing.T) {
	big := func(mod func(p *Plan)) []byte {
		p := Demo(importNow)
		mod(p)
		data, err := EncodeExport(p)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	cases := []struct {
		name string
		data []byte
		path string // "" means accepted
	}{
		{"field at the limit", big(func(p *Plan) { p.Draft.Content.OwnWords = strings.Repeat("å", MaxFieldChars) }), ""},
		{"field one over", big(func(p *Plan) { p.Draft.Content.OwnWords = strings.Repeat("å", MaxFieldChars+1) }), "plan.draft.content.own_words"},
		{"tabs make it too long", big(func(p *Plan) { p.Draft.Content.Needs = strings.Repeat("\t", MaxFieldChars/2) }), "plan.draft.content.needs"},
		{"too many lines", big(func(p *Plan) { p.Draft.Content.Notes = strings.Repeat("\n", MaxFieldLines) }), "plan.draft.content.notes"},
		{"a goal in an old version", big(func(p *Plan) { p.Versions[0].Content.Goals[0].Text = strings.Repeat("x", MaxFieldChars+5) }), "plan.versions[0].content.goals[0].text"},
		{"plan over the size limit", big(func(p *Plan) {
			for range MaxPlanBytes/MaxFieldChars + 2 {
				p.Draft.Content.Goals = append(p.Draft.Content.Goals, Goal{ID: NewID(), Text: strings.Repeat("y", MaxFieldChars)})
			}
		}), "plan"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := DecodeExport(bytes.NewReader(c.data), importNow)
			if c.path == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if n := len([]rune(p.Draft.Content.OwnWords)); n != MaxFieldChars {
					t.Errorf("field has %d characters after import, want %d", n, MaxFieldChars)
				}
				return
			}
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("want ImportError, got %v", err)
			}
			found := false
			for _, f := range ie.Problems {
				if f.Path == c.path && f.Message.SV != "" && f.Message.EN != "" {
					found = true
				}
			}
			if !found {
				t.Errorf("no problem at %q in %v", c.path, ie)
			}
		})
	}
}

func TestFieldTooLong(t *testing.T) {
	cases := []struct {
		s    string
		want bool
	}{
		{"", false},
		{strings.Repeat("ö", MaxFieldChars), false},
		{strings.Repeat("ö", MaxFieldChars+1), true},
		{strings.Repeat("a\n", MaxFieldLines-1), false},
		{strings.Repeat("a\n", MaxFieldLines), true},
		{strings.Repeat("\t", MaxFieldChars/4), false},
		{strings.Repeat("\t", MaxFieldChars/4+1), true},
	}
	for i, c := range cases {
		if got := FieldTooLong(c.s); got != c.want {
			t.Errorf("case %d: FieldTooLong = %v, want %v", i, got, c.want)
		}
	}
}

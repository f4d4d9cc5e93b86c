package checklists

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/sipmote/sipmote/model"
)

// Keys a block may hold, by kind. "Text" keys need .sv and .en; "varied"
// keys may also carry a variant: prompt.child.sv, share.older.
var (
	stepKeys = keySpec{
		plain:  []string{"part", "share", "section", "complete", "round", "variants", "after", "before", "remove"},
		text:   []string{"title", "prompt"},
		varied: []string{"prompt", "share"},
	}
	itemKeys = keySpec{
		plain:  []string{"variants", "after", "before", "remove"},
		text:   []string{"text"},
		varied: []string{"text"},
	}
	wordKeys = keySpec{
		plain: []string{"name", "remove"},
		text:  []string{"plain"},
	}

	quickKeys = keySpec{
		plain: []string{"means", "value", "trustee", "rest", "parent", "remove"},
	}

	// phraseKeys take text in any language: text.sv, text.fi, text.so.
	phraseKeys = keySpec{
		plain:   []string{"remove"},
		text:    []string{"text"},
		anyLang: true,
	}
)

type keySpec struct {
	plain, text, varied []string
	// anyLang accepts any language code after a text key, not only sv
	// and en, so that a municipality can add a language.
	anyLang bool
}

func specFor(kind string) keySpec {
	switch kind {
	case kindStep:
		return stepKeys
	case kindWord:
		return wordKeys
	case kindEasyRead:
		return phraseKeys
	case kindQuick:
		return quickKeys
	}
	return itemKeys
}

// describe lists the keys for a message, with VARIANT standing for adult,
// child or older.
func (k keySpec) describe() string {
	var out []string
	for _, key := range k.plain {
		out = append(out, key)
		if slices.Contains(k.varied, key) {
			out = append(out, key+".VARIANT")
		}
	}
	for _, key := range k.text {
		out = append(out, key+".sv", key+".en")
		if k.anyLang {
			out = append(out, key+".LANG")
		}
		if slices.Contains(k.varied, key) {
			out = append(out, key+".VARIANT.sv", key+".VARIANT.en")
		}
	}
	return strings.Join(out, ", ")
}

// known tells whether a key is one the kind accepts.
func (k keySpec) known(key string) bool {
	parts := strings.Split(key, ".")
	isLang := func(s string) bool { return s == "sv" || s == "en" || k.anyLang && model.ValidLanguageCode(s) }
	isVariant := func(s string) bool { return s == "adult" || s == "child" || s == "older" }
	switch len(parts) {
	case 1:
		return slices.Contains(k.plain, key)
	case 2:
		if slices.Contains(k.text, parts[0]) && isLang(parts[1]) {
			return true
		}
		// A varied plain key, such as share.child.
		return slices.Contains(k.varied, parts[0]) && slices.Contains(k.plain, parts[0]) && isVariant(parts[1])
	case 3:
		return slices.Contains(k.varied, parts[0]) && slices.Contains(k.text, parts[0]) &&
			isVariant(parts[1]) && isLang(parts[2])
	}
	return false
}

// issue is a problem with one field before it is known whether the block
// was new or a change; the caller adds what was left out.
type issue struct {
	file string
	line int
	msg  model.Text
}

// fields is a block's merged keys: the defaults with every later change
// laid over them.
type fields map[string]field

// checker collects the issues of one block.
type checker struct {
	f      fields
	file   string // the block's heading, for missing keys
	line   int
	issues []issue
}

func (c *checker) add(f field, sv, en string, args ...any) {
	c.issues = append(c.issues, issue{f.file, f.line, model.Text{SV: fmt.Sprintf(sv, args...), EN: fmt.Sprintf(en, args...)}})
}

func (c *checker) missing(key string) {
	c.add(field{file: c.file, line: c.line}, "”%s” saknas.", "\"%s\" is missing.", key)
}

func (c *checker) required(key string) (field, bool) {
	f, ok := c.f[key]
	if !ok || f.value == "" {
		c.missing(key)
		return f, false
	}
	return f, true
}

// text reads key.sv and key.en; both or neither must be given.
func (c *checker) text(key string, need bool) model.Text {
	sv, hasSV := c.f[key+".sv"]
	en, hasEN := c.f[key+".en"]
	switch {
	case !need && sv.value == "" && en.value == "":
		// Not given, or emptied to clear what an earlier file set.
		return model.Text{}
	case !hasSV && !hasEN:
		c.add(field{file: c.file, line: c.line}, "”%s.sv” och ”%s.en” saknas.", "\"%s.sv\" and \"%s.en\" are missing.", key, key)
	case !hasSV || sv.value == "":
		c.missing(key + ".sv")
	case !hasEN || en.value == "":
		c.add(sv, "”%s” har svensk text men saknar engelsk (%s.en).", "\"%s\" has Swedish text but no English (%s.en).", key, key)
	}
	return model.Text{SV: sv.value, EN: en.value}
}

func (c *checker) number(f field) (int, bool) {
	n, err := strconv.Atoi(f.value)
	if err != nil || n < 0 || n > 100 {
		c.add(f, "”%s” ska vara ett heltal från 0 till 100, inte ”%s”.", "\"%s\" must be a whole number from 0 to 100, not \"%s\".", f.key, f.value)
		return 0, false
	}
	return n, true
}

func (c *checker) boolean(key string) bool {
	f, ok := c.f[key]
	if !ok {
		return false
	}
	b, ok := parseBool(f.value)
	if !ok {
		c.add(f, "”%s” ska vara true eller false, inte ”%s”.", "\"%s\" must be true or false, not \"%s\".", key, f.value)
	}
	return b
}

// parseBool accepts the Swedish words too.
func parseBool(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "true", "yes", "ja", "1":
		return true, true
	case "false", "no", "nej", "0", "":
		return false, true
	}
	return false, false
}

func (c *checker) variants() []model.AgeGroup {
	f, ok := c.f["variants"]
	if !ok {
		return nil
	}
	var out []model.AgeGroup
	for _, w := range strings.FieldsFunc(f.value, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		if strings.EqualFold(w, "all") || strings.EqualFold(w, "alla") {
			return nil
		}
		v, ok := ParseVariant(strings.ToLower(w))
		if !ok || w == "" {
			c.add(f, "Okänd variant ”%s”. Skriv adult, child, older eller all.", "Unknown variant \"%s\". Write adult, child, older or all.", w)
			continue
		}
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// buildStep makes a step from its merged fields and says what is wrong.
func buildStep(id string, c *checker) Step {
	s := Step{ID: id, File: c.file, Line: c.line}
	s.Title = c.text("title", true)
	s.Prompt = c.text("prompt", true)
	if f, ok := c.required("part"); ok {
		if validPart(f.value) {
			s.Part = f.value
		} else {
			c.add(f, "Okänd del av mötet ”%s”. Möjliga: %s.", "Unknown part of the meeting \"%s\". Possible: %s.", f.value, strings.Join(Parts, ", "))
		}
	}
	if f, ok := c.required("share"); ok {
		s.Share, _ = c.number(f)
	}
	if f, ok := c.required("section"); ok {
		if validSection(f.value) {
			s.Section = f.value
		} else {
			c.add(f, "Okänd del av planen ”%s”. Möjliga: %s.", "Unknown plan section \"%s\". Possible: %s.", f.value, strings.Join(sectionIDs(), ", "))
		}
	}
	if f, ok := c.required("complete"); ok {
		if _, bad := parseConditions(f.value); bad != nil {
			c.issues = append(c.issues, issue{f.file, f.line, *bad})
		} else {
			s.Condition = f.value
		}
	}
	s.Round = c.boolean("round")
	s.Variants = c.variants()
	for _, v := range allVariants() {
		var d variation
		d.prompt = c.text("prompt."+string(v), false)
		if f, ok := c.f["share."+string(v)]; ok && f.value != "" {
			d.share, d.hasShare = c.number(f)
		}
		if d.prompt.SV != "" || d.hasShare {
			if s.vary == nil {
				s.vary = map[model.AgeGroup]variation{}
			}
			s.vary[v] = d
		}
	}
	return s
}

// buildItem makes a checklist item from its merged fields.
func buildItem(id string, c *checker) Item {
	it := Item{ID: id, File: c.file, Line: c.line}
	it.Text = c.text("text", true)
	it.Variants = c.variants()
	for _, v := range allVariants() {
		if t := c.text("text."+string(v), false); t.SV != "" {
			if it.vary == nil {
				it.vary = map[model.AgeGroup]model.Text{}
			}
			it.vary[v] = t
		}
	}
	return it
}

// buildWord makes a word-list entry from its merged fields.
func buildWord(term string, c *checker) model.Jargon {
	return model.Jargon{Term: term, Plain: c.text("plain", true), Name: c.boolean("name")}
}

// buildPhrase makes a fixed phrase of the easy-read page: Swedish and
// English are required, like every text of the program; other languages
// are optional, and a language is offered only when every phrase has it
// (see Set.EasyRead).
func buildPhrase(id string, c *checker) Phrase {
	t := c.text("text", true)
	ph := Phrase{ID: id, Text: map[string]string{"sv": t.SV, "en": t.EN}, File: c.file, Line: c.line}
	for key, f := range c.f {
		if lang, ok := strings.CutPrefix(key, "text."); ok && f.value != "" {
			ph.Text[lang] = f.value
		}
	}
	return ph
}

// sectionIDs lists the plan's section ids, for a message.
func sectionIDs() []string {
	ids := make([]string, len(model.Sections))
	for i, s := range model.Sections {
		ids[i] = s.ID
	}
	return ids
}

package checklists

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sipmote/sipmote/termsafe"

	"github.com/sipmote/sipmote/model"
)

// The file format is INI-like, so that it can be read and edited in
// Notepad without knowing any syntax beyond "key = value":
//
//	# A comment.
//	[step goals]
//	part = needs_goals
//	share = 14
//	prompt.sv = Fråga: Vad är viktigt för dig?
//
// A block starts with [kind id]; kind is step, before, after or word. Each
// value is on one line. Blank lines and lines starting with # or ; are
// ignored. A UTF-8 byte order mark and Windows line ends are accepted,
// since Notepad writes both.

// Kinds of block.
const (
	kindStep   = "step"
	kindBefore = "before"
	kindAfter  = "after"
	kindWord   = "word"
	// kindEasyRead is a fixed phrase of the easy-read page, in any
	// number of languages.
	kindEasyRead = "easyread"
	// kindQuick is a word the participants' quick row knows.
	kindQuick = "quick"
)

// maxFileSize bounds what is read from one file; a checklist is a few
// kilobytes, so anything far larger is a mistake, not a routine.
const maxFileSize = 1 << 20

// Problem is something in a checklist file that could not be used, with
// where it is and what was done about it.
type Problem struct {
	File    string
	Line    int // 0 when the problem concerns the whole file
	Message model.Text
}

// In formats the problem as "file:line: message", the form editors and
// compilers use, so that a coordinator can find the line.
func (p Problem) In(l model.Lang) string {
	switch {
	case p.File == "":
		return p.Message.In(l)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message.In(l))
	}
	return fmt.Sprintf("%s: %s", p.File, p.Message.In(l))
}

// Error makes a Problem usable as an error, in English.
func (p Problem) Error() string { return p.In(model.English) }

func problem(file string, line int, sv, en string, args ...any) Problem {
	return Problem{File: file, Line: line, Message: model.Text{
		SV: fmt.Sprintf(sv, args...),
		EN: fmt.Sprintf(en, args...),
	}}
}

// record is one [kind id] block as written in a file.
type record struct {
	kind, id string
	file     string
	line     int
	fields   []field
}

// field is one "key = value" line.
type field struct {
	key, value string
	file       string
	line       int
}

// parse splits a file into records. It reports every line it cannot read
// and goes on, so that one typo costs one line, not the file.
func parse(file string, data []byte) ([]record, []Problem) {
	if len(data) > maxFileSize {
		return nil, []Problem{problem(file, 0,
			"Filen är större än %d kB och läses inte.", "The file is larger than %d kB and is not read.", maxFileSize/1024)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if !utf8.ValidString(l) {
			return nil, []Problem{problem(file, i+1,
				"Filen är inte sparad som UTF-8, så å, ä och ö blir fel. Hela filen används inte. Spara den som UTF-8 (i Anteckningar: Spara som, Kodning: UTF-8).",
				"The file is not saved as UTF-8, so å, ä and ö come out wrong. The whole file is not used. Save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8).")}
		}
	}
	var (
		recs  []record
		probs []Problem
		cur   = -1    // index of the open record
		skip  = false // inside a block whose header was rejected
		seen  map[string]int
	)
	for i, raw := range lines {
		n := i + 1
		line := strings.TrimSpace(raw)
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		if line[0] == '[' {
			cur, skip = -1, true
			r, p := parseHeader(file, n, line)
			if p != nil {
				probs = append(probs, *p)
				continue
			}
			recs = append(recs, r)
			cur, skip, seen = len(recs)-1, false, map[string]int{}
			continue
		}
		if skip {
			continue
		}
		if cur < 0 {
			probs = append(probs, problem(file, n,
				"Raden står före första rubriken och används inte. Varje block börjar med en rubrik som [step id].",
				"The line comes before the first heading and is not used. Every block starts with a heading such as [step id]."))
			skip = true
			continue
		}
		key, val, ok := strings.Cut(line, "=")
		key = strings.ToLower(strings.TrimSpace(key))
		if !ok || key == "" {
			probs = append(probs, problem(file, n,
				"Raden saknar ”nyckel = värde” och används inte. Ett värde får inte fortsätta på nästa rad.",
				"The line is not \"key = value\" and is not used. A value may not continue on the next line."))
			continue
		}
		if first, dup := seen[key]; dup {
			probs = append(probs, problem(file, n,
				"”%s” står redan på rad %d i samma block. Den här raden används inte.",
				"\"%s\" is already given on line %d of the same block. This line is not used.", key, first))
			continue
		}
		seen[key] = n
		// A local routine is file text that reaches every screen: nothing
		// in it may act on a terminal.
		recs[cur].fields = append(recs[cur].fields, field{key: key, value: termsafe.String(unquote(strings.TrimSpace(val))), file: file, line: n})
	}
	return recs, probs
}

// parseHeader reads "[kind id]".
func parseHeader(file string, n int, line string) (record, *Problem) {
	bad := func(sv, en string, args ...any) (record, *Problem) {
		p := problem(file, n, sv+" Blocket används inte.", en+" The block is not used.", args...)
		return record{}, &p
	}
	if !strings.HasSuffix(line, "]") {
		return bad("Rubriken saknar ].", "The heading lacks ].")
	}
	inner := strings.TrimSpace(line[1 : len(line)-1])
	kind, id := inner, ""
	if i := strings.IndexFunc(inner, unicode.IsSpace); i >= 0 {
		kind, id = inner[:i], strings.TrimSpace(inner[i:])
	}
	kind = strings.ToLower(kind)
	switch kind {
	case kindStep, kindBefore, kindAfter, kindWord, kindEasyRead, kindQuick:
	default:
		return bad("Okänd sorts block ”%s”. Skriv step, before, after, word, easyread eller quick.",
			"Unknown kind of block \"%s\". Write step, before, after, word, easyread or quick.", kind)
	}
	if id == "" {
		return bad("Rubriken saknar id, till exempel [%s mitt_id].", "The heading has no id, for example [%s my_id].", kind)
	}
	if kind != kindWord && kind != kindQuick && !validID(id) {
		return bad("Id:t ”%s” får bara ha små bokstäver a–z, siffror, _ och -.",
			"The id \"%s\" may only contain lower-case a–z, digits, _ and -.", id)
	}
	return record{kind: kind, id: id, file: file, line: n}, nil
}

// validID keeps ids plain ASCII, since they are keys in saved plans.
func validID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// unquote drops one pair of surrounding double quotes, which people used
// to TOML tend to write.
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return s[1 : len(s)-1]
	}
	return s
}

package printout

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/sipmote/sipmote/model"
)

// Markdown writes the document as CommonMark with GFM tables, for the
// on-screen preview. All text from the meeting is escaped, so a name with a
// pipe or a note that starts with "#" shows as typed and cannot break the
// layout around it.
func Markdown(d model.Document) string {
	var b strings.Builder
	b.WriteString("# " + mdInline(d.Title) + "\n\n")
	mdPairs(&b, d.Subtitle)
	for _, s := range d.Sections {
		b.WriteString("## " + mdInline(s.Heading) + "\n\n")
		for _, bl := range s.Blocks {
			mdBlock(&b, bl)
		}
	}
	mdSignatures(&b, d)
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func mdBlock(b *strings.Builder, bl model.Block) {
	switch bl.Kind {
	case model.BlockParagraph:
		text := mdParagraph(bl.Text)
		if text == "" {
			return
		}
		if bl.Note {
			text = "*" + text + "*"
		}
		b.WriteString(text + "\n\n")
	case model.BlockKeyValues:
		mdPairs(b, bl.Pairs)
	case model.BlockList:
		for i, it := range bl.Items {
			mark := "- "
			if bl.Numbered {
				mark = strconv.Itoa(i+1) + ". "
			}
			b.WriteString(mark + mdLines(it, strings.Repeat(" ", len(mark))) + "\n")
		}
		b.WriteString("\n")
	case model.BlockTable:
		mdTable(b, bl.Table)
	}
}

func mdPairs(b *strings.Builder, pairs []model.KeyValue) {
	if len(pairs) == 0 {
		return
	}
	for _, kv := range pairs {
		b.WriteString("- **" + mdInline(kv.Key) + ":** " + mdLines(kv.Value, "  ") + "\n")
	}
	b.WriteString("\n")
}

func mdTable(b *strings.Builder, t model.Table) {
	if t.Caption != "" {
		b.WriteString("**" + mdInline(t.Caption) + "**\n\n")
	}
	n := len(t.Header)
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	if n == 0 {
		return
	}
	row := func(cells []string) {
		b.WriteString("|")
		for i := range n {
			c := ""
			if i < len(cells) {
				c = mdInline(cells[i])
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	row(t.Header)
	b.WriteString("|" + strings.Repeat(" --- |", n) + "\n")
	for _, r := range t.Rows {
		row(r)
	}
	b.WriteString("\n")
}

func mdSignatures(b *strings.Builder, d model.Document) {
	sb := d.Signatures
	if sb.Heading == "" {
		return
	}
	b.WriteString("## " + mdInline(sb.Heading) + "\n\n")
	if sb.Intro != "" {
		b.WriteString(mdParagraph(sb.Intro) + "\n\n")
	}
	if sb.Closed {
		return
	}
	if len(sb.Lines) == 0 && len(sb.Later) == 0 {
		b.WriteString("*" + mdInline(model.T(d.Lang, "Ingen är markerad som närvarande.", "Nobody is marked present.")) + "*\n\n")
		return
	}
	if len(sb.Lines) > 0 {
		t := model.Table{Header: []string{
			model.T(d.Lang, "Namn", "Name"), model.T(d.Lang, "Roll eller verksamhet", "Role or unit"),
			model.T(d.Lang, "Datum", "Date"), model.T(d.Lang, "Underskrift", "Signature"),
		}}
		for _, s := range sb.Lines {
			t.Rows = append(t.Rows, []string{s.Name, s.Unit, s.Date, ""})
		}
		mdTable(b, t)
	}
	if len(sb.Later) > 0 {
		b.WriteString("**" + mdInline(sb.LaterHeading) + ":**\n\n")
		for _, n := range sb.Later {
			b.WriteString("- " + mdInline(n) + "\n")
		}
		b.WriteString("\n")
	}
}

// mdParagraph escapes a paragraph and keeps the secretary's line breaks as
// hard breaks; blank lines stay paragraph breaks.
func mdParagraph(s string) string {
	var paras []string
	for _, p := range strings.Split(clean(s), "\n\n") {
		var lines []string
		for _, ln := range strings.Split(p, "\n") {
			if ln = strings.TrimSpace(ln); ln != "" {
				lines = append(lines, mdLine(ln))
			}
		}
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\\\n"))
		}
	}
	return strings.Join(paras, "\n\n")
}

// mdLines escapes the text of a list item or a value and keeps its line
// breaks as hard breaks, indented to stay in the item: the PDF keeps them,
// and the preview in the meeting must break where the paper breaks.
func mdLines(s, indent string) string {
	var lines []string
	for _, ln := range strings.Split(clean(s), "\n") {
		if ln = oneLine(ln); ln != "" {
			lines = append(lines, mdLine(ln))
		}
	}
	return strings.Join(lines, "\\\n"+indent)
}

// mdInline escapes text for one line: a heading, a cell.
func mdInline(s string) string { return mdLine(oneLine(s)) }

// mdLine escapes one line of user text. Characters with inline meaning are
// escaped everywhere; those that only mean something at the start of a
// line (a heading, a quote, a list, a setext rule) only there.
//
// A dot inside a word is escaped too: it keeps the preview from turning
// e-mail addresses and web addresses into links, whose escape codes upset
// the width of glamour's table columns. "&" and "~" are left alone, since
// glamour shows their escapes as typed.
func mdLine(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case strings.ContainsRune("\\`*_[]<>|!", r):
			b.WriteByte('\\')
		case r == '.' && i+1 < len(rs) && (unicode.IsLetter(rs[i+1]) || unicode.IsDigit(rs[i+1])):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if out == "" {
		return out
	}
	if strings.ContainsRune("#>-+=", rune(out[0])) {
		return "\\" + out
	}
	// "1." or "1)" at the start would begin an ordered list.
	i := 0
	for i < len(out) && out[i] >= '0' && out[i] <= '9' {
		i++
	}
	if i > 0 && i < len(out) && (out[i] == '.' || out[i] == ')') {
		return out[:i] + "\\" + out[i:]
	}
	return out
}

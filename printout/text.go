package printout

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sipmote/sipmote/internal/textwrap"
	"github.com/sipmote/sipmote/model"
)

// textWidth is the width of the plain text: what an e-mail client shows
// without wrapping again.
const textWidth = 72

// Text writes the document as plain text for an e-mail body. Tables become
// lists of labelled values, since columns do not survive proportional
// fonts and narrow windows.
func Text(d model.Document) string {
	var b strings.Builder
	title := oneLine(d.Title)
	b.WriteString(title + "\n" + strings.Repeat("=", runeLen(title)) + "\n\n")
	txtPairs(&b, d.Subtitle, "")
	for _, s := range d.Sections {
		txtHeading(&b, s.Heading)
		for _, bl := range s.Blocks {
			txtBlock(&b, bl)
		}
	}
	txtSignatures(&b, d)
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func txtHeading(b *strings.Builder, h string) {
	h = oneLine(h)
	b.WriteString(h + "\n" + strings.Repeat("-", runeLen(h)) + "\n\n")
}

func txtBlock(b *strings.Builder, bl model.Block) {
	switch bl.Kind {
	case model.BlockParagraph:
		for _, p := range strings.Split(clean(bl.Text), "\n\n") {
			var lines []string
			for _, ln := range strings.Split(p, "\n") {
				if ln = strings.TrimSpace(ln); ln != "" {
					lines = append(lines, textwrap.Lines(ln, textWidth, "", "")...)
				}
			}
			if len(lines) > 0 {
				b.WriteString(strings.Join(lines, "\n") + "\n\n")
			}
		}
	case model.BlockKeyValues:
		txtPairs(b, bl.Pairs, "")
	case model.BlockList:
		for i, it := range bl.Items {
			mark := "- "
			if bl.Numbered {
				mark = strconv.Itoa(i+1) + ". "
			}
			pad := strings.Repeat(" ", runeLen(mark))
			for _, ln := range wrapLines(it, textWidth, mark, pad) {
				b.WriteString(ln + "\n")
			}
		}
		b.WriteString("\n")
	case model.BlockTable:
		txtTable(b, bl.Table)
	}
}

// txtPairs writes "Label: value" lines with the values in one column, as
// long as the labels are short enough to leave room for the values.
func txtPairs(b *strings.Builder, pairs []model.KeyValue, indent string) {
	if len(pairs) == 0 {
		return
	}
	w := 0
	for _, kv := range pairs {
		w = max(w, runeLen(oneLine(kv.Key))+2)
	}
	w = min(w, 28)
	for _, kv := range pairs {
		key := oneLine(kv.Key) + ":"
		val := kv.Value
		if runeLen(key) >= w {
			// A label too long for the column gets a line of its own.
			b.WriteString(indent + key + "\n")
			key = ""
		}
		first := indent + key + strings.Repeat(" ", w-runeLen(key))
		for _, ln := range wrapLines(val, textWidth, first, indent+strings.Repeat(" ", w)) {
			b.WriteString(ln + "\n")
		}
	}
	b.WriteString("\n")
}

// txtTable writes each row as an item: the first column as its title, the
// other columns as labelled values under it.
func txtTable(b *strings.Builder, t model.Table) {
	if t.Caption != "" {
		c := oneLine(t.Caption)
		b.WriteString(c + "\n\n")
	}
	for _, row := range t.Rows {
		if len(row) == 0 {
			continue
		}
		for _, ln := range textwrap.Lines(oneLine(row[0]), textWidth, "- ", "  ") {
			b.WriteString(ln + "\n")
		}
		var pairs []model.KeyValue
		for i := 1; i < len(row); i++ {
			key := ""
			if i < len(t.Header) {
				key = t.Header[i]
			}
			pairs = append(pairs, model.KeyValue{Key: key, Value: row[i]})
		}
		txtPairs(b, pairs, "    ")
	}
	if len(t.Rows) == 0 {
		b.WriteString("\n")
	}
}

func txtSignatures(b *strings.Builder, d model.Document) {
	sb := d.Signatures
	if sb.Heading == "" {
		return
	}
	txtHeading(b, sb.Heading)
	if sb.Intro != "" {
		b.WriteString(strings.Join(textwrap.Lines(oneLine(sb.Intro), textWidth, "", ""), "\n") + "\n\n")
	}
	if sb.Closed {
		return
	}
	if len(sb.Lines) == 0 && len(sb.Later) == 0 {
		b.WriteString(model.T(d.Lang, "Ingen är markerad som närvarande.", "Nobody is marked present.") + "\n")
		return
	}
	for _, s := range sb.Lines {
		txtPairs(b, []model.KeyValue{
			{Key: model.T(d.Lang, "Namn", "Name"), Value: s.Name},
			{Key: model.T(d.Lang, "Roll eller verksamhet", "Role or unit"), Value: s.Unit},
			{Key: model.T(d.Lang, "Datum", "Date"), Value: s.Date},
			{Key: model.T(d.Lang, "Underskrift", "Signature"), Value: strings.Repeat("_", 36)},
		}, "")
	}
	if len(sb.Later) > 0 {
		b.WriteString(sb.LaterHeading + ":\n")
		for _, n := range sb.Later {
			b.WriteString(strings.Join(textwrap.Lines(oneLine(n), textWidth, "- ", "  "), "\n") + "\n")
		}
	}
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// wrapLines is textwrap.Lines for text that may hold typed line breaks:
// each line is wrapped on its own and goes on under the first, as the PDF
// and the preview keep them.
func wrapLines(s string, width int, first, rest string) []string {
	var out []string
	for _, ln := range strings.Split(clean(s), "\n") {
		if ln = oneLine(ln); ln == "" {
			continue
		}
		if len(out) == 0 {
			out = append(out, textwrap.Lines(ln, width, first, rest)...)
			continue
		}
		out = append(out, textwrap.Lines(ln, width, rest, rest)...)
	}
	if len(out) == 0 {
		out = textwrap.Lines("", width, first, rest)
	}
	return out
}

package printout

import (
	"strconv"
	"strings"

	"github.com/sipmote/sipmote/model"
)

// EasyReadMarkdown writes the easy-read page ("Min plan") as Markdown, for
// "sipmote export --format easyread": to send to the person, to read
// aloud, or to paste into the municipality's own letter. Text from the
// meeting is escaped as in Markdown, and its line breaks are kept.
func EasyReadMarkdown(e model.EasyRead) string {
	var b strings.Builder
	b.WriteString("# " + mdInline(e.Title) + "\n\n")
	for i, l := range e.Intro {
		if i == 0 {
			b.WriteString("**" + mdInline(l) + "**\n\n")
			continue
		}
		b.WriteString(mdLines(l, "") + "\n\n")
	}
	for _, p := range e.Parts {
		b.WriteString("## " + mdInline(p.Heading) + "\n\n")
		if p.Text != "" {
			b.WriteString(mdParagraph(p.Text) + "\n\n")
		}
		for i, it := range p.Items {
			mark := "- "
			if p.Numbered {
				mark = strconv.Itoa(i+1) + ". "
			}
			indent := strings.Repeat(" ", len(mark))
			lead := mdLines(it.Lead, indent)
			if !p.Numbered && lead != "" {
				lead = "**" + lead + "**"
			}
			b.WriteString(mark + lead)
			for _, l := range it.Lines {
				if l != "" {
					b.WriteString("\\\n" + indent + mdLines(l, indent))
				}
			}
			b.WriteString("\n")
		}
		if len(p.Items) > 0 {
			b.WriteString("\n")
		}
		for _, l := range p.Lines {
			b.WriteString(mdLines(l, "") + "\\\n")
		}
		if len(p.Lines) > 0 {
			b.WriteString("\n")
		}
	}
	out := strings.ReplaceAll(b.String(), "\\\n\n", "\n\n")
	return strings.TrimRight(out, "\n") + "\n"
}

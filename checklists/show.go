package checklists

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/sipmote/sipmote/internal/textwrap"
	"github.com/sipmote/sipmote/model"
)

// showWidth is where Show wraps text; it fits an ordinary terminal and a
// printed page.
const showWidth = 78

// Show prints the effective agenda and checklists of one variant, so that a
// coordinator can read what the program will use, and where each point
// comes from, after the local routine has been laid on.
func Show(w io.Writer, set *Set, variant model.AgeGroup, lang model.Lang) error {
	variant = normVariant(variant)
	t := func(sv, en string) string { return model.T(lang, sv, en) }
	pw := &printer{w: w}
	steps := set.AgendaFor(variant)
	pw.linef("%s – %s (%s)", t("DAGORDNING", "AGENDA"), variantLabel(variant, lang),
		model.Plural(lang, len(steps), "%d steg", "%d steg", "%d step", "%d steps"))
	part := ""
	for i, s := range steps {
		if s.Part != part {
			part = s.Part
			pw.linef("")
			pw.linef("%s", PartLabel(part, lang))
		}
		round := ""
		if s.Round {
			round = t(" · runda: alla får prata", " · round: everyone speaks")
		}
		pw.linef("  %2d. %s (%d%s)%s", i+1, s.Title.In(lang), s.Share, t(" %", "%"), round)
		pw.wrap("      ", s.Prompt.In(lang))
		pw.wrap("      ", fmt.Sprintf("%s: %s. %s: %s.",
			t("Fyller i", "Fills in"), SectionLabel(s.Section, lang),
			t("Klart när", "Complete when"), s.ConditionText(lang)))
		pw.linef("      [%s, %s]", s.ID, where(s.File, s.Line))
	}
	for _, list := range []struct {
		title model.Text
		items []Item
	}{
		{model.Text{SV: "FÖRE MÖTET", EN: "BEFORE THE MEETING"}, set.BeforeFor(variant)},
		{model.Text{SV: "EFTER MÖTET", EN: "AFTER THE MEETING"}, set.AfterFor(variant)},
	} {
		pw.linef("")
		pw.linef("%s (%s)", list.title.In(lang), model.Plural(lang, len(list.items), "%d punkt", "%d punkter", "%d item", "%d items"))
		for _, it := range list.items {
			pw.wrap("  [ ] ", it.Text.In(lang))
			pw.linef("      [%s, %s]", it.ID, where(it.File, it.Line))
		}
	}
	var words []model.Jargon
	if set != nil {
		words = set.Jargon
	}
	pw.linef("")
	pw.linef("%s (%s)", t("ORDLISTA", "WORD LIST"), model.Plural(lang, len(words), "%d ord", "%d ord", "%d word", "%d words"))
	for _, j := range words {
		pw.wrap("  "+j.Term+" → ", j.Plain.In(lang))
	}
	return pw.err
}

func where(file string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d", file, line)
	}
	return file
}

// printer remembers the first write error, so that Show can report it
// once instead of checking every line.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) linef(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format+"\n", args...)
	}
}

// wrap prints text after prefix, wrapped at showWidth; continuation lines
// are indented to the width of the prefix.
func (p *printer) wrap(prefix, text string) {
	indent := strings.Repeat(" ", utf8.RuneCountInString(prefix))
	for _, line := range textwrap.Lines(text, showWidth, prefix, indent) {
		p.linef("%s", line)
	}
}

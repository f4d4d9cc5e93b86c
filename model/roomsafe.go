package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// What the room may not read. The person names subjects not to raise
// (Consent.NotRaise), and a personnummer is never shown whole. A subject
// is found by its words, not only as the entry was typed: "Skulderna hos
// Kronofogden" is also "Hon har skulder hos Kronofogden." So each
// significant word of a subject is cut to its stem, and a text's word
// that holds a stem names the subject. Over-finding is the safe side: on
// the projector a sentence too many is blanked, and on the secretary's
// screen a warning too many is read and passed.
//
// This is the one place that decides what the words of a subject are;
// the room's view, the chair's view and the plan's findings all ask here.

// functionWords are the short words that carry no subject of their own,
// Swedish and English, lower case, and the common words that only qualify
// a subject. "Skulderna hos Kronofogden" is about skulder and
// Kronofogden, not about "hos"; "hennes tidigare partner" is about a
// partner, and a sentence that says "tidigare" is not about him.
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		hos och med på om av för till från att det den de dem en ett som är var
		har hade inte hon han hen hans hennes deras dess sin sitt sina min mitt
		mina din ditt dina vår vårt våra ert era jag du vi ni man sig mig dig oss
		kring under över efter före när där här vad vem vilka vilken vilket hur
		eller men så mot utan vid inom genom mellan också bara mycket lite ska
		skulle kan kunde vill ville får fick blir blev vara varit inga ingen
		något någon några alla allt andra annat denna detta dessa mer mest sig
		nog redan ännu igen just
		tidigare nuvarande förra förre nya nytt ny gamla gammal gammalt stor
		stora stort liten lilla små hela helt egen eget egna viss vissa visst
		annan andra första sista
		the and with of about her his their its at in on to from for not she he
		they was were has have had any some this that these those our your who
		what when where how`) {
		functionWords[w] = true
	}
}

// Swedish endings taken off a word to find its stem, longest first: the
// plural and definite forms ("skulderna", "skulder" → "skuld") and the -t
// of an adjective ("hemligt" → "hemlig"). A genitive -s goes first.
var stemEndings = []string{
	"arna", "erna", "orna", "heten", "ande", "ende", "are", "ast",
	"en", "et", "na", "ar", "er", "or", "a", "e", "n", "t",
}

const (
	minWord = 3 // shorter words are never a subject's ("i", "på", "ok")
	minStem = 4 // a stem is not cut shorter than this
	// inWord: a stem this long is looked for inside a word too, so that
	// a compound names it ("spelskulder" names "skulder"); a shorter stem
	// only at a word's start, where it is less often chance.
	inWord = 5
)

// stem is a word's stem: lower case, without a genitive -s and then
// without one ending, where at least minStem letters remain
// ("kronofogdens" → "kronofogden" → "kronofogd", "pappans" → "pappa").
func stem(w string) string {
	w = strings.ToLower(w)
	long := func(n int) bool { return utf8.RuneCountInString(w)-n >= minStem }
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && long(1) {
		w = w[:len(w)-1]
	}
	for _, e := range stemEndings {
		if strings.HasSuffix(w, e) && long(utf8.RuneCountInString(e)) {
			return strings.TrimSuffix(w, e)
		}
	}
	return w
}

// words splits a text into its words: runs of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// SubjectStems are the stems of a subject's significant words: its words
// of minWord letters or more that are not function words, nor the
// person's own name. "Saras skulder" is about skulder: were "Sara" a
// subject's word, the room would lose every sentence about her.
func SubjectStems(subject, person string) []string {
	own := map[string]bool{}
	for _, w := range words(person) {
		own[stem(w)] = true
	}
	var out []string
	for _, w := range words(subject) {
		lw := strings.ToLower(w)
		if utf8.RuneCountInString(lw) < minWord || functionWords[lw] || own[stem(lw)] {
			continue
		}
		out = append(out, stem(lw))
	}
	return out
}

// namesStem tells whether a word of the text holds the stem.
func namesStem(word, st string) bool {
	if utf8.RuneCountInString(st) >= inWord {
		return strings.Contains(word, st)
	}
	return strings.HasPrefix(word, st)
}

// subjectMatcher finds the subjects a text names.
type subjectMatcher [][]string // the stems of each subject, by its index

func newSubjectMatcher(notRaise []string, person string) subjectMatcher {
	m := make(subjectMatcher, len(notRaise))
	for i, s := range notRaise {
		m[i] = SubjectStems(s, person)
	}
	return m
}

// named returns the indexes of the subjects the text names, in order.
func (m subjectMatcher) named(text string) []int {
	var out []int
	ws := words(strings.ToLower(text))
	for i, stems := range m {
	subject:
		for _, st := range stems {
			for _, w := range ws {
				if namesStem(w, st) {
					out = append(out, i)
					break subject
				}
			}
		}
	}
	return out
}

// NamedSubjects returns the indexes in notRaise of the subjects that the
// text names by any of their significant words; person is the name of
// the person the plan is about (see SubjectStems).
func NamedSubjects(text string, notRaise []string, person string) []int {
	return newSubjectMatcher(notRaise, person).named(text)
}

// Sentences splits a text into its sentences, each with the spaces and
// line break after it, so that joining them gives the text back. A
// sentence ends at . ! ? or … before a space, and at every line break.
func Sentences(s string) []string {
	var out []string
	start := 0
	rs := []rune(s)
	pos := 0 // byte offset of rs[i]
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		size := utf8.RuneLen(r)
		end := r == '\n' ||
			strings.ContainsRune(".!?…", r) && (i+1 == len(rs) || unicode.IsSpace(rs[i+1]))
		pos += size
		if !end {
			continue
		}
		// The spaces after the sentence go with it.
		for i+1 < len(rs) && unicode.IsSpace(rs[i+1]) && r != '\n' {
			i++
			pos += utf8.RuneLen(rs[i])
			if rs[i] == '\n' {
				break
			}
		}
		out = append(out, s[start:pos])
		start = pos
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// Hidden is what the room sees in place of a sentence it may not read.
const Hidden = "…"

// RoomSafe is a text as the room may read it: every sentence that names a
// subject not to raise is blanked, and every personnummer, or run of
// digits that may be one or part of one, is masked. Blanked sentences in
// a row become one mark, so that the room cannot count them. person is
// the name of the person the plan is about (see SubjectStems).
func RoomSafe(s string, notRaise []string, person string) string {
	return roomSafe(s, newSubjectMatcher(notRaise, person))
}

func roomSafe(s string, m subjectMatcher) string {
	s = MaskNumbers(s)
	var b strings.Builder
	blanked := false
	for _, sent := range Sentences(s) {
		if len(m.named(sent)) == 0 {
			b.WriteString(sent)
			blanked = false
			continue
		}
		tail := sent[len(strings.TrimRightFunc(sent, unicode.IsSpace)):]
		if blanked {
			// One mark for the run; a line break still parts lines.
			if strings.Contains(tail, "\n") {
				b.WriteString("\n")
			}
			continue
		}
		b.WriteString(Hidden + tail)
		blanked = !strings.Contains(tail, "\n")
	}
	return b.String()
}

// MaskNumbers masks in a text every run of digits that is, or may become,
// a personnummer or samordningsnummer: eight digits or more in a row
// (with or without the century, whole or being typed), and six or eight
// digits followed by - or + and one to four digits (YYMMDD-N,
// YYYYMMDD-NNN), or by a space and four digits. A whole number keeps its
// birth date, as on every other screen (MaskPNR); a part is masked whole.
// Dates (2026-11-30) and phone numbers in groups (070-123 45 67) are left.
func MaskNumbers(s string) string {
	var b strings.Builder
	i := 0
	for i < len(s) {
		if !isDigit(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		end := digitsEnd(s, i)
		n, typed := end-i, false
		if (n == 6 || n == 8) && end+1 < len(s) {
			sep := s[end]
			tail := digitsEnd(s, end+1) - (end + 1)
			switch {
			case (sep == '-' || sep == '+') && tail >= 1 && tail <= 4,
				sep == ' ' && tail == 4:
				end += 1 + tail
				n += tail
				typed = true
			}
		}
		if n < 8 && !typed {
			b.WriteString(s[i:end])
			i = end
			continue
		}
		if masked := MaskPNR(s[i:end]); masked != "" {
			b.WriteString(masked)
		} else {
			b.WriteString("****")
		}
		i = end
	}
	return b.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digitsEnd is the end of the run of digits starting at i.
func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// AtSentenceEnd tells whether a text typed so far stops at the end of a
// sentence (. ! ? or …, maybe followed by a closing quote or bracket) or
// of a line: where the writer has finished a thought, and the room may
// read it. Trailing spaces do not count.
func AtSentenceEnd(s string) bool {
	t := strings.TrimRight(s, " \t")
	if t == "" || strings.HasSuffix(t, "\n") {
		return true
	}
	t = strings.TrimRight(t, `)]"'”’»`)
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?…", r)
}

package model

import (
	"strings"
	"unicode"
)

// The quick row adds a participant from one typed line: "Bo Sjöberg,
// närstående (son), telefon" or "Lena Ek, distriktssköterska, Vårdcentralen
// Väst, region". It reads the parts with a word list (QuickWord, kept as
// data in the checklists) and says what it understood before anything is
// added. What it cannot place goes to the participant's note, never into a
// field it may not belong in.

// QuickMeaning is what a word of the quick row says about a participant.
type QuickMeaning string

const (
	// QuickRole names a role: "närstående", "god man", "tolk".
	QuickRole QuickMeaning = "role"
	// QuickRelation is a relative's relation, "son", "mamma": the role
	// is närstående unless another is given, and the word is the title.
	QuickRelation QuickMeaning = "relation"
	// QuickTitle is a job title, "kurator": the role is staff unless
	// another is given. It also matches as the end of a longer word
	// (överläkare ends in läkare).
	QuickTitle QuickMeaning = "title"
	// QuickPrincipal is kommun, region or other.
	QuickPrincipal QuickMeaning = "principal"
	// QuickParty is an organisation outside kommun and region,
	// "Försäkringskassan": the role is staff of another party.
	QuickParty QuickMeaning = "party"
	// QuickAttendance is how they take part: "telefon", "frånvarande".
	QuickAttendance QuickMeaning = "attendance"
)

// QuickMeanings lists the meanings a word may have.
var QuickMeanings = []QuickMeaning{QuickRole, QuickRelation, QuickTitle, QuickPrincipal, QuickParty, QuickAttendance}

// QuickPresent is the attendance value "närvarande": present in the way
// the meeting is held (by video in a video meeting).
const QuickPresent = "present"

// QuickWord is one entry of the quick row's word list.
type QuickWord struct {
	// Term is the word or words as written in the list: "god man".
	Term  string
	Means QuickMeaning
	// Value is the role, principal or attendance the word gives.
	Value string
	// Trustee is the kind of a trustee's appointment ("god man").
	Trustee TrusteeKind
	// Rest marks a word that takes the words after it: "tolk arabiska"
	// is an interpreter for arabiska.
	Rest bool
	// Parent marks a relation that names a parent ("mamma"): in a
	// child's plan the role is then vårdnadshavare, not närstående,
	// unless another role is given (SIP.md: each guardian consents).
	Parent bool
}

// QuickRow is what the quick row understood of a line.
type QuickRow struct {
	Participant Participant
	// OK is false when the line has no name: nothing is added.
	OK bool
	// Note is what could not be placed; it is also in the participant's
	// note (PresenceNote).
	Note []string
}

// quickPart is one part of the line as typed, and where it came from.
type quickPart struct {
	text  string
	paren bool // inside parentheses after the part before
}

// ParseQuickRow reads one line of the quick row: the name first, then, in
// any order and separated by commas, the role or relation, title, unit,
// kommun/region and how they take part. Words are matched whatever their
// case and with or without å, ä, ö and é; a part in parentheses is a part
// of its own ("närstående (son)"). The first run of parts no word
// matches is the unit where the role has one; everything else not placed
// goes to the note.
func ParseQuickRow(line string, form MeetingForm, words []QuickWord) QuickRow {
	return ParseQuickRowFor(line, form, words, false)
}

// ParseQuickRowFor is ParseQuickRow for a plan of the child rules when
// child is true: a parent's word ("pappa") then makes a guardian. A part
// that is a phone number ("070-123 45 67") goes to the phone, and one
// that is an e-mail address to the e-mail, in any plan.
func ParseQuickRowFor(line string, form MeetingForm, words []QuickWord, child bool) QuickRow {
	chunks := splitQuick(line)
	var out QuickRow
	if len(chunks) == 0 || strings.TrimSpace(chunks[0][0].text) == "" {
		return out
	}
	out.OK = true
	r := quickReader{words: words, form: form, lastUnknown: -2, child: child}
	r.pt.Name = strings.TrimSpace(chunks[0][0].text)
	var parts []quickPart
	for i, c := range chunks {
		if i == 0 {
			c = c[1:]
		}
		parts = append(parts, c...)
	}
	for i, p := range parts {
		r.read(i, p)
	}
	out.Participant, out.Note = r.finish()
	return out
}

// splitQuick splits a line at commas and semicolons outside parentheses;
// each chunk is its text before any parentheses, then each part inside
// them. An unclosed parenthesis runs to the end of the line.
func splitQuick(line string) [][]quickPart {
	var chunks [][]quickPart
	var main, inner strings.Builder
	var parens []string
	depth := 0
	flush := func() {
		if depth > 0 || inner.Len() > 0 {
			parens = append(parens, inner.String())
		}
		c := []quickPart{{text: strings.TrimSpace(main.String())}}
		for _, p := range parens {
			for _, s := range strings.FieldsFunc(p, func(r rune) bool { return r == ',' || r == ';' }) {
				if s = strings.TrimSpace(s); s != "" {
					c = append(c, quickPart{text: s, paren: true})
				}
			}
		}
		if c[0].text != "" || len(c) > 1 || len(chunks) == 0 {
			chunks = append(chunks, c)
		}
		main.Reset()
		inner.Reset()
		parens, depth = nil, 0
	}
	for _, ch := range line {
		switch {
		case ch == '(':
			if depth > 0 {
				inner.WriteRune(' ')
			}
			depth++
		case ch == ')' && depth > 0:
			depth--
			if depth == 0 {
				parens = append(parens, inner.String())
				inner.Reset()
			}
		case (ch == ',' || ch == ';') && depth == 0:
			flush()
		case depth > 0:
			inner.WriteRune(ch)
		default:
			main.WriteRune(ch)
		}
	}
	flush()
	return chunks
}

// FoldQuick is the form words are compared in: lower case, å and ä as a,
// ö as o, é as e, hyphens and runs of spaces as one space, and no full
// stop or colon at the ends. "Distriktsskoterska" and "distriktssköterska"
// fold alike, as do "LSS-handläggare" and "lss handläggare".
func FoldQuick(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'å', 'ä', 'à', 'á', 'â':
			r = 'a'
		case 'ö', 'ø', 'ó', 'ò', 'ô':
			r = 'o'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'ü', 'ú':
			r = 'u'
		case '-', '–', '/':
			r = ' '
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return strings.Trim(b.String(), ".:!? ")
}

var quickAttendance = map[Attendance]Text{
	AttendRoom:   {"på plats", "in the room"},
	AttendVideo:  {"video", "video"},
	AttendPhone:  {"telefon", "phone"},
	AttendAbsent: {"frånvarande", "absent"},
}

// Segments says what the row understood, one part per field in the order
// of the form: name, role and title, unit, kommun/region or the other
// organisation, how they take part, and the note, as "anteckning: …".
// The screen shows them before the row is added.
func (q QuickRow) Segments(l Lang) []string {
	if !q.OK {
		return nil
	}
	pt := q.Participant
	out := []string{pt.Name, pt.RoleText(l)}
	if u := strings.TrimSpace(pt.Unit); u != "" {
		out = append(out, u)
	}
	if party := PartyName(pt.Principal, pt.OtherParty, l); party != "" {
		out = append(out, party)
	}
	out = append(out, quickAttendance[pt.Attendance.norm()].In(l))
	if ph := strings.TrimSpace(pt.Phone); ph != "" {
		out = append(out, T(l, "telefon: ", "phone: ")+ph)
	}
	if e := strings.TrimSpace(pt.Email); e != "" {
		out = append(out, T(l, "e-post: ", "e-mail: ")+e)
	}
	if len(q.Note) > 0 {
		out = append(out, T(l, "anteckning: ", "note: ")+strings.Join(q.Note, ", "))
	}
	return out
}

// QuickRowKnown tells whether a part of line after its name is a word of
// the quick row's list (a role, relation, title, organisation or way of
// taking part): a participant's name field that holds such a line was
// meant as a quick row, "Nora Lund, den enskilde" (tryout42a #11). A name
// written surname first, "Lund, Nora", has no such word.
func QuickRowKnown(line string, words []QuickWord) bool {
	r := quickReader{words: words}
	for i, c := range splitQuick(line) {
		if i == 0 {
			c = c[1:]
		}
		for _, p := range c {
			if _, ok := r.match(p.text); ok {
				return true
			}
		}
	}
	return false
}

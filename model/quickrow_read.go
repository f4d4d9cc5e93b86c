package model

import (
	"slices"
	"strings"
	"time"
	"unicode"
)

// quickReader gathers what the parts of a quick row say, and places it
// once the whole line is read: which role wins decides which fields there
// are.
type quickReader struct {
	words []QuickWord
	form  MeetingForm
	pt    Participant
	child bool // a child's plan: a parent's word makes a guardian
	// parent is set by a parent's word written whole ("pappa", not
	// "bonuspappa").
	parent bool

	role       Role
	trustee    TrusteeKind
	relation   bool
	titles     []string
	principal  Principal
	princText  string
	party      string
	attendance string
	language   string
	// pendingRest is set after a word that takes the words after it
	// ("tolk") came alone: a part in parentheses right after gives them.
	pendingRest bool

	unit        []quickNote
	unitDone    bool
	lastUnknown int
	notes       []quickNote
}

// quickNote is text kept in the order it was typed.
type quickNote struct {
	at    int
	text  string
	paren bool
}

// quickHit is a word of the list found in a part, as typed.
type quickHit struct {
	w     QuickWord
	typed string
	exact bool
}

// fillers are small words passed over between known words ("via video").
var quickFillers = []string{"via", "som", "och", "samt", "&"}

// read takes part i of the line.
func (r *quickReader) read(i int, p quickPart) {
	if p.paren && r.pendingRest {
		r.language, r.pendingRest = p.text, false
		return
	}
	r.pendingRest = false
	if r.contact(p.text) {
		return
	}
	hits, ok := r.match(p.text)
	if !ok {
		if h, rest, ok := r.roleFirst(p.text); ok {
			// "trustee for finances", "god man för ekonomin": the role,
			// and what is said of it in the note.
			if !r.apply(h) {
				rest = p.text
			}
			r.notes = append(r.notes, quickNote{i, rest, p.paren})
			return
		}
		r.unknown(i, p)
		return
	}
	if len(r.unit) > 0 {
		r.unitDone = true
	}
	for _, h := range hits {
		if !r.apply(h) {
			r.notes = append(r.notes, quickNote{i, h.typed, p.paren})
		}
	}
}

// roleFirst reads a part that begins with a role and goes on with words
// no list knows: the role, and the rest as typed.
func (r *quickReader) roleFirst(text string) (quickHit, string, bool) {
	sp := quickSpans(text)
	h, n := r.longest(text, sp)
	if n == 0 || n == len(sp) || !h.exact || h.w.Means != QuickRole || h.w.Rest {
		return quickHit{}, "", false
	}
	return h, strings.TrimSpace(text[sp[n].start:]), true
}

// unknown keeps a part no word matched: the first run of them is the unit
// where the role has one, the rest goes to the note.
func (r *quickReader) unknown(i int, p quickPart) {
	if !r.unitDone && (len(r.unit) == 0 || r.lastUnknown == i-1) {
		r.unit = append(r.unit, quickNote{i, p.text, p.paren})
		r.lastUnknown = i
		return
	}
	r.notes = append(r.notes, quickNote{i, p.text, p.paren})
}

// span is a word of a part: where it is, and its folded form.
type span struct {
	start, end int
	fold       string
}

func quickSpans(s string) []span {
	var out []span
	start := -1
	sep := func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '–' || r == '/' }
	for i, r := range s + " " {
		switch {
		case sep(r) && start >= 0:
			if f := FoldQuick(s[start:i]); f != "" {
				out = append(out, span{start, i, f})
			}
			start = -1
		case !sep(r) && start < 0:
			start = i
		}
	}
	return out
}

// match reads a whole part as words of the list; ok is false when any
// word of it is unknown. A word taking the rest ("tolk") takes whatever
// follows it. A principal or party word starting or ending a longer name
// ("Umeå kommun", "Försäkringskassan Umeå") marks the principal and
// leaves the name unknown, so that it stays whole.
func (r *quickReader) match(text string) ([]quickHit, bool) {
	sp := quickSpans(text)
	if len(sp) == 0 {
		return nil, false
	}
	var hits []quickHit
	for i := 0; i < len(sp); {
		h, n := r.longest(text, sp[i:])
		switch {
		case n > 0 && h.w.Rest:
			hits = append(hits, h)
			if i+n < len(sp) {
				r.language = strings.TrimSpace(text[sp[i+n].start:])
			} else {
				r.pendingRest = true
			}
			return hits, true
		case n > 0:
			hits = append(hits, h)
			i += n
		case slices.Contains(quickFillers, sp[i].fold):
			i++
		default:
			if h, ok := r.titleAtEnd(text, sp); ok {
				// "biträdande rektor", "legitimerad psykolog": a title
				// with words of its own before it, kept as typed.
				return []quickHit{h}, true
			}
			r.nameOf(text, sp)
			return nil, false
		}
	}
	return hits, len(hits) > 0
}

// titleAtEnd reads a part that ends in a title or relation as that title
// or relation, as typed.
func (r *quickReader) titleAtEnd(text string, sp []span) (quickHit, bool) {
	if len(sp) < 2 || len(sp) > 4 {
		return quickHit{}, false
	}
	h, n := r.longest(text, sp[len(sp)-1:])
	if n == 0 || h.w.Means != QuickTitle && h.w.Means != QuickRelation {
		return quickHit{}, false
	}
	h.typed, h.exact = strings.TrimSpace(text), false
	return h, true
}

// nameOf notes the principal or party a longer name begins or ends with.
func (r *quickReader) nameOf(text string, sp []span) {
	for _, s := range []span{sp[0], sp[len(sp)-1]} {
		h, n := r.longest(text, []span{s})
		if n == 0 || !h.exact {
			continue
		}
		switch {
		case h.w.Means == QuickPrincipal && r.principal == "":
			r.principal = Principal(h.w.Value)
		case h.w.Means == QuickParty && r.party == "" && s == sp[0]:
			r.party = strings.TrimSpace(text)
		}
	}
}

// longest finds the longest word of the list at the start of sp, and how
// many words of sp it covers. A title or relation also matches as the end
// of one longer word: överläkare, bonuspappa.
func (r *quickReader) longest(text string, sp []span) (quickHit, int) {
	var best quickHit
	n := 0
	for _, w := range r.words {
		wt := strings.Fields(FoldQuick(w.Term))
		if len(wt) == 0 || len(wt) > len(sp) {
			continue
		}
		exact := true
		for j, t := range wt {
			if sp[j].fold != t {
				exact = false
				break
			}
		}
		compound := !exact && len(wt) == 1 && (w.Means == QuickTitle || w.Means == QuickRelation) &&
			len([]rune(wt[0])) >= 4 && strings.HasSuffix(sp[0].fold, wt[0])
		if !exact && !compound {
			continue
		}
		better := len(wt) > n || len(wt) == n && exact && !best.exact
		if !better {
			continue
		}
		typed := strings.TrimSpace(text[sp[0].start:sp[len(wt)-1].end])
		best, n = quickHit{w: w, typed: typed, exact: exact}, len(wt)
	}
	return best, n
}

// apply takes one word found; false when it says something already said
// otherwise (a second role), which then goes to the note.
func (r *quickReader) apply(h quickHit) bool {
	w := h.w
	// An exact match takes the list's spelling (Distriktsskoterska
	// becomes distriktssköterska); a longer word is kept as typed.
	word := h.typed
	if h.exact {
		word = w.Term
	}
	switch w.Means {
	case QuickRole:
		role := Role(w.Value)
		if r.role != "" && (r.role != role || r.trustee != w.Trustee) {
			return false
		}
		r.role, r.trustee = role, w.Trustee
	case QuickRelation:
		r.relation = true
		r.parent = r.parent || w.Parent && h.exact
		r.titles = append(r.titles, word)
	case QuickTitle:
		r.titles = append(r.titles, word)
	case QuickPrincipal:
		if r.principal != "" && r.principal != Principal(w.Value) {
			return false
		}
		r.principal, r.princText = Principal(w.Value), h.typed
	case QuickParty:
		if r.party != "" && !strings.EqualFold(r.party, w.Term) {
			return false
		}
		r.party = w.Term
	case QuickAttendance:
		if r.attendance != "" && r.attendance != w.Value {
			return false
		}
		r.attendance = w.Value
	}
	return true
}

// finish decides the role and places what was read in the fields it has.
func (r *quickReader) finish() (Participant, []string) {
	pt := r.pt
	switch {
	case r.role != "":
		pt.Role = r.role
	case r.party != "":
		pt.Role = RolePartyStaff
	case r.relation && r.parent && r.child:
		pt.Role = RoleGuardian
	case r.relation:
		pt.Role = RoleRelative
	default:
		pt.Role = RoleStaff
	}
	note := func(text string) {
		if text != "" {
			r.notes = append(r.notes, quickNote{at: 1 << 30, text: text})
		}
	}
	pt.Title = strings.Join(r.titles, ", ")
	pt.Attendance = FormAttendance(r.form)
	if r.attendance != "" && r.attendance != QuickPresent {
		pt.Attendance = Attendance(r.attendance).norm()
	}
	if pt.Role == RoleTrustee {
		pt.TrusteeKind = r.trustee
	}
	if pt.Role == RoleInterpreter {
		pt.Language = r.language
	} else if r.language != "" {
		note(r.language)
	}
	if r.party != "" {
		pt.Principal, pt.OtherParty = PrincipalOther, r.party
		if !pt.Shows(FieldOtherParty) {
			pt.Principal, pt.OtherParty = "", ""
			if !slices.ContainsFunc(r.unit, func(n quickNote) bool { return n.text == r.party }) {
				note(r.party)
			}
		}
	}
	if r.principal != "" && pt.OtherParty == "" {
		if pt.Shows(FieldPrincipal) {
			pt.Principal = r.principal
		} else {
			note(r.princText)
		}
	}
	unit := joinQuick(r.unit)
	switch {
	case unit == "":
	case pt.Shows(FieldUnit) && !strings.EqualFold(unit, pt.OtherParty):
		pt.Unit = unit
	case strings.EqualFold(unit, pt.OtherParty):
		// "Försäkringskassan Umeå" is the party itself.
	default:
		r.notes = append(r.notes, r.unit...)
	}
	slices.SortStableFunc(r.notes, func(a, b quickNote) int { return a.at - b.at })
	notes := groupQuick(r.notes)
	pt.PresenceNote = strings.Join(notes, ", ")
	return pt, notes
}

// joinQuick joins parts as they were typed: "Vårdcentralen (Väst)".
func joinQuick(ns []quickNote) string { return strings.Join(groupQuick(ns), ", ") }

// groupQuick puts a part typed in parentheses back after the part before
// it.
func groupQuick(ns []quickNote) []string {
	var out []string
	for i, n := range ns {
		if i > 0 && n.paren && ns[i-1].at == n.at-1 {
			out[len(out)-1] += " (" + n.text + ")"
			continue
		}
		out = append(out, n.text)
	}
	return out
}

// contact takes a part that is a phone number or an e-mail address into
// its field, the first of each; a second goes to the note as before.
func (r *quickReader) contact(text string) bool {
	text = strings.TrimSpace(text)
	switch {
	case r.pt.Phone == "" && phoneLike(text):
		r.pt.Phone = text
	case r.pt.Email == "" && strings.Contains(text, "@") && EmailProblem(text).SV == "":
		r.pt.Email = text
	default:
		return false
	}
	return true
}

// phoneLike tells whether a part is a phone number as typed in Sweden:
// it starts with 0 or +, holds 7 to 15 digits and nothing but digits,
// spaces and - ( ) /, and is not a personnummer (which stays out of the
// contact fields).
func phoneLike(s string) bool {
	if s == "" || s[0] != '0' && s[0] != '+' {
		return false
	}
	digits := 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case strings.ContainsRune(" -–()/+", c):
		default:
			return false
		}
	}
	if digits < 7 || digits > 15 {
		return false
	}
	_, err := NormalisePNR(s, time.Now())
	return err != nil
}

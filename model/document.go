package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Document is a plan laid out for reading: headings, paragraphs, lists and
// tables in the order the law and the regional agreements give. Every
// output (preview, Markdown, text, PDF) is written from this one structure,
// so that what the room sees on the screen is what it signs on paper, and
// the rules for what is printed (and what never is) live in one place.
type Document struct {
	Lang  Lang
	Title string
	// Subtitle names the person, the version and the meeting frame.
	Subtitle []KeyValue
	Sections []Section
	// Signatures is the block everyone present signs; it comes last.
	Signatures SignatureBlock
	// Person and Version label every printed page, so that a loose page
	// can be put back in the right plan.
	Person  string
	Version string
	// PNR is the personnummer as the subtitle shows it, so that Masked
	// can find it.
	PNR string
}

// Masked returns the document with the personnummer cut to the birth
// date. The paper is the person's own and carries the full number; a
// screen others can see, or an e-mail, should not.
func (d Document) Masked() Document {
	if d.PNR == "" {
		return d
	}
	sub := make([]KeyValue, len(d.Subtitle))
	for i, kv := range d.Subtitle {
		if kv.Value == d.PNR {
			kv.Value = MaskPNR(d.PNR)
		}
		sub[i] = kv
	}
	d.Subtitle = sub
	d.PNR = MaskPNR(d.PNR)
	return d
}

// Section is one heading and what follows it.
type Section struct {
	Heading string
	Blocks  []Block
}

// BlockKind tells a writer how to lay a block out.
type BlockKind int

const (
	BlockParagraph BlockKind = iota // Text
	BlockKeyValues                  // Pairs
	BlockTable                      // Table
	BlockList                       // Items
)

// Block is one piece of a section. Only the fields of its Kind are set.
type Block struct {
	Kind BlockKind
	// Text is a paragraph; it may hold line breaks typed by the secretary.
	Text string
	// Note marks a paragraph written by the program, not by the meeting
	// ("Not filled in."), so that a writer can set it apart.
	Note     bool
	Pairs    []KeyValue
	Table    Table
	Items    []string
	Numbered bool // Items are numbered from 1 (goals are referred to by number)
}

// KeyValue is one labelled value.
type KeyValue struct {
	Key   string
	Value string
}

// Table is a grid with a header row. Caption, when set, names the table
// where a section holds more than one.
type Table struct {
	Caption string
	Header  []string
	Rows    [][]string
}

// SignatureBlock lists one signature line per participant who signs at
// the meeting, and names those who sign later (on the phone, on video,
// gone early), who get no line on a paper they never see.
type SignatureBlock struct {
	Heading string
	Intro   string
	Lines   []Signature
	// LaterHeading is "Skriver under senare" when Later is not empty.
	LaterHeading string
	Later        []string
	// Closed marks a closed plan's block: nobody signs a copy of a plan
	// that has ended, so it has no lines, and Intro says why.
	Closed bool
}

// Signature is one line to sign: the printed name under the line, with the
// unit (or role) and the date.
type Signature struct {
	Name string
	Unit string
	Date string
	// Person marks the person the plan is about, who gets the original.
	Person bool
}

// Empty is the dash a table cell or a value shows when nothing is given.
const Empty = "—"

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return Empty
	}
	return strings.TrimSpace(s)
}

func para(s string) []Block {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return []Block{{Kind: BlockParagraph, Text: strings.TrimSpace(s)}}
}

// optional adds a section only when it has something to say. The paper
// goes home with the person: a heading over nothing ("Not filled in.")
// only makes it longer and harder to read. The sections a finalised plan
// must have (coordinator, follow-up, consent) are always there.
func optional(ss []Section, s Section) []Section {
	if len(s.Blocks) == 0 {
		return ss
	}
	return append(ss, s)
}

// shown gives the plan and version a printout shows: a nil version is
// the one the screen shows, and an empty plan prints as an empty form.
func shown(p *Plan, v *Version) (*Plan, *Version) {
	if p == nil {
		p = &Plan{}
	}
	if v == nil {
		v = p.Current()
	}
	if v == nil {
		v = &Version{Number: 1}
	}
	return p, v
}

// BuildDocument lays out version v of plan p in language l. A nil v means
// the version the screen shows. It never fails: an empty plan gives a
// document of empty sections, which is still worth printing as a form.
//
// Subjects the person does not want raised are left out on purpose: they
// are the most sensitive part of the consent and the printout travels.
func BuildDocument(p *Plan, v *Version, l Lang) Document {
	p, v = shown(p, v)
	// A unit the consent keeps out is on no paper (consent_keptout.go).
	v = p.shared(v)
	b := docBuilder{p: p, v: v, l: l}
	d := Document{
		Lang:    l,
		Title:   T(l, "Samordnad individuell plan (SIP)", "Coordinated individual plan (SIP)"),
		Person:  strings.TrimSpace(p.Person.Name),
		Version: b.versionLabel(),
		PNR:     strings.TrimSpace(p.Person.PNR),
	}
	d.Subtitle = b.subtitle()
	if s, ok := b.closed(); ok {
		// First, so that a closed plan never passes for a live one.
		d.Sections = append(d.Sections, s)
	}
	// The person's part comes first: their own words, how things are,
	// what they need, the goals and who does what. Who took part, and the
	// rest of the record, follow.
	ct := v.Content
	var ss []Section
	ss = optional(ss, Section{T(l, "Det här är viktigt för mig", "What matters to me"), ownWords(l, ct, p.Variant == AgeChild)})
	ss = optional(ss, Section{heading("situation", l), para(ct.Situation)})
	// On a follow-up, how the last plan went comes where the meeting
	// took it up: after the current situation.
	if s, ok := b.review(); ok {
		ss = optional(ss, s)
	}
	ss = optional(ss, Section{heading("needs", l), para(ct.Needs)})
	ss = optional(ss, b.goals())
	ss = optional(ss, b.actions())
	ss = optional(ss, b.participants())
	// What those who could not come sent in writing follows who took part.
	for _, w := range b.writtenInput() {
		ss = optional(ss, w)
	}
	ss = optional(ss, b.notAgreed())
	ss = optional(ss, Section{heading("medication", l), para(ct.Medication)})
	ss = optional(ss, Section{heading("devices", l), para(ct.Devices)})
	ss = append(ss, b.coordinator(), b.followUp())
	if s, ok := b.handover(); ok {
		ss = append(ss, s)
	}
	ss = append(ss, b.consent())
	// How the meeting felt (Evaluation) is kept in the record but never
	// printed: it is not plan content, and everyone signs the plan.
	ss = optional(ss, Section{heading("notes", l), para(ct.Notes)})
	d.Sections = append(d.Sections, ss...)
	d.Signatures = b.signatures()
	if p.Status == StatusClosed {
		d.Signatures = b.closedSignatures()
	}
	if len(v.Meeting.Participants) > 0 || len(v.Copies.Added) > 0 {
		d.Sections = append(d.Sections, b.copies())
	}
	return d
}

type docBuilder struct {
	p *Plan
	v *Version
	l Lang
}

func (b docBuilder) t(sv, en string) string { return T(b.l, sv, en) }

func (b docBuilder) versionLabel() string {
	return "Version " + VersionLabel(b.v.Number, b.v.FinalisedAt != nil, b.l)
}

func (b docBuilder) subtitle() []KeyValue {
	m := b.v.Meeting
	status := b.t("utkast, inte fastställd", "draft, not finalised")
	if b.v.FinalisedAt != nil {
		status = b.t("fastställd ", "finalised ") + b.v.FinalisedAt.Format(DateLayout)
	}
	form := ""
	if m.Form != "" {
		form = m.Form.Label(b.l)
	}
	if mixed := MixedAttendance(b.v, b.l); mixed != "" {
		if m.Form == FormRoomVideo {
			// "someone takes part by video" is said by the count.
			form = FormRoom.Label(b.l)
		}
		form = strings.TrimPrefix(form+"; "+mixed, "; ")
	}
	return []KeyValue{
		{b.t("Den enskilde", "The person"), orDash(b.p.Person.Name)},
		{b.t("Personnummer", "Personal identity number"), orDash(strings.TrimSpace(b.p.Person.PNR))},
		{b.t("Version", "Version"), fmt.Sprintf("%d, %s", b.v.Number, status)},
		{b.t("Datum", "Date"), orDash(m.Date)},
		{b.t("Tid", "Time"), orDash(timeSpan(m.Start, m.Minutes))},
		{b.t("Plats", "Place"), orDash(m.Place)},
		{b.t("Mötesform", "Format"), orDash(form)},
		{b.t("Mötesledare", "Chair"), orDash(m.Chair)},
		{b.t("Mötessekreterare", "Secretary"), orDash(m.Secretary)},
	}
}

// timeSpan writes "13:00–14:30" from a start and a length; a start that is
// not a time is shown as typed.
func timeSpan(start string, minutes int) string {
	t, err := ParseClock(start)
	if err != nil || minutes <= 0 {
		return start
	}
	return start + "–" + t.Add(time.Duration(minutes)*time.Minute).Format(TimeLayout)
}

func (b docBuilder) goals() Section {
	s := Section{Heading: b.t("Mål", "Goals")}
	var items []string
	for _, g := range b.v.Content.Goals {
		items = append(items, orDash(g.Text))
	}
	if len(items) > 0 {
		s.Blocks = []Block{{Kind: BlockList, Items: items, Numbered: true}}
	}
	return s
}

// goalLabels are the goals an action serves as its row shows them: each
// goal's number and text, so that the reader need not look them up.
func (b docBuilder) goalLabels(ids []string) string {
	var out []string
	for i, g := range b.v.Content.Goals {
		if contains(ids, g.ID) {
			out = append(out, strconv.Itoa(i+1)+". "+orDash(g.Text))
		}
	}
	if len(out) == 0 {
		return Empty
	}
	return joinSentences(out)
}

// joinSentences joins items with "; ", or with a space after one that
// already ends a sentence: "…2027. 3. Jag…", never "…2027.; 3. Jag…".
func joinSentences(items []string) string {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			if strings.HasSuffix(items[i-1], ".") || strings.HasSuffix(items[i-1], "!") || strings.HasSuffix(items[i-1], "?") {
				b.WriteString(" ")
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(it)
	}
	return b.String()
}

// UntilText drops a "till"/"until" the secretary wrote before the date,
// since the heading says it: "Betänketid till: 14 december", never
// "Betänketid till: till 14 december".
func UntilText(s string) string {
	t := strings.TrimSpace(s)
	for _, w := range []string{"till ", "Till ", "until ", "Until "} {
		if strings.HasPrefix(t, w) {
			return strings.TrimSpace(t[len(w):])
		}
	}
	return t
}

// who is the person, unit and organisation that carry an action out, in
// one cell: read together, they answer "who does it".
func who(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return orDash(strings.Join(out, ", "))
}

func (b docBuilder) actions() Section {
	s := Section{Heading: b.t("Insatser och åtgärder", "Actions")}
	header := []string{
		b.t("Vad", "What"), b.t("Vem", "Who"), b.t("När", "When"),
		b.t("Status", "Status"), b.t("Mål", "Goal"),
	}
	own := Table{Header: header}
	other := Table{
		Caption: b.t("Åtgärder av andra", "Actions by others"),
		Header:  header,
	}
	private := Table{
		Caption: b.t("Det den enskilde och närstående gör", "What the person and their relatives do"),
		Header:  header,
	}
	for _, a := range b.v.Content.Actions {
		status := a.Status.Label(b.l)
		if status == "" {
			status = string(a.Status)
		}
		row := []string{
			orDash(a.What),
			who(a.Responsible, a.Unit, PartyName(a.Principal, a.OtherParty, b.l)),
			orDash(b.actionWhen(a)), orDash(status), b.goalLabels(a.GoalIDs),
		}
		switch {
		case a.Principal == PrincipalOther:
			other.Rows = append(other.Rows, row)
		case a.Principal == "" && b.v.OwnAction(a, b.p.Person.Name):
			private.Rows = append(private.Rows, row)
		default:
			own.Rows = append(own.Rows, row)
		}
	}
	if len(own.Rows) > 0 {
		if len(other.Rows) > 0 || len(private.Rows) > 0 {
			own.Caption = b.t("Kommunens och regionens insatser", "Actions by the municipality and the region")
		}
		s.Blocks = append(s.Blocks, Block{Kind: BlockTable, Table: own})
	}
	for _, t := range []Table{other, private} {
		if len(t.Rows) > 0 {
			s.Blocks = append(s.Blocks, Block{Kind: BlockTable, Table: t})
		}
	}
	return s
}

func (b docBuilder) notAgreed() Section {
	ct := b.v.Content
	s := Section{Heading: heading("not_agreed", b.l)}
	s.Blocks = para(ct.NotAgreed)
	if ct.ConsiderUntil != "" {
		s.Blocks = append(s.Blocks, Block{Kind: BlockKeyValues, Pairs: []KeyValue{
			{heading("consider_until", b.l), UntilText(ct.ConsiderUntil)},
		}})
	}
	return s
}

func (b docBuilder) coordinator() Section {
	s := Section{Heading: b.t("Samordnare", "Coordinator")}
	pt := b.v.CoordinatorParticipant()
	if pt == nil {
		s.Blocks = []Block{{Kind: BlockParagraph, Text: b.t("Ingen samordnare är utsedd.", "No coordinator is appointed."), Note: true}}
		return s
	}
	s.Blocks = []Block{
		{Kind: BlockParagraph, Text: b.t(
			"Samordnaren är den enskildes kontaktperson för planen och kallar till uppföljning.",
			"The coordinator is the person's contact for the plan and calls the follow-up.")},
		{Kind: BlockKeyValues, Pairs: []KeyValue{
			{b.t("Namn", "Name"), orDash(pt.Name)},
			{b.t("Verksamhet", "Unit"), orDash(pt.Visible().Unit)},
			{b.t("Kommun eller region (eller annan organisation)", "Municipality or region (or other organisation)"), orDash(PartyName(pt.Visible().Principal, pt.Visible().OtherParty, b.l))},
			{b.t("Telefon", "Phone"), orDash(pt.Phone)},
			{b.t("E-post", "E-mail"), orDash(pt.Email)},
		}},
	}
	return s
}

// nameOf resolves a reference that may be a participant id or a name
// typed by hand.
func (b docBuilder) nameOf(ref string) string {
	if pt := b.v.Participant(ref); pt != nil && ref != "" {
		return pt.Name
	}
	return ref
}

// closedSignatures is the signature block of a closed plan: no line to
// sign, since a plan that has ended is printed as a copy of what was
// agreed, not as a new original.
func (b docBuilder) closedSignatures() SignatureBlock {
	return SignatureBlock{
		Heading: b.t("Underskrifter", "Signatures"),
		Intro: b.t("Planen är avslutad. Den här kopian skrivs inte under: underskrifterna finns på originalet, från när versionen fastställdes.",
			"The plan is closed. This copy is not signed: the signatures are on the original, from when the version was finalised."),
		Closed: true,
	}
}

func (b docBuilder) signatures() SignatureBlock {
	sb := SignatureBlock{
		Heading: b.t("Underskrifter", "Signatures"),
		Intro: b.t("Med vår underskrift bekräftar vi att planen säger det vi kom överens om.",
			"We took part in making this plan. By signing we confirm what it says."),
	}
	for _, pt := range b.v.Meeting.Participants {
		switch pt.Signing() {
		case SignNow:
			sb.Lines = append(sb.Lines, Signature{
				Name:   orDash(pt.Name),
				Unit:   pt.Affiliation(b.l),
				Date:   b.v.Meeting.Date,
				Person: pt.Role == RolePerson,
			})
		case SignLater:
			sb.Later = append(sb.Later, strings.TrimSpace(orDash(pt.Name)+", "+pt.Affiliation(b.l)))
		}
	}
	if len(sb.Later) > 0 {
		sb.LaterHeading = b.t("Skriver under senare", "Will sign later")
	}
	return sb
}

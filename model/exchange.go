package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sipmote/sipmote/termsafe"
)

// ExportFormat names the JSON export, so that an import can tell a sipmote
// plan from any other JSON file.
const (
	ExportFormat = "sipmote-plan"
	// ExportVersion 2 gave participants an attendance (for "present"),
	// a role's details and signing; actions several goals (for
	// "goal_id"). Version 3 added the follow-up state, action dates and
	// statuses, ticks per version and the closure's list to tick.
	// Version 4 gave each guardian of a child their own consent: actors
	// and subjects, and widenings by whom. Older files are read and
	// upgraded (see Plan.Upgrade).
	ExportVersion = 4
)

// Export is the JSON document of `sipmote export --format json`: the
// whole plan with all its versions. Its field names are stable; see
// docs/export.md.
type Export struct {
	Format  string `json:"format"`
	Version int    `json:"format_version"`
	Plan    *Plan  `json:"plan"`
}

// EncodeExport writes the plan as the export JSON. The text is kept
// whole, format controls too, but those are written as \u escapes: the
// value read back is the same, and a terminal the export is printed on
// shows six harmless characters instead of text run backwards.
func EncodeExport(p *Plan) ([]byte, error) {
	b, err := json.MarshalIndent(Export{Format: ExportFormat, Version: ExportVersion, Plan: p}, "", "  ")
	if err != nil {
		return nil, err
	}
	return escapeFormat(b), nil
}

// escapeFormat writes every format control in b (which is JSON: they can
// only be inside strings) as a \u escape.
func escapeFormat(b []byte) []byte {
	if !bytes.ContainsFunc(b, termsafe.IsFormat) {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if termsafe.IsFormat(r) {
			out = fmt.Appendf(out, "\\u%04x", r)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out
}

// ImportError lists every problem of an import file, each with the path
// of its field.
type ImportError struct {
	Problems []Finding
}

func (e *ImportError) Error() string {
	var b strings.Builder
	b.WriteString("import: ")
	for i, f := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.Path + ": " + f.Message.EN)
	}
	return b.String()
}

// maxImport bounds an import file; a real plan is a few hundred kB.
const maxImport = 32 << 20

// DecodeExport reads an export file, checks it fully and returns the plan
// with a new id, so that importing never overwrites a plan. Every problem is
// reported with its field path; nothing is returned unless all is well.
func DecodeExport(r io.Reader, now time.Time) (*Plan, error) {
	return DecodeExportWith(r, now, ImportOptions{})
}

// DecodeExportWith is DecodeExport with options: every finalised version
// must pass the rules that finalising uses (see CheckFinalised), unless
// o.AsDraft takes the newest in as a draft instead.
func DecodeExportWith(r io.Reader, now time.Time, o ImportOptions) (*Plan, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxImport+1))
	if err != nil {
		return nil, err
	}
	bad := func(path, sv, en string) error {
		return &ImportError{[]Finding{{Severity: SevError, Path: path, Message: Text{sv, en}}}}
	}
	if len(data) > maxImport {
		return nil, bad("", "Filen är för stor för en plan.", "The file is too large for a plan.")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var ex Export
	if err := dec.Decode(&ex); err != nil {
		var te *json.UnmarshalTypeError
		var se *json.SyntaxError
		switch {
		case errors.As(err, &te):
			return nil, bad(te.Field, "Fel sorts värde.", "Wrong kind of value.")
		case errors.As(err, &se):
			return nil, bad(fmt.Sprintf("@%d", se.Offset), "Filen är inte giltig JSON.", "The file is not valid JSON.")
		case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
			return nil, bad(fmt.Sprintf("@%d", len(data)), "Filen tar slut för tidigt; den är inte giltig JSON.", "The file ends too early; it is not valid JSON.")
		case strings.HasPrefix(err.Error(), "json: unknown field"):
			f := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
			return nil, bad(f, "Okänt fält.", "Unknown field.")
		}
		return nil, bad("", "Filen kunde inte läsas som en plan.", "The file could not be read as a plan.")
	}
	if dec.More() {
		return nil, bad("", "Filen har mer än en plan.", "The file holds more than one plan.")
	}
	if ex.Format != ExportFormat {
		return nil, bad("format", "Filen är inte en sipmote-plan.", "The file is not a sipmote plan.")
	}
	if ex.Version < 1 || ex.Version > ExportVersion {
		return nil, bad("format_version", "Okänd version av formatet.", "Unknown version of the format.")
	}
	if ex.Plan == nil {
		return nil, bad("plan", "Planen saknas.", "The plan is missing.")
	}
	p := ex.Plan
	// Text from a file may carry terminal escape sequences; none is kept.
	CleanText(p)
	p.Upgrade()
	if probs := CheckStructure(p, now); len(probs) > 0 {
		return nil, &ImportError{probs}
	}
	// What the program cannot hold is refused here, never cut later.
	if probs := CheckLimits(p); len(probs) > 0 {
		return nil, &ImportError{probs}
	}
	// A version that says it was finalised must be one finalising would
	// have let through: else a file makes a signed plan of anything. A
	// file of an older format was finalised under the rules of its day,
	// which today's need not match; it is taken in as it is.
	if ex.Version == ExportVersion {
		if err := checkFinalisedImport(p, o); err != nil {
			return nil, err
		}
	}
	// The draft's own lists follow the guardians' consents, as on screen.
	p.SyncGuardianScope(p.Draft, now.Format(DateLayout))
	p.ID = NewID()
	return p, nil
}

// CheckStructure checks what the types cannot: known enum values, valid
// dates and numbers, unique ids, and versions numbered in order. These are
// the rules a stored plan always meets; the SIP rules are Validate's.
func CheckStructure(p *Plan, now time.Time) []Finding {
	c := &checker{}
	if strings.TrimSpace(p.Person.Name) == "" {
		c.add(SevError, "plan.person.name", "Namnet saknas.", "The name is missing.")
	}
	if l := p.Person.Language; l != "" && !ValidLanguageCode(l) {
		c.add(SevError, "plan.person.language", "Språket ska vara en kod med två eller tre små bokstäver, till exempel fi.",
			"The language must be a code of two or three lower-case letters, for example fi.")
	}
	if p.Person.PNR != "" {
		n, err := NormalisePNR(p.Person.PNR, now)
		if err != nil {
			c.add(SevError, "plan.person.pnr", "Personnumret är inte giltigt.", "The personal identity number is not valid.")
		} else {
			p.Person.PNR = n
		}
	}
	switch p.Status {
	case StatusDraft, StatusActive, StatusClosed:
	default:
		c.add(SevError, "plan.status", "Okänd status.", "Unknown status.")
	}
	switch p.Variant {
	case AgeAdult, AgeChild, AgeOlder:
	case "":
		p.Variant = AgeAdult
	default:
		c.add(SevError, "plan.variant", "Okänd variant.", "Unknown variant.")
	}
	for i := range p.Versions {
		v := &p.Versions[i]
		if v.Number != i+1 {
			c.add(SevError, fmt.Sprintf("plan.versions[%d].number", i), "Versionerna är inte numrerade i ordning.", "The versions are not numbered in order.")
		}
		if v.FinalisedAt == nil {
			c.add(SevError, fmt.Sprintf("plan.versions[%d].finalised_at", i), "En fastställd version saknar datum.", "A finalised version has no date.")
		}
		checkVersion(c, fmt.Sprintf("plan.versions[%d]", i), v)
	}
	if p.Draft != nil {
		if p.Draft.Number != len(p.Versions)+1 {
			c.add(SevError, "plan.draft.number", "Utkastet har fel nummer.", "The draft has the wrong number.")
		}
		checkVersion(c, "plan.draft", p.Draft)
	}
	if p.Status == StatusActive && len(p.Versions) == 0 {
		c.add(SevError, "plan.status", "En aktiv plan måste ha en fastställd version.", "An active plan needs a finalised version.")
	}
	if p.Closure != nil {
		c.date("plan.closure.date", p.Closure.Date)
		if _, ok := closureLabels[p.Closure.Reason]; !ok {
			c.add(SevError, "plan.closure.reason", "Okänt skäl.", "Unknown reason.")
		}
	}
	return c.out
}

func checkVersion(c *checker, at string, v *Version) {
	m := v.Meeting
	c.date(at+".meeting.date", m.Date)
	c.clock(at+".meeting.start", m.Start)
	if m.Minutes < 0 || m.Minutes > 24*60 {
		c.add(SevError, at+".meeting.minutes", "Orimlig mötestid.", "Unreasonable meeting length.")
	}
	switch m.Form {
	case FormRoom, FormRoomVideo, FormHome, FormVideo, FormPhone, "":
	default:
		c.add(SevError, at+".meeting.form", "Okänd mötesform.", "Unknown meeting form.")
	}
	ids := map[string]bool{}
	unique := func(path, id string) {
		if id == "" {
			c.add(SevError, path, "Id saknas.", "The id is missing.")
		} else if ids[id] {
			c.add(SevError, path, "Samma id förekommer två gånger.", "The same id occurs twice.")
		}
		ids[id] = true
	}
	for i, pt := range m.Participants {
		path := fmt.Sprintf("%s.meeting.participants[%d]", at, i)
		unique(path+".id", pt.ID)
		if !pt.Role.Known() {
			c.add(SevError, path+".role", "Okänd roll.", "Unknown role.")
		}
		checkPrincipal(c, path+".principal", pt.Principal)
		checkPrincipal(c, path+".funded_by", pt.FundedBy)
		checkPerson(c, path, pt)
	}
	for i, cp := range v.Copies.Added {
		if strings.TrimSpace(cp.Name) == "" {
			c.add(SevError, fmt.Sprintf("%s.copies.added[%d].name", at, i), "Namnet saknas.", "The name is missing.")
		}
	}
	k := v.Consent
	c.date(at+".consent.date", k.Date)
	c.date(at+".consent.valid_until", k.ValidUntil)
	c.date(at+".consent.withdrawn_on", k.WithdrawnOn)
	for i, g := range k.Guardians {
		path := fmt.Sprintf("%s.consent.guardians[%d]", at, i)
		c.date(path+".date", g.Date)
		blank := func(field string, list []string) {
			for j, s := range list {
				if strings.TrimSpace(s) == "" {
					c.add(SevError, fmt.Sprintf("%s.%s[%d]", path, field, j), "Tomt namn i listan.", "An empty entry in the list.")
				}
			}
		}
		blank("actors", g.Actors)
		blank("subjects", g.Subjects)
	}
	for i, w := range k.Widened {
		switch w.As {
		case "", WidenedGuardian, WidenedChild:
		default:
			c.add(SevError, fmt.Sprintf("%s.consent.widened[%d].as", at, i), "Okänt värde: ska vara guardian eller child.", "Unknown value: must be guardian or child.")
		}
	}
	for i, g := range v.Content.Goals {
		unique(fmt.Sprintf("%s.content.goals[%d].id", at, i), g.ID)
	}
	for i, a := range v.Content.Actions {
		path := fmt.Sprintf("%s.content.actions[%d]", at, i)
		unique(path+".id", a.ID)
		checkPrincipal(c, path+".principal", a.Principal)
		switch a.Status {
		case ActionPlanned, ActionDecided, ActionOngoing, ActionDone, ActionCancelled:
		default:
			c.add(SevError, path+".status", "Okänd status.", "Unknown status.")
		}
		c.date(path+".start", a.Start)
		c.date(path+".due", a.Due)
	}
	f := v.Content.FollowUp
	c.date(at+".content.follow_up.date", f.Date)
	c.clock(at+".content.follow_up.time", f.Time)
	c.date(at+".content.follow_up.mandate_ends", f.MandateEnds)
	c.date(at+".content.follow_up.book_by", f.BookBy)
	switch f.State {
	case "", FollowUpBooked, FollowUpLater, FollowUpNone:
	default:
		c.add(SevError, at+".content.follow_up.state", "Okänt läge för uppföljningen.", "Unknown follow-up state.")
	}
}

func checkPrincipal(c *checker, path string, p Principal) {
	switch p {
	case PrincipalKommun, PrincipalRegion, PrincipalOther, "":
	default:
		c.add(SevError, path, "Okänd kommun eller region (eller annan organisation).", "Unknown municipality or region (or other organisation).")
	}
}

// checkPerson checks the values of a participant's attendance, signing and
// trustee fields.
func checkPerson(c *checker, path string, pt Participant) {
	switch pt.Attendance {
	case AttendAbsent, AttendRoom, AttendVideo, AttendPhone:
	default:
		c.add(SevError, path+".attendance", "Okänt sätt att delta.", "Unknown attendance.")
	}
	switch pt.Signs {
	case "", SignNow, SignLater, SignNo:
	default:
		c.add(SevError, path+".signs", "Okänt val för underskrift.", "Unknown signing choice.")
	}
	switch pt.TrusteeKind {
	case "", TrusteeGodMan, TrusteeForvaltare:
	default:
		c.add(SevError, path+".trustee_kind", "Okänd sorts ställföreträdare.", "Unknown kind of trustee.")
	}
	for j, a := range pt.TrusteeFor {
		if a.Label(Swedish) == "" {
			c.add(SevError, fmt.Sprintf("%s.trustee_for[%d]", path, j), "Okänt uppdrag.", "Unknown mandate.")
		}
	}
	if pt.Left != nil && pt.Left.At != "" {
		c.clock(path+".left.at", pt.Left.At)
	}
}

// Package fhir writes a plan as an HL7 FHIR R4 Bundle (type collection),
// so that a region's or a municipality's record system can take the plan
// in without retyping it.
//
// It reads the model and nothing else: what a version says, and what the
// print leaves out, are the model's; this package only maps them onto
// resources. docs/fhir.md documents the mapping field by field.
//
// Never exported, as on paper: the subjects the person does not want
// raised, how the meeting felt, the checklist ticks and the chair's
// clocks. Once consent is withdrawn nothing of the plan's content leaves:
// only the Patient and a revoked CarePlan, as the closure notice allows.
package fhir

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/sipmote/sipmote/model"
)

// The identifier systems of the Swedish national specifications, and the
// base of sipmote's own code systems, which docs/fhir.md describes.
const (
	SystemPersonnummer      = "http://electronichealth.se/identifier/personnummer"
	SystemSamordningsnummer = "http://electronichealth.se/identifier/samordningsnummer"
	// SystemBase is where sipmote's own codes are documented: each code
	// system is a heading of docs/fhir.md.
	SystemBase = "https://github.com/sipmote/sipmote/blob/main/docs/fhir.md#"
	// SystemPlan identifies a plan version: "<plan id>/<version>".
	SystemPlan     = SystemBase + "plan-identifier"
	SystemCategory = SystemBase + "category"
	SystemRole     = SystemBase + "roles"
	SystemUnitKind = SystemBase + "principal"
)

// CategoryText and CategoryCode name a SIP in CarePlan.category.
const (
	CategoryText = "Samordnad individuell plan (SIP)"
	CategoryCode = "SIP"
)

// Options say how a plan is written.
type Options struct {
	// Lang is the language of the labels the writer adds (role names,
	// note headings); what the meeting wrote stays as written.
	Lang model.Lang
	// Now is the bundle's timestamp, and the day against which a consent
	// is counted as still valid.
	Now time.Time
}

// Withheld tells whether only the closure may leave: consent withdrawn.
func Withheld(p *model.Plan) bool { return p != nil && p.ContentHidden() }

// Export writes version v of plan p as an indented FHIR R4 Bundle, ending
// with a newline. A nil v is the version the screen shows.
func Export(p *model.Plan, v *model.Version, o Options) ([]byte, error) {
	b, err := json.MarshalIndent(Build(p, v, o), "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Build lays version v of plan p out as a Bundle.
func Build(p *model.Plan, v *model.Version, o Options) Bundle {
	if p == nil {
		p = &model.Plan{}
	}
	if v == nil {
		v = p.Current()
	}
	if v == nil {
		v = &model.Version{Number: 1}
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	b := &builder{p: p, v: v, o: o, ns: uuid.NewSHA1(uuid.NameSpaceURL, []byte(SystemBase+p.ID)),
		people: map[string]Reference{}, orgs: map[string]Reference{}}
	b.patient()
	if Withheld(p) {
		b.withheldPlan()
	} else {
		b.participants()
		b.plan()
	}
	return Bundle{
		ResourceType: "Bundle",
		ID:           b.id("bundle/" + strconv.Itoa(v.Number)),
		Identifier:   &Identifier{System: SystemPlan, Value: b.planIdentifier()},
		Type:         "collection",
		Timestamp:    o.Now.Format(time.RFC3339),
		Entry:        b.entries,
	}
}

// builder gathers the entries of one bundle. Ids are name-based UUIDs of
// the plan's id and what the resource stands for, so that exporting the
// same version twice gives the same ids and a receiving system can tell
// a resource it already has.
type builder struct {
	p       *model.Plan
	v       *model.Version
	o       Options
	ns      uuid.UUID
	entries []Entry
	// people maps a participant's id, and "name:"+a name, to its reference;
	// orgs maps a unit's name, compared without case and spacing.
	people map[string]Reference
	orgs   map[string]Reference
	// members are the participants' references, in the meeting's order.
	members []Reference
	pat     Reference
}

func (b *builder) t(sv, en string) string { return model.T(b.o.Lang, sv, en) }

func (b *builder) id(key string) string { return uuid.NewSHA1(b.ns, []byte(key)).String() }

// add puts a resource in the bundle and returns a reference to it.
func (b *builder) add(id string, r any, display string) Reference {
	url := "urn:uuid:" + id
	b.entries = append(b.entries, Entry{FullURL: url, Resource: r})
	return Reference{Reference: url, Display: display}
}

func (b *builder) planIdentifier() string {
	return b.p.ID + "/" + strconv.Itoa(b.v.Number)
}

// patient adds the person: personnummer or samordningsnummer, name and
// birth date, which the closure notice shows too.
func (b *builder) patient() {
	id := b.id("patient")
	pt := Patient{ResourceType: "Patient", ID: id}
	if ident, ok := PersonIdentifier(b.p.Person.PNR); ok {
		pt.Identifier = []Identifier{ident}
		if d, err := model.BirthDate(b.p.Person.PNR); err == nil {
			pt.BirthDate = d.Format(model.DateLayout)
		}
	}
	name := strings.TrimSpace(b.p.Person.Name)
	if name != "" {
		pt.Name = []HumanName{humanName(name)}
	}
	b.pat = b.add(id, pt, name)
}

// PersonIdentifier is the Identifier of a personnummer or samordningsnummer
// as the model keeps it (YYYYMMDD-NNNN): twelve digits, no hyphen, under
// the system of its kind. A samordningsnummer has 60 added to the day.
// ok is false when pnr is empty or not of that form.
func PersonIdentifier(pnr string) (Identifier, bool) {
	digits := strings.ReplaceAll(strings.TrimSpace(pnr), "-", "")
	if len(digits) != 12 {
		return Identifier{}, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return Identifier{}, false
		}
	}
	system := SystemPersonnummer
	if day, _ := strconv.Atoi(digits[6:8]); day > 60 {
		system = SystemSamordningsnummer
	}
	return Identifier{Use: "official", System: system, Value: digits}, true
}

// humanName splits a name as Swedish names are mostly written: the last
// word is the family name. A note in brackets ("Maja Lind (exempel)") is
// no part of either. The whole name is kept as text, which is what a
// reader should trust for a name the split gets wrong ("von Essen").
func humanName(name string) HumanName {
	name = strings.Join(strings.Fields(name), " ")
	h := HumanName{Text: name}
	var words []string
	depth := 0
	for _, w := range strings.Fields(name) {
		if strings.HasPrefix(w, "(") {
			depth++
		}
		if depth == 0 {
			words = append(words, w)
		}
		if strings.HasSuffix(w, ")") && depth > 0 {
			depth--
		}
	}
	if len(words) > 1 {
		h.Family = words[len(words)-1]
		h.Given = words[:len(words)-1]
	}
	return h
}

// unitKey is a unit's name as compared: case and spacing aside, as the
// model's consent does.
func unitKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// org returns the Organization of a unit, adding it once. principal and
// party say who runs it when known; a contracted provider's company is
// its partOf.
func (b *builder) org(name string, pr model.Principal, party string) (Reference, bool) {
	name = strings.Join(strings.Fields(name), " ")
	k := unitKey(name)
	if k == "" {
		return Reference{}, false
	}
	if r, ok := b.orgs[k]; ok {
		return r, true
	}
	o := Organization{ResourceType: "Organization", ID: b.id("org/" + k), Name: name}
	if pr == model.PrincipalKommun || pr == model.PrincipalRegion || pr == model.PrincipalOther {
		label := model.PartyName(pr, "", b.o.Lang)
		o.Type = []CodeableConcept{{Coding: []Coding{{System: SystemUnitKind, Code: string(pr), Display: label}},
			Text: model.PartyName(pr, party, b.o.Lang)}}
	}
	// Reserve the key first: the party's own Organization must not loop.
	b.orgs[k] = Reference{}
	if pk := unitKey(party); pr == model.PrincipalOther && pk != "" && pk != k {
		if parent, ok := b.org(party, "", ""); ok {
			o.PartOf = &parent
		}
	}
	r := b.add(o.ID, o, name)
	b.orgs[k] = r
	return r, true
}

// withheldPlan is all that leaves once consent is withdrawn: a revoked
// CarePlan with no content, ending on the closure date.
func (b *builder) withheldPlan() {
	cp := CarePlan{ResourceType: "CarePlan", ID: b.id("careplan/" + strconv.Itoa(b.v.Number)),
		Identifier: []Identifier{{System: SystemPlan, Value: b.planIdentifier()}},
		Status:     "revoked", Intent: "plan", Category: category(), Title: CategoryText, Subject: b.pat}
	if c := b.p.Closure; c != nil {
		cp.Period = newPeriod("", c.Date)
	}
	b.add(cp.ID, cp, "")
}

func category() []CodeableConcept {
	return []CodeableConcept{{Coding: []Coding{{System: SystemCategory, Code: CategoryCode, Display: CategoryText}}, Text: CategoryText}}
}

// newPeriod is a Period of two dates (YYYY-MM-DD), or nil when neither is
// one. FHIR wants the start no later than the end: an end before the
// start (a typing error the plan only warns about) is left out, the start
// being the better known of the two.
func newPeriod(start, end string) *Period {
	if start != "" && model.CheckDate(start) != nil {
		start = ""
	}
	if end != "" && model.CheckDate(end) != nil {
		end = ""
	}
	if start != "" && end != "" && end < start {
		end = ""
	}
	if start == "" && end == "" {
		return nil
	}
	return &Period{Start: start, End: end}
}

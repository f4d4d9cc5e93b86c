package fhir

import (
	"strconv"
	"strings"

	"github.com/sipmote/sipmote/model"
)

// The codes of a SIP consent: a privacy consent (HL7's consent scope),
// a patient consent document (LOINC), opting in (HL7 v3 ActCode), and the
// units as recipients of information (HL7 v3 ParticipationType).
var (
	consentScope = CodeableConcept{Coding: []Coding{{System: "http://terminology.hl7.org/CodeSystem/consentscope",
		Code: "patient-privacy", Display: "Privacy Consent"}}}
	consentCategory = CodeableConcept{Coding: []Coding{{System: "http://loinc.org", Code: "59284-0", Display: "Patient Consent"}}}
	recipient       = CodeableConcept{Coding: []Coding{{System: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
		Code: "IRCP", Display: "information recipient"}}}
)

// ConsentStatus is the Consent.status of a consent given or not, and
// withdrawn or past its end by today (YYYY-MM-DD): proposed while not
// given (asked, or not yet answered), active while it holds, inactive
// once withdrawn or expired.
func ConsentStatus(given bool, withdrawnOn, validUntil, today string) string {
	switch {
	case withdrawnOn != "":
		return "inactive"
	case !given:
		return "proposed"
	case validUntil != "" && model.CheckDate(validUntil) == nil && validUntil < today:
		return "inactive"
	}
	return "active"
}

// GuardianScope is what guardian i of a child consented to: their own
// units and subjects, or the plan's lists for a guardian of an older file
// who has none of their own (model.Consent.ScopeOf). Each guardian's
// Consent names their own units, so that a record system sees which
// guardian did not consent to a unit; the plan's lists are the overlap.
func GuardianScope(k model.Consent, i int) (actors, subjects []string) {
	if i < 0 || i >= len(k.Guardians) {
		return nil, nil
	}
	return k.ScopeOf(k.Guardians[i])
}

// consents adds the person's consent, or for a child one Consent for each
// guardian, performed by that guardian.
func (b *builder) consents() {
	k := b.v.Consent
	if len(k.Guardians) == 0 {
		b.consent("consent/"+strconv.Itoa(b.v.Number), b.pat, k.Given, k.Date, k.Actors, k.Subjects)
		return
	}
	for i, g := range k.Guardians {
		who, ok := b.who(g.Name)
		if !ok || who.Reference == "" {
			who = b.guardian(g.Name, i)
		}
		date := g.Date
		if date == "" {
			date = k.Date
		}
		actors, subjects := GuardianScope(k, i)
		b.consent("consent/"+strconv.Itoa(b.v.Number)+"/guardian/"+strconv.Itoa(i), who, g.Given, date, actors, subjects)
	}
}

// guardian adds a guardian who was not summoned to the meeting.
func (b *builder) guardian(name string, i int) Reference {
	name = strings.TrimSpace(name)
	rp := RelatedPerson{ResourceType: "RelatedPerson", ID: b.id("guardian/" + strconv.Itoa(i) + "/" + unitKey(name)), Patient: b.pat,
		Relationship: []CodeableConcept{relationship(model.RoleGuardian, model.RoleGuardian.Label(b.o.Lang))}}
	if name != "" {
		rp.Name = []HumanName{humanName(name)}
	}
	return b.add(rp.ID, rp, name)
}

func (b *builder) consent(key string, by Reference, given bool, date string, actors, subjects []string) {
	k := b.v.Consent
	c := Consent{ResourceType: "Consent", ID: b.id(key),
		Status:   ConsentStatus(given, k.WithdrawnOn, k.ValidUntil, b.o.Now.Format(model.DateLayout)),
		Scope:    consentScope,
		Category: []CodeableConcept{consentCategory},
		Patient:  b.pat,
		PolicyRule: &CodeableConcept{Coding: []Coding{{System: "http://terminology.hl7.org/CodeSystem/v3-ActCode", Code: "OPTIN", Display: "opt-in"}},
			Text: b.t("Samtycke till samordnad individuell plan (socialtjänstlagen 2 kap. 7 §, hälso- och sjukvårdslagen 16 kap. 4 §)",
				"Consent to a coordinated individual plan (Social Services Act ch. 2 s. 7, Health and Medical Services Act ch. 16 s. 4)")}}
	if model.CheckDate(date) == nil {
		c.DateTime = date
	}
	if by.Reference != "" {
		c.Performer = []Reference{by}
	}
	pv := &Provision{Type: "permit"}
	pv.Period = newPeriod(c.DateTime, k.ValidUntil)
	for _, a := range actors {
		if r, ok := b.org(a, "", ""); ok {
			pv.Actor = append(pv.Actor, ProvisionActor{Role: recipient, Reference: r})
		}
	}
	for _, s := range subjects {
		if s = strings.TrimSpace(s); s != "" {
			pv.Code = append(pv.Code, CodeableConcept{Text: s})
		}
	}
	c.Provision = pv
	b.add(c.ID, c, "")
}

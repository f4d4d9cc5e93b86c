package fhir

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

var testNow = time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)

// cases are the plans every test exports: the demo's three (a follow-up
// being prepared, a child's draft with two guardians, a closed plan), a
// plan whose follow-up is to be booked later, and a plan with consent
// withdrawn.
func cases(t *testing.T) map[string]*model.Plan {
	t.Helper()
	out := map[string]*model.Plan{}
	for _, p := range model.DemoPlans(testNow) {
		out[p.Person.Name] = p
	}
	out["to be booked"] = planToBook(t)
	out["withdrawn"] = planWithdrawn(t)
	return out
}

// planToBook is the demo's first plan with the follow-up to be booked
// later instead, finalised as version 2.
func planToBook(t *testing.T) *model.Plan {
	t.Helper()
	p := model.Demo(testNow)
	d := p.Draft
	d.Meeting.Date = testNow.Format(model.DateLayout)
	for i := range d.Meeting.Participants {
		d.Meeting.Participants[i].Attendance = model.AttendRoom
		d.Meeting.Participants[i].Confirmed = true
	}
	d.Content.FollowUp = model.FollowUp{State: model.FollowUpLater, BookBy: "2027-01-15",
		WhyLater: "Beslutet om boendestöd väntas", MandateEnds: "2027-03-31", CalledBy: "Ali Rahimi",
		What: "Boendet och arbetet"}
	if err := p.Decide(model.DecisionRevise); err != nil {
		t.Fatal(err)
	}
	if fs, err := p.Finalise(model.Options{Now: testNow}); err != nil {
		t.Fatalf("finalising the plan to be booked: %v %v", err, model.Errors(fs))
	}
	return p
}

// planWithdrawn is the demo's first plan after the person withdrew the
// consent.
func planWithdrawn(t *testing.T) *model.Plan {
	t.Helper()
	p := model.Demo(testNow)
	err := p.WithdrawConsent(model.Closure{Reason: model.CloseConsentGone, Text: "Maja vill inte längre",
		Date: "2026-12-01", DraftDiscarded: true}, testNow)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func export(t *testing.T, p *model.Plan, v *model.Version, l model.Lang) []byte {
	t.Helper()
	out, err := Export(p, v, Options{Lang: l, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// versions are every version of p: the finalised ones and the draft.
func versions(p *model.Plan) []*model.Version {
	var vs []*model.Version
	for i := range p.Versions {
		vs = append(vs, &p.Versions[i])
	}
	if p.Draft != nil {
		vs = append(vs, p.Draft)
	}
	return vs
}

// TestEveryPlanExportsValidFHIR exports every version of every case in
// both languages and validates each resource and each bundle against
// the official schema, then checks what the schema cannot.
func TestEveryPlanExportsValidFHIR(t *testing.T) {
	for name, p := range cases(t) {
		for _, v := range versions(p) {
			for _, l := range []model.Lang{model.Swedish, model.English} {
				label := fmt.Sprintf("%s v%d %s", name, v.Number, l)
				raw := export(t, p, v, l)
				b := validateBundle(t, label, raw)
				checkBundle(t, label, raw, b)
			}
		}
	}
}

// checkBundle fails t for each problem bundleProblems finds.
func checkBundle(t *testing.T, name string, raw []byte, b Bundle) {
	t.Helper()
	if b.ResourceType != "Bundle" || b.Type != "collection" {
		t.Errorf("%s: resourceType %q type %q", name, b.ResourceType, b.Type)
	}
	for _, p := range bundleProblems(raw) {
		t.Errorf("%s: %s", name, p)
	}
}

// bundleProblems is what the schema does not check: the Patient first,
// every resource under a unique urn:uuid fullUrl made of its own id, and
// every reference resolving to an entry of the bundle.
func bundleProblems(raw []byte) []string {
	var generic struct {
		Entry []struct {
			FullURL  string         `json:"fullUrl"`
			Resource map[string]any `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(raw, &generic); err != nil {
		return []string{err.Error()}
	}
	var out []string
	urls := map[string]bool{}
	for _, e := range generic.Entry {
		id, _ := e.Resource["id"].(string)
		if e.FullURL != "urn:uuid:"+id {
			out = append(out, fmt.Sprintf("fullUrl %q is not urn:uuid: and the resource's id %q", e.FullURL, id))
		}
		if urls[e.FullURL] {
			out = append(out, "fullUrl "+e.FullURL+" twice")
		}
		urls[e.FullURL] = true
	}
	for _, e := range generic.Entry {
		for _, r := range references(e.Resource, "") {
			if !urls[r.to] {
				out = append(out, fmt.Sprintf("%s.%s points at %q, which is not in the bundle", e.Resource["resourceType"], r.path, r.to))
			}
		}
	}
	if len(generic.Entry) == 0 || generic.Entry[0].Resource["resourceType"] != "Patient" {
		out = append(out, "the first entry is not the Patient")
	}
	return out
}

type ref struct{ path, to string }

// references walks a resource for every Reference.reference.
func references(v any, path string) []ref {
	var out []ref
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if s, ok := val.(string); ok && k == "reference" {
				out = append(out, ref{path, s})
				continue
			}
			out = append(out, references(val, strings.TrimPrefix(path+"."+k, "."))...)
		}
	case []any:
		for i, val := range x {
			out = append(out, references(val, fmt.Sprintf("%s[%d]", path, i))...)
		}
	}
	return out
}

// TestReferencesAreChecked makes sure the reference check can fail.
func TestReferencesAreChecked(t *testing.T) {
	res := map[string]any{"resourceType": "CarePlan", "subject": map[string]any{"reference": "urn:uuid:a"},
		"activity": []any{map[string]any{"detail": map[string]any{"performer": []any{map[string]any{"reference": "urn:uuid:b"}}}}}}
	got := references(res, "")
	if len(got) != 2 {
		t.Fatalf("found %v, want two references", got)
	}
	raw, _ := json.Marshal(Bundle{ResourceType: "Bundle", Type: "collection", Entry: []Entry{
		{FullURL: "urn:uuid:p", Resource: map[string]any{"resourceType": "Patient", "id": "p"}},
		{FullURL: "urn:uuid:c", Resource: res}, {FullURL: "urn:uuid:d", Resource: map[string]any{"resourceType": "Goal", "id": "e"}}}})
	probs := bundleProblems(raw)
	if len(probs) != 4 {
		t.Errorf("found %q, want the resource without an id, the one whose id differs and the two references outside", probs)
	}
}

// resources groups a bundle's resources by type, as raw JSON.
func resources(t *testing.T, raw []byte) map[string][]json.RawMessage {
	t.Helper()
	var generic struct {
		Entry []struct {
			Resource json.RawMessage `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(raw, &generic); err != nil {
		t.Fatal(err)
	}
	out := map[string][]json.RawMessage{}
	for _, e := range generic.Entry {
		var head struct {
			ResourceType string `json:"resourceType"`
		}
		if err := json.Unmarshal(e.Resource, &head); err != nil {
			t.Fatal(err)
		}
		out[head.ResourceType] = append(out[head.ResourceType], e.Resource)
	}
	return out
}

func one[T any](t *testing.T, rs map[string][]json.RawMessage, kind string) T {
	t.Helper()
	var x T
	if len(rs[kind]) != 1 {
		t.Fatalf("%d %s resources, want 1", len(rs[kind]), kind)
	}
	if err := json.Unmarshal(rs[kind][0], &x); err != nil {
		t.Fatal(err)
	}
	return x
}

func all[T any](t *testing.T, rs map[string][]json.RawMessage, kind string) []T {
	t.Helper()
	var out []T
	for _, r := range rs[kind] {
		var x T
		if err := json.Unmarshal(r, &x); err != nil {
			t.Fatal(err)
		}
		out = append(out, x)
	}
	return out
}

// TestExportIsStable: the same version exported twice is the same bytes,
// so a receiving system recognises the resources it already has.
func TestExportIsStable(t *testing.T) {
	p := model.Demo(testNow)
	a, b := export(t, p, &p.Versions[0], model.Swedish), export(t, p, &p.Versions[0], model.Swedish)
	if !bytes.Equal(a, b) {
		t.Error("two exports of the same version differ")
	}
	v2 := export(t, p, p.Draft, model.Swedish)
	rs1, rs2 := resources(t, a), resources(t, v2)
	pat1, pat2 := one[Patient](t, rs1, "Patient"), one[Patient](t, rs2, "Patient")
	if pat1.ID != pat2.ID {
		t.Error("the person is a different Patient in two versions of one plan")
	}
	if one[CarePlan](t, rs1, "CarePlan").ID == one[CarePlan](t, rs2, "CarePlan").ID {
		t.Error("two versions share one CarePlan id")
	}
}

package fhir

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/sipmote/sipmote/printout/fhir/fhirschema"
)

func validator(t testing.TB) *fhirschema.Validator {
	t.Helper()
	v, err := fhirschema.Load()
	if err != nil {
		t.Fatalf("the FHIR schema: %v", err)
	}
	return v
}

// schemaFor is the compiled schema of one definition, "" for the root.
func schemaFor(t testing.TB, def string) *jsonschema.Schema {
	t.Helper()
	s, err := validator(t).Definition(def)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// validateBundle checks every resource of a bundle on its own, then the
// bundle whole, and fails t for each error.
func validateBundle(t *testing.T, name string, raw []byte) Bundle {
	t.Helper()
	for _, err := range validator(t).Bundle(raw) {
		t.Errorf("%s is not valid FHIR R4: %v", name, err)
	}
	var b Bundle
	if err := json.Unmarshal(raw, &b); err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSchemaRejectsBrokenResources makes sure the validation can fail:
// each resource here breaks one rule of the schema, and must be refused
// with an error that names the element.
func TestSchemaRejectsBrokenResources(t *testing.T) {
	for _, tc := range []struct {
		name    string
		res     string
		mention string
	}{
		{"unknown element", `{"resourceType":"CarePlan","status":"active","intent":"plan","subject":{"reference":"urn:uuid:x"},"colour":"red"}`, "colour"},
		{"missing subject", `{"resourceType":"CarePlan","status":"active","intent":"plan"}`, "subject"},
		{"code with spaces around", `{"resourceType":"CarePlan","status":" active","intent":"plan","subject":{"reference":"urn:uuid:x"}}`, "status"},
		{"goal status outside the value set", `{"resourceType":"Goal","lifecycleStatus":"maybe","description":{"text":"x"},"subject":{"reference":"urn:uuid:x"}}`, "lifecycleStatus"},
		{"a date that is no date", `{"resourceType":"Patient","birthDate":"1989-13-45"}`, "birthDate"},
		{"an empty string", `{"resourceType":"Organization","name":""}`, "name"},
		{"consent without scope", `{"resourceType":"Consent","status":"active","category":[{"text":"x"}]}`, "scope"},
		{"a dateTime with a time and no zone", `{"resourceType":"Appointment","status":"booked","start":"2027-01-01T10:00:00","participant":[{"status":"accepted"}]}`, "start"},
		{"no such resource", `{"resourceType":"CarePlanX"}`, "CarePlanX"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := validator(t).Resource([]byte(tc.res))
			if err == nil {
				t.Fatalf("accepted a broken resource: %s", tc.res)
			}
			if !strings.Contains(err.Error(), tc.mention) {
				t.Errorf("the error does not name %q:\n%v", tc.mention, err)
			}
		})
	}
	// A broken resource inside a bundle fails it twice: on its own, and
	// the bundle as a whole.
	bad := []byte(`{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:1","resource":{"resourceType":"Goal","lifecycleStatus":"maybe","description":{"text":"x"},"subject":{"reference":"urn:uuid:1"}}}]}`)
	if errs := validator(t).Bundle(bad); len(errs) != 2 {
		t.Errorf("a bundle with a broken Goal gave %d errors, want 2: %v", len(errs), errs)
	}
}

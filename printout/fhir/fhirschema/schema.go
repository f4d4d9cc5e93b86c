// Package fhirschema validates FHIR R4 JSON against the official
// fhir.schema.json, for tests: the writer's own, and the command line's,
// which check what `sipmote export --format fhir` writes.
//
// The schema is printout/fhir/testdata/fhir.schema.json.gz, HL7's file
// unmodified (see the README there); Load checks its SHA-256 first, so a
// changed schema fails before anything is validated against it. Only
// tests import this package: the program never carries the schema.
package fhirschema

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// SHA256 is that of the uncompressed fhir.schema.json; URL its id.
const (
	SHA256 = "15b9548af6412c44faaa411456e0652542de286fd1c58ef882b09bdc8947909d"
	URL    = "http://hl7.org/fhir/json-schema/4.0"
)

// Validator checks resources and bundles. It is safe for concurrent use.
type Validator struct {
	c        *jsonschema.Compiler
	mu       sync.Mutex
	compiled map[string]*jsonschema.Schema
}

var (
	once   sync.Once
	shared *Validator
	errLd  error
)

// Load reads the schema once per process and checks its SHA-256.
func Load() (*Validator, error) {
	once.Do(func() { shared, errLd = load() })
	return shared, errLd
}

func load() (*Validator, error) {
	_, self, _, ok := runtime.Caller(0)
	if !ok {
		return nil, errors.New("fhirschema: cannot find the schema file")
	}
	f, err := os.Open(filepath.Join(filepath.Dir(self), "..", "testdata", "fhir.schema.json.gz"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(raw)
	if got := hex.EncodeToString(sum[:]); got != SHA256 {
		return nil, fmt.Errorf("fhirschema: fhir.schema.json has SHA-256 %s, want %s", got, SHA256)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(URL, doc); err != nil {
		return nil, err
	}
	return &Validator{c: c, compiled: map[string]*jsonschema.Schema{}}, nil
}

// Definition is the compiled schema of one definition ("CarePlan"), or
// of the whole schema for "".
func (v *Validator) Definition(def string) (*jsonschema.Schema, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if s, ok := v.compiled[def]; ok {
		return s, nil
	}
	loc := URL
	if def != "" {
		loc += "#/definitions/" + def
	}
	s, err := v.c.Compile(loc)
	if err != nil {
		return nil, err
	}
	v.compiled[def] = s
	return s, nil
}

// Resource checks one resource (JSON) against its own definition, named
// by its resourceType, so that an error names the element rather than
// every alternative of the schema's root.
func (v *Validator) Resource(raw []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return err
	}
	m, ok := inst.(map[string]any)
	if !ok {
		return errors.New("a resource is not a JSON object")
	}
	rt, _ := m["resourceType"].(string)
	if rt == "" {
		return errors.New("a resource has no resourceType")
	}
	s, err := v.Definition(rt)
	if err != nil {
		return fmt.Errorf("resourceType %q: %w", rt, err)
	}
	return s.Validate(inst)
}

// Bundle checks every entry's resource on its own, then the bundle whole
// against the schema's root. It returns one error per failure.
func (v *Validator) Bundle(raw []byte) []error {
	var generic struct {
		Entry []struct {
			Resource json.RawMessage `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(raw, &generic); err != nil {
		return []error{err}
	}
	var out []error
	for i, e := range generic.Entry {
		if err := v.Resource(e.Resource); err != nil {
			out = append(out, fmt.Errorf("entry %d: %w", i, err))
		}
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return append(out, err)
	}
	root, err := v.Definition("")
	if err != nil {
		return append(out, err)
	}
	if err := root.Validate(inst); err != nil {
		msg := err.Error()
		if len(msg) > 2000 {
			msg = msg[:2000] + " …"
		}
		out = append(out, errors.New("the bundle as a whole: "+msg))
	}
	return out
}

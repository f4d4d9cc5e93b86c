package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/printout/fhir/fhirschema"
)

// fhirBundle is what a test reads of an exported bundle.
type fhirBundle struct {
	ResourceType, Type string
	Entry              []struct {
		FullURL  string         `json:"fullUrl"`
		Resource map[string]any `json:"resource"`
	}
}

func (b fhirBundle) count(kind string) int {
	n := 0
	for _, e := range b.Entry {
		if e.Resource["resourceType"] == kind {
			n++
		}
	}
	return n
}

// readFHIR validates an export against the official R4 schema and reads it.
func readFHIR(t *testing.T, name, out string) fhirBundle {
	t.Helper()
	v, err := fhirschema.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range v.Bundle([]byte(out)) {
		t.Errorf("%s: not valid FHIR R4: %v", name, err)
	}
	var b fhirBundle
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if b.ResourceType != "Bundle" || b.Type != "collection" {
		t.Errorf("%s: %s of type %s", name, b.ResourceType, b.Type)
	}
	return b
}

// TestExportFHIR: the demo's plans, every version, export as FHIR R4 that
// validates; the export is in the trail; a plan with consent withdrawn
// gives only the closure, and says so on standard error.
func TestExportFHIR(t *testing.T) {
	c := newCLI(t)
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(c.ok("demo")), "\n") {
		if f := strings.Fields(line); len(f) > 1 && len(f[0]) == 36 {
			ids = append(ids, f[0])
		}
	}
	if len(ids) != 3 {
		t.Fatalf("demo made %d plans", len(ids))
	}
	for _, id := range ids {
		out, errOut, code := c.run("export", id, "--format", "fhir", "--version", "1")
		if code != 0 || errOut != "" {
			t.Fatalf("export %s: exit %d: %s", id, code, errOut)
		}
		b := readFHIR(t, id[:8], out)
		if b.count("CarePlan") != 1 || b.count("Patient") != 1 || b.count("Consent") < 1 || b.count("CareTeam") != 1 {
			t.Errorf("%s: %d entries", id[:8], len(b.Entry))
		}
		if !strings.Contains(c.ok("trail", id, "--lang", "en"), "exported") {
			t.Errorf("%s: the export is not in the trail", id[:8])
		}
	}
	// Maja's version 1, with its booked follow-up, in English.
	b := readFHIR(t, "version 1", c.ok("export", ids[0], "--format", "fhir", "--version", "1", "--lang", "en"))
	if b.count("Appointment") != 1 {
		t.Errorf("version 1 has %d Appointments, want its booked follow-up", b.count("Appointment"))
	}
	// Elias's plan: one Consent for each of his two guardians.
	if b := readFHIR(t, "child", c.ok("export", ids[1], "--format", "fhir")); b.count("Consent") != 2 {
		t.Errorf("the child's plan has %d Consents, want one per guardian", b.count("Consent"))
	}

	// Consent withdrawn: the Patient and a revoked CarePlan, nothing else.
	c.ok("close", ids[0], "--reason", "consent_withdrawn", "--discard-draft")
	out, errOut, code := c.run("export", ids[0], "--format", "fhir", "--lang", "en")
	if code != 0 || !strings.Contains(errOut, "consent has been withdrawn") || !strings.Contains(errOut, "without content") {
		t.Fatalf("export after withdrawal: exit %d, stderr %q", code, errOut)
	}
	b = readFHIR(t, "withdrawn", out)
	if len(b.Entry) != 2 || b.count("Patient") != 1 || b.count("CarePlan") != 1 {
		t.Fatalf("withdrawn: %d entries", len(b.Entry))
	}
	for _, e := range b.Entry {
		if e.Resource["resourceType"] == "CarePlan" && e.Resource["status"] != "revoked" {
			t.Errorf("withdrawn: CarePlan status %v", e.Resource["status"])
		}
	}
	for _, s := range []string{"Eget boende", "Ali Rahimi", "Litium"} {
		if strings.Contains(out, s) {
			t.Errorf("withdrawn: %q left with the export", s)
		}
	}
	// A format that does not exist names the ones that do.
	_, errOut, code = c.run("export", ids[1], "--format", "hl7", "--lang", "en")
	if code == 0 || !strings.Contains(errOut, "fhir") {
		t.Errorf("unknown format: exit %d, %q", code, errOut)
	}
}

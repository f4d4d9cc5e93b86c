package service

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// TestExportFHIRIsTrailed: a FHIR export of a stored plan is a Bundle,
// and the read is recorded in the plan's access trail once written.
func TestExportFHIRIsTrailed(t *testing.T) {
	svc := openTest(t, Options{})
	p := model.Demo(testNow)
	if err := svc.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	before := trailKinds(t, svc, p.ID)
	var buf bytes.Buffer
	if err := svc.Export(context.Background(), &buf, p, &p.Versions[0], ExportOptions{Format: FormatFHIR, Lang: model.Swedish}); err != nil {
		t.Fatal(err)
	}
	var b struct {
		ResourceType, Type, Timestamp string
		Entry                         []json.RawMessage
	}
	if err := json.Unmarshal(buf.Bytes(), &b); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if b.ResourceType != "Bundle" || b.Type != "collection" || len(b.Entry) < 5 || b.Timestamp != "2026-11-25T13:00:00Z" {
		t.Errorf("bundle %s %s %d entries at %s", b.ResourceType, b.Type, len(b.Entry), b.Timestamp)
	}
	after := trailKinds(t, svc, p.ID)
	if len(after) != len(before)+1 || !slices.Contains(after[len(before):], "exported") {
		t.Errorf("trail %q after %q: want one export recorded", after, before)
	}
}

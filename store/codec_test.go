package store

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// The compact summary codec is positional. If model.Summary changes, this
// test fails until summarycodec.go is changed with it (see summaryFormat).
func TestSummaryCodecCoversAllFields(t *testing.T) {
	handled := []string{
		"ID", "Person", "PNRMasked", "Status", "Variant", "Version", "HasDraft",
		"MeetingDate", "NextFollowUp", "ConsentUntil", "ConsentGone", "Ticks",
		"Dates", "UpdatedAt",
	}
	var fields []string
	for f := range reflect.TypeFor[model.Summary]().Fields() {
		fields = append(fields, f.Name)
	}
	if !slices.Equal(fields, handled) {
		t.Errorf("model.Summary has fields %q; the compact codec handles %q. "+
			"Update summarycodec.go, bump summaryFormat and add a migration that rebuilds summaries.", fields, handled)
	}
}

func TestSummaryCodecRoundTrip(t *testing.T) {
	full := fullSummary()
	local := full
	local.UpdatedAt = time.Date(2025, 7, 1, 12, 0, 0, 0, time.Local)
	utc := full
	utc.UpdatedAt = full.UpdatedAt.UTC()
	long := full
	long.Person = strings.Repeat("å", 300)
	for _, tc := range []struct {
		name string
		s    model.Summary
	}{
		{"every field", full},
		{"zero", model.Summary{}},
		{"local time", local},
		{"utc", utc},
		{"long name", long},
	} {
		b, err := encode(tc.s)
		if err != nil {
			t.Fatal(err)
		}
		var got model.Summary
		if err := decode(b, &got); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !got.UpdatedAt.Equal(tc.s.UpdatedAt) || got.UpdatedAt.Format(time.RFC3339Nano) != tc.s.UpdatedAt.Format(time.RFC3339Nano) {
			t.Errorf("%s: time %v, want %v", tc.name, got.UpdatedAt, tc.s.UpdatedAt)
		}
		got.UpdatedAt, tc.s.UpdatedAt = time.Time{}, time.Time{}
		if !reflect.DeepEqual(got, tc.s) {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.s)
		}
	}
}

// Every truncation of a record, and every single-byte change, decodes to
// an error or a value, never a panic.
func TestSummaryCodecDamage(t *testing.T) {
	s := fullSummary()
	b := appendSummary(nil, &s)
	for n := range len(b) {
		var got model.Summary
		if err := decode(b[:n], &got); !errors.Is(err, ErrCorrupt) {
			t.Errorf("truncated to %d bytes: err = %v, want ErrCorrupt", n, err)
		}
	}
	for i := range b {
		for _, x := range []byte{0x00, 0x7f, 0x80, 0xff} {
			d := slices.Clone(b)
			d[i] = x
			var got model.Summary
			_ = decode(d, &got)
		}
	}
}

func FuzzDecodeSummary(f *testing.F) {
	s := fullSummary()
	f.Add(appendSummary(nil, &s))
	f.Add([]byte{summaryFormat})
	f.Add([]byte(`{"id":"x"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var got model.Summary
		if err := decode(b, &got); err == nil && b[0] == summaryFormat {
			// What decodes must encode back to a record that decodes the same.
			var again model.Summary
			if err := decode(appendSummary(nil, &got), &again); err != nil {
				t.Fatalf("re-decoding: %v", err)
			}
		}
	})
}

// Decoding errors say what could not be read, not what was in it.
func TestDecodeErrorsCarryNoContent(t *testing.T) {
	for _, b := range [][]byte{
		[]byte(`{"person":{"name":"Tolvan Tolvansson"`),
		[]byte(`{"person":{"name":Tolvan}}`),
		[]byte(`{"person":{"name":19121212}}`),
		[]byte(`Tolvan`),
		{},
	} {
		var p model.Plan
		err := decode(b, &p)
		if !errors.Is(err, ErrCorrupt) {
			t.Errorf("decode(%q): err = %v, want ErrCorrupt", b, err)
		}
		if err != nil && (strings.Contains(err.Error(), "Tolvan") || strings.Contains(err.Error(), "1912")) {
			t.Errorf("decode(%q): error %q quotes the record", b, err)
		}
	}
}

func TestEncodeIsJSONForAllButSummaries(t *testing.T) {
	for _, v := range []any{LargePlan(), EditorDraft{}, TrailEvent{}} {
		b, err := encode(v)
		if err != nil || len(b) == 0 || b[0] != '{' {
			t.Errorf("encode(%T) = %.10q, %v; want JSON", v, b, err)
		}
	}
}

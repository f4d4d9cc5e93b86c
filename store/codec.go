package store

import (
	"encoding/json"
	"fmt"

	"github.com/sipmote/sipmote/model"
)

// encode and decode are the one place where a value becomes the bytes kept
// on disk and back. Every bucket but meta goes through them, so that
// encryption at rest can later be added here and nowhere else: wrap the
// result of encode, unwrap before decode. The meta bucket stays plain so
// that a future version can read how (and whether) the rest is encrypted.
//
// The inner format is JSON, except for list summaries, which use a compact
// binary form (see summarycodec.go) because List decodes one per plan and
// JSON is too slow for a hundred thousand of them. The two are told apart
// by the first byte: JSON values here always start with '{'.
func encode(v any) ([]byte, error) {
	switch v := v.(type) {
	case model.Summary:
		return appendSummary(nil, &v), nil
	case *model.Summary:
		return appendSummary(nil, v), nil
	}
	return json.Marshal(v)
}

// decode is the inverse of encode. Its errors say what kind of record could
// not be read, never what was in it.
func decode(b []byte, v any) error {
	if len(b) == 0 {
		return fmt.Errorf("%w: empty record", ErrCorrupt)
	}
	if s, ok := v.(*model.Summary); ok && (b[0] == summaryFormat || b[0] == summaryFormat2 || b[0] == summaryFormat1) {
		return readSummary(b, s)
	}
	if b[0] != '{' {
		return fmt.Errorf("%w: unknown record format", ErrCorrupt)
	}
	if err := json.Unmarshal(b, v); err != nil {
		// The JSON error may quote a character of the record; leave it out.
		return fmt.Errorf("%w: record cannot be decoded as %T", ErrCorrupt, v)
	}
	if p, ok := v.(*model.Plan); ok {
		// Plans written by an older sipmote are read in today's shape.
		p.Upgrade()
	}
	return nil
}

package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/sipmote/sipmote/model"
)

// summaryFormat is the first byte of a compactly encoded model.Summary.
//
// The compact form exists for speed alone: List must show 100 000 plans in
// under 100 ms, and JSON needs some 3 µs per summary. The layout is
// positional, so when model.Summary gains or loses a field:
//
//  1. change appendSummary and readSummary (TestSummaryCodecCoversAllFields
//     fails until you do, and lists the fields in order),
//  2. bump summaryFormat, and
//  3. add a migration that calls rebuildSummaries, because every summary
//     is derived from its plan and can be made again.
//
// Format 2 (schema 3) added Dates. Format 3 (schema 5) puts first what
// the home screen's index needs (flags, id, name, masked personnummer,
// status) and adds the name's Swedish sort key (model.NameKey), so that
// the index is read without decoding the rest and without collating
// every name at every start (entry.go).
const summaryFormat byte = 0x03

// summaryFormat2 is the format before the index came first.
const summaryFormat2 byte = 0x02

// summaryFormat1 is the format before Dates; it is still read, so that a
// summary the migration could not rebuild (its plan damaged) still lists.
const summaryFormat1 byte = 0x01

const (
	flagHasDraft byte = 1 << iota
	flagConsentGone
)

// appendSummary appends the compact form of s to b, in summaryFormat.
func appendSummary(b []byte, s *model.Summary) []byte {
	b = append(b, summaryFormat)
	var flags byte
	if s.HasDraft {
		flags |= flagHasDraft
	}
	if s.ConsentGone {
		flags |= flagConsentGone
	}
	b = append(b, flags)
	for _, str := range [...]string{s.ID, s.Person, s.PNRMasked, string(s.Status)} {
		b = appendString(b, str)
	}
	b = appendBytes(b, model.NameKey(s.Person))
	for _, str := range [...]string{string(s.Variant), s.MeetingDate, s.NextFollowUp, s.ConsentUntil} {
		b = appendString(b, str)
	}
	b = binary.AppendVarint(b, int64(s.Version))
	b = binary.AppendUvarint(b, uint64(len(s.Ticks)))
	for _, t := range s.Ticks {
		b = appendString(b, t)
	}
	b = binary.AppendUvarint(b, uint64(len(s.Dates)))
	for _, d := range s.Dates {
		b = appendString(b, d.Kind)
		b = appendString(b, d.Date)
		b = appendString(b, d.What)
		b = binary.AppendUvarint(b, uint64(max(d.Open, 0)))
	}
	// AppendBinary keeps the instant and the zone offset; it fails only for
	// offsets that are not whole minutes or years outside int16, which a
	// clock never gives. Fall back to UTC rather than lose the record.
	if tb, err := s.UpdatedAt.AppendBinary(nil); err == nil {
		b = appendBytes(b, tb)
	} else {
		tb, _ = s.UpdatedAt.UTC().AppendBinary(nil)
		b = appendBytes(b, tb)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendBytes(b, p []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(p)))
	return append(b, p...)
}

var errShortSummary = fmt.Errorf("%w: summary record is truncated", ErrCorrupt)

// readSummary decodes the compact form, in any format this code knows.
// It checks every length against the record, so a damaged record gives
// ErrCorrupt, never a panic.
func readSummary(b []byte, s *model.Summary) error {
	if len(b) == 0 || b[0] != summaryFormat && b[0] != summaryFormat2 && b[0] != summaryFormat1 {
		return fmt.Errorf("%w: unknown summary format", ErrCorrupt)
	}
	// One string for the whole record, which the fields then slice: one
	// allocation instead of one per field, and a copy out of the mmap,
	// which is only valid inside the transaction.
	r := summaryReader{all: string(b[1:])}
	var strs [8]string // id, person, pnr, status, variant, meeting, follow-up, consent
	var flags byte
	var version int64
	if b[0] == summaryFormat {
		flags = r.byte()
		for i := range 4 {
			strs[i] = r.string()
		}
		_ = r.string() // the name's sort key, made again from the name when saved
		for i := 4; i < 8; i++ {
			strs[i] = r.string()
		}
		version = r.varint()
	} else {
		for i := range strs {
			strs[i] = r.string()
		}
		version = r.varint()
		flags = r.byte()
	}
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.all)) {
		return errShortSummary
	}
	var ticks []string
	if n > 0 {
		ticks = make([]string, n)
		for i := range ticks {
			ticks[i] = r.string()
		}
	}
	var nd uint64
	if b[0] != summaryFormat1 {
		nd = r.uvarint()
	}
	if r.err != nil || nd > uint64(len(r.all)) {
		return errShortSummary
	}
	var dates []model.DueDate
	if nd > 0 {
		dates = make([]model.DueDate, nd)
		for i := range dates {
			dates[i] = model.DueDate{Kind: r.string(), Date: r.string(), What: r.string(), Open: int(min(r.uvarint(), 1<<20))}
		}
	}
	tb := r.string()
	if r.err != nil {
		return errShortSummary
	}
	var at time.Time
	if err := at.UnmarshalBinary([]byte(tb)); err != nil {
		return fmt.Errorf("%w: summary time cannot be decoded", ErrCorrupt)
	}
	*s = model.Summary{
		ID:           strs[0],
		Person:       strs[1],
		PNRMasked:    strs[2],
		Status:       model.Status(strs[3]),
		Variant:      model.AgeGroup(strs[4]),
		MeetingDate:  strs[5],
		NextFollowUp: strs[6],
		ConsentUntil: strs[7],
		Version:      int(version),
		HasDraft:     flags&flagHasDraft != 0,
		ConsentGone:  flags&flagConsentGone != 0,
		Ticks:        ticks,
		Dates:        dates,
		UpdatedAt:    at,
	}
	return nil
}

// summaryReader reads the fields of a compact summary in turn. The first
// failure sticks in err and makes every later read return a zero value.
type summaryReader struct {
	all string
	off int
	err error
}

var errSummaryBounds = errors.New("out of bounds")

func (r *summaryReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	var x uint64
	var shift uint
	for i := 0; ; i++ {
		if r.off >= len(r.all) || i == binary.MaxVarintLen64 {
			r.err = errSummaryBounds
			return 0
		}
		c := r.all[r.off]
		r.off++
		if c < 0x80 {
			return x | uint64(c)<<shift
		}
		x |= uint64(c&0x7f) << shift
		shift += 7
	}
}

func (r *summaryReader) varint() int64 {
	u := r.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

func (r *summaryReader) byte() byte {
	if r.err != nil {
		return 0
	}
	if r.off >= len(r.all) {
		r.err = errSummaryBounds
		return 0
	}
	c := r.all[r.off]
	r.off++
	return c
}

func (r *summaryReader) string() string {
	n := r.uvarint()
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.all)-r.off) {
		r.err = errSummaryBounds
		return ""
	}
	s := r.all[r.off : r.off+int(n)]
	r.off += int(n)
	return s
}

// Package termsafe removes from text everything a terminal would act on
// rather than show: control characters (C0 and C1, except newline and tab)
// and escape sequences (CSI, OSC with its window titles, clipboard writes
// and hyperlinks, DCS, SOS, PM, APC and the short ESC sequences).
//
// Plans hold text that came from outside: typed names, imported files,
// local checklists. Printed raw, a name holding "ESC ] 0 ; … BEL" retitles
// the user's terminal, "ESC [ 2 J" clears it and OSC 52 writes to the
// clipboard. Every command that prints stored or file text goes through
// this one package, either as a Writer around its output or with String.
//
// A sequence is dropped whole, from its introducer to its terminator. A
// sequence left open ends at the next newline: dropping the introducer is
// what makes it harmless, and swallowing the rest of the output would hide
// lines that are not part of it. Bytes that are not valid UTF-8 are
// dropped, since a terminal in an 8-bit mode reads 0x9B as CSI.
//
// The invisible format controls that reorder or hide text (the bidi
// embeddings, overrides and isolates U+202A–202E and U+2066–2069, the
// marks U+200E, U+200F and U+061C) are dropped too: a name holding U+202E
// shows its letters backwards, so "Anna" can be made to read as any other
// name on a list. They change no width, so dropping them never moves a
// column. Stored text keeps them (a right-to-left name may need a mark);
// only what reaches a terminal loses them. Controls keeps the stored form's
// rule: it drops what a terminal acts on and leaves the format controls.
package termsafe

import (
	"io"
	"strings"
	"unicode/utf8"
)

// String returns s without control characters and escape sequences.
// Newlines and tabs are kept.
func String(s string) string {
	if clean(s, false) {
		return s
	}
	var f filter
	var b strings.Builder
	b.Grow(len(s))
	f.run([]byte(s), &b)
	return b.String()
}

// Controls returns s without control characters and escape sequences but
// with its format controls, for text that is stored rather than shown
// (see the package comment).
func Controls(s string) string {
	if clean(s, true) {
		return s
	}
	f := filter{keepFormat: true}
	var b strings.Builder
	b.Grow(len(s))
	f.run([]byte(s), &b)
	return b.String()
}

// DropFormat returns s without its format controls and nothing else
// changed, for a screen already laid out with its own escape sequences
// (a Bubble Tea view). The controls have no width, so no column moves.
func DropFormat(s string) string {
	if !strings.ContainsFunc(s, IsFormat) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if IsFormat(r) {
			return -1
		}
		return r
	}, s)
}

// IsFormat reports whether r is an invisible format control that can
// reorder or hide the text around it on a terminal.
func IsFormat(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return r == 0x200e || r == 0x200f || r == 0x061c
}

// clean reports whether s has nothing to remove, so the common case costs
// one scan and no allocation.
func clean(s string, keepFormat bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			return false
		}
		if c >= 0x80 {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n <= 1 || r >= 0x80 && r <= 0x9f || !keepFormat && IsFormat(r) {
				return false
			}
			i += n - 1
		}
	}
	return true
}

// Writer returns a writer that passes what is written to w without control
// characters and escape sequences. It keeps its state between writes, so a
// sequence split over two writes is still removed whole. Write reports the
// length of its input as written when w took all of the cleaned bytes.
func Writer(w io.Writer) io.Writer { return &writer{w: w} }

type writer struct {
	w   io.Writer
	f   filter
	buf []byte
}

func (w *writer) Write(p []byte) (int, error) {
	var b bytesBuf
	b.b = w.buf[:0]
	w.f.run(p, &b)
	w.buf = b.b
	if len(b.b) == 0 {
		return len(p), nil
	}
	if _, err := w.w.Write(b.b); err != nil {
		return 0, err
	}
	return len(p), nil
}

type bytesBuf struct{ b []byte }

func (b *bytesBuf) WriteByte(c byte) error { b.b = append(b.b, c); return nil }
func (b *bytesBuf) Write(p []byte) (int, error) {
	b.b = append(b.b, p...)
	return len(p), nil
}

// state is where the filter is inside a sequence.
type state uint8

const (
	ground   state = iota
	escape         // after ESC
	escInter       // ESC followed by intermediate bytes
	csi            // inside a control sequence
	str            // inside OSC, DCS, SOS, PM or APC, until BEL or ST
	strEsc         // ESC inside a string: ST if followed by '\'
)

// filter is the state machine, shared by String and Writer. pend holds the
// start of a UTF-8 character split between two writes.
type filter struct {
	st   state
	pend []byte
	// keepFormat leaves the format controls in (Controls).
	keepFormat bool
}

type sink interface {
	io.Writer
	WriteByte(byte) error
}

func (f *filter) run(p []byte, out sink) {
	if len(f.pend) > 0 {
		p = append(f.pend, p...)
		f.pend = nil
	}
	for i := 0; i < len(p); {
		c := p[i]
		if c < 0x80 {
			f.ascii(c, out)
			i++
			continue
		}
		r, n := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && n <= 1 {
			if !utf8.FullRune(p[i:]) {
				// Perhaps the rest comes in the next write.
				f.pend = append([]byte(nil), p[i:]...)
				return
			}
			i++ // invalid byte: dropped
			continue
		}
		f.nonASCII(r, p[i:i+n], out)
		i += n
	}
}

// Flush is not needed: an unfinished character at the end is invalid text
// and dropped by design.

func (f *filter) ascii(c byte, out sink) {
	if c == '\n' {
		// Whatever was open ends here (see the package comment).
		f.st = ground
		out.WriteByte(c)
		return
	}
	switch f.st {
	case ground:
		switch {
		case c == 0x1b:
			f.st = escape
		case c == '\t' || c >= 0x20 && c < 0x7f:
			out.WriteByte(c)
		}
	case escape:
		switch {
		case c == '[':
			f.st = csi
		case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
			f.st = str
		case c == 0x1b:
			// ESC ESC: the second starts again.
		case c >= 0x20 && c <= 0x2f:
			f.st = escInter
		case c >= 0x30 && c <= 0x7e:
			f.st = ground // a two-character sequence such as ESC c
		default:
			f.st = ground // a control: dropped with the ESC
		}
	case escInter:
		switch {
		case c >= 0x30 && c <= 0x7e:
			f.st = ground
		case c == 0x1b:
			f.st = escape
		case c < 0x20 || c == 0x7f:
			f.st = ground
		}
	case csi:
		switch {
		case c >= 0x40 && c <= 0x7e:
			f.st = ground
		case c == 0x1b:
			f.st = escape
		}
	case str:
		switch c {
		case 0x07:
			f.st = ground
		case 0x1b:
			f.st = strEsc
		}
	case strEsc:
		switch c {
		case '\\':
			f.st = ground
		case 0x1b:
		default:
			f.st = str
		}
	}
}

func (f *filter) nonASCII(r rune, enc []byte, out sink) {
	if r >= 0x80 && r <= 0x9f {
		// C1 controls, in their UTF-8 form.
		switch r {
		case 0x9b: // CSI
			f.st = csi
		case 0x9d, 0x90, 0x98, 0x9e, 0x9f: // OSC, DCS, SOS, PM, APC
			f.st = str
		case 0x9c: // ST
			if f.st == str || f.st == strEsc {
				f.st = ground
			}
		}
		return
	}
	if IsFormat(r) && !f.keepFormat {
		if f.st != str && f.st != strEsc {
			f.st = ground
		}
		return
	}
	switch f.st {
	case ground:
		out.Write(enc)
	case escape, escInter, csi:
		// Not part of any sequence: the sequence was broken; drop it and
		// keep the text.
		f.st = ground
		out.Write(enc)
	}
	// Inside a string everything up to its end is dropped.
}

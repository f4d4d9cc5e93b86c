package share

import (
	"crypto/rand"
	"crypto/subtle"
	"strings"
)

// codeAlphabet leaves out letters and digits that are easily mixed up when
// read off a screen across a room (0/o, 1/l/i).
const codeAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

// newCode makes a one-time code: eight letters and digits, shown as two
// groups of four. 31^8 codes and the limiter below make guessing hopeless.
func newCode() string {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	for i := range b {
		b[i] = codeAlphabet[int(b[i])%len(codeAlphabet)]
	}
	return string(b[:4]) + "-" + string(b[4:])
}

// codes are a share's one-time codes, one for each role. Each role has its
// own so that whoever sets up the projector, and so learns the room's code,
// cannot open the chair's view, which shows what is not to be raised.
type codes map[Role]string

// newCodes makes a code for every role, no two alike.
func newCodes() codes {
	c := codes{}
	seen := map[string]bool{}
	for _, r := range Roles {
		code := newCode()
		for seen[normCode(code)] {
			code = newCode()
		}
		seen[normCode(code)] = true
		c[r] = code
	}
	return c
}

// admits tells whether typed is the code of the role named by user. It is
// compared with that role's code only, in constant time, so a code for
// another role is as wrong as any guess and takes as long to refuse.
func (c codes) admits(user, typed string) bool {
	code, ok := c[Role(user)]
	return ok && codeMatches(code, typed)
}

// maxCodeLen is the longest answer read as a code: a code with spaces
// and dashes typed between every letter still fits.
const maxCodeLen = 64

// normCode is a code as typed: case, spaces and dashes do not matter.
func normCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r != '-' && r != ' ' && r != '\t' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// codeMatches compares in constant time, so the time taken says nothing
// about how much of a guess was right.
func codeMatches(code, typed string) bool {
	if len(typed) > maxCodeLen {
		return false // a paste of a whole page is no code; not worth reading
	}
	a, b := []byte(normCode(code)), []byte(normCode(typed))
	return len(a) > 0 && subtle.ConstantTimeCompare(a, b) == 1
}

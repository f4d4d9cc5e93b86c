package share

import (
	"crypto/rand"
	"crypto/subtle"
	"strings"
	"sync"
	"time"
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
	a, b := []byte(normCode(code)), []byte(normCode(typed))
	return len(a) > 0 && subtle.ConstantTimeCompare(a, b) == 1
}

// limiter slows guessing down: an address that gave a wrong code three
// times in a row waits, twice as long after each further miss (up to five
// minutes); and when many wrong codes come from anywhere within a minute,
// everyone waits out the minute. While an address waits even the right
// code is refused, so that waiting cannot be told from a miss.
type limiter struct {
	mu     sync.Mutex
	now    func() time.Time
	byAddr map[string]*misses
	recent []time.Time
}

type misses struct {
	n     int
	until time.Time
}

const (
	freeMisses   = 3
	maxWait      = 5 * time.Minute
	globalMisses = 20
)

func newLimiter(now func() time.Time) *limiter {
	return &limiter{now: now, byAddr: map[string]*misses{}}
}

// allow tells whether an attempt from addr may be checked now.
func (l *limiter) allow(addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.now()
	l.prune(t)
	if len(l.recent) >= globalMisses {
		return false
	}
	m := l.byAddr[addr]
	return m == nil || !t.Before(m.until)
}

// fail records a wrong code from addr.
func (l *limiter) fail(addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.now()
	l.recent = append(l.recent, t)
	m := l.byAddr[addr]
	if m == nil {
		m = &misses{}
		l.byAddr[addr] = m
	}
	m.n++
	if m.n >= freeMisses {
		wait := time.Second << min(m.n-freeMisses, 20)
		m.until = t.Add(min(wait, maxWait))
	}
}

// pass forgets the misses of an address that gave the right code.
func (l *limiter) pass(addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.byAddr, addr)
}

func (l *limiter) prune(t time.Time) {
	i := 0
	for i < len(l.recent) && t.Sub(l.recent[i]) > time.Minute {
		i++
	}
	l.recent = l.recent[i:]
}

package share

import (
	"sync"
	"time"
)

// limiter slows guessing down without ever locking out the right code of
// a role that was not guessed at.
//
// Misses are counted per address and per role: three wrong codes for the
// chair from one address make that address wait before its next try at
// the chair's code (one second, then twice as long after each further
// miss), while its tries at the room's code, and everyone else's, go on
// as before. A try that must wait is held, not refused: the code is
// checked when the wait is over, so a person who mistyped gets in with
// the right code, only later. Only when one address has piled up more
// than maxWait of tries at one role are its further tries refused
// unchecked.
//
// Many misses for a role from anywhere within a minute (a flood from many
// addresses) hold every try at that role for a short while (floodDelay):
// it slows guessing down and never refuses the right code.
type limiter struct {
	mu     sync.Mutex
	now    func() time.Time
	byKey  map[missKey]*misses
	recent map[Role][]time.Time
}

type missKey struct {
	addr string
	role Role
}

type misses struct {
	n    int       // wrong codes in a row
	next time.Time // when the next try may be checked
	last time.Time
}

const (
	freeMisses  = 3
	maxWait     = 30 * time.Second
	floodMisses = 20
	floodDelay  = time.Second
	// maxKeys bounds the memory a flood from many addresses can take:
	// beyond it, the oldest quiet entries are forgotten.
	maxKeys = 4096
)

func newLimiter(now func() time.Time) *limiter {
	return &limiter{now: now, byKey: map[missKey]*misses{}, recent: map[Role][]time.Time{}}
}

// wait tells how long a try at role from addr must be held before its code
// is checked; ok is false when the address has so many tries queued that
// this one is refused unchecked. A held try takes its place in the queue,
// so tries made at once from one address are checked one wait apart.
func (l *limiter) wait(addr string, role Role) (d time.Duration, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.now()
	l.prune(t)
	if m := l.byKey[missKey{addr, role}]; m != nil && m.n >= freeMisses {
		start := m.next
		if start.Before(t) {
			start = t
		}
		d = start.Sub(t)
		if d > maxWait {
			return d, false
		}
		m.next = start.Add(step(m.n))
	}
	if len(l.recent[role]) >= floodMisses && d < floodDelay {
		d = floodDelay
	}
	return d, true
}

// step is the wait after the n-th miss in a row: one second after the
// third, doubling, at most maxWait.
func step(n int) time.Duration {
	if n < freeMisses {
		return 0
	}
	return min(time.Second<<min(n-freeMisses, 16), maxWait)
}

// fail records a wrong code for role from addr and tells how many wrong
// codes in a row that address has given for that role.
func (l *limiter) fail(addr string, role Role) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.now()
	l.recent[role] = append(l.recent[role], t)
	k := missKey{addr, role}
	m := l.byKey[k]
	if m == nil {
		if len(l.byKey) >= maxKeys {
			l.forgetOldest()
		}
		m = &misses{}
		l.byKey[k] = m
	}
	m.n++
	m.last = t
	if m.n >= freeMisses && m.next.Before(t.Add(step(m.n))) {
		m.next = t.Add(step(m.n))
	}
	return m.n
}

// pass forgets the misses of an address at a role whose code it gave
// right; its misses at the other role stay.
func (l *limiter) pass(addr string, role Role) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.byKey, missKey{addr, role})
}

// prune forgets the flood count's misses older than a minute, and the
// entries of addresses quiet for longer than the longest wait.
func (l *limiter) prune(t time.Time) {
	for r, times := range l.recent {
		i := 0
		for i < len(times) && t.Sub(times[i]) > time.Minute {
			i++
		}
		l.recent[r] = times[i:]
	}
	for k, m := range l.byKey {
		if t.Sub(m.last) > 10*time.Minute && !t.Before(m.next) {
			delete(l.byKey, k)
		}
	}
}

func (l *limiter) forgetOldest() {
	var oldest missKey
	var at time.Time
	first := true
	for k, m := range l.byKey {
		if first || m.last.Before(at) {
			oldest, at, first = k, m.last, false
		}
	}
	delete(l.byKey, oldest)
}

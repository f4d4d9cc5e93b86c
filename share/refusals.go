package share

import (
	"sort"
	"sync"
	"time"
)

// Refusal is a run of wrong codes from one address for one role: what the
// share screen and the trail show. It never holds what was typed.
type Refusal struct {
	Addr string
	// Role is the door knocked at; "" for a user name that is no role.
	Role  Role
	Count int
	Last  time.Time
}

// refusals keeps the wrong codes for the share screen, and hands them to
// the trail: the first from an address for a role at once, the ones after
// it gathered into one event at most every trailEvery, and at most
// trailPerMinute events a minute as they come, so that a flood cannot fill
// the file. What is held back goes to the trail trailEvery later, or when
// sharing stops.
type refusals struct {
	mu      sync.Mutex
	byKey   map[missKey]*Refusal
	pending map[missKey]int
	logged  map[missKey]time.Time
	recent  []time.Time
}

const (
	trailEvery     = 2 * time.Second
	trailPerMinute = 60
	// maxShown bounds the addresses listed; the rest are counted under
	// the address "".
	maxShown = 256
)

func newRefusals() *refusals {
	return &refusals{byKey: map[missKey]*Refusal{}, pending: map[missKey]int{}, logged: map[missKey]time.Time{}}
}

// add counts a refused try and gives what is due in the trail now.
func (r *refusals) add(addr string, role Role, t time.Time) []Refusal {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := missKey{addr, role}
	if _, ok := r.byKey[k]; !ok && len(r.byKey) >= maxShown {
		k = missKey{"", role}
	}
	e := r.byKey[k]
	if e == nil {
		e = &Refusal{Addr: k.addr, Role: role}
		r.byKey[k] = e
	}
	e.Count++
	e.Last = t
	r.pending[k]++
	i := 0
	for i < len(r.recent) && t.Sub(r.recent[i]) > time.Minute {
		i++
	}
	r.recent = r.recent[i:]
	if last, ok := r.logged[k]; (ok && t.Sub(last) < trailEvery) || len(r.recent) >= trailPerMinute {
		return nil
	}
	r.logged[k] = t
	r.recent = append(r.recent, t)
	out := []Refusal{{Addr: k.addr, Role: role, Count: r.pending[k], Last: t}}
	delete(r.pending, k)
	return out
}

// flush gives what is held back from the trail, at most n runs of it (all
// of it for n <= 0), and whether some is still held.
func (r *refusals) flush(t time.Time, n int) ([]Refusal, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Refusal
	for k, c := range r.pending {
		if n > 0 && len(out) >= n {
			break
		}
		out = append(out, Refusal{Addr: k.addr, Role: k.role, Count: c, Last: t})
		r.logged[k] = t
		delete(r.pending, k)
	}
	sortRefusals(out)
	return out, len(r.pending) > 0
}

// held tells whether some refused tries wait for the trail.
func (r *refusals) held() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.pending) > 0
}

// list is every address's refused tries, the latest first.
func (r *refusals) list() []Refusal {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Refusal, 0, len(r.byKey))
	for _, e := range r.byKey {
		out = append(out, *e)
	}
	sortRefusals(out)
	return out
}

func sortRefusals(rs []Refusal) {
	sort.Slice(rs, func(i, j int) bool {
		if !rs[i].Last.Equal(rs[j].Last) {
			return rs[i].Last.After(rs[j].Last)
		}
		if rs[i].Addr != rs[j].Addr {
			return rs[i].Addr < rs[j].Addr
		}
		return rs[i].Role < rs[j].Role
	})
}

package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sipmote/sipmote/store"
)

// Holds: a plan open in a meeting belongs to the program that opened it.
// The program's hold is a row in sipmote_holds with an expiry a little way
// ahead, renewed every renewEvery while the meeting is open. Another
// program asking for the plan gets a *store.HeldError naming who holds it
// and since when; a program that dies (kill -9, a lost laptop) stops
// renewing, and its plans are free again within holdFor.
//
// Rows rather than advisory locks on a held connection: a row says who
// holds the plan and since when, which a lock does not, and it survives a
// connection dropped for a moment by a wobbly network.
var (
	holdFor    = 20 * time.Second
	renewEvery = 5 * time.Second
	// askFor bounds the question "who has this plan?": the answer comes
	// within it, or the server is reported unreachable.
	askFor = 2 * time.Second
)

type holds struct {
	d      *DB
	holder string // random for this program run
	who    string // the account and host, for the message to others

	mu   sync.Mutex
	held map[string]*hold
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

type hold struct {
	hs       *holds
	plan     string
	refs     int
	lost     chan struct{}
	lostOnce sync.Once
	released bool
}

func (h *hold) markLost() { h.lostOnce.Do(func() { close(h.lost) }) }

func (hs *holds) init(d *DB) {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	host, _ := os.Hostname()
	if host == "" {
		host = "?"
	}
	hs.d, hs.holder, hs.who = d, hex.EncodeToString(b), store.CurrentOSUser()+"@"+host
	hs.held = map[string]*hold{}
	hs.stop, hs.done = make(chan struct{}), make(chan struct{})
	go hs.renew()
}

// Hold takes plan id for this program. Several holds of one plan within
// the program share the row; each is released on its own.
func (d *DB) Hold(id string) (store.Hold, error) {
	hs := &d.holds
	hs.mu.Lock()
	if h, ok := hs.held[id]; ok {
		h.refs++
		hs.mu.Unlock()
		return &holdRef{h: h}, nil
	}
	hs.mu.Unlock()
	if err := d.stillDown("hold"); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), askFor)
	defer cancel()
	var got string
	err := d.pool.QueryRow(ctx, `INSERT INTO sipmote_holds (plan, holder, who, since, expires)
		VALUES ($1, $2, $3, now(), now() + make_interval(secs => $4))
		ON CONFLICT (plan) DO UPDATE SET holder = excluded.holder, who = excluded.who,
			since = excluded.since, expires = excluded.expires
		WHERE sipmote_holds.expires < now()
		RETURNING holder`, id, hs.holder, hs.who, holdFor.Seconds()).Scan(&got)
	if errors.Is(err, pgx.ErrNoRows) {
		var he store.HeldError
		err = d.pool.QueryRow(ctx, `SELECT who, since FROM sipmote_holds WHERE plan = $1`, id).Scan(&he.Owner, &he.Since)
		if err == nil {
			return nil, fmt.Errorf("store: plan %s: %w", id, &he)
		}
		if errors.Is(err, pgx.ErrNoRows) {
			// Let go between the two questions: ask again.
			return d.Hold(id)
		}
	}
	if err != nil {
		return nil, d.wrap("hold", err)
	}
	hs.mu.Lock()
	defer hs.mu.Unlock()
	h := &hold{hs: hs, plan: id, refs: 1, lost: make(chan struct{})}
	if old, ok := hs.held[id]; ok {
		// Taken twice at once by this program: share the first.
		old.refs++
		h = old
	} else {
		hs.held[id] = h
	}
	return &holdRef{h: h}, nil
}

// holdRef is one Hold of a shared row.
type holdRef struct {
	h    *hold
	once sync.Once
}

func (r *holdRef) Release()              { r.once.Do(r.h.releaseOne) }
func (r *holdRef) Lost() <-chan struct{} { return r.h.lost }

func (h *hold) releaseOne() {
	hs := h.hs
	hs.mu.Lock()
	h.refs--
	last := h.refs <= 0 && !h.released
	if last {
		h.released = true
		delete(hs.held, h.plan)
	}
	hs.mu.Unlock()
	if last {
		hs.letGo(`DELETE FROM sipmote_holds WHERE plan = $1 AND holder = $2`, h.plan, hs.holder)
	}
}

// letGo deletes hold rows. With the server unreachable it does not wait:
// the rows run out on their own within holdFor.
func (hs *holds) letGo(q string, args ...any) {
	if hs.d.stillDown("release") != nil {
		return
	}
	ctx, cancel := op()
	defer cancel()
	if _, err := hs.d.pool.Exec(ctx, q, args...); err != nil {
		_ = hs.d.wrap("release", err)
	}
}

// renew pushes every held plan's expiry ahead until releaseAll. A plan
// whose row is no longer ours (the server lost touch with us for longer
// than holdFor and another program took it) is marked lost.
func (hs *holds) renew() {
	defer close(hs.done)
	t := time.NewTicker(renewEvery)
	defer t.Stop()
	for {
		select {
		case <-hs.stop:
			return
		case <-t.C:
		}
		hs.mu.Lock()
		plans := make([]string, 0, len(hs.held))
		for p := range hs.held {
			plans = append(plans, p)
		}
		hs.mu.Unlock()
		if len(plans) == 0 {
			continue
		}
		ctx, cancel := op()
		rows, err := hs.d.pool.Query(ctx, `UPDATE sipmote_holds SET expires = now() + make_interval(secs => $3)
			WHERE holder = $1 AND plan = ANY($2) RETURNING plan`, hs.holder, plans, holdFor.Seconds())
		kept := map[string]bool{}
		if err == nil {
			var p string
			_, err = pgx.ForEachRow(rows, []any{&p}, func() error { kept[p] = true; return nil })
		}
		cancel()
		if err != nil {
			continue // unreachable for now: try again at the next tick
		}
		hs.mu.Lock()
		for _, p := range plans {
			if h, ok := hs.held[p]; ok && !kept[p] {
				h.markLost()
			}
		}
		hs.mu.Unlock()
	}
}

// releaseAll stops renewing and lets go of every plan held.
func (hs *holds) releaseAll() {
	hs.once.Do(func() {
		close(hs.stop)
		<-hs.done
		hs.mu.Lock()
		n := len(hs.held)
		clear(hs.held)
		hs.mu.Unlock()
		if n > 0 {
			hs.letGo(`DELETE FROM sipmote_holds WHERE holder = $1`, hs.holder)
		}
	})
}

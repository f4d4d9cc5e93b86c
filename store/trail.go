package store

import (
	"encoding/binary"
	"fmt"
	"os"
	"os/user"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The kinds of TrailEvent. Log accepts only these.
const (
	TrailCreated   = "created"
	TrailImported  = "imported"
	TrailOpened    = "opened"
	TrailChanged   = "changed"
	TrailFinalised = "finalised"
	TrailPrinted   = "printed"
	TrailExported  = "exported"
	TrailClosed    = "closed"
	// TrailJoined and TrailLeft are a screen that joined or left a shared
	// meeting over SSH, with its role and network address.
	TrailJoined = "joined"
	TrailLeft   = "left"
)

// TrailEvent is one entry in a plan's access trail: who did what to it,
// and when. It never holds content of the plan: the trail is there to
// show who has seen and changed sensitive data, not to be a second copy.
type TrailEvent struct {
	At time.Time `json:"at"`
	// Kind is one of the Trail* constants.
	Kind string `json:"kind"`
	// Section names the part of the plan changed, for TrailChanged: an
	// identifier such as a step or field id, never the text typed.
	Section string `json:"section,omitempty"`
	// OSUser is the account sipmote ran under.
	OSUser string `json:"os_user,omitempty"`
	// Secretary is the name the secretary gave, if any.
	Secretary string `json:"secretary,omitempty"`
	// Role and Address say, for TrailJoined and TrailLeft, which view was
	// shared (chair, room) and to which network address.
	Role    string `json:"role,omitempty"`
	Address string `json:"address,omitempty"`
}

func knownKind(k string) bool {
	switch k {
	case TrailCreated, TrailImported, TrailOpened, TrailChanged,
		TrailFinalised, TrailPrinted, TrailExported, TrailClosed,
		TrailJoined, TrailLeft:
		return true
	}
	return false
}

// Log appends e to the trail of plan planID. A zero e.At is set to now and
// an empty e.OSUser to CurrentOSUser(). The trail can only grow: the store
// has no way to change or remove an entry.
func (d *DB) Log(planID string, e TrailEvent) error {
	if planID == "" {
		return fmt.Errorf("store: log: %w", ErrNoID)
	}
	if !knownKind(e.Kind) {
		return fmt.Errorf("store: log: %w", ErrBadEvent)
	}
	if e.At.IsZero() {
		e.At = time.Now()
	}
	if e.OSUser == "" {
		e.OSUser = CurrentOSUser()
	}
	v, err := encode(e)
	if err != nil {
		return fmt.Errorf("store: encoding trail event: %w", err)
	}
	return d.update(func(tx *bolt.Tx) error {
		b, err := bucket(tx, bucketTrail).CreateBucketIfNotExists([]byte(planID))
		if err != nil {
			return err
		}
		// NextSequence never repeats within the bucket, and big-endian
		// keys sort as numbers, so the order of the trail is the order of
		// logging whatever the clock says.
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		return b.Put(binary.BigEndian.AppendUint64(nil, seq), v)
	})
}

// Trail returns the trail of plan planID, oldest first. A plan with no
// trail gives none, and no error.
func (d *DB) Trail(planID string) ([]TrailEvent, error) {
	var out []TrailEvent
	err := d.view(func(tx *bolt.Tx) error {
		b := bucket(tx, bucketTrail).Bucket([]byte(planID))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var e TrailEvent
			if err := decode(v, &e); err != nil {
				return fmt.Errorf("store: trail %s: %w", planID, err)
			}
			out = append(out, e)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CurrentOSUser is the name of the account sipmote runs under, for the
// trail: the user database's answer, else $USER or $USERNAME, else
// "unknown".
func CurrentOSUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, env := range []string{"USER", "USERNAME"} {
		if v := os.Getenv(env); v != "" {
			return v
		}
	}
	return "unknown"
}

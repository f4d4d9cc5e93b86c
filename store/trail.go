package store

import (
	"encoding/binary"
	"fmt"
	"os"
	"os/user"
	"strings"
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
	// TrailViewed is a read that showed the plan's content: Section says
	// where (diff, due, trail, preview).
	TrailViewed = "viewed"
	// TrailListed is a read of the list of plans, a file-level event:
	// Count says how many plans were shown.
	TrailListed = "listed"
	// TrailRescued and TrailEncrypted are file-level events of the file
	// made by sipmote rescue and sipmote encrypt.
	TrailRescued   = "rescued"
	TrailEncrypted = "encrypted"
	// TrailUpgraded is the file-level event of a schema migration.
	TrailUpgraded = "upgraded"
	// TrailJoined and TrailLeft are a device that joined or left a shared
	// meeting over SSH: Section says which view (chair, room), From its
	// network address.
	TrailJoined = "joined"
	TrailLeft   = "left"
	// TrailRefused is wrong codes given by a device trying to join a
	// shared meeting: Section says at which view ("user" for a user name
	// that is none), From the address, Count how many; never the codes.
	TrailRefused = "refused"
	// TrailRecovery is the plan going to or coming back from a recovery
	// file, when the database could not take it: Section says which
	// (written, restored, discarded).
	TrailRecovery = "recovery"
	// TrailSealed is the plan written as a sealed file for others: Key is
	// the signing key's fingerprint, To the recipients' keys.
	TrailSealed = "sealed"
	// TrailBackup and TrailRestored are file-level events: an encrypted
	// backup of the whole file taken (To its keys), and the file made by
	// sipmote restore.
	TrailBackup   = "backup"
	TrailRestored = "restored"
	// TrailDeleted is a draft plan removed (DeletePlan): its record is
	// gone, its trail stays with this event last; the file's own trail
	// gets one too, whose Section is the plan's id.
	TrailDeleted = "deleted"
)

// TrailEvent is one entry in an access trail: who did what, when and from
// where. It never holds content of the plan: the trail is there to show
// who has seen and changed sensitive data, not to be a second copy.
//
// Each event carries the hash of the one before it in its plan's trail
// (Prev) and of the one before it in the whole file (FilePrev), so that an
// event changed, removed or slipped in afterwards shows as a break in a
// chain (see Check). The store fills in Plan, Seq, FileSeq, Prev and
// FilePrev; whatever the caller puts there is replaced.
type TrailEvent struct {
	At time.Time `json:"at"`
	// Kind is one of the Trail* constants.
	Kind string `json:"kind"`
	// Section names the part of the plan changed, for TrailChanged, or
	// where it was shown, for TrailViewed: an identifier, never text typed.
	Section string `json:"section,omitempty"`
	// Count is how many plans a file-level read showed.
	Count int `json:"count,omitempty"`
	// OSUser is the account sipmote ran under.
	OSUser string `json:"os_user,omitempty"`
	// Secretary is the name the secretary gave, if any.
	Secretary string `json:"secretary,omitempty"`
	// From is where the program ran: the host, and the address of an SSH
	// client when there is one.
	From string `json:"from,omitempty"`
	// Key is the fingerprint (SHA256:…) of the SSH key that signed a
	// sealed plan, for TrailSealed and for a plan imported from one.
	Key string `json:"key,omitempty"`
	// To are the keys a plan or a backup was sealed for, by fingerprint.
	To []string `json:"to,omitempty"`
	// Carried marks an event of the sender's trail that came with a
	// sealed plan: it happened on another computer, before the import.
	Carried bool `json:"carried,omitempty"`

	// Record is the SHA-256 of the plan's record as written together with
	// this event, and RecordAt the plan's UpdatedAt in it: so that a
	// plan's older record put back in place of a newer one is found by
	// check (the store fills both in; see StampRecord).
	Record   string    `json:"record,omitempty"`
	RecordAt time.Time `json:"record_at,omitzero"`

	Plan     string `json:"plan,omitempty"`
	Seq      uint64 `json:"seq"`
	FileSeq  uint64 `json:"file_seq"`
	Prev     string `json:"prev,omitempty"`
	FilePrev string `json:"file_prev,omitempty"`
}

func knownKind(k string) bool {
	switch k {
	case TrailCreated, TrailImported, TrailOpened, TrailChanged,
		TrailFinalised, TrailPrinted, TrailExported, TrailClosed,
		TrailViewed, TrailListed, TrailRescued, TrailEncrypted, TrailUpgraded,
		TrailJoined, TrailLeft, TrailRefused, TrailRecovery, TrailSealed, TrailBackup, TrailRestored, TrailDeleted:
		return true
	}
	return false
}

// Log appends e to the trail of plan planID, and to the file's chain. A
// zero e.At is set to now, an empty e.OSUser to CurrentOSUser() and an
// empty e.From to CurrentFrom(). The trail can only grow: the store has no
// way to change or remove an entry.
func (d *DB) Log(planID string, e TrailEvent) error {
	if planID == "" || planID == fileTrail {
		return fmt.Errorf("store: log: %w", ErrNoID)
	}
	return d.logTo(planID, e)
}

// LogFile appends a file-level event, one that concerns no single plan,
// such as a list of all plans being shown.
func (d *DB) LogFile(e TrailEvent) error { return d.logTo(fileTrail, e) }

func (d *DB) logTo(owner string, e TrailEvent) error {
	if !knownKind(e.Kind) {
		return fmt.Errorf("store: log: %w", ErrBadEvent)
	}
	fillEvent(&e)
	return d.update(func(tx *bolt.Tx) error { return d.appendEvent(tx, owner, e) })
}

func fillEvent(e *TrailEvent) {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	if e.OSUser == "" {
		e.OSUser = CurrentOSUser()
	}
	if e.From == "" {
		e.From = CurrentFrom()
	}
}

// Trail returns the trail of plan planID, oldest first. A plan with no
// trail gives none, and no error. A damaged event gives ErrDamagedRecord.
func (d *DB) Trail(planID string) ([]TrailEvent, error) {
	return d.trailOf(planID)
}

// FileTrail returns the file-level events, oldest first.
func (d *DB) FileTrail() ([]TrailEvent, error) { return d.trailOf(fileTrail) }

func (d *DB) trailOf(owner string) ([]TrailEvent, error) {
	var out []TrailEvent
	err := d.view(func(tx *bolt.Tx) error {
		b := ownerTrail(tx, []byte(owner))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var e TrailEvent
			if err := d.openValue(trailBucket(owner), k, v, &e); err != nil {
				return fmt.Errorf("store: trail %s: %w", owner, err)
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

// CurrentFrom says where sipmote runs, for the trail: the host name, and
// for a login over SSH the client's address.
func CurrentFrom() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "unknown"
	}
	if c := strings.Fields(os.Getenv("SSH_CONNECTION")); len(c) > 0 {
		return host + " (ssh " + c[0] + ")"
	}
	return host
}

func seqKey(n uint64) []byte { return binary.BigEndian.AppendUint64(nil, n) }

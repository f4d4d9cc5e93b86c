package store

import (
	"errors"
	"io"
	"time"

	"github.com/sipmote/sipmote/model"
)

// The store contract: what the service needs of a database, whichever
// engine holds it. *DB (one bbolt file, the laptop default) meets it, and
// so does store/postgres (one PostgreSQL database shared by many people).
// It is cut into one small interface per thing kept, as soft-serve's store
// is, so that a test or a tool can ask for just the part it uses.
//
// Every engine seals its records through the same Codec (codec_engine.go):
// the checksums, the seal of an encrypted database and whatever else
// proves a record whole are the codec's, never an engine's own.

// Plans keeps whole plans and their list lines.
type Plans interface {
	// SavePlan stores the plan and its summary together. A closed plan
	// is refused with ErrClosedPlan, except for ticking who was told.
	SavePlan(p *model.Plan) error
	// SavePlanLogged stores the plan and appends e to its trail in one
	// transaction: both are there, or neither is.
	SavePlanLogged(p *model.Plan, e TrailEvent) error
	// SaveNewPlan stores a plan that came from elsewhere with its trail
	// events (carried ones first), all in one transaction.
	SaveNewPlan(p *model.Plan, events ...TrailEvent) error
	LoadPlan(id string) (*model.Plan, error)
	// DeletePlan removes plan id's record, its list line and its editor
	// draft, and appends e to its trail and to the file's, in one
	// transaction. The trail stays: who made the plan and who removed it
	// can still be read. The service decides which plans may go.
	DeletePlan(id string, e TrailEvent) error
	List() ([]model.Summary, error)
	// Index is every plan's index entry (model.ListEntry), with the
	// name's sort key, in no particular order: the home screen's list
	// without the lines' content.
	Index() ([]model.ListEntry, error)
	// Summaries reads the list lines of the plans named, in that order,
	// leaving out ids with no plan: the lines a screen shows.
	Summaries(ids []string) ([]model.Summary, error)
	Resolve(prefix string) (string, error)
}

// Drafts keeps what is typed but not yet in a plan: an open editor field,
// and a form filled in before its plan exists.
type Drafts interface {
	SaveEditorDraft(planID string, ed EditorDraft) error
	LoadEditorDraft(planID string) (EditorDraft, bool, error)
	ClearEditorDraft(planID string) error
	SaveForm(name string, values any, at time.Time) error
	LoadForm(name string, values any) (time.Time, bool, error)
	ClearForm(name string) error
}

// Trails keeps the access trail: one chained trail per plan and the
// database's own, all in one chain of the whole database.
type Trails interface {
	Log(planID string, e TrailEvent) error
	LogFile(e TrailEvent) error
	Trail(planID string) ([]TrailEvent, error)
	FileTrail() ([]TrailEvent, error)
}

// Batcher writes what a Saver gathered, plans with their editor drafts and
// trail events, in one transaction.
type Batcher interface {
	SaveBatch(batch []Submission) error
}

// Recoveries are the files a plan goes to when the database will not take
// it at the end of a meeting (recovery.go).
type Recoveries interface {
	WriteRecovery(p *model.Plan, base, now time.Time) (RecoveryWritten, error)
	ReadRecovery(path string) (*model.Plan, RecoveryHeader, error)
	Recoveries() []Recovery
	RemoveRecovery(path string) error
	RecoveryDirs() []string
}

// Holds says which program has a plan open in a meeting. On one bbolt
// file only one program can have the file open at all, so every plan is
// free for it; a shared database hands out a hold per plan.
type Holds interface {
	// Hold takes plan id for this program until the Hold is released
	// (or the program dies). A plan held elsewhere gives a *HeldError.
	Hold(id string) (Hold, error)
}

// Hold is one plan held open in a meeting.
type Hold interface {
	// Release lets the plan go. It may be called more than once.
	Release()
	// Lost is closed if the hold was lost (the database could not be
	// reached to renew it long enough for another program to take it).
	Lost() <-chan struct{}
}

// Store is a whole open database.
type Store interface {
	Plans
	Drafts
	Trails
	Batcher
	Recoveries
	Holds
	Exporter
	// Path names the database for people: a file path, or a PostgreSQL
	// address without its password.
	Path() string
	// Engine is "bbolt" or "postgres".
	Engine() string
	Encrypted() bool
	// Codec is what seals this database's records; migrate uses it to
	// give a new database the same key.
	Codec() *Codec
	// Damaged names plans with a record found damaged, and counts the
	// other damaged records; while either is not zero nothing is written.
	Damaged() (plans []string, other int)
	// Writable is nil while the database takes writes, and otherwise the
	// error every write would give now (ErrDamaged, ErrReadOnly): a
	// screen asks it before the user types what could not be kept.
	Writable() error
	// Tightened is a folder Open made private, or "".
	Tightened() string
	// Check reads everything without writing: every record's checksum and
	// seal, and every chain of the trail.
	Check() (*Report, error)
	// Snapshot writes the whole database, as it stands at one moment, to
	// w as a sipmote database file (a backup).
	Snapshot(w io.Writer) (int64, error)
	Close() error
}

// HeldError says that another program has the plan open.
type HeldError struct {
	// Owner names the program: the account and the host it runs on.
	Owner string
	// Since is when it took the plan.
	Since time.Time
}

func (e *HeldError) Error() string {
	return "the plan is open in another sipmote (" + e.Owner + ") since " + e.Since.Format("2006-01-02 15:04")
}

// Is makes errors.Is(err, ErrHeld) true.
func (e *HeldError) Is(target error) bool { return target == ErrHeld }

// freeHold is the hold of a database only one program can open.
type freeHold struct{ lost chan struct{} }

func (freeHold) Release()                {}
func (h freeHold) Lost() <-chan struct{} { return h.lost }

// Hold on a bbolt file always succeeds: the file's own lock already keeps
// every other program out.
func (d *DB) Hold(string) (Hold, error) { return freeHold{lost: make(chan struct{})}, nil }

// Engine is "bbolt".
func (d *DB) Engine() string { return "bbolt" }

var _ Store = (*DB)(nil)

// ErrHeld means another program has the plan open in a meeting; the
// error is a *HeldError that says who and since when.
var ErrHeld = errors.New("the plan is open in another sipmote")

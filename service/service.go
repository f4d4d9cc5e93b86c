// Package service owns sipmote's plan operations: opening a plan for a
// meeting, creating, listing, finalising, following up, closing, printing,
// exporting, importing and the list of what is due. The command line and
// every screen go through it; it is the only package that imports store.
//
// Each operation is written once here, with its access-trail event, so
// that the screens and the commands cannot drift apart: a plan printed
// from the meeting, from the home screen or by `sipmote print` is logged
// the same way, on the plan that was printed.
//
// A Service is safe for concurrent use. Its methods do disk I/O: screens
// call them from a tea.Cmd, never inside Update.
package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/printout"
	"github.com/sipmote/sipmote/store"
)

// Errors a caller may test with errors.Is. They are the store's, named
// here so that no caller needs to import store.
var (
	ErrNotFound   = store.ErrNotFound
	ErrAmbiguous  = store.ErrAmbiguous
	ErrLocked     = store.ErrLocked
	ErrClosedPlan = store.ErrClosedPlan
	ErrNoID       = store.ErrNoID
)

// ErrUnreadable is an import file that could not be read at all.
var ErrUnreadable = errors.New("service: the file cannot be read")

// TrailEvent is one entry of a plan's access trail.
type TrailEvent = store.TrailEvent

// Options configure a Service.
type Options struct {
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Jargon is the plain-language word list that validation uses.
	Jargon []model.Jargon
	// LockTimeout is how long Open waits for another sipmote to let go of
	// the file; zero means the store's default.
	LockTimeout time.Duration
	// OSUser is the account recorded in the trail; empty means the one
	// sipmote runs under.
	OSUser string
	// Passphrase is asked when the file turns out to be encrypted.
	Passphrase Passphrase
	// NewPassphrase creates a new file encrypted with it; an existing file
	// is opened as it is.
	NewPassphrase []byte
	// RecoveryDirs are the folders recovery files go in and are looked for
	// in, best first; nil means the usual ones (the runtime folder and
	// the fallbacks, see store.RecoveryDirs).
	RecoveryDirs []string
	// Device sends a finished PDF to a printer, or writes it to path when
	// there is none; nil means printout.Print. Tests put a slow or failing
	// device here.
	Device func(pdf []byte, printer, path string) (printout.Result, error)
}

// Service is sipmote's plan operations over one open database.
type Service struct {
	db store.Store
	// stash holds plans loaded for a meeting until it opens.
	stash  holdStash
	o      Options
	osUser string
	rmu    sync.Mutex
	// recoveryDir is where a recovery file goes first, found at Open so
	// that a screen can name it without touching the disk.
	recoveryDir string
	// backups answers backup requests from another sipmote while this
	// one has the file (see backupsock.go); nil when it could not listen.
	backups *backupServer
	// home is done once the home screen's list is in the trail.
	home sync.Once
	// bg is the writes the service does on its own, after a reading that
	// asked for them (the home screen's front page); Close waits for them.
	bg sync.WaitGroup

	smu      sync.Mutex
	sessions map[string]*Session // each plan's one session, open or closing
	// recordedOpen are plans LoadToShow recorded as opened, for the
	// session a screen starts on them next (see openRecorded).
	recordedOpen map[string]bool
}

// ResolvePath is the database file for a --db flag: the flag, else
// $SIPMOTE_DB, else the default place for the platform.
func ResolvePath(flag string) (string, error) { return store.ResolvePath(flag) }

// Open opens (or creates) the database at path. Close it when done.
func Open(path string, o Options) (*Service, error) {
	db, err := openStore(path, o)
	if err != nil {
		return nil, err
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Device == nil {
		o.Device = printout.Print
	}
	if o.OSUser == "" {
		o.OSUser = store.CurrentOSUser()
	}
	svc := &Service{db: db, o: o, osUser: o.OSUser, sessions: map[string]*Session{}}
	svc.checkRecoveryDir()
	svc.serveBackups()
	return svc, nil
}

// RecoveryDir is the folder a recovery file would go to if the database
// will not take a meeting's text (see Session.CloseWithin): the first one
// found to be the user's own, 0700 and not a link or a file, or "" when
// none is. It is checked at Open and again while saves fail, so a screen
// can name it without touching the disk.
func (s *Service) RecoveryDir() string {
	s.rmu.Lock()
	defer s.rmu.Unlock()
	return s.recoveryDir
}

// checkRecoveryDir finds the folder RecoveryDir names. It does I/O.
func (s *Service) checkRecoveryDir() {
	dir := store.UsableRecoveryDir(s.db.RecoveryDirs())
	s.rmu.Lock()
	s.recoveryDir = dir
	s.rmu.Unlock()
}

// Close releases the database. Close every Session first: their last
// saves need it.
func (s *Service) Close() error {
	s.bg.Wait()
	if s.backups != nil {
		s.backups.stop()
		s.backups = nil
	}
	return s.db.Close()
}

// Path is the database file.
func (s *Service) Path() string { return s.db.Path() }

// Jargon is the plain-language word list in use.
func (s *Service) Jargon() []model.Jargon { return s.o.Jargon }

// event is a trail event of this service, stamped now.
func (s *Service) event(kind, section, secretary string) store.TrailEvent {
	return store.TrailEvent{At: s.o.Now(), Kind: kind, Section: section, OSUser: s.osUser, Secretary: secretary}
}

// savePlan stores p and appends its trail event in one transaction, while
// the plan is held: on a shared database a plan open in another program's
// meeting is not changed behind its back.
func (s *Service) savePlan(p *model.Plan, kind, section, secretary string) error {
	if p == nil || p.ID == "" {
		return ErrNoID
	}
	return s.withHold(p.ID, func() error {
		return s.db.SavePlanLogged(p, s.event(kind, section, secretary))
	})
}

// log appends one event to a plan's trail. The trail is best effort: a
// failure to log never undoes or blocks what was done, and the next save
// reports disk trouble anyway.
func (s *Service) log(planID, kind, section, secretary string) {
	_ = s.db.Log(planID, s.event(kind, section, secretary))
}

// Resolve turns an id or any unique beginning of one into the full id.
func (s *Service) Resolve(ref string) (string, error) { return s.db.Resolve(ref) }

// Load reads a plan by its id or any unique beginning of it, to show or
// print it, not to edit it: a plan being edited belongs to its Session.
// Of a plan whose session is open it returns that session's text, the
// newest; of one whose session is closing, the text once its last save is
// over (an *UnsavedError if that save failed and still fails).
func (s *Service) Load(ctx context.Context, ref string) (*model.Plan, error) {
	id, err := s.db.Resolve(ref)
	if err != nil {
		return nil, err
	}
	open, err := s.settle(ctx, id)
	if err != nil {
		return nil, err
	}
	if open != nil {
		p, _ := open.Snapshot()
		return p, nil
	}
	return s.db.LoadPlan(id)
}

// Create stores a new plan and records who created it.
func (s *Service) Create(ctx context.Context, p *model.Plan) error {
	sec := ""
	if p.Draft != nil {
		sec = p.Draft.Meeting.Secretary
	}
	return s.savePlan(p, store.TrailCreated, "", sec)
}

// Import checks a JSON export fully and stores it as a new plan. A file
// that does not pass gives a *model.ImportError listing every problem, one
// that cannot be read at all ErrUnreadable; either way nothing is stored.
func (s *Service) Import(ctx context.Context, r io.Reader, o model.ImportOptions) (*model.Plan, error) {
	p, err := CheckImport(r, s.o.Now(), o)
	if err != nil {
		return nil, err
	}
	if err := s.SaveImported(ctx, p); err != nil {
		return nil, err
	}
	return p, nil
}

// CheckImport is Import's check of a JSON export, as of now, without
// storing it: it needs no database, so that import can check a file
// before it creates one to store the plan in. SaveImported stores it.
func CheckImport(r io.Reader, now time.Time, o model.ImportOptions) (*model.Plan, error) {
	p, err := model.DecodeExportWith(r, now, o)
	if err != nil {
		if _, ok := err.(*model.ImportError); !ok {
			err = fmt.Errorf("%w: %w", ErrUnreadable, err)
		}
		return nil, err
	}
	return p, nil
}

// SaveImported stores a plan CheckImport gave as a new plan, recorded as
// imported.
func (s *Service) SaveImported(ctx context.Context, p *model.Plan) error {
	p.UpdatedAt = s.o.Now()
	return s.savePlan(p, store.TrailImported, "", "")
}

// ClosePlan ends a plan for good: with the reason consent_withdrawn the
// consent is withdrawn (the draft is dropped and the content hidden),
// otherwise it is closed with the reason given. It returns the closed
// plan, for the list of who must be told. A model error (a missing
// explanation, a bad date) comes as a *CloseError and leaves the stored
// plan as it was.
func (s *Service) ClosePlan(ctx context.Context, ref string, c model.Closure) (*model.Plan, error) {
	p, err := s.Load(ctx, ref)
	if err != nil {
		return nil, err
	}
	if err := p.Close(c, s.o.Now()); err != nil {
		return nil, &CloseError{err}
	}
	if err := s.savePlan(p, store.TrailClosed, "", ""); err != nil {
		return nil, err
	}
	return p, nil
}

// CloseError says why a plan could not be closed: a model error such as
// model.ErrReasonText or model.ErrCloseDate, which errors.Is finds.
type CloseError struct{ Err error }

func (e *CloseError) Error() string { return e.Err.Error() }
func (e *CloseError) Unwrap() error { return e.Err }

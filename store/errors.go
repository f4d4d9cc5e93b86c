package store

import (
	"errors"
	"fmt"
	"syscall"

	bberrors "go.etcd.io/bbolt/errors"
)

// Errors of the store. None of them carries personal data: at most a path
// or a plan id (a random UUID), so they are safe to show and to log.
var (
	// ErrLocked means another sipmote (or another program) has the database
	// open. Two writers on one file would corrupt it, so the second waits a
	// short while and then gives up with this error instead of hanging.
	ErrLocked = errors.New("the database is in use by another sipmote")
	// ErrNotSipmote means the file exists but is not a sipmote database.
	// The file has not been written to.
	ErrNotSipmote = errors.New("the file is not a sipmote database")
	// ErrCorrupt means the file is a sipmote database that is damaged. The
	// file has not been written to, so a copy can still be rescued.
	ErrCorrupt = errors.New("the database file is damaged")
	// ErrNewerSchema means the database was written by a newer sipmote. It
	// has not been written to, so the newer program can still read it.
	ErrNewerSchema = errors.New("the database was written by a newer version of sipmote")
	// ErrEmptyFile means the file exists and holds nothing: not a
	// database, and not made one, since it may be a file the user meant
	// for something else. If it is new, remove it and start again.
	ErrEmptyFile = errors.New("the file is empty; if it is new, remove it")
	// ErrNoFile means the file a read-only command (check, rescue) was
	// given does not exist; nothing was created.
	ErrNoFile = errors.New("there is no database file at that path")
	// ErrDowngraded means a file holds encrypted records but no
	// encryption header: someone removed it, or the file is damaged.
	// Nothing is written to it, least of all a plain record.
	ErrDowngraded = errors.New("the file holds encrypted records but no encryption header")
	// ErrNotFound means no plan (or draft) has the given id.
	ErrNotFound = errors.New("no such plan")
	// ErrAmbiguous means a prefix matches more than one plan id.
	ErrAmbiguous = errors.New("the id prefix matches more than one plan")
	// ErrNoID means a plan or a call carried no plan id.
	ErrNoID = errors.New("no plan id given")
	// ErrBadEvent means a trail event has an unknown kind.
	ErrBadEvent = errors.New("unknown trail event kind")
	// ErrClosedPlan means the plan is closed and so read-only.
	ErrClosedPlan = errors.New("the plan is closed and cannot be changed")
	// ErrDamaged means the file holds damaged records, so nothing more is
	// written to it: writing could spread the damage or bury what is left.
	// sipmote rescue copies what is whole to a new file.
	ErrDamaged = errors.New("the database file has damaged records and is not written to")
	// ErrEncrypted means the file is encrypted and no passphrase was given.
	ErrEncrypted = errors.New("the database is encrypted")
	// ErrPassphrase means the passphrase given does not open the file.
	ErrPassphrase = errors.New("the passphrase does not open the database")
	// ErrSymlink means the database path is a symbolic link.
	ErrSymlink = errors.New("the database path is a symbolic link")
	// ErrForeignOwner means the database file belongs to another user.
	ErrForeignOwner = errors.New("the database file belongs to another user")
	// ErrLooseFolder means others may write in the database's folder.
	ErrLooseFolder = errors.New("others may write in the database's folder")
	// ErrReadOnly is returned for a write to a file opened read-only.
	ErrReadOnly = errors.New("the database was opened read-only")
	// ErrReadOnlyFile is returned for a write to a file that was opened
	// read-only because it may not be written (WithReadOnlyIfDenied).
	ErrReadOnlyFile = fmt.Errorf("the database file may not be written: %w", ErrReadOnly)
	// ErrReadOnlyOld means a file that may not be written is of an older
	// schema, which only a write brings up to date.
	ErrReadOnlyOld = fmt.Errorf("%w, and it is of an older schema", ErrReadOnlyFile)
	// ErrSaverClosed is reported for a submission made after Saver.Close.
	ErrSaverClosed = errors.New("the saver is closed")
)

// SaveError is returned, or reported through a Saver, when a write did not
// reach the disk: a full disk, a read-only file system, a failing device.
// Nothing of what was being saved is in the message, and the database is
// left as it was before the attempt (bbolt commits all or nothing).
type SaveError struct {
	Err error
}

func (e *SaveError) Error() string {
	if e.DiskFull() {
		return "store: could not save: the disk is full"
	}
	return "store: could not save: " + e.Err.Error()
}

func (e *SaveError) Unwrap() error { return e.Err }

// DiskFull tells whether the write failed for want of space, so that the
// screen can say so in plain words.
func (e *SaveError) DiskFull() bool {
	return errors.Is(e.Err, syscall.ENOSPC) || errors.Is(e.Err, bberrors.ErrMaxSizeReached)
}

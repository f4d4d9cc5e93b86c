// Package seal hands a plan or a whole database over safely: it encrypts
// with age (filippo.io/age) to SSH ed25519 keys or age keys, signs with the
// sender's SSH key in the SSHSIG format that ssh-keygen -Y reads, and opens
// and checks what it or the age tool wrote.
//
// It knows keys, signatures and the age format, never plans: the caller
// gives the bytes to seal and gets the checked bytes back. It has no user
// interface; every error a user can cause is an *Error with its message in
// Swedish and English, naming at most a file and a line, never content.
package seal

import (
	"errors"

	"github.com/sipmote/sipmote/model"
)

// Error is a problem with a key, a recipient list or a sealed file, told
// in both languages. Kind says what it is for a program (and for
// errors.Is against the Err* values below).
type Error struct {
	Kind error
	Msg  model.Text
}

func (e *Error) Error() string { return e.Msg.EN }

// Unwrap lets errors.Is find the kind.
func (e *Error) Unwrap() error { return e.Kind }

// In is the message in l.
func (e *Error) In(l model.Lang) string { return model.T(l, e.Msg.SV, e.Msg.EN) }

// The kinds of Error.
var (
	// ErrKeyType is a key age cannot use here: RSA, ECDSA, a security key.
	ErrKeyType = errors.New("seal: key type not usable")
	// ErrNoKey is a recipient or identity that is not a key at all.
	ErrNoKey = errors.New("seal: not a key")
	// ErrNoRecipients is a recipient list with no key in it.
	ErrNoRecipients = errors.New("seal: no recipients")
	// ErrNoTerminal is a passphrase-protected key with no terminal to ask on.
	ErrNoTerminal = errors.New("seal: passphrase needed but no terminal")
	// ErrPassphrase is a wrong passphrase, or none given.
	ErrPassphrase = errors.New("seal: wrong passphrase")
	// ErrNotForYou is a file none of the given keys opens.
	ErrNotForYou = errors.New("seal: the file is for someone else")
	// ErrDamaged is a file cut short or changed.
	ErrDamaged = errors.New("seal: the file is damaged")
	// ErrNotAge is a file that is not in the age format.
	ErrNotAge = errors.New("seal: not an age file")
	// ErrSignature is a signature that does not match the content.
	ErrSignature = errors.New("seal: bad signature")
	// ErrTooLarge is a file larger than a sealed plan can be.
	ErrTooLarge = errors.New("seal: the file is too large")
	// ErrReadKey is a key file that cannot be read.
	ErrReadKey = errors.New("seal: cannot read the key file")
)

func newError(kind error, sv, en string) *Error {
	return &Error{Kind: kind, Msg: model.Text{SV: sv, EN: en}}
}

func msgText(sv, en string) model.Text { return model.Text{SV: sv, EN: en} }

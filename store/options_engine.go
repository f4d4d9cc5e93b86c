package store

import "time"

// WithCodec makes a new database take over the key of another (c), so
// that a copy made by migrate opens with the same passphrase. An existing
// database is opened as it is.
func WithCodec(c *Codec) Option {
	return func(o *options) {
		if c != nil && c.aead != nil {
			o.inherit = &inherited{crypt: c.crypt, aead: c.aead}
		}
	}
}

// Settings are the Options as another engine reads them.
type Settings struct {
	// Wait is how long to wait for the database: for the file lock, or
	// for a server to answer.
	Wait time.Duration
	// Ask supplies the passphrase of an encrypted database.
	Ask Passphrase
	// NewCodec makes the codec of a database created now: encrypted when
	// a new passphrase or an inherited key was given, else plain.
	NewCodec func() (*Codec, error)
	// RecoveryDirs replaces the usual recovery folders when not nil.
	RecoveryDirs []string
	// ReadOnly opens the database without writing (check).
	ReadOnly bool
}

// ReadSettings applies opts as Open would, for an engine outside this
// package.
func ReadSettings(opts ...Option) Settings {
	o := options{lockTimeout: DefaultLockTimeout, kdf: DefaultKDF}
	for _, opt := range opts {
		opt(&o)
	}
	s := Settings{Wait: o.lockTimeout, Ask: o.ask, RecoveryDirs: o.recoveryDirs, ReadOnly: o.readOnly}
	s.NewCodec = func() (*Codec, error) {
		switch {
		case o.inherit != nil:
			return &Codec{aead: o.inherit.aead, crypt: o.inherit.crypt}, nil
		case o.newPass != nil:
			kdf := o.kdf
			return NewCodec(o.newPass, &kdf)
		}
		return PlainCodec(), nil
	}
	return s
}

package store

import (
	"crypto/cipher"
	"crypto/rand"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"

	bolt "go.etcd.io/bbolt"
)

// Encryption at rest. A file is either plain or encrypted from its
// creation (sipmote encrypt converts a plain one into a new file). In an
// encrypted file every record outside the meta bucket is sealed with
// XChaCha20-Poly1305 under a random 256-bit data key, with its bucket and
// key as associated data, so that a sealed record moved to another place
// does not open. The data key is kept in the meta bucket wrapped (sealed)
// by a key derived from the user's passphrase with Argon2id. Encrypting
// above bbolt, value by value, is what bbolt's maintainers advise; bbolt's
// own pages, the bucket names and the keys (plan ids, which are random)
// stay readable, the content does not.
//
// The passphrase itself is never stored, and the data key only in memory.

// keyCrypt is the meta key of the wrapped data key.
const keyCrypt = "crypt"

// KDFParams are Argon2id's cost settings, kept with the wrapped key so that
// they can be raised for new files without losing old ones.
type KDFParams struct {
	Time    uint32 `json:"time"`
	MemKiB  uint32 `json:"mem_kib"`
	Threads uint8  `json:"threads"`
}

// DefaultKDF is what new files get: OWASP's first Argon2id setting, 46 MiB
// and one pass, about a tenth of a second on a laptop and well under two
// seconds on a busy one, so a wrong passphrase is answered quickly while
// every guess still costs 46 MiB of memory.
var DefaultKDF = KDFParams{Time: 1, MemKiB: 46 * 1024, Threads: 1}

// cryptMeta is the stored form of the wrapped data key.
type cryptMeta struct {
	Version int       `json:"v"`
	KDF     string    `json:"kdf"`
	Params  KDFParams `json:"params"`
	Salt    []byte    `json:"salt"`
	Nonce   []byte    `json:"nonce"`
	Wrapped []byte    `json:"wrapped"`
}

// wrapAD binds the wrapped key to its purpose.
var wrapAD = []byte("sipmote data key v1")

// Passphrase supplies the passphrase when the file turns out to need one.
// It is called at most once per Open, and only for an encrypted file; the
// store wipes the slice it returns once the key is derived.
type Passphrase func() ([]byte, error)

// WithPassphrase lets Open unlock an encrypted file by asking ask.
func WithPassphrase(ask Passphrase) Option {
	return func(o *options) { o.ask = ask }
}

// WithNewPassphrase makes Open create a new file encrypted with pass. An
// existing file is opened as it is (plain or encrypted): converting one is
// Encrypt's job. kdf nil means DefaultKDF.
func WithNewPassphrase(pass []byte, kdf *KDFParams) Option {
	return func(o *options) {
		o.newPass = pass
		if kdf != nil {
			o.kdf = *kdf
		}
	}
}

func deriveKEK(pass []byte, salt []byte, p KDFParams) []byte {
	return argon2.IDKey(pass, salt, p.Time, p.MemKiB, p.Threads, chacha20poly1305.KeySize)
}

// newDataKey makes a random data key and its wrapped form under pass.
func newDataKey(pass []byte, p KDFParams) (cipher.AEAD, *cryptMeta, error) {
	if len(pass) == 0 {
		return nil, nil, errors.New("store: an empty passphrase")
	}
	key := make([]byte, chacha20poly1305.KeySize)
	salt := make([]byte, 16)
	nonce := make([]byte, chacha20poly1305.NonceSizeX)
	for _, b := range [][]byte{key, salt, nonce} {
		if _, err := rand.Read(b); err != nil {
			return nil, nil, err
		}
	}
	kek, err := chacha20poly1305.NewX(deriveKEK(pass, salt, p))
	if err != nil {
		return nil, nil, err
	}
	m := &cryptMeta{Version: 1, KDF: "argon2id", Params: p, Salt: salt, Nonce: nonce,
		Wrapped: kek.Seal(nil, nonce, key, wrapAD)}
	aead, err := chacha20poly1305.NewX(key)
	clear(key)
	return aead, m, err
}

// unlock unwraps the data key with pass.
func (m *cryptMeta) unlock(pass []byte) (cipher.AEAD, error) {
	if m.Version != 1 || m.KDF != "argon2id" || len(m.Nonce) != chacha20poly1305.NonceSizeX {
		return nil, fmt.Errorf("%w: unknown encryption settings", ErrCorrupt)
	}
	// Bounds, so that a damaged header cannot make us allocate a terabyte.
	if m.Params.MemKiB > 4<<20 || m.Params.Time > 64 || m.Params.Threads == 0 {
		return nil, fmt.Errorf("%w: unknown encryption settings", ErrCorrupt)
	}
	kek, err := chacha20poly1305.NewX(deriveKEK(pass, m.Salt, m.Params))
	if err != nil {
		return nil, err
	}
	key, err := kek.Open(nil, m.Nonce, m.Wrapped, wrapAD)
	if err != nil {
		return nil, ErrPassphrase
	}
	defer clear(key)
	return chacha20poly1305.NewX(key)
}

// readCrypt returns the file's encryption header, nil for a plain file.
func readCrypt(tx *bolt.Tx) (*cryptMeta, error) { return cryptIn(metaOf(tx)) }

// cryptIn reads the encryption header from the meta bucket's records.
func cryptIn(meta metaGetter) (*cryptMeta, error) {
	if meta == nil {
		return nil, nil
	}
	v := meta.Get([]byte(keyCrypt))
	if v == nil {
		return nil, nil
	}
	var m cryptMeta
	if err := json.Unmarshal(v, &m); err != nil {
		return nil, fmt.Errorf("%w: the encryption header cannot be read", ErrCorrupt)
	}
	return &m, nil
}

func putCrypt(tx *bolt.Tx, m *cryptMeta) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return bucket(tx, bucketMeta).Put([]byte(keyCrypt), b)
}

// unlockWith asks for the passphrase and unwraps the key.
func unlockWith(m *cryptMeta, ask Passphrase) (cipher.AEAD, error) {
	if ask == nil {
		return nil, ErrEncrypted
	}
	pass, err := ask()
	if err != nil {
		return nil, err
	}
	defer clear(pass)
	if len(pass) == 0 {
		return nil, ErrPassphrase
	}
	return m.unlock(pass)
}

// samePass compares two passphrases typed twice in constant time.
func SamePassphrase(a, b []byte) bool { return subtle.ConstantTimeCompare(a, b) == 1 }

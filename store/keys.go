package store

import (
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/sipmote/sipmote/outfile"
)

// Records are authenticated with a key the database does not hold, so that
// someone who can change the file but has not the key cannot change a
// record, or an event of the trail, and leave it passing.
//
//   - An encrypted database: every record is sealed with its data key
//     (XChaCha20-Poly1305, see crypt.go), which the file holds only
//     wrapped under the passphrase. A record changed without the
//     passphrase does not open.
//   - A plain database: every record carries an HMAC-SHA256 under a key of
//     the user's own, kept outside the database, mode 0600 in the user's
//     config folder (0700): ~/.config/sipmote/record.key. A record changed
//     without that key fails its HMAC. On another machine, or for another
//     user, the key is not there: the records can be read, but not shown
//     to be unchanged (KeyNone, and check says so).
//
// Neither stops someone who holds the key (or the passphrase) and the
// file: see docs/security.md.

// KeyKind says with which key a database's records were checked.
type KeyKind int

const (
	// KeyNone: no key that could check the records (a plain file and no
	// record key of this user on this machine).
	KeyNone KeyKind = iota
	// KeyUser: this user's record key on this machine (a plain file).
	KeyUser
	// KeyFile: the file's own data key, unlocked by the passphrase.
	KeyFile
)

// recordKeyName is the user's record key, in KeyDir.
const recordKeyName = "record.key"

// macKey is a record key and its short id, which every record sealed with
// it carries so that a record of another key is told from a changed one.
type macKey struct {
	key []byte
	id  [8]byte
	// hmacs are HMAC states keyed with key, used again after Reset:
	// making one for every record was half of reading 100 000 summaries.
	hmacs sync.Pool
}

func newMACKey(key []byte) *macKey {
	k := &macKey{key: key}
	h := hmac.New(sha256.New, key)
	h.Write([]byte("sipmote record key id"))
	copy(k.id[:], h.Sum(nil))
	return k
}

// sum is the HMAC of a record's inner bytes under bkt/key.
func (k *macKey) sum(bkt string, key, inner []byte) []byte {
	h, _ := k.hmacs.Get().(hash.Hash)
	if h == nil {
		h = hmac.New(sha256.New, k.key)
	}
	h.Write([]byte(bkt))
	h.Write([]byte{0})
	h.Write(key)
	h.Write([]byte{0})
	h.Write(inner)
	sum := h.Sum(nil)
	h.Reset()
	k.hmacs.Put(h)
	return sum
}

// keyring is what seals and opens records: the data key of an encrypted
// database, or the record key of a plain one, or neither.
type keyring struct {
	aead cipher.AEAD
	mac  *macKey
}

// KeyDir is the folder of the user's record key and of what check has
// seen of each database: the user's config folder's sipmote folder, or
// $SIPMOTE_KEY_DIR when set.
func KeyDir() (string, error) {
	if d := os.Getenv("SIPMOTE_KEY_DIR"); d != "" {
		return d, nil
	}
	cfg, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(cfg, "sipmote"), nil
}

// ErrKeyFolder is a key folder or file that is not private to this user.
var ErrKeyFolder = errors.New("the key folder is not private to this user")

// userRecordKey reads the user's record key; with create it makes one
// when there is none. It returns nil and no error when there is none and
// none was to be made.
func userRecordKey(create bool) (*macKey, error) {
	dir, err := KeyDir()
	if err != nil {
		return nil, err
	}
	if err := privateDir(dir, create); err != nil {
		if errors.Is(err, fs.ErrNotExist) && !create {
			return nil, nil
		}
		return nil, err
	}
	path := filepath.Join(dir, recordKeyName)
	if key, err := readKeyFile(path); err == nil || !errors.Is(err, fs.ErrNotExist) || !create {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		return newMACKey(key), nil
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	// O_EXCL: two programs making the key at once keep the first one's.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return userRecordKey(false)
	}
	if err != nil {
		return nil, err
	}
	_, werr := f.Write(key)
	if err := f.Sync(); werr == nil {
		werr = err
	}
	if err := f.Close(); werr == nil {
		werr = err
	}
	if werr != nil {
		_ = os.Remove(path)
		return nil, werr
	}
	outfile.SyncDir(dir)
	return newMACKey(key), nil
}

// readKeyFile reads a key file that must be the user's own, 0600, not a
// link, and 32 bytes long.
func readKeyFile(path string) ([]byte, error) {
	st, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || runtime.GOOS != "windows" && (!ownedByUs(st) || st.Mode().Perm()&0o077 != 0) {
		return nil, &PathError{Path: path, Err: ErrKeyFolder}
	}
	key, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(key) != 32 {
		return nil, fmt.Errorf("%w: the record key %s is not a key", ErrCorrupt, path)
	}
	return key, nil
}

// privateDir checks that dir is the user's own folder, 0700 and not a
// link; with create it makes it (and its parents) when missing.
func privateDir(dir string, create bool) error {
	st, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) && create {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
		if err := os.Chmod(dir, 0o700); err != nil {
			return err
		}
		st, err = os.Lstat(dir)
	}
	if err != nil {
		return err
	}
	if !st.IsDir() || runtime.GOOS != "windows" && (!ownedByUs(st) || st.Mode().Perm()&0o077 != 0) {
		return &PathError{Path: dir, Err: ErrKeyFolder}
	}
	return nil
}

package share

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"

	"github.com/sipmote/sipmote/model"
)

// HostKeyName is the host key's file name in the data folder.
const HostKeyName = "ssh_host_ed25519_key"

// hostKey reads the server's key from path, or makes one: readable by the
// owner alone (0600) in a folder only the owner may enter (0700). The same
// key is used at every meeting, so that a device that has connected once
// can tell that it reaches the same computer again.
func hostKey(l model.Lang, path string) ([]byte, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, hostKeyErr(l, err)
	}
	if b, err := os.ReadFile(path); err == nil {
		if _, err := gossh.ParsePrivateKey(b); err != nil {
			return nil, fmt.Errorf(model.T(l, "värdnyckeln %s är skadad; ta bort den så görs en ny (enheterna får då frågan om nyckeln igen): %w",
				"the host key %s is damaged; remove it and a new one is made (devices are then asked about the key again): %w"), path, err)
		}
		// A key left readable by others is made private again rather
		// than refused: the meeting should not fail on it.
		if fi, err := os.Stat(path); err == nil && fi.Mode().Perm() != 0o600 {
			if err := os.Chmod(path, 0o600); err != nil {
				return nil, hostKeyErr(l, err)
			}
		}
		return b, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, hostKeyErr(l, err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, hostKeyErr(l, err)
	}
	blk, err := gossh.MarshalPrivateKey(priv, "sipmote")
	if err != nil {
		return nil, hostKeyErr(l, err)
	}
	b := pem.EncodeToMemory(blk)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return hostKey(l, path) // another program made it meanwhile
		}
		return nil, hostKeyErr(l, err)
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(path)
		return nil, hostKeyErr(l, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return nil, hostKeyErr(l, err)
	}
	return b, nil
}

// hostKeyErr says that the host key could not be read or made, and why.
func hostKeyErr(l model.Lang, err error) error {
	return fmt.Errorf("%s: %w", model.T(l, "värdnyckeln för delningen gick inte att läsa eller skapa",
		"the host key for sharing could not be read or made"), err)
}

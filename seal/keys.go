package seal

import (
	"bytes"
	"crypto/x509"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"filippo.io/age"
	"filippo.io/age/agessh"
	"golang.org/x/crypto/ssh"
)

// Ask asks the user for the passphrase of the key file at path. A nil Ask
// means there is no terminal to ask on: a protected key is then refused
// with ErrNoTerminal, never waited for.
type Ask func(path string) ([]byte, error)

// Signer is the sender's SSH ed25519 key, ready to sign.
type Signer struct {
	s ssh.Signer
	// Path is the private key file.
	Path string
	// Comment is the key's comment (from the .pub file beside it, or the
	// key file itself), usually user@host.
	Comment string
	// Fingerprint is as ssh-keygen -l prints it: SHA256:….
	Fingerprint string
}

// PublicKey is the signer's public key.
func (s *Signer) PublicKey() ssh.PublicKey { return s.s.PublicKey() }

// DefaultSignKey is ~/.ssh/id_ed25519 when it exists, else "".
func DefaultSignKey() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	p := filepath.Join(home, ".ssh", "id_ed25519")
	if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
		return p
	}
	return ""
}

// LoadSigner reads the SSH private key at path for signing, asking for its
// passphrase when it has one.
func LoadSigner(path string, ask Ask) (*Signer, error) {
	b, err := readKeyFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, newError(ErrReadKey, "nyckelfilen "+path+" finns inte", "the key file "+path+" does not exist")
	}
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(bytes.TrimSpace(b), []byte("AGE-SECRET-KEY-")) {
		return nil, newError(ErrKeyType, "en age-nyckel kan inte signera; signera med en SSH-nyckel av typen ed25519 (--sign)",
			"an age key cannot sign; sign with an SSH ed25519 key (--sign)")
	}
	s, err := ssh.ParsePrivateKey(b)
	var pm *ssh.PassphraseMissingError
	if errors.As(err, &pm) {
		if pm.PublicKey != nil && pm.PublicKey.Type() != ssh.KeyAlgoED25519 {
			return nil, keyTypeError(pm.PublicKey.Type())
		}
		pass, aerr := askFor(path, ask)
		if aerr != nil {
			return nil, aerr
		}
		s, err = ssh.ParsePrivateKeyWithPassphrase(b, pass)
		clear(pass)
		if errors.Is(err, x509.IncorrectPasswordError) {
			return nil, wrongPassphrase(path)
		}
	}
	if err != nil {
		if t := keyTypeWord(string(b)); t != "" {
			return nil, keyTypeError(t)
		}
		return nil, newError(ErrNoKey, path+" är ingen privat SSH-nyckel som kan läsas", path+" is not an SSH private key that can be read")
	}
	if t := s.PublicKey().Type(); t != ssh.KeyAlgoED25519 {
		return nil, keyTypeError(t)
	}
	return &Signer{s: s, Path: path, Comment: keyComment(path, b, s.PublicKey()), Fingerprint: ssh.FingerprintSHA256(s.PublicKey())}, nil
}

func askFor(path string, ask Ask) ([]byte, error) {
	if ask == nil {
		return nil, newError(ErrNoTerminal, "nyckeln "+path+" har en lösenfras, och det finns ingen terminal att fråga i. Kör kommandot i en terminal, eller ange en annan nyckel.",
			"the key "+path+" has a passphrase, and there is no terminal to ask on. Run the command in a terminal, or give another key.")
	}
	p, err := ask(path)
	if err != nil || len(p) == 0 {
		return nil, newError(ErrPassphrase, "ingen lösenfras gavs för "+path, "no passphrase was given for "+path)
	}
	return p, nil
}

func wrongPassphrase(path string) *Error {
	return newError(ErrPassphrase, "lösenfrasen för "+path+" stämmer inte", "the passphrase of "+path+" is not right")
}

// keyComment finds the comment of a key: from path.pub when it holds the
// same key, else from an unencrypted OpenSSH key file itself.
func keyComment(path string, priv []byte, pub ssh.PublicKey) string {
	if b, err := readKeyFile(path + ".pub"); err == nil {
		if k, c, _, _, err := ssh.ParseAuthorizedKey(b); err == nil && bytes.Equal(k.Marshal(), pub.Marshal()) {
			return c
		}
	}
	return opensshComment(priv)
}

// opensshComment reads the comment of an unencrypted ed25519 key in the
// openssh-key-v1 format (x/crypto/ssh parses it but drops the comment).
func opensshComment(pemBytes []byte) (comment string) {
	defer func() {
		if recover() != nil {
			comment = ""
		}
	}()
	const magic = "openssh-key-v1\x00"
	s := string(pemBytes)
	i, j := strings.Index(s, "-----BEGIN OPENSSH PRIVATE KEY-----"), strings.Index(s, "-----END OPENSSH PRIVATE KEY-----")
	if i < 0 || j < i {
		return ""
	}
	raw, err := decodeBase64(s[i+len("-----BEGIN OPENSSH PRIVATE KEY-----") : j])
	if err != nil || !bytes.HasPrefix(raw, []byte(magic)) {
		return ""
	}
	r := raw[len(magic):]
	next := func() []byte {
		n := binary.BigEndian.Uint32(r)
		v := r[4 : 4+n]
		r = r[4+n:]
		return v
	}
	if string(next()) != "none" { // cipher
		return ""
	}
	next()     // kdf name
	next()     // kdf options
	r = r[4:]  // number of keys
	next()     // public key
	r = next() // private section
	r = r[8:]  // check integers
	if string(next()) != ssh.KeyAlgoED25519 {
		return ""
	}
	next() // public
	next() // private
	return string(next())
}

// Identity is the key a file is opened with.
type identity struct {
	path string
	id   age.Identity
}

// Keyring holds the keys that may open a file, and what went wrong asking
// for a passphrase, so that a refusal can say why.
type Keyring struct {
	ids []identity
	// unusable are key files found but of a type age cannot use here.
	unusable []string
	// askErr is the first passphrase problem met while opening.
	askErr error
	ask    Ask
}

// NewKeyring makes an empty keyring that asks for passphrases with ask.
func NewKeyring(ask Ask) *Keyring { return &Keyring{ask: ask} }

// Len is the number of usable keys.
func (k *Keyring) Len() int { return len(k.ids) }

// Add reads one identity file: an SSH ed25519 private key (a protected
// one is asked for only when a file is sealed for it) or a file of age
// keys (AGE-SECRET-KEY-…, one a line).
func (k *Keyring) Add(path string) error {
	b, err := readKeyFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return newError(ErrReadKey, "nyckelfilen "+path+" finns inte", "the key file "+path+" does not exist")
	}
	if err != nil {
		return err
	}
	if bytes.Contains(b, []byte("AGE-SECRET-KEY-")) {
		ids, err := age.ParseIdentities(bytes.NewReader(b))
		if err != nil {
			return newError(ErrNoKey, path+" har rader som inte är age-nycklar", path+" has lines that are not age keys")
		}
		for _, id := range ids {
			k.ids = append(k.ids, identity{path, id})
		}
		return nil
	}
	if bytes.Contains(b, []byte("age-encryption.org")) {
		return newError(ErrKeyType, path+" är en lösenordsskyddad age-nyckelfil; packa upp den med age -d först",
			path+" is a passphrase-protected age key file; unpack it with age -d first")
	}
	id, err := agessh.ParseIdentity(b)
	var pm *ssh.PassphraseMissingError
	if errors.As(err, &pm) {
		pub := pm.PublicKey
		if pub == nil {
			if pb, err := readKeyFile(path + ".pub"); err == nil {
				pub, _, _, _, _ = ssh.ParseAuthorizedKey(pb)
			}
		}
		if pub == nil {
			return newError(ErrNoKey, "nyckeln "+path+" har en lösenfras och ingen "+path+".pub bredvid sig", "the key "+path+" has a passphrase and no "+path+".pub beside it")
		}
		if pub.Type() != ssh.KeyAlgoED25519 {
			return keyTypeError(pub.Type())
		}
		enc, err := agessh.NewEncryptedSSHIdentity(pub, b, func() ([]byte, error) {
			p, err := askFor(path, k.ask)
			if err != nil && k.askErr == nil {
				k.askErr = err
			}
			return p, err
		})
		if err != nil {
			return keyTypeError(pub.Type())
		}
		k.ids = append(k.ids, identity{path, &passphraseIdentity{enc, k, path}})
		return nil
	}
	if err != nil {
		if t := keyTypeWord(string(b)); t != "" {
			return keyTypeError(t)
		}
		if rk, rerr := ssh.ParseRawPrivateKey(b); rerr == nil {
			if s, serr := ssh.NewSignerFromKey(rk); serr == nil {
				return keyTypeError(s.PublicKey().Type())
			}
		}
		return newError(ErrNoKey, path+" är varken en privat SSH-nyckel eller en age-nyckel", path+" is neither an SSH private key nor an age key")
	}
	if _, ok := id.(*agessh.Ed25519Identity); !ok {
		return keyTypeError(ssh.KeyAlgoRSA)
	}
	k.ids = append(k.ids, identity{path, id})
	return nil
}

// passphraseIdentity notes a wrong passphrase, which agessh reports only
// as text.
type passphraseIdentity struct {
	*agessh.EncryptedSSHIdentity
	k    *Keyring
	path string
}

func (p *passphraseIdentity) Unwrap(st []*age.Stanza) ([]byte, error) {
	key, err := p.EncryptedSSHIdentity.Unwrap(st)
	if err != nil && !errors.Is(err, age.ErrIncorrectIdentity) && p.k.askErr == nil {
		p.k.askErr = wrongPassphrase(p.path)
	}
	return key, err
}

// AddDefaults adds the keys a user has without saying so, found as ssh
// finds them: ~/.ssh/id_ed25519 first, then ssh's other default names
// (which age cannot use: they are noted, for the message when nothing
// opens), and the age keys in the sipmote identity file, if any.
func (k *Keyring) AddDefaults() error {
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	for _, name := range []string{"id_ed25519", "id_ed25519_sk", "id_rsa", "id_ecdsa", "id_ecdsa_sk", "id_xmss", "id_dsa"} {
		p := filepath.Join(home, ".ssh", name)
		if _, err := os.Stat(p); err != nil {
			continue
		}
		if err := k.Add(p); err != nil {
			if errors.Is(err, ErrKeyType) {
				k.unusable = append(k.unusable, p)
				continue
			}
			return err
		}
	}
	if p := IdentityFile(); p != "" {
		if _, err := os.Stat(p); err == nil {
			return k.Add(p)
		}
	}
	return nil
}

// IdentityFile is where sipmote looks for the user's own age keys:
// $XDG_CONFIG_HOME/sipmote/identity, else ~/.config/sipmote/identity.
func IdentityFile() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "sipmote", "identity")
}

func (k *Keyring) ages() []age.Identity {
	out := make([]age.Identity, len(k.ids))
	for i, id := range k.ids {
		out[i] = id.id
	}
	return out
}

package seal

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"filippo.io/age"
	"filippo.io/age/agessh"
	"golang.org/x/crypto/ssh"
)

// Recipient is one key a file is sealed for.
type Recipient struct {
	// Name is what the recipients file calls it, else the key's comment.
	Name string
	// Key is the public key as one line: "ssh-ed25519 AAAA…" or "age1…".
	Key string
	// Fingerprint names the key in the trail and on screen: the SHA256
	// fingerprint ssh-keygen -l prints for an SSH key, the key itself for
	// an age key (it is short and public).
	Fingerprint string

	r age.Recipient
}

// maxKeyFile caps a key or recipients file; real ones are a few kB.
const maxKeyFile = 1 << 20

// ParseRecipient reads one recipient: an "ssh-ed25519 …" line in
// authorized_keys form (options before it are allowed) or an "age1…" key.
func ParseRecipient(s string) (Recipient, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "age1") {
		f := strings.Fields(s)[0]
		var r age.Recipient
		var err error
		if strings.HasPrefix(f, "age1pq1") {
			r, err = age.ParseHybridRecipient(f)
		} else {
			r, err = age.ParseX25519Recipient(f)
		}
		if err != nil {
			return Recipient{}, newError(ErrNoKey, "age-nyckeln är inte hel (ett tecken fel eller saknas?)", "the age key is not whole (a character wrong or missing?)")
		}
		return Recipient{Key: f, Fingerprint: f, r: r}, nil
	}
	if strings.Contains(s, "PRIVATE KEY") {
		return Recipient{}, newError(ErrNoKey, "det här är en privat nyckel; ge mottagarens publika nyckel (filen som slutar på .pub)",
			"this is a private key; give the recipient's public key (the file ending in .pub)")
	}
	pub, comment, _, _, err := ssh.ParseAuthorizedKey([]byte(s))
	if err != nil {
		if t := keyTypeWord(s); t != "" {
			return Recipient{}, keyTypeError(t)
		}
		return Recipient{}, newError(ErrNoKey, "ingen nyckel: väntade ssh-ed25519 … eller age1…", "not a key: expected ssh-ed25519 … or age1…")
	}
	if pub.Type() != ssh.KeyAlgoED25519 {
		return Recipient{}, keyTypeError(pub.Type())
	}
	r, err := agessh.NewEd25519Recipient(pub)
	if err != nil {
		return Recipient{}, keyTypeError(pub.Type())
	}
	line := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pub)))
	return Recipient{Name: comment, Key: line, Fingerprint: ssh.FingerprintSHA256(pub), r: r}, nil
}

// keyTypeWord is the key type a line seems to name, for the message about
// a key that did not parse.
func keyTypeWord(s string) string {
	for _, f := range strings.Fields(s) {
		if strings.HasPrefix(f, "ssh-") || strings.HasPrefix(f, "ecdsa-") || strings.HasPrefix(f, "sk-") {
			return f
		}
	}
	return ""
}

// keyTypeError says why a key of type t cannot be used.
func keyTypeError(t string) *Error {
	if t == ssh.KeyAlgoRSA {
		return newError(ErrKeyType, "RSA-nycklar används inte här: age behöver en ed25519-nyckel (ssh-keygen -t ed25519) eller en age-nyckel (age1…)",
			"RSA keys are not used here: age needs an ed25519 key (ssh-keygen -t ed25519) or an age key (age1…)")
	}
	return newError(ErrKeyType, "nyckeltypen "+t+" kan inte användas: age behöver en ed25519-nyckel eller en age-nyckel (age1…)",
		"the key type "+t+" cannot be used: age needs an ed25519 key or an age key (age1…)")
}

// ParseRecipientList reads a list of keys one to a line, authorized_keys
// style: empty lines and lines starting with # are skipped. A line that
// is not a usable key refuses the whole list, naming source and line, so
// that nothing is sealed for fewer people than meant.
func ParseRecipientList(r io.Reader, source string) ([]Recipient, error) {
	var out []Recipient
	sc := bufio.NewScanner(io.LimitReader(r, maxKeyFile))
	sc.Buffer(make([]byte, 64<<10), 64<<10)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rc, err := ParseRecipient(line)
		if err != nil {
			return nil, atLine(err, source, n)
		}
		out = append(out, rc)
	}
	if sc.Err() != nil {
		return nil, newError(ErrNoKey, source+": en rad är för lång för en nyckel", source+": a line is too long for a key")
	}
	if len(out) == 0 {
		return nil, newError(ErrNoRecipients, source+": ingen nyckel i filen", source+": no key in the file")
	}
	return out, nil
}

// atLine puts the place of a bad line before its message.
func atLine(err error, source string, n int) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	return &Error{Kind: e.Kind, Msg: msgText(
		fmt.Sprintf("%s rad %d: %s", source, n, e.Msg.SV),
		fmt.Sprintf("%s line %d: %s", source, n, e.Msg.EN))}
}

// Named is one line of the recipients file: a name and a key.
type Named struct {
	Name string
	Recipient
}

// RecipientsFile is where the list of named recipients is kept:
// $XDG_CONFIG_HOME/sipmote/recipients, else ~/.config/sipmote/recipients.
func RecipientsFile() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "sipmote", "recipients")
}

// ParseNamed reads the recipients file: one person a line, the name
// first and the key after it ("Anna Berg, LSS  ssh-ed25519 AAAA… anna@x"
// or "Per Wall age1…"); # starts a comment line. A line without a name,
// or whose key cannot be used, refuses the file with its line number.
func ParseNamed(r io.Reader, source string) ([]Named, error) {
	var out []Named
	sc := bufio.NewScanner(io.LimitReader(r, maxKeyFile))
	sc.Buffer(make([]byte, 64<<10), 64<<10)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		at := keyStart(line)
		if at < 0 {
			return nil, atLine(newError(ErrNoKey, "ingen nyckel på raden (namn och sedan ssh-ed25519 … eller age1…)",
				"no key on the line (a name, then ssh-ed25519 … or age1…)"), source, n)
		}
		name := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(line[:at]), ":=,"))
		if name == "" {
			return nil, atLine(newError(ErrNoKey, "raden saknar namn före nyckeln", "the line has no name before the key"), source, n)
		}
		rc, err := ParseRecipient(line[at:])
		if err != nil {
			return nil, atLine(err, source, n)
		}
		out = append(out, Named{Name: name, Recipient: rc})
	}
	if sc.Err() != nil {
		return nil, newError(ErrNoKey, source+": en rad är för lång", source+": a line is too long")
	}
	return out, nil
}

// keyStart is where the key begins on a recipients line, or -1.
func keyStart(line string) int {
	i := 0
	for _, f := range strings.Fields(line) {
		j := strings.Index(line[i:], f) + i
		if strings.HasPrefix(f, "age1") || strings.HasPrefix(f, "ssh-") || strings.HasPrefix(f, "ecdsa-") || strings.HasPrefix(f, "sk-") {
			return j
		}
		i = j + len(f)
	}
	return -1
}

// LoadNamed reads the recipients file at path; a missing file is an
// empty list.
func LoadNamed(path string) ([]Named, error) {
	b, err := readKeyFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseNamed(bytes.NewReader(b), path)
}

// IsName tells whether a --to argument can only be a name in the
// recipients file: neither a key nor an existing file.
func IsName(arg string) bool {
	arg = strings.TrimSpace(arg)
	if keyStart(arg) == 0 {
		return false
	}
	_, err := os.Lstat(arg)
	return errors.Is(err, fs.ErrNotExist)
}

// ResolveRecipients turns what --to was given into keys: a key itself
// ("age1…", "ssh-ed25519 …"), a file of keys (a .pub file, an
// authorized_keys file), or a name in the recipients file.
func ResolveRecipients(arg string, named []Named) ([]Recipient, error) {
	arg = strings.TrimSpace(arg)
	if keyStart(arg) == 0 {
		r, err := ParseRecipient(arg)
		if err != nil {
			return nil, err
		}
		return []Recipient{r}, nil
	}
	b, err := readKeyFile(arg)
	if err == nil {
		return ParseRecipientList(bytes.NewReader(b), arg)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, n := range named {
		if strings.EqualFold(n.Name, arg) {
			r := n.Recipient
			r.Name = n.Name
			return []Recipient{r}, nil
		}
	}
	return nil, newError(ErrNoKey, "mottagaren "+arg+" är varken en nyckel, en fil eller ett namn i "+RecipientsFile(),
		"the recipient "+arg+" is neither a key, a file nor a name in "+RecipientsFile())
}

// readKeyFile reads a small key file; a missing file keeps fs.ErrNotExist
// for the caller, any other trouble is an *Error.
func readKeyFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err != nil {
		return nil, newError(ErrReadKey, "kan inte läsa nyckelfilen "+path, "cannot read the key file "+path)
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, newError(ErrReadKey, path+" är ingen vanlig fil", path+" is not a regular file")
	}
	b, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	if err != nil {
		return nil, newError(ErrReadKey, "kan inte läsa nyckelfilen "+path, "cannot read the key file "+path)
	}
	if len(b) > maxKeyFile {
		return nil, newError(ErrReadKey, path+" är för stor för en nyckelfil", path+" is too large for a key file")
	}
	return b, nil
}

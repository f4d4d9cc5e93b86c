package seal

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"

	"filippo.io/age"
	"filippo.io/age/armor"
	"golang.org/x/crypto/ssh"
)

// A sealed file is an ordinary age file (age -d opens it). Its plain text
// is the content followed, when signed, by the sender's SSHSIG signature
// of exactly that content in its armored form:
//
//	{ …content… }\n
//	-----BEGIN SSH SIGNATURE-----
//	…
//	-----END SSH SIGNATURE-----
//
// The signature sits inside the encryption, so only the recipients learn
// who sent it. A file without the signature block is unsigned: the age
// tool's own encryption of a JSON export is one.

// Seal writes content to w as an age file for every recipient, signed by
// s when s is not nil. Content that does not end in a newline gets one.
func Seal(w io.Writer, content []byte, to []Recipient, s *Signer) error {
	if len(to) == 0 {
		return newError(ErrNoRecipients, "ingen mottagare angavs (--to NYCKEL)", "no recipient was given (--to KEY)")
	}
	if !bytes.HasSuffix(content, []byte("\n")) {
		content = append(content[:len(content):len(content)], '\n')
	}
	var sig []byte
	if s != nil {
		var err error
		if sig, err = sign(s.s, content); err != nil {
			return err
		}
	}
	enc, err := Encrypt(w, to)
	if err != nil {
		return err
	}
	if _, err := enc.Write(content); err != nil {
		return err
	}
	if _, err := enc.Write(sig); err != nil {
		return err
	}
	return enc.Close()
}

// Encrypt returns a writer that encrypts what is written to it for every
// recipient, as an age file on w. Close it to finish the file.
func Encrypt(w io.Writer, to []Recipient) (io.WriteCloser, error) {
	if len(to) == 0 {
		return nil, newError(ErrNoRecipients, "ingen mottagare angavs (--to NYCKEL)", "no recipient was given (--to KEY)")
	}
	rs := make([]age.Recipient, len(to))
	for i, r := range to {
		rs[i] = r.r
	}
	enc, err := age.Encrypt(w, rs...)
	if err != nil {
		// age refuses to mix post-quantum keys with others.
		return nil, newError(ErrKeyType, "nycklarna kan inte blandas: age1pq1-nycklar går bara ihop med andra age1pq1-nycklar",
			"the keys cannot be mixed: age1pq1 keys go only with other age1pq1 keys")
	}
	return enc, nil
}

// Opened is what Open found in a sealed file.
type Opened struct {
	// Content is the plain text, without the signature.
	Content []byte
	// Signed says whether the file carried a signature; when it did, it
	// has been checked, and Key made it.
	Signed bool
	Key    ssh.PublicKey
	// Fingerprint is Key's SHA256 fingerprint as ssh-keygen -l prints it.
	Fingerprint string
}

// Open decrypts a sealed file (or any age file, binary or armored) with
// the keys in kr and checks its signature. Nothing is returned unless the
// whole file was read and found whole; max caps its plain text.
func Open(r io.Reader, kr *Keyring, max int64) (*Opened, error) {
	dr, err := Decrypt(r, kr)
	if err != nil {
		return nil, err
	}
	plain, err := io.ReadAll(io.LimitReader(dr, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(plain)) > max {
		return nil, newError(ErrTooLarge, "filen är större än en plan kan vara; den öppnas inte", "the file is larger than a plan can be; it is not opened")
	}
	o := &Opened{Content: plain}
	i := bytes.LastIndex(plain, []byte("\n"+armorBegin+"\n"))
	if i < 0 {
		if bytes.Contains(plain, []byte(armorBegin)) {
			return nil, badSignature()
		}
		return o, nil
	}
	content, sig := plain[:i+1], plain[i+1:]
	pub, err := verify(sig, content)
	if err != nil {
		return nil, badSignature()
	}
	o.Content, o.Signed, o.Key, o.Fingerprint = content, true, pub, ssh.FingerprintSHA256(pub)
	return o, nil
}

func badSignature() *Error {
	return newError(ErrSignature, "signaturen stämmer inte med innehållet: filen har ändrats efter att den signerades, eller signaturen är falsk. Inget har skrivits.",
		"the signature does not match the content: the file was changed after it was signed, or the signature is false. Nothing was written.")
}

// Decrypt returns the plain text of an age file, binary or armored, read
// with the keys in kr. The reader's errors are an *Error of kind
// ErrDamaged: a file cut short or changed shows only as it is read, so a
// caller keeps nothing it read until the reader has given io.EOF.
func Decrypt(r io.Reader, kr *Keyring) (io.Reader, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(64)
	var src io.Reader = br
	switch {
	case bytes.HasPrefix(head, []byte(armor.Header)):
		src = armor.NewReader(br)
	case bytes.HasPrefix(head, []byte("age-encryption.org/")):
	case len(head) == 0:
		return nil, damaged()
	case bytes.HasPrefix(bytes.TrimSpace(head), []byte("{")):
		return nil, newError(ErrNotAge, "filen är inte förseglad utan vanlig text (JSON); en sådan läses in med sipmote import",
			"the file is not sealed but plain text (JSON); such a file is read with sipmote import")
	default:
		return nil, newError(ErrNotAge, "filen är inte en förseglad fil (age-format)", "the file is not a sealed file (age format)")
	}
	if kr.Len() == 0 {
		return nil, noKeys(kr)
	}
	dr, err := age.Decrypt(src, kr.ages()...)
	if kr.askErr != nil {
		return nil, kr.askErr
	}
	var nm *age.NoIdentityMatchError
	switch {
	case errors.As(err, &nm):
		return nil, newError(ErrNotForYou, "filen är förseglad för någon annan: ingen av dina nycklar ("+kr.paths()+") öppnar den",
			"the file is sealed for someone else: none of your keys ("+kr.paths()+") opens it")
	case err != nil:
		return nil, damaged()
	}
	return &damageReader{dr}, nil
}

func damaged() *Error {
	return newError(ErrDamaged, "filen är skadad eller avklippt (en ändrad eller saknad byte); inget har skrivits",
		"the file is damaged or cut short (a changed or missing byte); nothing was written")
}

func noKeys(kr *Keyring) *Error {
	if len(kr.unusable) > 0 {
		u := strings.Join(kr.unusable, ", ")
		return newError(ErrKeyType, "ingen nyckel att öppna med: "+u+" kan inte användas, age behöver en ed25519-nyckel eller en age-nyckel (--identity NYCKEL)",
			"no key to open with: "+u+" cannot be used, age needs an ed25519 key or an age key (--identity KEY)")
	}
	return newError(ErrNoKey, "ingen nyckel att öppna med: ingen ~/.ssh/id_ed25519; ange nyckeln med --identity NYCKEL",
		"no key to open with: no ~/.ssh/id_ed25519; give the key with --identity KEY")
}

func (k *Keyring) paths() string {
	var ps []string
	for _, id := range k.ids {
		if len(ps) == 0 || ps[len(ps)-1] != id.path {
			ps = append(ps, id.path)
		}
	}
	return strings.Join(ps, ", ")
}

// damageReader turns age's read errors (a changed chunk, a file cut
// short) into ErrDamaged.
type damageReader struct{ r io.Reader }

func (d *damageReader) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	if err != nil && err != io.EOF {
		return n, damaged()
	}
	return n, err
}

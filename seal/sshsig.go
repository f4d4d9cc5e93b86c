package seal

import (
	"bytes"
	"crypto/rand"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"strings"

	"golang.org/x/crypto/ssh"
)

// The signature is OpenSSH's SSHSIG (PROTOCOL.sshsig in OpenSSH): what
// `ssh-keygen -Y sign -n sipmote` writes and `ssh-keygen -Y verify`
// checks, so that a receiver can check it with ssh-keygen alone.
const (
	sigNamespace = "sipmote"
	sigHash      = "sha512"
	sigMagic     = "SSHSIG"
	sigVersion   = 1
	armorBegin   = "-----BEGIN SSH SIGNATURE-----"
	armorEnd     = "-----END SSH SIGNATURE-----"
)

// signedData is what the key signs: the preamble, the namespace and the
// hash of the message.
func signedData(message []byte) []byte {
	h := sha512.Sum512(message)
	return ssh.Marshal(struct {
		Magic     [6]byte
		Namespace string
		Reserved  string
		Hash      string
		Digest    string
	}{sigMagicBytes(), sigNamespace, "", sigHash, string(h[:])})
}

func sigMagicBytes() (m [6]byte) { copy(m[:], sigMagic); return m }

// sigBlob is the SSHSIG signature blob.
type sigBlob struct {
	Magic     [6]byte
	Version   uint32
	PublicKey string
	Namespace string
	Reserved  string
	Hash      string
	Signature string
}

// sign signs message and returns the armored SSHSIG signature.
func sign(s ssh.Signer, message []byte) ([]byte, error) {
	sig, err := s.Sign(rand.Reader, signedData(message))
	if err != nil {
		return nil, err
	}
	blob := ssh.Marshal(sigBlob{sigMagicBytes(), sigVersion, string(s.PublicKey().Marshal()), sigNamespace, "", sigHash, string(ssh.Marshal(sig))})
	enc := base64.StdEncoding.EncodeToString(blob)
	var b bytes.Buffer
	b.WriteString(armorBegin + "\n")
	for len(enc) > 70 {
		b.WriteString(enc[:70] + "\n")
		enc = enc[70:]
	}
	b.WriteString(enc + "\n" + armorEnd + "\n")
	return b.Bytes(), nil
}

var errBadSig = errors.New("bad signature")

// verify checks an armored SSHSIG signature over message and returns the
// key that made it. Only ed25519 signatures in the sipmote namespace are
// taken.
func verify(armored, message []byte) (ssh.PublicKey, error) {
	s := strings.TrimSpace(string(armored))
	if !strings.HasPrefix(s, armorBegin) || !strings.HasSuffix(s, armorEnd) {
		return nil, errBadSig
	}
	raw, err := decodeBase64(s[len(armorBegin) : len(s)-len(armorEnd)])
	if err != nil {
		return nil, errBadSig
	}
	var b sigBlob
	if err := ssh.Unmarshal(raw, &b); err != nil || b.Magic != sigMagicBytes() || b.Version != sigVersion ||
		b.Namespace != sigNamespace || b.Hash != sigHash {
		return nil, errBadSig
	}
	pub, err := ssh.ParsePublicKey([]byte(b.PublicKey))
	if err != nil || pub.Type() != ssh.KeyAlgoED25519 {
		return nil, errBadSig
	}
	var sig ssh.Signature
	if err := ssh.Unmarshal([]byte(b.Signature), &sig); err != nil {
		return nil, errBadSig
	}
	if err := pub.Verify(signedData(message), &sig); err != nil {
		return nil, errBadSig
	}
	return pub, nil
}

// decodeBase64 reads base64 broken over lines.
func decodeBase64(s string) ([]byte, error) {
	return base64.StdEncoding.DecodeString(strings.Join(strings.Fields(s), ""))
}

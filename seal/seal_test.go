package seal

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// needTool fails in CI and skips elsewhere when a tool is missing.
func needTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is needed in CI (apt-get install age openssh-client)", name)
		}
		t.Skipf("%s not installed", name)
	}
}

// sshKey makes a key with the real ssh-keygen and returns its path.
func sshKey(t testing.TB, dir, name, typ, pass string) string {
	t.Helper()
	needTool(t, "ssh-keygen")
	p := filepath.Join(dir, name)
	args := []string{"-q", "-t", typ, "-N", pass, "-C", name + "@test", "-f", p}
	if typ == "rsa" {
		args = append(args, "-b", "2048")
	}
	if out, err := exec.Command("ssh-keygen", args...).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v: %s", err, out)
	}
	return p
}

func recipientOf(t testing.TB, pubPath string) []Recipient {
	t.Helper()
	b, err := os.ReadFile(pubPath)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := ResolveRecipients(pubPath, nil)
	if err != nil {
		t.Fatalf("recipient %s: %v", b, err)
	}
	return rs
}

func keyringOf(t testing.TB, ask Ask, paths ...string) *Keyring {
	t.Helper()
	kr := NewKeyring(ask)
	for _, p := range paths {
		if err := kr.Add(p); err != nil {
			t.Fatalf("identity %s: %v", p, err)
		}
	}
	return kr
}

var content = []byte(`{"format":"sipmote-plan","plan":{"person":{"name":"Testperson"}}}` + "\n")

func sealTo(t testing.TB, to []Recipient, s *Signer) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Seal(&buf, content, to, s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSealOpenSignedWithSSHKeys(t *testing.T) {
	dir := t.TempDir()
	sender, receiver := sshKey(t, dir, "anna", "ed25519", ""), sshKey(t, dir, "per", "ed25519", "")
	s, err := LoadSigner(sender, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Comment != "anna@test" {
		t.Errorf("comment %q, want anna@test", s.Comment)
	}
	file := sealTo(t, recipientOf(t, receiver+".pub"), s)
	if bytes.Contains(file, []byte("Testperson")) {
		t.Fatal("the sealed file holds plain text")
	}
	o, err := Open(bytes.NewReader(file), keyringOf(t, nil, receiver), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if !o.Signed || !bytes.Equal(o.Content, content) {
		t.Fatalf("signed %v content %q", o.Signed, o.Content)
	}
	// The fingerprint is the one ssh-keygen -l prints.
	out, err := exec.Command("ssh-keygen", "-l", "-f", sender+".pub").Output()
	if err != nil {
		t.Fatal(err)
	}
	if f := strings.Fields(string(out)); len(f) < 2 || f[1] != o.Fingerprint || f[1] != s.Fingerprint {
		t.Errorf("fingerprint %q, ssh-keygen says %q", o.Fingerprint, out)
	}
	// The sender cannot open what was sealed for someone else.
	_, err = Open(bytes.NewReader(file), keyringOf(t, nil, sender), 1<<20)
	if !errors.Is(err, ErrNotForYou) {
		t.Fatalf("opened by the wrong key: %v", err)
	}
	if msg := err.(*Error).In(model.Swedish); !strings.Contains(msg, "någon annan") {
		t.Errorf("Swedish message %q", msg)
	}
}

// The age tool opens what sipmote sealed, and ssh-keygen checks the
// signature inside it.
func TestAgeToolOpensSealedAndSSHKeygenVerifies(t *testing.T) {
	needTool(t, "age")
	dir := t.TempDir()
	sender, receiver := sshKey(t, dir, "anna", "ed25519", ""), sshKey(t, dir, "per", "ed25519", "")
	s, err := LoadSigner(sender, nil)
	if err != nil {
		t.Fatal(err)
	}
	sealed := filepath.Join(dir, "plan.age")
	if err := os.WriteFile(sealed, sealTo(t, recipientOf(t, receiver+".pub"), s), 0o600); err != nil {
		t.Fatal(err)
	}
	plain, err := exec.Command("age", "-d", "-i", receiver, sealed).Output()
	if err != nil {
		t.Fatalf("age -d: %v", err)
	}
	i := bytes.Index(plain, []byte(armorBegin))
	if i < 0 || !bytes.Equal(plain[:i], content) {
		t.Fatalf("age -d gave %q", plain)
	}
	sigPath := filepath.Join(dir, "sig")
	if err := os.WriteFile(sigPath, plain[i:], 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("ssh-keygen", "-Y", "check-novalidate", "-n", "sipmote", "-s", sigPath)
	cmd.Stdin = bytes.NewReader(content)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen -Y check-novalidate refused the signature: %v: %s", err, out)
	}
	cmd = exec.Command("ssh-keygen", "-Y", "check-novalidate", "-n", "sipmote", "-s", sigPath)
	cmd.Stdin = bytes.NewReader(append([]byte("x"), content...))
	if err := cmd.Run(); err == nil {
		t.Fatal("ssh-keygen took the signature for other content")
	}
}

// sipmote opens what the age tool encrypted, to an SSH key and to an age
// key, binary and armored: unsigned.
func TestOpenWhatAgeToolEncrypted(t *testing.T) {
	needTool(t, "age")
	needTool(t, "age-keygen")
	dir := t.TempDir()
	receiver := sshKey(t, dir, "per", "ed25519", "")
	ageKey := filepath.Join(dir, "identity")
	if out, err := exec.Command("age-keygen", "-o", ageKey).CombinedOutput(); err != nil {
		t.Fatalf("age-keygen: %v %s", err, out)
	}
	plain := filepath.Join(dir, "export.json")
	if err := os.WriteFile(plain, content, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		key  string
	}{
		{"ssh", []string{"-R", receiver + ".pub"}, receiver},
		{"age-armored", []string{"-a", "-i", ageKey}, ageKey},
	} {
		out := filepath.Join(dir, tc.name+".age")
		args := append(append([]string{"-e"}, tc.args...), "-o", out, plain)
		if o, err := exec.Command("age", args...).CombinedOutput(); err != nil {
			t.Fatalf("age %v: %v %s", args, err, o)
		}
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		o, err := Open(f, keyringOf(t, nil, tc.key), 1<<20)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if o.Signed || !bytes.Equal(o.Content, content) {
			t.Errorf("%s: signed %v content %q", tc.name, o.Signed, o.Content)
		}
	}
}

func TestChangedOrCutFileRefused(t *testing.T) {
	dir := t.TempDir()
	receiver := sshKey(t, dir, "per", "ed25519", "")
	s, err := LoadSigner(sshKey(t, dir, "anna", "ed25519", ""), nil)
	if err != nil {
		t.Fatal(err)
	}
	file := sealTo(t, recipientOf(t, receiver+".pub"), s)
	kr := keyringOf(t, nil, receiver)
	cases := map[string][]byte{
		"cut in the payload": file[:len(file)-10],
		"cut in the header":  file[:40],
		"empty":              nil,
	}
	for _, at := range []int{len(file) - 1, len(file) - 30, len(file) / 2, 30} {
		b := bytes.Clone(file)
		b[at] ^= 0x01
		cases["byte changed at "+string(rune('0'+at%10))+"/"+string(rune('a'+at%26))] = b
	}
	for name, b := range cases {
		o, err := Open(bytes.NewReader(b), kr, 1<<20)
		if err == nil || o != nil {
			t.Errorf("%s: opened", name)
			continue
		}
		var se *Error
		if !errors.As(err, &se) || se.Msg.SV == "" || se.Msg.EN == "" {
			t.Errorf("%s: error without a message: %v", name, err)
		}
	}
}

func TestBadSignatureRefused(t *testing.T) {
	dir := t.TempDir()
	receiver := sshKey(t, dir, "per", "ed25519", "")
	s, err := LoadSigner(sshKey(t, dir, "anna", "ed25519", ""), nil)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := sign(s.s, content)
	if err != nil {
		t.Fatal(err)
	}
	other := bytes.Replace(content, []byte("Testperson"), []byte("Annanperson"), 1)
	var buf bytes.Buffer
	w, err := Encrypt(&buf, recipientOf(t, receiver+".pub"))
	if err != nil {
		t.Fatal(err)
	}
	w.Write(append(other, sig...))
	w.Close()
	_, err = Open(&buf, keyringOf(t, nil, receiver), 1<<20)
	if !errors.Is(err, ErrSignature) {
		t.Fatalf("a signature over other content was taken: %v", err)
	}
}

func TestKeyTypesRefused(t *testing.T) {
	dir := t.TempDir()
	rsa := sshKey(t, dir, "rsa", "rsa", "")
	ecdsa := sshKey(t, dir, "ec", "ecdsa", "")
	for _, p := range []string{rsa, ecdsa} {
		if _, err := ResolveRecipients(p+".pub", nil); !errors.Is(err, ErrKeyType) {
			t.Errorf("recipient %s: %v", p, err)
		}
		if err := NewKeyring(nil).Add(p); !errors.Is(err, ErrKeyType) {
			t.Errorf("identity %s: %v", p, err)
		}
		if _, err := LoadSigner(p, nil); !errors.Is(err, ErrKeyType) {
			t.Errorf("signer %s: %v", p, err)
		}
	}
	_, err := ResolveRecipients(rsa+".pub", nil)
	if msg := err.(*Error).In(model.English); !strings.Contains(msg, "RSA") || !strings.Contains(msg, "ed25519") {
		t.Errorf("RSA message %q", msg)
	}
	if _, err := ParseRecipient("ssh-foo AAAAB3NzaC1"); !errors.Is(err, ErrKeyType) {
		t.Errorf("unknown type: %v", err)
	}
	if _, err := ParseRecipient("age1notakey"); !errors.Is(err, ErrNoKey) {
		t.Errorf("bad age key: %v", err)
	}
	if _, err := ResolveRecipients(rsa, nil); !errors.Is(err, ErrNoKey) {
		t.Errorf("a private key as recipient: %v", err)
	}
}

func TestRecipientListGarbageLine(t *testing.T) {
	dir := t.TempDir()
	pub, _ := os.ReadFile(sshKey(t, dir, "per", "ed25519", "") + ".pub")
	list := filepath.Join(dir, "keys")
	os.WriteFile(list, []byte("# team\n"+string(pub)+"\nhello world\n"), 0o600)
	_, err := ResolveRecipients(list, nil)
	var se *Error
	if !errors.As(err, &se) || !strings.Contains(se.In(model.English), "line 4") || !strings.Contains(se.In(model.Swedish), "rad 4") {
		t.Fatalf("garbage line: %v", err)
	}
	os.WriteFile(list, []byte("# team\n"+string(pub)+"age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj\n"), 0o600)
	rs, err := ResolveRecipients(list, nil)
	if err != nil || len(rs) != 2 {
		t.Fatalf("two keys: %v %v", rs, err)
	}
	named, err := ParseNamed(strings.NewReader("Per Wall, LSS  "+string(pub)+"Eva age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj\n"), "recipients")
	if err != nil || len(named) != 2 || named[0].Name != "Per Wall, LSS" || named[1].Name != "Eva" {
		t.Fatalf("named: %+v %v", named, err)
	}
	if rs, err := ResolveRecipients("per wall, lss", named); err != nil || rs[0].Fingerprint != named[0].Fingerprint {
		t.Fatalf("by name: %v %v", rs, err)
	}
	if _, err := ParseNamed(strings.NewReader("ssh-ed25519 AAAA\n"), "recipients"); err == nil {
		t.Error("a line without a name was taken")
	}
}

func TestPassphraseProtectedKeys(t *testing.T) {
	dir := t.TempDir()
	receiver := sshKey(t, dir, "per", "ed25519", "hemlig fras")
	senderKey := sshKey(t, dir, "anna", "ed25519", "annas fras")
	if _, err := LoadSigner(senderKey, nil); !errors.Is(err, ErrNoTerminal) {
		t.Fatalf("signer without a terminal: %v", err)
	}
	ask := func(pass string) Ask { return func(string) ([]byte, error) { return []byte(pass), nil } }
	if _, err := LoadSigner(senderKey, ask("fel")); !errors.Is(err, ErrPassphrase) {
		t.Fatalf("wrong passphrase: %v", err)
	}
	s, err := LoadSigner(senderKey, ask("annas fras"))
	if err != nil {
		t.Fatal(err)
	}
	file := sealTo(t, recipientOf(t, receiver+".pub"), s)
	if _, err := Open(bytes.NewReader(file), keyringOf(t, nil, receiver), 1<<20); !errors.Is(err, ErrNoTerminal) {
		t.Fatalf("identity without a terminal: %v", err)
	}
	if _, err := Open(bytes.NewReader(file), keyringOf(t, ask("fel"), receiver), 1<<20); !errors.Is(err, ErrPassphrase) {
		t.Fatalf("identity, wrong passphrase: %v", err)
	}
	o, err := Open(bytes.NewReader(file), keyringOf(t, ask("hemlig fras"), receiver), 1<<20)
	if err != nil || !o.Signed || o.Fingerprint != s.Fingerprint {
		t.Fatalf("open: %v %+v", err, o)
	}
}

func TestPlainJSONIsNotSealed(t *testing.T) {
	_, err := Open(bytes.NewReader(content), NewKeyring(nil), 1<<20)
	if !errors.Is(err, ErrNotAge) || !strings.Contains(err.(*Error).In(model.Swedish), "sipmote import") {
		t.Fatalf("plain JSON: %v", err)
	}
}

package share

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// needTool fails in CI, and skips elsewhere, when a tool is missing.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required in CI but not installed", name)
		}
		t.Skipf("%s not installed", name)
	}
}

// openssh runs the real ssh client against s as user, giving code when it
// asks (through SSH_ASKPASS), with extra options and arguments; it gives
// what ssh printed and its exit code.
func openssh(t *testing.T, s *Server, user, code string, timeout time.Duration, extra ...string) (string, int) {
	t.Helper()
	needTool(t, "ssh")
	dir := t.TempDir()
	codeFile := filepath.Join(dir, "code")
	if err := os.WriteFile(codeFile, []byte(code), 0o600); err != nil {
		t.Fatal(err)
	}
	askpass := filepath.Join(dir, "askpass")
	if err := os.WriteFile(askpass, []byte("#!/bin/sh\ncat "+codeFile+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	args := []string{"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "PubkeyAuthentication=no",
		"-o", "PreferredAuthentications=keyboard-interactive", "-o", "NumberOfPasswordPrompts=1", "-F", "/dev/null",
		"-p", fmt.Sprint(s.Addr().Port)}
	args = append(args, extra...)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	// The user name goes before any command in extra.
	at := len(args)
	for i, a := range args {
		if a == "--" {
			at = i
		}
	}
	cmdArgs := append(append(append([]string{}, args[:at]...), user+"@127.0.0.1"), args[min(at+1, len(args)):]...)
	cmd := exec.CommandContext(ctx, "ssh", cmdArgs...)
	cmd.Env = append(os.Environ(), "SSH_ASKPASS="+askpass, "SSH_ASKPASS_REQUIRE=force", "DISPLAY=:0")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.Stdin = strings.NewReader("")
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("ssh %v still running after %v: %q", cmdArgs, timeout, out.String())
	}
	code2 := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code2 = ee.ExitCode()
	}
	return out.String(), code2
}

// TestOpenSSHFingerprint: the fingerprint the share screen shows is the
// one ssh reports for the server and ssh-keygen -l for the key file.
func TestOpenSSHFingerprint(t *testing.T) {
	needTool(t, "ssh-keygen")
	s, _ := startTest(t, nil)
	fp := s.Fingerprint()
	if !strings.HasPrefix(fp, "SHA256:") || strings.HasSuffix(fp, "=") {
		t.Fatalf("fingerprint %q", fp)
	}
	out, err := exec.Command("ssh-keygen", "-l", "-f", s.o.HostKey).CombinedOutput()
	if err != nil {
		t.Fatalf("ssh-keygen: %v %s", err, out)
	}
	if f := strings.Fields(string(out)); len(f) < 2 || f[1] != fp {
		t.Errorf("ssh-keygen -l says %q, the share says %q", out, fp)
	}
	got, _ := openssh(t, s, "room", "wrong", 10*time.Second, "-v", "-o", "BatchMode=no")
	if !strings.Contains(got, "Server host key: ssh-ed25519 "+fp) {
		t.Errorf("ssh saw another key than %q:\n%s", fp, got)
	}
}

// TestOpenSSHRefusals: an unknown user name is told the two that exist;
// a wrong, an empty and a 100 kB code are refused; a command, sftp's
// subsystem and a forwarded port get a reason each; none of it disturbs a
// device already in.
func TestOpenSSHRefusals(t *testing.T) {
	s, tl := startTest(t, nil)
	_, chair := join(t, s, RoleChair, 80, 24)
	chair.waitFor(t, "HELLO chair", 5*time.Second)

	out, code := openssh(t, s, "admin", "whatever", 10*time.Second)
	if code != 255 || !strings.Contains(out, "Det användarnamnet finns inte här. Anslut som room (rummets skärm) eller chair (mötesledarens dator)") ||
		!strings.Contains(out, s.Line(RoleRoom)) || !strings.Contains(out, s.Line(RoleChair)) {
		t.Errorf("unknown user (exit %d):\n%s", code, out)
	}
	for _, bad := range []string{"wrong-code", "", strings.Repeat("a", 100_000)} {
		out, code := openssh(t, s, "room", bad, 10*time.Second, "-tt")
		if code != 255 || !strings.Contains(out, "Permission denied") || strings.Contains(out, "HELLO") {
			t.Errorf("a %d-byte code (exit %d):\n%.300s", len(bad), code, out)
		}
	}
	out, code = openssh(t, s, "room", s.Code(RoleRoom), 10*time.Second, "--", "cat", "/etc/passwd")
	if code != 1 || strings.Contains(out, "root:") || !strings.Contains(out, "Här visas bara mötets skärm") {
		t.Errorf("a command (exit %d):\n%s", code, out)
	}
	out, code = openssh(t, s, "room", s.Code(RoleRoom), 10*time.Second, "-s", "--", "sftp")
	if code != 1 || !strings.Contains(out, "ingen filöverföring") {
		t.Errorf("sftp (exit %d):\n%s", code, out)
	}
	out, _ = openssh(t, s, "room", s.Code(RoleRoom), 10*time.Second, "-W", "127.0.0.1:22")
	if !strings.Contains(out, "administratively prohibited") || !strings.Contains(out, "sipmote vidarebefordrar inga portar") {
		t.Errorf("forwarding:\n%s", out)
	}
	out, code = openssh(t, s, "room", s.Code(RoleRoom), 10*time.Second, "-T")
	if code != 1 || !strings.Contains(out, "Mötets skärm behöver en terminal. Anslut utan -T") {
		t.Errorf("-T (exit %d):\n%s", code, out)
	}
	// The chair's device never noticed.
	_, _ = chair.in.Write([]byte("z"))
	chair.waitFor(t, "key=z", 5*time.Second)
	if strings.Contains(chair.text(), "Permission") || strings.Contains(chair.text(), "användarnamnet") {
		t.Errorf("the chair's screen shows the refusals: %q", chair.text())
	}
	total := 0
	for _, r := range s.Refused() {
		total += r.Count
	}
	if total != 4 { // the unknown user and the three bad codes
		t.Errorf("refused tries %+v", s.Refused())
	}
	_ = s.Close()
	trail := strings.Join(tl.refusedList(), "|")
	if strings.Contains(trail, "wrong-code") || strings.Contains(trail, "aaaa") || strings.Contains(trail, "admin") {
		t.Errorf("the trail holds what was typed: %q", trail)
	}
}

// TestOpenSSHNoScreen: ssh -N gives the code and asks for nothing: it is
// let go after the grace, so that it does not sit unseen in the chair's
// place.
func TestOpenSSHNoScreen(t *testing.T) {
	old := noScreenGrace
	noScreenGrace = time.Second
	defer func() { noScreenGrace = old }()
	s, _ := startTest(t, func(o *Options) { o.MaxChair = 1 })
	start := time.Now()
	_, code := openssh(t, s, "chair", s.Code(RoleChair), 10*time.Second, "-N")
	if d := time.Since(start); code != 255 || d > 5*time.Second {
		t.Errorf("ssh -N ended with %d after %v", code, d)
	}
	_, chair := join(t, s, RoleChair, 80, 24)
	chair.waitFor(t, "HELLO chair", 5*time.Second)
}

// TestDeviceAccount: a device on this computer is listed with its
// account, not as the secretary's.
func TestDeviceAccount(t *testing.T) {
	s, tl := startTest(t, nil)
	_, sc := join(t, s, RoleRoom, 80, 24)
	sc.waitFor(t, "HELLO room", 5*time.Second)
	me, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Clients(); len(got) != 1 || got[0].User != me.Username {
		t.Errorf("device listed as %+v, want account %q", got, me.Username)
	}
	_ = tl
}

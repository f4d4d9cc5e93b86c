package cli

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// serveDemo starts sipmote serve on the demo's plan for Maja in a terminal
// of w×h and waits for the share screen; it gives the terminal, the
// database and the codes and port on screen.
func serveDemo(t *testing.T, w, h int) (host *tmux, bin, db, id, port string, codes map[string]string) {
	t.Helper()
	needTool(t, "tmux")
	needTool(t, "ssh")
	bin = buildBinary(t)
	db = filepath.Join(t.TempDir(), "sip.db")
	if out, err := exec.Command(bin, "--db", db, "demo").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--db", db, "list").CombinedOutput()
	if err != nil {
		t.Fatalf("list: %v\n%s", err, out)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if strings.Contains(l, "Maja") {
			id = strings.Fields(l)[0]
		}
	}
	host = startTmux(t, w, h, bin, "--db", db, "serve", id, "--listen", "127.0.0.1:0")
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(host.capture(), "Mötesledarens dator:") && time.Now().Before(deadline) {
		if strings.Contains(host.capture(), "uppföljningsmötet") {
			host.keys("Enter") // a finalised plan: start its follow-up
		}
		time.Sleep(100 * time.Millisecond)
	}
	scr := host.waitFor("Mötesledarens dator:", time.Second)
	join := regexp.MustCompile(`ssh -p (\d+) (room|chair)@127\.0\.0\.1 · kod: ([a-z0-9]{4}-[a-z0-9]{4})`)
	codes = map[string]string{}
	for _, m := range join.FindAllStringSubmatch(scr, -1) {
		codes[m[2]], port = m[3], m[1]
	}
	if codes["chair"] == "" || codes["room"] == "" {
		t.Fatalf("no codes on the share screen:\n%s", scr)
	}
	return host, bin, db, id, port, codes
}

// TestShareSeamsOverSSH: the share screen shows the host key's fingerprint
// as ssh-keygen -l does and, after a wrong code, where it came from; when
// the secretary closes the meeting, every device leaves the meeting's
// screen, says that the meeting has ended, and only then is let go.
func TestShareSeamsOverSSH(t *testing.T) {
	needTool(t, "ssh-keygen")
	host, bin, db, id, port, codes := serveDemo(t, 100, 30)
	key, err := exec.Command("ssh-keygen", "-l", "-f", filepath.Join(filepath.Dir(db), "ssh_host_ed25519_key")).CombinedOutput()
	if err != nil {
		t.Fatalf("ssh-keygen: %v\n%s", err, key)
	}
	fp := strings.Fields(string(key))[1]
	if scr := host.capture(); !strings.Contains(scr, fp) {
		t.Errorf("the share screen does not show the key's fingerprint %s:\n%s", fp, scr)
	}

	bad := sshLine(t, port, "room")
	bad.waitFor("Kod för rummets skärm:", 10*time.Second)
	bad.keys("fel-kod1", "Enter")
	bad.waitFor("SSH-ENDED", 10*time.Second)
	host.waitFor("1 felaktig kod från 127.0.0.1 (rummet)", 5*time.Second)

	room := sshLine(t, port, "room")
	room.waitFor("Kod för rummets skärm:", 10*time.Second)
	room.keys(codes["room"], "Enter")
	room.waitFor("Nu pratar vi om", 10*time.Second)
	chair := sshLine(t, port, "chair")
	chair.waitFor("Kod för mötesledarens dator:", 10*time.Second)
	chair.keys(codes["chair"], "Enter")
	chair.waitFor("MÖTESLEDARENS VY", 10*time.Second)
	host.keys("Escape")
	host.waitFor("delas (2 anslutna, 1 felaktig kod", 5*time.Second)

	// Leaving with devices connected asks first (tryout41a #8): until the
	// answer, both devices stay in the meeting.
	host.keys("C-q")
	host.waitFor("2 skärmar är anslutna (mötesledarens och rummets) och kopplas från", 5*time.Second)
	time.Sleep(time.Second) // the question takes no key typed ahead
	if scr := chair.capture(); !strings.Contains(scr, "MÖTESLEDARENS VY") {
		t.Fatalf("the chair's device left before the secretary answered:\n%s", scr)
	}
	host.keys("j")
	for name, d := range map[string]*tmux{"room": room, "chair": chair} {
		scr := d.waitFor("SSH-ENDED", 10*time.Second)
		if !strings.Contains(scr, "Mötet är avslutat. Skärmen kan stängas.") {
			t.Errorf("the %s's device was not told the meeting ended:\n%s", name, scr)
		}
		for _, never := range []string{"closed by remote host", "Nu pratar vi om", "MÖTESLEDARENS VY", "Ta inte upp"} {
			if strings.Contains(scr, never) {
				t.Errorf("the %s's device still shows %q after the meeting ended:\n%s", name, never, scr)
			}
		}
	}
	host.waitFor("sipmote", 5*time.Second)
	_ = exec.Command("tmux", "kill-session", "-t", host.session).Run()
	var trail []byte
	for try := 0; ; try++ {
		if trail, err = exec.Command(bin, "--db", db, "trail", id).CombinedOutput(); err == nil {
			break
		}
		if try > 50 {
			t.Fatalf("trail: %v\n%s", err, trail)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !strings.Contains(string(trail), "fel kod till delat möte (rummets vy), 1 försök") || strings.Contains(string(trail), "fel-kod1") {
		t.Errorf("the wrong code in the trail:\n%s", trail)
	}
}

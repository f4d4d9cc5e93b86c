package cli

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// sshLine joins a shared meeting with the real OpenSSH client, asked for
// the code by keyboard-interactive, in a terminal of its own.
// The terminal stays open after ssh ends, to read why it ended.
func sshLine(t *testing.T, port, role string) *tmux {
	ssh := "ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o PubkeyAuthentication=no" +
		" -o PreferredAuthentications=keyboard-interactive -o NumberOfPasswordPrompts=1 -o LogLevel=ERROR" +
		" -p " + port + " " + role + "@127.0.0.1"
	return startTmux(t, 110, 36, "sh", "-c", ssh+"; echo SSH-ENDED $?; sleep 60")
}

// TestShareOverSSH runs a shared meeting as people would: the secretary
// starts sipmote serve, which shows a code for each role; a wrong code
// and one role's code given for the other are refused; the chair and the
// room join with ssh, the chair's step change shows on the secretary's screen,
// the room shows nothing of a field while the secretary types it, and
// then neither what not to raise nor the full personnummer, and a kill -9 of the secretary's program a
// second and a half later loses nothing that was on the screens.
func TestShareOverSSH(t *testing.T) {
	needTool(t, "tmux")
	needTool(t, "ssh")
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "sip.db")
	if out, err := exec.Command(bin, "--db", db, "demo").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--db", db, "list").CombinedOutput()
	if err != nil {
		t.Fatalf("list: %v\n%s", err, out)
	}
	id := ""
	for _, l := range strings.Split(string(out), "\n") {
		if strings.Contains(l, "Maja") {
			id = strings.Fields(l)[0]
		}
	}
	host := startTmux(t, 120, 40, bin, "--db", db, "serve", id, "--listen", "127.0.0.1:0")
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(host.capture(), "Mötesledarens dator:") && time.Now().Before(deadline) {
		if strings.Contains(host.capture(), "uppföljningsmötet") {
			host.keys("Enter") // a finalised plan: start its follow-up
		}
		time.Sleep(100 * time.Millisecond)
	}
	scr := host.waitFor("Mötesledarens dator:", time.Second)
	// One line and one code per role, each under the device it is for.
	join := regexp.MustCompile(`(?m)^.*?(Rummets skärm \(projektorn\)|Mötesledarens dator):.*\n.*ssh -p (\d+) (room|chair)@127\.0\.0\.1 · kod: ([a-z0-9]{4}-[a-z0-9]{4})`)
	codes, port := map[string]string{}, ""
	for _, m := range join.FindAllStringSubmatch(scr, -1) {
		if (m[1] == "Mötesledarens dator") != (m[3] == "chair") {
			t.Fatalf("%s's line is under %q:\n%s", m[3], m[1], scr)
		}
		codes[m[3]], port = m[4], m[2]
	}
	if codes["chair"] == "" || codes["room"] == "" || codes["chair"] == codes["room"] {
		t.Fatalf("not one code for each role on screen (%v):\n%s", codes, scr)
	}
	if !strings.Contains(scr, "Visa aldrig den här koden för rummet") {
		t.Errorf("no warning to keep the chair's code from the room:\n%s", scr)
	}

	// A wrong code, and the chair's code given for the room, are refused;
	// ssh asks each role for its own code.
	for _, wrong := range []string{"abcd-efgh", codes["chair"]} {
		bad := sshLine(t, port, "room")
		bad.waitFor("Kod för rummets skärm:", 10*time.Second)
		bad.keys(wrong, "Enter")
		if scr := bad.waitFor("SSH-ENDED", 10*time.Second); !strings.Contains(scr, "Permission denied") || strings.Contains(scr, "Nu pratar vi om") {
			t.Fatalf("the room got in with %q:\n%s", wrong, scr)
		}
	}

	chair := sshLine(t, port, "chair")
	chair.waitFor("Kod för mötesledarens dator:", 10*time.Second)
	chair.keys(codes["chair"], "Enter")
	chair.waitFor("MÖTESLEDARENS VY", 10*time.Second)
	chair.waitFor("Ta inte upp: hennes tidigare partner", 5*time.Second)

	// Whoever set up the projector knows the room's code: it does not
	// open the chair's view.
	peek := sshLine(t, port, "chair")
	peek.waitFor("Kod för mötesledarens dator:", 10*time.Second)
	peek.keys(codes["room"], "Enter")
	if scr := peek.waitFor("SSH-ENDED", 10*time.Second); !strings.Contains(scr, "Permission denied") ||
		strings.Contains(scr, "MÖTESLEDARENS VY") || strings.Contains(scr, "Ta inte upp") {
		t.Fatalf("the room's code opened the chair's view:\n%s", scr)
	}

	room := sshLine(t, port, "room")
	room.waitFor("Kod för rummets skärm:", 10*time.Second)
	room.keys(strings.ToUpper(codes["room"]), "Enter")
	room.waitFor("Nu pratar vi om", 10*time.Second)
	host.keys("Escape")
	host.waitFor("delas (2 anslutna", 5*time.Second)

	// The follow-up opens on the review; the chair goes back one step, to
	// the present situation. The secretary's editor stays where it was and
	// says where the chair is; F5 follows.
	for range 20 {
		chair.keys("Left")
	}
	for i := 0; !strings.Contains(chair.capture(), "Hur det är nu\n") && !regexp.MustCompile(`Punkt \d+ av \d+: Hur det är nu`).MatchString(chair.capture()); i++ {
		if i > 20 {
			t.Fatalf("the chair never reached the present situation:\n%s", chair.capture())
		}
		chair.keys("Right")
		time.Sleep(200 * time.Millisecond)
	}
	host.waitFor("· f5 följ", 5*time.Second)
	host.keys("F5")
	host.waitFor("Hur det är nu, också det som fungerar", 5*time.Second)

	// The secretary types the subject not to raise and the personnummer.
	typed := " Om hennes tidigare partner: inget nytt. Pnr 19890412-3455. Klart."
	for i := 0; i < len(typed); i += 4 {
		host.keys("-l", typed[i:min(i+4, len(typed))])
		r := room.capture()
		// Nothing of the field reaches the room while it is typed, not
		// even the part that names no subject (roomhold.go).
		for _, never := range []string{"hennes tidigare partner", "partn", "19890412", "198904123455", "Ta inte upp", "inget nytt"} {
			if strings.Contains(r, never) {
				t.Fatalf("the room's screen shows %q:\n%s", never, r)
			}
		}
	}
	// A pause at the end of a sentence lets the room read it, with the
	// sentence that names the subject blanked whole.
	r := room.waitFor("Klart.", 10*time.Second)
	if !strings.Contains(r, "… Pnr 19890412-****. Klart.") || strings.Contains(r, "partner") {
		t.Errorf("the room's screen does not show the masked text:\n%s", r)
	}
	chair.waitFor("Hur det är nu", time.Second)

	// Kill the secretary's program a second and a half after the last
	// key: what the screens showed is on disk.
	time.Sleep(1500 * time.Millisecond)
	if err := syscall.Kill(host.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	// Maja's follow-up, being typed, is version 2; export takes the
	// last finalised version unless told.
	md, err := exec.Command(bin, "--db", db, "export", id, "--format", "md", "--version", "2").CombinedOutput()
	if err != nil {
		t.Fatalf("export after kill: %v\n%s", err, md)
	}
	if !strings.Contains(string(md), "Pnr 19890412-3455. Klart.") {
		t.Errorf("typed text lost by the kill:\n%s", md)
	}
	again := startTmux(t, 120, 40, bin, "--db", db, "meeting", id)
	scr = again.waitFor("Hur det är nu, också det som fungerar", 15*time.Second)
	agendaOn := false
	for _, l := range strings.Split(scr, "\n") {
		if i := strings.Index(l, "›"); i >= 0 && strings.Contains(l[i:], "Hur det är nu") {
			agendaOn = true
		}
	}
	if !agendaOn {
		t.Errorf("reopened away from the chair's step:\n%s", scr)
	}
	_ = exec.Command("tmux", "kill-session", "-t", again.session).Run() // SIGHUP: saves and ends
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
	// The wrong codes are there too, by view and address: the room's
	// two, and the room's code tried at the chair's door.
	for _, want := range []string{"delad skärm ansluten (mötesledarens vy)", "delad skärm ansluten (rummets vy)",
		"fel kod till delat möte (rummets vy), 1 försök", "fel kod till delat möte (mötesledarens vy), 1 försök"} {
		if !strings.Contains(string(trail), want) {
			t.Errorf("trail lacks %q:\n%s", want, trail)
		}
	}
	for role, code := range codes {
		if strings.Contains(string(trail), code) || strings.Contains(string(trail), strings.ReplaceAll(code, "-", "")) {
			t.Errorf("the trail holds the %s's code:\n%s", role, trail)
		}
	}
}

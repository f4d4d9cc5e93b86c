package cli

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// accessibleEnv is an environment of its own: a home and config folder
// in t's temporary folder, and no SIPMOTE_ACCESSIBLE from outside.
func accessibleEnv(t *testing.T) (env []string, cfg string) {
	home := t.TempDir()
	cfg = filepath.Join(home, ".config")
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "SIPMOTE_ACCESSIBLE=") && !strings.HasPrefix(e, "HOME=") && !strings.HasPrefix(e, "XDG_CONFIG_HOME=") && !strings.HasPrefix(e, "SIPMOTE_CONFIG_DIR=") {
			env = append(env, e)
		}
	}
	// SIPMOTE_CONFIG_DIR is named too: a terminal started through tmux
	// (startTmux) is given the package's own settings folder, which a
	// remembered --accessible must never reach.
	return append(env, "HOME="+home, "XDG_CONFIG_HOME="+cfg, "SIPMOTE_CONFIG_DIR="+filepath.Join(cfg, "sipmote")), cfg
}

// The real program with a script on a pipe as standard input: the plan
// made and written there is in the database, the output is plain lines,
// and --accessible is remembered for the next start.
func TestAccessibleModeFromAPipe(t *testing.T) {
	bin := buildBinary(t)
	env, cfg := accessibleEnv(t)
	db := filepath.Join(t.TempDir(), "sip.db")
	run := func(stdin string, args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
		cmd.Env, cmd.Stdin = env, strings.NewReader(stdin)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("sipmote %v: %v\n%s", args, err, out)
		}
		if strings.ContainsAny(string(out), "\x1b\r") {
			t.Errorf("escape sequences in the output: %q", out)
		}
		for _, ln := range strings.Split(string(out), "\n") {
			if len([]rune(ln)) > 80 {
				t.Errorf("line over 80 characters: %q", ln)
			}
		}
		return string(out)
	}
	out := run(":new\nEva Holm\n\n\n\n\n\n\n\n\n:step 5\nEva lives alone.\nShe wants work.\n:quit\n", "--accessible", "--lang", "en")
	if !strings.Contains(out, "Step 5 of 14: How are things now?") {
		t.Errorf("no step line:\n%s", out)
	}
	b, err := os.ReadFile(filepath.Join(cfg, "sipmote", "settings.json"))
	var s settings
	if err != nil || json.Unmarshal(b, &s) != nil || !s.Accessible {
		t.Fatalf("--accessible was not remembered: %s %v", b, err)
	}
	if st, err := os.Stat(filepath.Join(cfg, "sipmote", "settings.json")); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("settings file mode: %v %v", st, err)
	}
	// Remembered: the next start without the flag is accessible too, in
	// Swedish, and opens the plan from the list.
	out = run(":öppna 1\n:punkt 5\n:läs\n:avsluta\n")
	if !strings.Contains(out, "tillgängligt läge") || !strings.Contains(out, "Eva lives alone.") {
		t.Errorf("the remembered mode did not start or read the plan:\n%s", out)
	}
	svc, err := service.Open(db, service.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sums, err := svc.List(context.Background())
	if err != nil || len(sums) != 1 {
		t.Fatalf("list: %v %v", sums, err)
	}
	p, err := svc.Load(context.Background(), sums[0].ID)
	svc.Close()
	if err != nil {
		t.Fatal(err)
	}
	if p.Person.Name != "Eva Holm" || p.Draft.Content.Situation != "Eva lives alone.\nShe wants work." {
		t.Errorf("saved: %q %q", p.Person.Name, p.Draft.Content.Situation)
	}
	// --accessible=false forgets it.
	cmd := exec.Command(bin, "--accessible=false", "--version")
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	b, _ = os.ReadFile(filepath.Join(cfg, "sipmote", "settings.json"))
	if json.Unmarshal(b, &s) != nil || s.Accessible {
		t.Errorf("--accessible=false left %s", b)
	}
	// SIPMOTE_ACCESSIBLE=1 turns it on for one run.
	cmd = exec.Command(bin, "--db", db, "--lang", "en")
	cmd.Env, cmd.Stdin = append(env, "SIPMOTE_ACCESSIBLE=1"), strings.NewReader(":list\n")
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "1. Eva Holm") {
		t.Errorf("SIPMOTE_ACCESSIBLE=1: %v\n%s", err, out)
	}
}

// On a real terminal (tmux at 80x24) the mode never switches to the
// alternate screen, and what it said stays in the scrollback.
func TestAccessibleModeOnATerminal(t *testing.T) {
	needTool(t, "tmux")
	bin := buildBinary(t)
	env, _ := accessibleEnv(t)
	db, p := lonePlan(t, "Lars Ek")
	// The pane stays after the program ends, to read its last lines; the
	// shell leaves ctrl+c to the program.
	argv := append([]string{"sh", "-c", `trap "" INT; "$@"; echo "EXIT=$?"; sleep 60`, "sh", "env"}, env...)
	tm := startTmux(t, 80, 24, append(argv, bin, "meeting", p.ID, "--db", db, "--accessible")...)
	tm.waitFor("Mötet för Lars Ek är öppet.", 10*time.Second)
	tm.keys(":punkt 5", "Enter")
	tm.waitFor("Punkt 5 av 14", 5*time.Second)
	tm.keys("Lars vill flytta.", "Enter")
	tm.waitFor("Tillagt i Hur det är nu.", 5*time.Second)
	alt, err := exec.Command("tmux", "display-message", "-p", "-t", tm.session, "#{alternate_on}").Output()
	if err != nil || strings.TrimSpace(string(alt)) != "0" {
		t.Errorf("alternate screen on: %q %v", alt, err)
	}
	// ctrl+c ends the mode as :avsluta does: what was typed is saved.
	tm.keys("C-c")
	tm.waitFor("EXIT=0", 10*time.Second)
	if s := tm.capture(); !strings.Contains(s, "allt som skrevs är sparat") {
		t.Errorf("the close did not say all is saved:\n%s", s)
	}
	if got := savedPlan(t, db, p.ID); got.Draft.Content.Situation != "Lars vill flytta." {
		t.Errorf("saved: %q", got.Draft.Content.Situation)
	}
}

// sipmote serve --accessible shares the meeting as the full screen does:
// the ssh line and code of each role as lines, a wrong code and a device
// joining said in a line each, and the chair's step change announced.
func TestAccessibleServeOverSSH(t *testing.T) {
	needTool(t, "tmux")
	needTool(t, "ssh")
	bin := buildBinary(t)
	env, _ := accessibleEnv(t)
	db := filepath.Join(t.TempDir(), "data", "sip.db")
	p := model.NewPlan(model.Person{Name: "Lars Ek"}, time.Now())
	p.Draft.Consent.NotRaise = []string{"skulderna hos kronofogden"}
	svc, err := service.Open(db, service.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	svc.Close()
	argv := append([]string{"sh", "-c", `"$@"; echo "EXIT=$?"; sleep 60`, "sh", "env"}, env...)
	host := startTmux(t, 80, 60, append(argv, bin, "--db", db, "serve", p.ID, "--listen", "127.0.0.1:0", "--accessible")...)
	scr := host.waitFor("Värdnyckelns fingeravtryck", 15*time.Second)
	join := regexp.MustCompile(`(?m)^(mötesledarens dator|rummets skärm): ssh -p (\d+) (chair|room)@127\.0\.0\.1\nKod: ((?:\S ){8}\S)$`)
	codes, port := map[string]string{}, ""
	for _, m := range join.FindAllStringSubmatch(scr, -1) {
		codes[m[3]], port = strings.ReplaceAll(m[4], " ", ""), m[2]
	}
	if codes["chair"] == "" || codes["room"] == "" {
		t.Fatalf("no line and code for each role:\n%s", scr)
	}
	bad := sshLine(t, port, "room")
	bad.waitFor("Kod för rummets skärm:", 10*time.Second)
	bad.keys("abcd-efgh", "Enter")
	bad.waitFor("SSH-ENDED", 10*time.Second)
	host.waitFor("Fel kod för rummets skärm från 127.0.0.1, 1 försök.", 5*time.Second)

	chair := sshLine(t, port, "chair")
	chair.waitFor("Kod för mötesledarens dator:", 10*time.Second)
	chair.keys(codes["chair"], "Enter")
	chair.waitFor("MÖTESLEDARENS VY", 10*time.Second)
	host.waitFor("Ansluten: mötesledarens dator från 127.0.0.1.", 5*time.Second)
	chair.keys("Right")
	host.waitFor("Mötet gick vidare. Punkt 2 av 14: Vilka är här?", 5*time.Second)
	// Leaving disconnects the chair: the mode asks first, as the full
	// screen does.
	host.keys(":avsluta", "Enter")
	host.waitFor("1 skärm är ansluten (mötesledarens dator) och kopplas från om du lämnar mötet.", 5*time.Second)
	host.keys("1", "Enter")
	scr = host.waitFor("EXIT=0", 15*time.Second)
	if strings.Contains(scr, "kronofogden") {
		t.Errorf("the hidden field reached the secretary's lines unasked:\n%s", scr)
	}
	if strings.ContainsAny(scr, "┌─│") {
		t.Errorf("borders in the accessible mode:\n%s", scr)
	}
}

package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/meeting/sharepanel"
)

// fakeSharing is a share as the panel sees it, with a code per role.
type fakeSharing struct {
	host    string
	codes   map[string]string
	devs    []sharepanel.Device
	refused []sharepanel.Refusal
	changed chan struct{}
	done    chan struct{}
}

func newFakeSharing(host string, devices int) *fakeSharing {
	f := &fakeSharing{host: host, codes: map[string]string{"chair": "kx7m-q2wd", "room": "pb4n-hs9e"},
		changed: make(chan struct{}), done: make(chan struct{})}
	for i := range devices {
		role := "room"
		if i%2 == 0 {
			role = "chair"
		}
		f.devs = append(f.devs, sharepanel.Device{ID: i + 1, Role: role, Addr: fmt.Sprint("10.0.0.", 10+i), Since: fixedNow})
	}
	return f
}

func (f *fakeSharing) Code(role string) string { return f.codes[role] }
func (f *fakeSharing) Line(role string) string {
	return "ssh -p 2223 " + role + "@" + f.host
}
func (f *fakeSharing) Devices() []sharepanel.Device  { return f.devs }
func (f *fakeSharing) Changed() <-chan struct{}      { return f.changed }
func (f *fakeSharing) Done() <-chan struct{}         { return f.done }
func (f *fakeSharing) Drop(int)                      {}
func (f *fakeSharing) Stop() error                   { return nil }
func (f *fakeSharing) EndMeeting() error             { return nil }
func (f *fakeSharing) Refused() []sharepanel.Refusal { return f.refused }
func (f *fakeSharing) Fingerprint() string {
	return "SHA256:q8Kx1bVt0Jm4Zr7NwEo2Hc9YuLd5SgPaFi3TnXe6W0k"
}

// joinOf finds role's ssh line on the screen and the code given with it:
// on the same line or the next, under the device it is for.
func joinOf(t *testing.T, scr, label, line string) string {
	t.Helper()
	rows := strings.Split(scr, "\n")
	for i, r := range rows {
		if !strings.Contains(r, label) {
			continue
		}
		for j := i + 1; j < min(i+4, len(rows)); j++ {
			if !strings.Contains(rows[j], line) && (j == i+1 || !strings.Contains(rows[j-1], line)) {
				continue
			}
			for _, c := range []string{rows[j], rows[min(j+1, len(rows)-1)]} {
				for _, code := range []string{"kx7m-q2wd", "pb4n-hs9e"} {
					if strings.Contains(c, code) {
						return code
					}
				}
			}
		}
		t.Fatalf("no %q with a code under %q:\n%s", line, label, scr)
	}
	t.Fatalf("no %q on screen:\n%s", label, scr)
	return ""
}

// TestSharePanelCodePerRole: the panel gives the room's screen and the
// chair's computer each its own line and its own code, warns that the
// chair's code is not for the room, and keeps all of it, the list's heading
// and the keys on screen, from a roomy window down to 60×16, in both
// languages, whatever the address and however many devices are in.
func TestSharePanelCodePerRole(t *testing.T) {
	st := common.DefaultStyles()
	for _, l := range []model.Lang{model.Swedish, model.English} {
		roomLabel := model.T(l, "Rummets skärm (projektorn):", "The room's screen (projector):")
		chairLabel := model.T(l, "Mötesledarens dator:", "The chair's computer:")
		warn := model.T(l, "Visa aldrig den här koden för rummet", "Never let the room see this code")
		heading := model.T(l, "Anslutna (", "Connected (")
		keys := model.T(l, "s sluta dela", "s stop sharing")
		for _, host := range []string{"127.0.0.1", "192.168.100.123", "[fd12:3456:789a:1::1234]"} {
			for _, sz := range [][2]int{{80, 24}, {60, 16}, {120, 40}} {
				for _, n := range []int{0, 3, 8} {
					name := fmt.Sprintf("%v/%s/%dx%d/%d devices", l, host, sz[0], sz[1], n)
					f := newFakeSharing(host, n)
					if n == 3 {
						f.refused = []sharepanel.Refusal{{Addr: "127.0.0.5", Role: "chair", Count: 3, Last: fixedNow}, {Addr: "10.0.0.9", Role: "room", Count: 1, Last: fixedNow}}
					}
					p := sharepanel.New(l, &st, f)
					p.Cursor = n - 1 // the last device chosen: it must show
					scr := ansi.Strip(viewAt(p, sz[0], sz[1]))
					rows := strings.Split(scr, "\n")
					if len(rows) != sz[1] {
						t.Errorf("%s: %d rows", name, len(rows))
					}
					for _, r := range rows {
						if ansi.StringWidth(r) > sz[0] {
							t.Errorf("%s: row wider than the window: %q", name, r)
						}
					}
					if strings.Contains(scr, "…") {
						t.Errorf("%s: something was cut:\n%s", name, scr)
					}
					room := joinOf(t, scr, roomLabel, "ssh -p 2223 room@"+host)
					chair := joinOf(t, scr, chairLabel, "ssh -p 2223 chair@"+host)
					if room != "pb4n-hs9e" || chair != "kx7m-q2wd" {
						t.Errorf("%s: room shown with %q, chair with %q:\n%s", name, room, chair, scr)
					}
					if strings.Index(scr, warn) < strings.Index(scr, chairLabel) {
						t.Errorf("%s: no warning with the chair's code:\n%s", name, scr)
					}
					for _, want := range []string{heading, keys} {
						if !strings.Contains(scr, want) {
							t.Errorf("%s: %q not on screen:\n%s", name, want, scr)
						}
					}
					if !strings.Contains(scr, f.Fingerprint()) {
						t.Errorf("%s: no host key fingerprint:\n%s", name, scr)
					}
					if n == 3 && !strings.Contains(scr, model.T(l, "3 felaktiga koder från 127.0.0.5 (mötesledaren)", "3 wrong codes from 127.0.0.5 (the chair)")) {
						t.Errorf("%s: the wrong codes are not shown:\n%s", name, scr)
					}
					if n > 0 && !strings.Contains(scr, fmt.Sprint("10.0.0.", 10+n-1)) {
						t.Errorf("%s: the chosen device is out of sight:\n%s", name, scr)
					}
				}
			}
		}
	}
}

// TestF3ShowsBothCodes: F3 in the meeting shares it and shows the two
// codes, each with its role, never one code for both.
func TestF3ShowsBothCodes(t *testing.T) {
	m, _ := openViewsMeeting(t, model.Swedish, 80, 24)
	f := newFakeSharing("127.0.0.1", 0)
	m.meeting.Share = func(*service.Session) (sharepanel.Sharing, error) { return f, nil }
	send(m, tea.KeyPressMsg{Code: tea.KeyF3})
	scr := screenText(m)
	if got := joinOf(t, scr, "Rummets skärm (projektorn):", "room@127.0.0.1"); got != f.codes["room"] {
		t.Errorf("the room's line shows %q:\n%s", got, scr)
	}
	if got := joinOf(t, scr, "Mötesledarens dator:", "chair@127.0.0.1"); got != f.codes["chair"] {
		t.Errorf("the chair's line shows %q:\n%s", got, scr)
	}
	if strings.Contains(scr, "Mötets kod") {
		t.Errorf("one code for the whole meeting is still shown:\n%s", scr)
	}
	// Closed, the panel leaves the meeting saying it is shared, not that
	// sharing is still starting.
	press(m, "esc")
	if scr := screenText(m); strings.Contains(scr, "Startar delningen") || !strings.Contains(scr, "delas (0 anslutna") {
		t.Errorf("after the panel:\n%s", scr)
	}
}

// TestShareStatusFitsEightyColumns: with devices connected and a wrong
// code, the status line keeps the numbers whole at 80 columns (the short
// form), and says it in full where there is room.
func TestShareStatusFitsEightyColumns(t *testing.T) {
	for _, c := range []struct {
		w    int
		want string
	}{{80, "2 anslutna, 1 felaktig kod"}, {140, "delas (2 anslutna, 1 felaktig kod, f3)"}} {
		m, _ := openViewsMeeting(t, model.Swedish, c.w, 24)
		f := newFakeSharing("127.0.0.1", 2)
		f.refused = []sharepanel.Refusal{{Addr: "10.0.0.9", Role: "room", Count: 1, Last: fixedNow}}
		m.meeting.Share = func(*service.Session) (sharepanel.Sharing, error) { return f, nil }
		send(m, tea.KeyPressMsg{Code: tea.KeyF3})
		press(m, "esc")
		var status string
		for _, l := range strings.Split(screenText(m), "\n") {
			if strings.Contains(l, "anslutna") {
				status = l
			}
		}
		if !strings.Contains(status, c.want) || strings.Contains(status, "…") {
			t.Errorf("%d columns: the status line is %q, want %q whole in it", c.w, status, c.want)
		}
	}
}

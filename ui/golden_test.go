package ui

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/sipmote/sipmote/model"
)

// TestGoldenScreens runs the program in teatest and compares each screen
// with its golden file, at 80×24 and 120×40, in Swedish and English.
// Update with: go test ./ui -run TestGoldenScreens -update
func TestGoldenScreens(t *testing.T) {
	sizes := [][2]int{{80, 24}, {120, 40}}
	for _, lang := range []model.Lang{model.Swedish, model.English} {
		for _, sz := range sizes {
			for _, scr := range []string{"home", "new", "meeting", "preview", "help", "overrun", "rows"} {
				name := fmt.Sprintf("%s_%s_%dx%d", scr, lang, sz[0], sz[1])
				t.Run(name, func(t *testing.T) {
					db := openTestDB(t)
					child := model.DemoChild(fixedNow)
					for _, p := range []*model.Plan{model.Demo(fixedNow), child} {
						if err := db.Create(context.Background(), p); err != nil {
							t.Fatal(err)
						}
					}
					o := Options{Service: db, Lang: lang, Now: func() time.Time { return fixedNow }, Agenda: testAgenda(t)}
					if scr != "home" && scr != "new" {
						o.OpenPlan = child.ID
					}
					m := New(o)
					tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(sz[0], sz[1]))
					tm.Send(firstFrameMsg{}) // keys count from here, not after firstFrameWait
					// wait returns once the output holds every one of
					// wants. One call reads the output: what a call has
					// read is gone for the next, so what arrives together
					// is waited for together.
					wait := func(wants ...string) {
						teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
							seen := []byte(ansi.Strip(string(b)))
							for _, w := range wants {
								if !bytes.Contains(seen, []byte(w)) {
									return false
								}
							}
							return true
						}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
					}
					switch scr {
					case "home":
						// What is due is read after the first frame
						// (issue 30), often in the same read of the
						// output as the list; every home golden holds
						// it, so the test waits for the list and it
						// together rather than for luck.
						wait("Maja", model.T(lang, "Att göra snart", "Due soon"))
					case "new":
						wait("Maja")
						tm.Send(kp("n"))
						wait(model.T(lang, "Ny SIP", "New SIP"))
					case "meeting", "overrun":
						wait(model.T(lang, "Rum och teknik", "Room and equipment"))
					case "preview":
						wait(model.T(lang, "Rum och teknik", "Room and equipment"))
						tm.Send(kp("ctrl+e"))
						wait(model.T(lang, "bläddrar", "scroll"))
					case "help":
						wait(model.T(lang, "Rum och teknik", "Room and equipment"))
						tm.Send(kp("f1"))
						wait(model.T(lang, "stänger hjälpen", "closes the help"))
					case "rows":
						// The participants' table on the introductions step.
						wait(model.T(lang, "Rum och teknik", "Room and equipment"))
						tm.Send(kp("ctrl+n"))
						wait(model.T(lang, "Vilka är här?", "Who is here?"))
					}
					if err := tm.Quit(); err != nil {
						t.Fatal(err)
					}
					fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
					defer fm.Close()
					if fm.meeting != nil {
						// The save line shows the wall clock of the last
						// save; it is the one part of the screen that
						// depends on timing, so it is fixed here.
						fm.meeting.SaveText = model.T(lang, "sparat", "saved")
						fm.meeting.Message = ""
					}
					if scr == "overrun" {
						// Started, the introductions ran 15 minutes over:
						// the later steps are shortened.
						inEdit(fm, func() {
							v := fm.meeting.Sess.Draft()
							v.StartMeeting(fixedNow)
							v.Agenda = map[string]model.StepState{"room": {Done: true, Seconds: 60}, "introductions": {Seconds: 20 * 60}}
							fm.meeting.GoStep(1)
						})
					}
					out := ansi.Strip(fm.render())
					checkScreen(t, out, sz[0], sz[1])
					golden.RequireEqual(t, out)
				})
			}
		}
	}
}

// checkScreen asserts what every screen must meet whatever its golden
// file says: it fits the window.
func checkScreen(t *testing.T, out string, w, h int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) > h {
		t.Errorf("screen has %d lines, window %d", len(lines), h)
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			t.Errorf("line %d is %d wide, window %d: %q", i, ansi.StringWidth(l), w, l)
		}
	}
}

var _ tea.Model = (*Model)(nil)

package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/home"
)

// TestMeetingNamesWhosePlan: the meeting's top line names the person and
// the version at 80×24 and 100×30, in Swedish and English, for a child's
// first plan and an adult's follow-up, without the personnummer and
// without any line wider than the window (tryout2 #45: a secretary typed
// twice into the wrong plan, nothing on screen named it).
func TestMeetingNamesWhosePlan(t *testing.T) {
	cases := []struct {
		name string
		plan func() *model.Plan
		l    model.Lang
		want []string
	}{
		{"child first plan", func() *model.Plan { return model.DemoChild(fixedNow) }, model.Swedish,
			[]string{"Elias Nyström", "version 1, första planen"}},
		{"adult follow-up", func() *model.Plan { return model.Demo(fixedNow) }, model.Swedish,
			[]string{"Maja Lind", "version 2, uppföljning"}},
		{"english", func() *model.Plan { return model.Demo(fixedNow) }, model.English,
			[]string{"Maja Lind", "version 2, follow-up"}},
		{"long name", func() *model.Plan {
			p := model.Demo(fixedNow)
			p.Person.Name = "Maria Gabriella Josefina Sundström-Wennerberg af Klinteberg"
			return p
		}, model.Swedish, []string{"Maria Gabriella", "version 2"}},
	}
	for _, c := range cases {
		for _, sz := range [][2]int{{80, 24}, {100, 30}} {
			t.Run(fmt.Sprintf("%s/%dx%d", c.name, sz[0], sz[1]), func(t *testing.T) {
				db := openTestDB(t)
				p := c.plan()
				if err := db.Create(context.Background(), p); err != nil {
					t.Fatal(err)
				}
				m := newTestModel(t, db, c.l, sz[0], sz[1])
				send(m, home.OpenPlanMsg{ID: p.ID})
				if m.screen != screenMeeting {
					t.Fatalf("meeting did not open:\n%s", screenText(m))
				}
				lines := strings.Split(screenText(m), "\n")
				for _, w := range c.want {
					if !strings.Contains(lines[0], w) {
						t.Errorf("%d×%d: top line %q lacks %q", sz[0], sz[1], lines[0], w)
					}
				}
				if pnr := p.Person.PNR; pnr != "" && strings.Contains(strings.Join(lines, "\n"), pnr[len(pnr)-4:]) {
					t.Errorf("the personnummer's last digits are on the secretary's screen")
				}
				if len(lines) > sz[1] {
					t.Errorf("%d lines for a window of %d", len(lines), sz[1])
				}
				for i, ln := range lines {
					if w := ansi.StringWidth(ln); w > sz[0] {
						t.Errorf("line %d is %d wide at %d: %q", i, w, sz[0], ln)
					}
				}
				if !strings.HasSuffix(strings.TrimRight(lines[0], " "), "╮") {
					t.Errorf("top border broken: %q", lines[0])
				}
			})
		}
	}
}

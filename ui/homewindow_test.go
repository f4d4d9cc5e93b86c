package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/internal/bigfile"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// TestHomeWindowRealFile: with 3 000 plans in a real file the home screen
// draws the first rows whole, reads the lines of the rows it scrolls to,
// never finds a plan whose consent was withdrawn by the person's name,
// and lists what is due, read once the first frame is out.
func TestHomeWindowRealFile(t *testing.T) {
	path := bigfile.Make(t, 3000)
	svc, err := service.Open(path, service.Options{RecoveryDirs: []string{filepath.Join(t.TempDir(), "rec")}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	entries, err := svc.HomeIndex(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var open []model.ListEntry
	for _, e := range entries {
		if e.Status != model.StatusClosed {
			open = append(open, e)
		}
	}
	m := newTestModel(t, svc, model.Swedish, 80, 24)

	line := func(screen, name string) string {
		for l := range strings.SplitSeq(screen, "\n") {
			if strings.Contains(l, name+" ") {
				return l
			}
		}
		return ""
	}
	scr := screenText(m)
	if l := line(scr, open[0].Person); !strings.Contains(l, "(utkast)") {
		t.Fatalf("the first plan's line is not whole: %q\n%s", l, scr)
	}

	press(m, "end")
	scr = screenText(m)
	last := open[len(open)-1].Person
	if l := line(scr, last); !strings.Contains(l, "(utkast)") {
		t.Fatalf("after end the last plan's line is not whole: %q\n%s", l, scr)
	}
	press(m, "home")
	if l := line(screenText(m), open[0].Person); !strings.Contains(l, "(utkast)") {
		t.Fatalf("after home the first plan is not shown whole:\n%s", screenText(m))
	}

	// Plan 7's consent was withdrawn: its name finds nothing, and the
	// line that says so is not among what the search shows.
	press(m, "/")
	typeText(m, strings.ToLower(bigfile.Name(7)))
	scr = screenText(m)
	if strings.Contains(scr, "samtycket återkallat") || strings.Contains(scr, bigfile.Name(7)+" ") {
		t.Errorf("a search for the withdrawn plan's name shows it:\n%s", scr)
	}
	press(m, "esc")

	// Read once the first frame was out (newTestModel sends it).
	if scr := screenText(m); !strings.Contains(scr, "Att göra snart") || !strings.Contains(scr, "utkastet har inte ändrats") {
		t.Errorf("no due list after it was read:\n%s", scr)
	}
}

// TestDueAfterFirstFrame: what is due is read only once the first frame
// is out, then shown.
func TestDueAfterFirstFrame(t *testing.T) {
	svc := openTestDB(t)
	p := model.NewPlan(model.Person{Name: "Maja Lind"}, fixedNow.AddDate(0, -2, 0))
	if err := svc.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Service: svc, Lang: model.Swedish, Now: func() time.Time { return fixedNow }, Agenda: testAgenda(t)})
	t.Cleanup(func() { _ = m.Close() })
	send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if scr := screenText(m); !strings.Contains(scr, "Maja Lind") || strings.Contains(scr, "Att göra snart") {
		t.Fatalf("before the first frame:\n%s", scr)
	}
	send(m, firstFrameMsg{})
	if scr := screenText(m); !strings.Contains(scr, "Att göra snart") || !strings.Contains(scr, "Maja Lind: utkastet") {
		t.Fatalf("after the first frame:\n%s", scr)
	}
}

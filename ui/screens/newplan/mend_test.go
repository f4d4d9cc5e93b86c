package newplan

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/common"
)

func press(m *Model, keys ...tea.KeyPressMsg) {
	for _, k := range keys {
		m.Update(k)
	}
}

func typed(m *Model, s string) {
	for _, r := range s {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

var (
	tabKey     = tea.KeyPressMsg{Code: tea.KeyTab}
	backTabKey = tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	saveKey    = tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	undoKey    = tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}
	f1Key      = tea.KeyPressMsg{Code: tea.KeyF1}
	escKey     = tea.KeyPressMsg{Code: tea.KeyEscape}
	leftKey    = tea.KeyPressMsg{Code: tea.KeyLeft}
)

func newForm(t *testing.T, l model.Lang) *Model {
	t.Helper()
	st := common.DefaultStyles()
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.Local)
	m := New(l, &st, func() time.Time { return now })
	m.SetSize(80, 24)
	// Each key a second and more after the last: each is a step of its
	// own for ctrl+z, as when typed by hand with pauses.
	tick := now
	m.Form.Now = func() time.Time { tick = tick.Add(2 * time.Second); return tick }
	return m
}

// A date refused as wrong is replaced, not added to, when it is typed
// again after going back to it (tryout42b #15: "7/122026-13-01…"); an
// arrow key first keeps it to mend, and ctrl+z brings the wrong value
// back. ctrl+s that refuses it puts the cursor there the same way.
func TestWrongDateIsReplacedWhenTypedAgain(t *testing.T) {
	m := newForm(t, model.English)
	typed(m, "Tess Tester")
	press(m, tabKey, tabKey)
	typed(m, "7/13") // no date under any reading (7/12 is read as 7 December)
	press(m, tabKey)
	if !strings.Contains(ansi.Strip(m.View()), "Write the date as YYYY-MM-DD") {
		t.Fatalf("no word under the wrong date:\n%s", ansi.Strip(m.View()))
	}
	press(m, backTabKey)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "› Meeting date  (type to replace, ← to edit)") {
		t.Errorf("back on the wrong date, the label does not say typing replaces it:\n%s", v)
	}
	typed(m, "2026-12-01")
	if m.In.Date != "2026-12-01" {
		t.Errorf("typed again, the date is %q, want 2026-12-01", m.In.Date)
	}
	press(m, undoKey)
	for i := 0; i < len("2026-12-01") && m.In.Date != "7/13"; i++ {
		press(m, undoKey) // one key typed at a time, one step each
	}
	if m.In.Date != "7/13" {
		t.Errorf("ctrl+z after replacing: %q, want the value replaced (7/13)", m.In.Date)
	}
	// An arrow key first: the wrong value is kept to edit.
	press(m, tabKey, backTabKey, leftKey)
	typed(m, "x")
	if m.In.Date != "7/1x3" {
		t.Errorf("edited after ←: %q, want 7/1x3", m.In.Date)
	}
	// ctrl+s from another field refuses the date and puts the cursor
	// there, to be replaced (typed on, when she was in it: see
	// ui.TestOwnTextIsNotReplacedAfterARefusal).
	press(m, tabKey, tabKey, saveKey)
	if m.Form.Current().Path != "date" || !m.Form.Replace {
		t.Fatalf("ctrl+s on a wrong date: focus %q, replace %v", m.Form.Current().Path, m.Form.Replace)
	}
	typed(m, "2026-12-02")
	if m.In.Date != "2026-12-02" {
		t.Errorf("typed after ctrl+s refused it: %q", m.In.Date)
	}
}

// F1 shows the form's keys, ctrl+u among them, and esc closes the help,
// not the form; the help line names F1.
func TestNewPlanFormHelp(t *testing.T) {
	for _, c := range []struct {
		l          model.Lang
		want, line string
	}{
		{model.Swedish, "tömmer fältet fram till markören", "f1 hjälp"},
		{model.English, "clears the field up to the cursor", "f1 help"},
	} {
		m := newForm(t, c.l)
		if v := ansi.Strip(m.View()); !strings.Contains(v, c.line) {
			t.Errorf("%v: the help line does not name F1:\n%s", c.l, v)
		}
		m.SetSize(100, 40) // the whole help at once; at 80x24 it scrolls
		press(m, f1Key)
		v := ansi.Strip(m.View())
		if !strings.Contains(v, "ctrl+u") || !strings.Contains(strings.Join(strings.Fields(strings.ReplaceAll(v, "│", " ")), " "), c.want) {
			t.Errorf("%v: F1 does not show the form's keys:\n%s", c.l, v)
		}
		if cmd := m.Update(escKey); cmd != nil {
			if _, left := cmd().(common.CancelMsg); left {
				t.Errorf("%v: esc in the help left the form", c.l)
			}
		}
		if v := ansi.Strip(m.View()); !strings.Contains(v, model.T(c.l, "Ny SIP", "New SIP")) {
			t.Errorf("%v: esc did not close the help:\n%s", c.l, v)
		}
	}
}

// A meeting date years back is said once, with the cursor in the date;
// ctrl+s again makes the plan with it.
func TestFarMeetingDateAskedOnce(t *testing.T) {
	m := newForm(t, model.Swedish)
	typed(m, "Gustav Gammal")
	press(m, tabKey, tabKey)
	typed(m, "2020-01-01")
	if cmd := m.Update(saveKey); cmd != nil {
		if _, made := cmd().(CreatedPlanMsg); made {
			t.Fatal("a meeting date six years back was taken without a word")
		}
	}
	if !strings.Contains(m.Err, "Mötets datum 2020-01-01 var för 6 år sedan.") || m.Form.Current().Path != "date" {
		t.Fatalf("the far date is not said, or the cursor is not in it: %q, %q", m.Err, m.Form.Current().Path)
	}
	cmd := m.Update(saveKey)
	if cmd == nil {
		t.Fatal("ctrl+s again did nothing")
	}
	if msg, ok := cmd().(CreatedPlanMsg); !ok || msg.Plan.Draft.Meeting.Date != "2020-01-01" {
		t.Errorf("ctrl+s again: %#v", msg)
	}
}

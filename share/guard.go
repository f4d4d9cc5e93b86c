package share

import (
	"reflect"

	tea "charm.land/bubbletea/v2"
)

// guard wraps a device's program so that a fault in it stays with that
// device: a panic in its Init, Update, View or one of its commands is
// caught here, before Bubble Tea would catch it and print the panic with
// its stack on this process's standard error, which is the secretary's
// terminal. The device is let go and told to connect again; the fault is
// reported by where it happened only, never with the panic's value, which
// may hold what the plan says.
type guard struct {
	inner tea.Model
	fault func(where string)
	// failed is set once a fault happened: the program then shows nothing
	// and quits.
	failed bool
}

func (g *guard) catch(where string) {
	if r := recover(); r != nil {
		g.failed = true
		g.fault(where)
	}
}

func (g *guard) Init() (cmd tea.Cmd) {
	defer g.catch("init")
	return g.wrap(g.inner.Init())
}

func (g *guard) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	if g.failed {
		return g, tea.Quit
	}
	if w, ok := msg.(tea.WindowSizeMsg); ok {
		msg = clampSize(w)
	}
	defer func() {
		if g.failed {
			model, cmd = g, tea.Quit
		}
	}()
	defer g.catch("update")
	m, c := g.inner.Update(msg)
	g.inner = m
	return g, g.wrap(c)
}

func (g *guard) View() (v tea.View) {
	if g.failed {
		return tea.NewView("")
	}
	defer func() {
		if r := recover(); r != nil {
			g.failed = true
			g.fault("view")
			v = tea.NewView("")
		}
	}()
	return g.inner.View()
}

// wrap catches a panic in a command, and in the commands of a batch or a
// sequence it gives.
func (g *guard) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				g.fault("command")
				msg = nil
			}
		}()
		return g.wrapMsg(cmd())
	}
}

var cmdType = reflect.TypeFor[tea.Cmd]()

func (g *guard) wrapMsg(msg tea.Msg) tea.Msg {
	if b, ok := msg.(tea.BatchMsg); ok {
		out := make(tea.BatchMsg, len(b))
		for i, c := range b {
			out[i] = g.wrap(c)
		}
		return out
	}
	// tea.Sequence's message is a list of commands of a type of its own,
	// not exported: reached through reflection.
	v := reflect.ValueOf(msg)
	if v.Kind() == reflect.Slice && v.Type().Elem() == cmdType {
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c, _ := v.Index(i).Interface().(tea.Cmd)
			out.Index(i).Set(reflect.ValueOf(g.wrap(c)))
		}
		return out.Interface()
	}
	return msg
}

// Terminal sizes a device may report. A zero is a terminal that does not
// know its size: it gets the usual 80×24. A huge one is cut to what can be
// drawn without taking the meeting's memory.
const (
	maxWidth  = 500
	maxHeight = 200
)

func clampSize(w tea.WindowSizeMsg) tea.WindowSizeMsg {
	if w.Width <= 0 {
		w.Width = 80
	}
	if w.Height <= 0 {
		w.Height = 24
	}
	w.Width, w.Height = min(w.Width, maxWidth), min(w.Height, maxHeight)
	return w
}

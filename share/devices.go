package share

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"
)

// ErrFull is why a device is turned away when its role's cap is reached.
var ErrFull = errors.New("full")

// conn is one device's connection and its program.
type conn struct {
	Client
	sess ssh.Session

	mu   sync.Mutex
	prog *tea.Program
	why  endReason
}

// end makes the device's program quit, which restores the device's
// terminal; the gate then tells it why and closes the connection. A
// device whose program has not started yet never starts it.
func (c *conn) end(why endReason) {
	c.mu.Lock()
	if c.why == endNone {
		c.why = why
	}
	p := c.prog
	c.mu.Unlock()
	if p != nil {
		go p.Quit() // Quit waits for the program to take it: never here
	}
}

func (c *conn) reason() endReason {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.why
}

// kill closes the connection at once, for a device whose program does not
// end when told.
func (c *conn) kill() {
	if sc, ok := c.sess.Context().Value(ssh.ContextKeyConn).(interface{ Close() error }); ok {
		_ = sc.Close()
	}
	_ = c.sess.Close()
}

// refuse tells a session why it gets nothing, on its error stream, and
// ends it with status 1.
func (s *Server) refuse(sess ssh.Session, msg string) {
	sess.Context().SetValue(screenKey{}, true)
	wish.Fatalln(sess, msg)
}

// gate runs before the program: it turns away commands (ssh host cmd,
// scp), sessions without a terminal and devices over their role's cap,
// and it records the device in the list and the trail for as long as it
// stays. When the program has ended it tells the device why, on its own
// terminal, before the connection closes.
func (s *Server) gate(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		sess.Context().SetValue(screenKey{}, true)
		r := Role(sess.User())
		if sess.RawCommand() != "" || sess.Subsystem() != "" {
			s.refuse(sess, s.msgOnlyScreen(r))
			return
		}
		if _, _, ok := sess.Pty(); !ok {
			s.refuse(sess, s.msgNoTerminal(r))
			return
		}
		c, err := s.join(sess)
		if err != nil {
			s.refuse(sess, err.Error())
			return
		}
		defer s.leave(c)
		m, done := s.o.NewModel(c.Client)
		if done != nil {
			defer done()
		}
		if m == nil {
			return
		}
		sess.Context().SetValue(modelKey{}, &guard{inner: m, fault: func(where string) { s.fault(c, where) }})
		sess.Context().SetValue(connKey{}, c)
		next(sess)
		if msg := s.farewell(c.reason()); msg != "" {
			// The program has left the alternate screen and shown the
			// cursor again: the words stay on a clean screen.
			_, _ = fmt.Fprint(sess, "\x1b[2J\x1b[H\r\n  "+msg+"\r\n\r\n")
			// The session ends here, with its status, before the share
			// closes the connection: ssh then ends as after any session,
			// not with "closed by remote host".
			_ = sess.Exit(0)
		}
	}
}

// fault notes that a device's program failed, by where only, and lets the
// device go.
func (s *Server) fault(c *conn, where string) {
	_, _ = fmt.Fprintf(s.o.Log, "%s sipmote share: the %s's screen (device %d, %s) failed in %s; it was disconnected\n",
		s.o.Now().Format(time.RFC3339), c.Role, c.ID, c.Addr, where)
	c.end(endFault)
}

// join lists the device, then records it in the trail. The trail is
// written with no lock of the share held: the secretary's screen reads the
// list while it holds the session, and the trail needs the session.
func (s *Server) join(sess ssh.Session) (*conn, error) {
	c, err := s.list(sess)
	if err != nil {
		return nil, err
	}
	s.signal()
	if s.o.Trail != nil {
		s.o.Trail("joined", c.Client)
	}
	return c, nil
}

func (s *Server) list(sess ssh.Session) (*conn, error) {
	user := peerUser(sess.RemoteAddr(), sess.LocalAddr()) // reads a file: not under the lock
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errors.New(s.msgStopped())
	}
	r := Role(sess.User())
	n := 0
	for _, c := range s.clients {
		if c.Role == r {
			n++
		}
	}
	if limit := map[Role]int{RoleChair: s.o.MaxChair, RoleRoom: s.o.MaxClients}[r]; n >= limit {
		return nil, fmt.Errorf("%s: %w", s.msgFull(r, n), ErrFull)
	}
	s.nextID++
	c := &conn{Client: Client{ID: s.nextID, Role: r, Addr: ipOf(sess.RemoteAddr()),
		User: user, Since: s.o.Now()}, sess: sess}
	s.clients[c.ID] = c
	s.running.Add(1)
	return c, nil
}

func (s *Server) leave(c *conn) {
	s.mu.Lock()
	delete(s.clients, c.ID)
	s.mu.Unlock()
	if s.o.Trail != nil {
		s.o.Trail("left", c.Client)
	}
	s.signal()
	s.running.Done()
}

func (s *Server) signal() {
	select {
	case s.changed <- struct{}{}:
	default:
	}
}

// modelKey and connKey hold the model and the device of a session in its
// context, from the gate to the program.
type (
	modelKey struct{}
	connKey  struct{}
)

// program runs the model the gate made for the connection, with the
// device's terminal size kept within what can be drawn.
func (s *Server) program(sess ssh.Session) *tea.Program {
	m, ok := sess.Context().Value(modelKey{}).(tea.Model)
	c, ok2 := sess.Context().Value(connKey{}).(*conn)
	if !ok || !ok2 {
		return nil
	}
	pty, _, _ := sess.Pty()
	size := clampSize(tea.WindowSizeMsg{Width: pty.Window.Width, Height: pty.Window.Height})
	opts := append(bm.MakeOptions(sess),
		tea.WithWindowSize(size.Width, size.Height),
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
			switch msg := msg.(type) {
			case tea.SuspendMsg:
				return tea.ResumeMsg{} // a device cannot suspend the server
			case tea.WindowSizeMsg:
				return clampSize(msg)
			}
			return msg
		}))
	p := tea.NewProgram(m, opts...)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.why != endNone {
		return nil // ended before it began: straight to the farewell
	}
	c.prog = p
	return p
}

// Drop lets a device go: its screen says the secretary disconnected it.
// It returns at once; the device leaves the list when it has gone.
func (s *Server) Drop(id int) {
	s.mu.Lock()
	c := s.clients[id]
	s.mu.Unlock()
	if c == nil {
		return
	}
	c.end(endDropped)
	time.AfterFunc(endWait, func() {
		s.mu.Lock()
		_, still := s.clients[id]
		s.mu.Unlock()
		if still {
			c.kill()
		}
	})
}

// endWait is how long a device's program has to show its farewell before
// its connection is closed regardless.
const endWait = 3 * time.Second

// Close stops sharing while the meeting goes on: each device is told so on
// a restored terminal, then let go.
func (s *Server) Close() error { return s.stop(endShare) }

// EndMeeting stops sharing as the meeting ends: each device is told that
// the meeting has ended, on a restored terminal, then let go.
func (s *Server) EndMeeting() error { return s.stop(endMeeting) }

// stop stops listening, ends every device's program with a farewell,
// waits briefly for them, then closes whatever is left.
func (s *Server) stop(why endReason) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.done)
	conns := make([]*conn, 0, len(s.clients))
	for _, c := range s.clients {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	// No one new: the listener first, then every device told.
	_ = s.ln.Close()
	for _, c := range conns {
		c.end(why)
	}
	done := make(chan struct{})
	go func() { s.running.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(endWait):
	}
	// Each device's ssh ends its connection once its session has ended:
	// a moment for that, so that none is cut off with "closed by remote
	// host" after its farewell; then whatever is left (ssh -N, a code
	// prompt) is closed.
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	_ = s.srv.Shutdown(ctx)
	cancel()
	err := s.srv.Close()
	<-s.served
	s.mu.Lock()
	if s.flushing != nil {
		s.flushing.Stop()
	}
	s.mu.Unlock()
	rest, _ := s.refused.flush(s.o.Now(), 0)
	s.record(rest)
	if errors.Is(err, ssh.ErrServerClosed) || errors.Is(err, errClosedListener) {
		err = nil
	}
	return err
}

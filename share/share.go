// Package share shows one meeting on other devices over SSH: the chair's
// view on the chair's laptop, the room's view on the computer at the
// projector. Each connection runs its own Bubble Tea program, made by the
// caller and attached to the one session of the plan; this package knows
// nothing of plans. It listens on the loopback address unless told
// otherwise, lets in only those who give their role's one-time code (the
// chair's code never opens the room's view, nor the room's the chair's),
// and offers no shell, no forwarding and no file transfer.
package share

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"
)

// Role is the view a connection gets. It is the user name of the ssh line.
type Role string

const (
	RoleChair Role = "chair"
	RoleRoom  Role = "room"
)

// Roles are the roles a device can take, in the order they are shown.
var Roles = []Role{RoleChair, RoleRoom}

// Defaults of Options.
const (
	DefaultListen      = "127.0.0.1:2223"
	DefaultMaxClients  = 8
	DefaultIdleTimeout = 30 * time.Minute
)

// Options configure a shared meeting.
type Options struct {
	// Listen is HOST:PORT; empty means DefaultListen, or any free port on
	// 127.0.0.1 when that one is taken.
	Listen string
	// HostKey is the path of the server's key, made 0600 if missing.
	HostKey string
	// NewModel makes the program of one connection, and what to do when
	// the connection has ended (may be nil). It must never give a room
	// connection a way to change the plan.
	NewModel func(c Client) (tea.Model, func())
	// Trail records a device joining or leaving: kind is "joined" or
	// "left". It is given the role and the address, never anything seen.
	Trail func(kind string, c Client)
	// Prompt is the question a client joining as role is asked for the
	// code (keyboard-interactive); nil asks "Code: ".
	Prompt      func(r Role) string
	MaxClients  int
	IdleTimeout time.Duration
	Now         func() time.Time
}

// Client is one connected device.
type Client struct {
	ID    int
	Role  Role
	Addr  string // the remote IP address
	Since time.Time
}

// Server is a running share.
type Server struct {
	o       Options
	srv     *ssh.Server
	ln      net.Listener
	codes   codes
	limit   *limiter
	changed chan struct{}

	mu      sync.Mutex
	nextID  int
	clients map[int]*conn
	closed  bool
	done    chan struct{}
	served  chan struct{}
	running sync.WaitGroup
}

type conn struct {
	Client
	close func()
}

// ErrFull is why a device is turned away when Options.MaxClients are in.
var ErrFull = errors.New("share: the meeting has as many devices as it takes")

// Start listens and serves until Close.
func Start(o Options) (*Server, error) {
	if o.NewModel == nil {
		return nil, errors.New("share: no program for the connections")
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.MaxClients <= 0 {
		o.MaxClients = DefaultMaxClients
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = DefaultIdleTimeout
	}
	if o.Prompt == nil {
		o.Prompt = func(Role) string { return "Code: " }
	}
	key, err := hostKey(o.HostKey)
	if err != nil {
		return nil, err
	}
	s := &Server{o: o, codes: newCodes(), limit: newLimiter(o.Now), changed: make(chan struct{}, 1),
		clients: map[int]*conn{}, served: make(chan struct{}), done: make(chan struct{})}
	s.srv, err = wish.NewServer(
		wish.WithHostKeyPEM(key),
		wish.WithPasswordAuth(func(ctx ssh.Context, pw string) bool { return s.auth(ctx, pw) }),
		wish.WithKeyboardInteractiveAuth(func(ctx ssh.Context, ch gossh.KeyboardInteractiveChallenge) bool {
			answers, err := ch("", "", []string{o.Prompt(Role(ctx.User()))}, []bool{false})
			return err == nil && len(answers) == 1 && s.auth(ctx, answers[0])
		}),
		wish.WithIdleTimeout(o.IdleTimeout),
		wish.WithMiddleware(bm.MiddlewareWithProgramHandler(s.program), s.gate),
	)
	if err != nil {
		return nil, fmt.Errorf("share: %w", err)
	}
	// Three tries per connection; the limiter counts across connections.
	s.srv.ServerConfigCallback = func(ssh.Context) *gossh.ServerConfig {
		return &gossh.ServerConfig{MaxAuthTries: 3}
	}
	// Nothing but the session channel: no port forwarding either way (the
	// callbacks are nil, which refuses), no agent, no X11, no subsystems.
	s.srv.SessionRequestCallback = func(_ ssh.Session, kind string) bool { return kind == "shell" }
	s.ln, err = listen(o.Listen)
	if err != nil {
		return nil, err
	}
	go func() {
		defer close(s.served)
		_ = s.srv.Serve(s.ln)
	}()
	return s, nil
}

// listen opens the address; the default falls back to any free port.
func listen(addr string) (net.Listener, error) {
	if addr == "" {
		if ln, err := net.Listen("tcp", DefaultListen); err == nil {
			return ln, nil
		}
		addr = "127.0.0.1:0"
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil || port == "" {
		return nil, fmt.Errorf("share: --listen wants HOST:PORT, e.g. 127.0.0.1:2223: %w", errBadListen)
	}
	if _, err := strconv.Atoi(port); err != nil || host == "" {
		return nil, fmt.Errorf("share: --listen wants HOST:PORT, e.g. 127.0.0.1:2223: %w", errBadListen)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("share: %w", err)
	}
	return ln, nil
}

var errBadListen = errors.New("bad listen address")

// Code is the one-time code a device must give to join as role; it changes
// with every share, and each role has its own. It is "" for a role that
// does not exist.
func (s *Server) Code(r Role) string { return s.codes[r] }

// Addr is the address listened on.
func (s *Server) Addr() *net.TCPAddr { return s.ln.Addr().(*net.TCPAddr) }

// Line is the exact command a device types to join as role.
func (s *Server) Line(r Role) string {
	a := s.Addr()
	host := a.IP.String()
	if a.IP.IsUnspecified() {
		host = outwardIP()
	}
	if a.IP.To4() == nil && !a.IP.IsUnspecified() {
		host = "[" + host + "]"
	}
	return fmt.Sprintf("ssh -p %d %s@%s", a.Port, r, host)
}

// outwardIP is an address others on the network can reach, for the ssh
// line when listening on all addresses.
func outwardIP() string {
	addrs, err := net.InterfaceAddrs()
	if err == nil {
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
				return n.IP.String()
			}
		}
	}
	return "127.0.0.1"
}

// Clients lists the connected devices in the order they came.
func (s *Server) Clients() []Client {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Client, 0, len(s.clients))
	for id := range s.nextID + 1 {
		if c, ok := s.clients[id]; ok {
			out = append(out, c.Client)
		}
	}
	return out
}

// Changed tells that a device joined or left. It holds at most one signal:
// read Clients on receiving it.
func (s *Server) Changed() <-chan struct{} { return s.changed }

// Done is closed when sharing stops.
func (s *Server) Done() <-chan struct{} { return s.done }

// Drop disconnects a device at once.
func (s *Server) Drop(id int) {
	s.mu.Lock()
	c := s.clients[id]
	s.mu.Unlock()
	if c != nil {
		c.close()
	}
}

// Close stops listening, disconnects every device and waits, briefly, for
// their programs to end.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.done)
	s.mu.Unlock()
	err := s.srv.Close()
	// The server closes only the listeners it has started on; Serve may
	// not have got that far yet.
	_ = s.ln.Close()
	<-s.served
	done := make(chan struct{})
	go func() { s.running.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
	}
	if errors.Is(err, ssh.ErrServerClosed) {
		err = nil
	}
	return err
}

// auth checks a code given for the user name of the ssh line.
func (s *Server) auth(ctx ssh.Context, typed string) bool {
	return s.check(ctx.User(), ipOf(ctx.RemoteAddr()), typed)
}

// check lets user in from addr when typed is that role's code and addr is
// not waiting out earlier misses. Any other code, the other role's too, is
// a miss.
func (s *Server) check(user, addr, typed string) bool {
	if !s.limit.allow(addr) {
		return false
	}
	if !s.codes.admits(user, typed) {
		s.limit.fail(addr)
		return false
	}
	s.limit.pass(addr)
	return true
}

func ipOf(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.IP.String()
	}
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}

// gate runs before the program: it turns away commands (ssh host cmd),
// sessions without a terminal and devices over the cap, and it records the
// device in the list and the trail for as long as it stays.
func (s *Server) gate(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if sess.RawCommand() != "" || sess.Subsystem() != "" {
			wish.Fatalln(sess, "sipmote: only the meeting's screen is offered here")
			return
		}
		if _, _, ok := sess.Pty(); !ok {
			wish.Fatalln(sess, "sipmote: connect from a terminal (ssh -t)")
			return
		}
		c, err := s.join(sess)
		if err != nil {
			wish.Fatalln(sess, "sipmote: "+err.Error())
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
		sess.Context().SetValue(modelKey{}, m)
		next(sess)
	}
}

func (s *Server) join(sess ssh.Session) (*conn, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errors.New("sharing has stopped")
	}
	if len(s.clients) >= s.o.MaxClients {
		return nil, ErrFull
	}
	s.nextID++
	c := &conn{Client: Client{ID: s.nextID, Role: Role(sess.User()), Addr: ipOf(sess.RemoteAddr()), Since: s.o.Now()}}
	c.close = func() {
		// Closing the connection ends the program through the session's
		// context (the middleware quits it).
		if sc, ok := sess.Context().Value(ssh.ContextKeyConn).(interface{ Close() error }); ok {
			_ = sc.Close()
		}
		_ = sess.Close()
	}
	s.clients[c.ID] = c
	s.running.Add(1)
	s.signal()
	if s.o.Trail != nil {
		s.o.Trail("joined", c.Client)
	}
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

// modelKey holds the model of a session in its context, from the gate to
// the program.
type modelKey struct{}

// program runs the model the gate made for the connection.
func (s *Server) program(sess ssh.Session) *tea.Program {
	m, ok := sess.Context().Value(modelKey{}).(tea.Model)
	if !ok {
		return nil
	}
	return tea.NewProgram(m, bm.MakeOptions(sess)...)
}

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
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"sync"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"github.com/sipmote/sipmote/model"
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
	DefaultMaxChair    = 2
	DefaultIdleTimeout = 30 * time.Minute
)

// noScreenGrace is how long a connection that has given its code may go
// without asking for the meeting's screen (ssh -N) before it is let go.
var noScreenGrace = 10 * time.Second

// Options configure a shared meeting.
type Options struct {
	// Listen is HOST:PORT; empty means DefaultListen, or any free port on
	// 127.0.0.1 when that one is taken.
	Listen string
	// HostKey is the path of the server's key, made 0600 if missing.
	HostKey string
	// Lang is the language of everything a device is told.
	Lang model.Lang
	// NewModel makes the program of one connection, and what to do when
	// the connection has ended (may be nil). It must never give a room
	// connection a way to change the plan.
	NewModel func(c Client) (tea.Model, func())
	// Trail records a device joining or leaving: kind is "joined" or
	// "left". It is given the role, the address and the device's account
	// where it can be known, never anything seen.
	Trail func(kind string, c Client)
	// Refused records wrong codes in the trail: the address and the role,
	// never what was typed. Runs of them come gathered (Count).
	Refused func(r Refusal)
	// Log takes one line about a fault in a device's program: which
	// device and where, never what it showed. nil drops them. Whatever the
	// SSH libraries would print goes there too, never to this process's
	// terminal, which is the secretary's screen.
	Log io.Writer
	// Prompt is the question a client joining as role is asked for the
	// code (keyboard-interactive); nil asks "Kod: " or "Code: ".
	Prompt func(r Role) string
	// MaxClients caps the room's screens; MaxChair the chair's computers,
	// so that the room's screens can never take the chair's place.
	MaxClients  int
	MaxChair    int
	IdleTimeout time.Duration
	Now         func() time.Time
}

// Client is one connected device.
type Client struct {
	ID   int
	Role Role
	Addr string // the remote IP address
	// User is the device's account on this computer, for a device that
	// connects from it (loopback); "" when it cannot be known.
	User  string
	Since time.Time
}

// Server is a running share.
type Server struct {
	o       Options
	srv     *ssh.Server
	ln      net.Listener
	codes   codes
	limit   *limiter
	refused *refusals
	fpr     string
	changed chan struct{}
	// hold keeps a try waiting (holdFor; tests note the waits instead).
	hold func(ctx context.Context, d time.Duration) bool

	mu      sync.Mutex
	nextID  int
	clients map[int]*conn
	closed  bool
	// flushing puts held-back refusals in the trail later.
	flushing *time.Timer
	done     chan struct{}
	served   chan struct{}
	running  sync.WaitGroup
}

// Start listens and serves until Close.
func Start(o Options) (*Server, error) {
	if o.NewModel == nil {
		return nil, errors.New(model.T(o.Lang, "inget program för skärmarna", "no program for the screens"))
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.MaxClients <= 0 {
		o.MaxClients = DefaultMaxClients
	}
	if o.MaxChair <= 0 {
		o.MaxChair = DefaultMaxChair
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = DefaultIdleTimeout
	}
	if o.Prompt == nil {
		o.Prompt = func(Role) string { return model.T(o.Lang, "Kod: ", "Code: ") }
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	quietLibraries(o.Log)
	key, err := hostKey(o.Lang, o.HostKey)
	if err != nil {
		return nil, err
	}
	signer, err := gossh.ParsePrivateKey(key)
	if err != nil {
		return nil, hostKeyErr(o.Lang, err)
	}
	s := &Server{o: o, codes: newCodes(), limit: newLimiter(o.Now), refused: newRefusals(),
		fpr: gossh.FingerprintSHA256(signer.PublicKey()), changed: make(chan struct{}, 1),
		clients: map[int]*conn{}, served: make(chan struct{}), done: make(chan struct{})}
	s.hold = s.holdFor
	s.srv, err = wish.NewServer(
		wish.WithHostKeyPEM(key),
		wish.WithPasswordAuth(func(ctx ssh.Context, pw string) bool { return s.auth(ctx, pw) }),
		wish.WithKeyboardInteractiveAuth(s.askCode),
		wish.WithBannerHandler(s.banner),
		wish.WithIdleTimeout(o.IdleTimeout),
		wish.WithMiddleware(bm.MiddlewareWithProgramHandler(s.program), s.gate),
	)
	if err != nil {
		return nil, err
	}
	s.lockDown()
	s.ln, err = listen(o.Lang, o.Listen)
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
func listen(l model.Lang, addr string) (net.Listener, error) {
	if addr == "" {
		if ln, err := net.Listen("tcp", DefaultListen); err == nil {
			return ln, nil
		}
		addr = "127.0.0.1:0"
	}
	host, port, err := net.SplitHostPort(addr)
	if _, perr := strconv.Atoi(port); err != nil || perr != nil || host == "" {
		return nil, &listenError{model.T(l, "--listen vill ha VÄRD:PORT, t.ex. 127.0.0.1:2223",
			"--listen wants HOST:PORT, e.g. 127.0.0.1:2223"), errBadListen}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		why := model.T(l, "det gick inte", "it failed")
		switch {
		case errors.Is(err, syscall.EADDRINUSE):
			why = model.T(l, "porten används redan", "the port is in use")
		case errors.Is(err, syscall.EACCES):
			why = model.T(l, "porten kräver behörighet", "the port needs privileges")
		case errors.Is(err, syscall.EADDRNOTAVAIL):
			why = model.T(l, "adressen finns inte på den här datorn", "the address is not on this computer")
		}
		return nil, &listenError{fmt.Sprintf(model.T(l, "kan inte ta emot anslutningar på %s: %s; välj en annan med --listen",
			"cannot take connections on %s: %s; choose another with --listen"), addr, why), err}
	}
	return ln, nil
}

// listenError says in the session's language why the address cannot be
// listened on; the cause stays for errors.Is, out of the message.
type listenError struct {
	msg   string
	cause error
}

func (e *listenError) Error() string { return e.msg }
func (e *listenError) Unwrap() error { return e.cause }

var (
	errBadListen      = errors.New("bad listen address")
	errClosedListener = net.ErrClosed
)

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

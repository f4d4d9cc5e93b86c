package share

import (
	"context"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"

	charmlog "charm.land/log/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// lockDown leaves a device nothing but the session channel: no port
// forwarding either way, no agent, no X11. Commands, scp and sftp are let
// as far as the gate, which tells the device why it gets nothing.
func (s *Server) lockDown() {
	// Three tries per connection; the limiter counts across connections.
	// A connection has three minutes to give its code.
	s.srv.ServerConfigCallback = func(ssh.Context) *gossh.ServerConfig {
		return &gossh.ServerConfig{MaxAuthTries: 3}
	}
	s.srv.HandshakeTimeout = 3 * time.Minute
	s.srv.SessionRequestCallback = func(_ ssh.Session, kind string) bool {
		return kind == "shell" || kind == "exec" || kind == "subsystem"
	}
	s.srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{"default": func(sess ssh.Session) {
		s.refuse(sess, s.msgOnlyScreen(Role(sess.User())))
	}}
	// Port forwarding asked for with -L is refused with a reason ssh
	// prints; -R (a global request) is refused by having no handler.
	s.srv.ChannelHandlers = map[string]ssh.ChannelHandler{
		"session": ssh.DefaultSessionHandler,
		"direct-tcpip": func(_ *ssh.Server, _ *gossh.ServerConn, ch gossh.NewChannel, _ ssh.Context) {
			_ = ch.Reject(gossh.Prohibited, s.t("sipmote vidarebefordrar inga portar", "sipmote forwards no ports"))
		},
	}
	s.srv.ConnCallback = func(ctx ssh.Context, c net.Conn) net.Conn {
		ctx.SetValue(netConnKey{}, c)
		return c
	}
}

type (
	netConnKey struct{}
	// screenKey marks a connection that has asked for a screen.
	screenKey struct{}
)

// quietOnce keeps the SSH libraries from writing on the secretary's
// terminal: their logs go to Options.Log.
var quietOnce sync.Mutex

func quietLibraries(w io.Writer) {
	quietOnce.Lock()
	defer quietOnce.Unlock()
	slog.SetDefault(slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelWarn})))
	charmlog.SetOutput(w)
}

// banner tells a user name that is no role which two exist; ssh shows it
// before it asks for anything.
func (s *Server) banner(ctx ssh.Context) string {
	if _, ok := s.codes[Role(ctx.User())]; ok {
		return ""
	}
	return s.msgUnknownUser()
}

// askCode asks for the role's code by keyboard-interactive, as ssh does
// for a password. A user name that is no role is not asked: the banner has
// told it the two that are.
func (s *Server) askCode(ctx ssh.Context, ch gossh.KeyboardInteractiveChallenge) bool {
	r := Role(ctx.User())
	if _, ok := s.codes[r]; !ok {
		s.miss(ipOf(ctx.RemoteAddr()), "")
		return false
	}
	// ssh asks again after a wrong code: the question then says so.
	q := s.o.Prompt(r)
	if ctx.Value(triedKey{}) != nil {
		q = s.t("Fel kod, försök igen. ", "Wrong code, try again. ") + q
	}
	answers, err := ch("", "", []string{q}, []bool{false})
	if err == nil && len(answers) == 1 && s.auth(ctx, answers[0]) {
		return true
	}
	ctx.SetValue(triedKey{}, true)
	return false
}

// triedKey marks a connection that has given a wrong code.
type triedKey struct{}

// auth checks a code given for the user name of the ssh line.
func (s *Server) auth(ctx ssh.Context, typed string) bool {
	if !s.check(ctx, ctx.User(), ipOf(ctx.RemoteAddr()), typed) {
		return false
	}
	// A connection let in must ask for its screen soon (ssh -N never
	// does): otherwise it is let go, so that nothing sits unseen in a
	// chair's place.
	time.AfterFunc(noScreenGrace, func() {
		if ctx.Value(screenKey{}) != nil {
			return
		}
		if c, ok := ctx.Value(netConnKey{}).(net.Conn); ok {
			_ = c.Close()
		}
	})
	return true
}

// check lets user in from addr when typed is that role's code. A try at a
// role that address has missed too often is held first (see limiter); any
// other code, the other role's too, is a miss, counted for that address
// and role, shown on the share screen and put in the trail.
func (s *Server) check(ctx context.Context, user, addr, typed string) bool {
	r := Role(user)
	if _, ok := s.codes[r]; !ok {
		s.miss(addr, "")
		return false
	}
	d, ok := s.limit.wait(addr, r)
	if !ok {
		s.miss(addr, r)
		return false
	}
	if d > 0 && !s.hold(ctx, d) {
		return false
	}
	if !s.codes.admits(user, typed) {
		s.limit.fail(addr, r)
		s.miss(addr, r)
		return false
	}
	s.limit.pass(addr, r)
	return true
}

// holdFor keeps a try waiting for d, unless the connection or the share
// ends first.
func (s *Server) holdFor(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
	case <-s.done:
	}
	return false
}

// miss records a refused try for the share screen and the trail.
func (s *Server) miss(addr string, r Role) {
	s.record(s.refused.add(addr, r, s.o.Now()))
	if s.refused.held() {
		s.mu.Lock()
		if s.flushing == nil && !s.closed {
			s.flushing = time.AfterFunc(trailEvery, s.flushRefused)
		}
		s.mu.Unlock()
	}
	s.signal()
}

// flushRefused puts in the trail the refused tries held back, a minute's
// worth at a time.
func (s *Server) flushRefused() {
	due, more := s.refused.flush(s.o.Now(), trailPerMinute/30)
	s.record(due)
	s.mu.Lock()
	s.flushing = nil
	if more && !s.closed {
		s.flushing = time.AfterFunc(trailEvery, s.flushRefused)
	}
	s.mu.Unlock()
}

func (s *Server) record(rs []Refusal) {
	if s.o.Refused == nil {
		return
	}
	for _, e := range rs {
		s.o.Refused(e)
	}
}

// Refused lists the refused tries so far, per address and role, the
// latest first.
func (s *Server) Refused() []Refusal { return s.refused.list() }

// Fingerprint is the host key's SHA256 fingerprint as ssh and ssh-keygen
// -l show it, for a device to check the first time it connects.
func (s *Server) Fingerprint() string { return s.fpr }

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

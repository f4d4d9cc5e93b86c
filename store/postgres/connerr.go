package postgres

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// A refused connection is told by its cause, because the user's next step
// differs: a server that is down is waited for; a login is mended in
// ~/.pgpass or by IT; a connection the address asks to be private
// (sslmode=verify-full) that cannot be is IT's to mend, and is never
// "the server cannot be reached" while the server is up. None of these
// errors holds the password.

// ErrTLS: the connection could not be made private the way the address
// asks: the server offers no TLS, or its certificate could not be
// verified. Nothing was sent to it.
var ErrTLS = errors.New("the connection to the database server could not be secured")

// TLSProblem is why a private connection could not be made.
type TLSProblem int

const (
	// TLSOther: the certificate failed in another way.
	TLSOther TLSProblem = iota
	// TLSRefused: the server does not offer TLS at all.
	TLSRefused
	// TLSUnknownAuthority: the certificate is not signed by a CA this
	// computer trusts for the server (sslrootcert, ~/.postgresql/root.crt).
	TLSUnknownAuthority
	// TLSHostname: the certificate is for another name than the host in
	// the address.
	TLSHostname
	// TLSInvalid: the certificate is out of date or not a server's.
	TLSInvalid
	// TLSRootCert: the CA file the address names cannot be read.
	TLSRootCert
)

// TLSError says why the connection could not be made private. It is
// ErrTLS.
type TLSError struct {
	Problem TLSProblem
	// Mode is the sslmode asked for; Host the host in the address;
	// RootCert the CA file checked against ("" when there was none and
	// the computer's own CAs were used).
	Mode, Host, RootCert string
}

func (e *TLSError) Error() string {
	return fmt.Sprintf("%v (sslmode=%s, problem %d)", ErrTLS, e.Mode, e.Problem)
}

// Is makes a *TLSError ErrTLS.
func (e *TLSError) Is(target error) bool { return target == ErrTLS }

// PasswordFrom is where the password of a login came from.
type PasswordFrom int

const (
	// PasswordNone: no password was found anywhere.
	PasswordNone PasswordFrom = iota
	// PasswordAddress: in the address itself (--db).
	PasswordAddress
	// PasswordEnv: in $PGPASSWORD.
	PasswordEnv
	// PasswordFile: in the password file (~/.pgpass).
	PasswordFile
)

// LoginError is a login the server refused, with where its password came
// from, so that the user is sent to the right place to mend it. It is
// ErrLogin.
type LoginError struct {
	From PasswordFrom
	// PassFile is the password file looked in, with ~ for the home
	// folder; Entry what its line must begin with: HOST:PORT:DATABASE:USER.
	PassFile, Entry, User string
	// Denied: the server lets this user in from nowhere here, whatever
	// the password (no line in its pg_hba.conf, or a role that may not
	// log in).
	Denied bool
}

func (e *LoginError) Error() string {
	if e.Denied {
		return ErrLogin.Error() + ": this user may not log in from here"
	}
	return fmt.Sprintf("%v (password from %d)", ErrLogin, e.From)
}

// Is makes a *LoginError ErrLogin.
func (e *LoginError) Is(target error) bool { return target == ErrLogin }

// connInfo is what Open knows of the address to say why a connection was
// refused.
type connInfo struct {
	login LoginError
	tls   TLSError
}

// readConnInfo notes where the password came from and which TLS was
// asked for, as pgx reads them: the address, then the environment, then
// the password file (only when neither gave a password).
func readConnInfo(dsn string, cfg *pgxpool.Config) connInfo {
	c := cfg.ConnConfig
	var in connInfo
	q := url.Values{}
	addrPass := false
	if u, err := url.Parse(dsn); err == nil {
		q = u.Query()
		_, addrPass = u.User.Password()
		addrPass = addrPass || q.Get("password") != ""
	}
	setting := func(key, env, def string) string {
		if v := q.Get(key); v != "" {
			return v
		}
		if v := os.Getenv(env); v != "" {
			return v
		}
		return def
	}
	home, _ := os.UserHomeDir()
	defPass := ""
	if home != "" {
		defPass = filepath.Join(home, ".pgpass")
	}
	in.login.PassFile = tilde(setting("passfile", "PGPASSFILE", defPass), home)
	in.login.User = c.User
	host := c.Host
	if strings.HasPrefix(host, "/") {
		host = "localhost"
	}
	in.login.Entry = strings.Join([]string{host, strconv.Itoa(int(c.Port)), c.Database, c.User}, ":")
	switch {
	case c.Password == "":
		in.login.From = PasswordNone
	case addrPass:
		in.login.From = PasswordAddress
	case os.Getenv("PGPASSWORD") != "":
		in.login.From = PasswordEnv
	default:
		in.login.From = PasswordFile
	}
	defRoot := ""
	if home != "" {
		if p := filepath.Join(home, ".postgresql", "root.crt"); fileExists(p) {
			defRoot = p
		}
	}
	in.tls = TLSError{Mode: setting("sslmode", "PGSSLMODE", "prefer"), Host: c.Host, RootCert: tilde(setting("sslrootcert", "PGSSLROOTCERT", defRoot), home)}
	return in
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// tilde writes a path in the home folder as ~/….
func tilde(p, home string) string {
	if home != "" && strings.HasPrefix(p, home+string(filepath.Separator)) {
		return "~" + p[len(home):]
	}
	return p
}

// parseError says why an address could not be read, without quoting it
// (the parser's error holds the address, password and all).
func parseError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && strings.Contains(err.Error(), "CA file") {
		home, _ := os.UserHomeDir()
		return &TLSError{Problem: TLSRootCert, RootCert: tilde(pe.Path, home), Mode: "verify-full"}
	}
	return errors.New("store: the PostgreSQL address cannot be read: write it as postgres://USER@HOST:PORT/DATABASE")
}

// classify maps a driver error to one of ours where there is one.
func classify(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "28P01":
			return &LoginError{}
		case pe.Code == "28000":
			return &LoginError{Denied: true}
		case pe.Code == "3D000":
			return ErrNoDatabase
		case strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P03":
			return ErrUnreachable
		}
		return fmt.Errorf("the database server said %s (%s)", pe.Code, pe.Message)
	}
	if t := tlsProblem(err); t != nil {
		return t
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	switch {
	case errors.As(err, &ce), errors.As(err, &ne), errors.Is(err, context.DeadlineExceeded),
		pgconn.SafeToRetry(err), pgconn.Timeout(err):
		return ErrUnreachable
	}
	if strings.Contains(err.Error(), "failed to connect") || strings.Contains(err.Error(), "conn closed") ||
		strings.Contains(err.Error(), "connection refused") || errors.Is(err, net.ErrClosed) {
		return ErrUnreachable
	}
	return err
}

// tlsProblem is the *TLSError of a connection that could not be made
// private, and nil for any other error.
func tlsProblem(err error) *TLSError {
	var cv *tls.CertificateVerificationError
	var ua x509.UnknownAuthorityError
	var he x509.HostnameError
	var ci x509.CertificateInvalidError
	switch {
	case errors.As(err, &he):
		return &TLSError{Problem: TLSHostname}
	case errors.As(err, &ua):
		return &TLSError{Problem: TLSUnknownAuthority}
	case errors.As(err, &ci):
		return &TLSError{Problem: TLSInvalid}
	case errors.As(err, &cv):
		return &TLSError{Problem: TLSOther}
	case strings.Contains(err.Error(), "server refused TLS connection"):
		// pgconn's own words, from an error of no type of its own.
		return &TLSError{Problem: TLSRefused}
	}
	return nil
}

// explain fills in what the address says about a refused login or a
// connection that could not be made private.
func (in connInfo) explain(c error) error {
	var le *LoginError
	if errors.As(c, &le) {
		l := in.login
		l.Denied = le.Denied
		return &l
	}
	var te *TLSError
	if errors.As(c, &te) {
		t := in.tls
		t.Problem = te.Problem
		return &t
	}
	return c
}

package postgres

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/binary"
	"encoding/pem"
	"errors"
	"io"
	"math/big"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/pgtest"
)

// TestLoginSaysWhereThePasswordCameFrom: a refused login names where its
// password came from (the address, PGPASSWORD, the password file, or
// nowhere), and what the password file's line must begin with.
func TestLoginSaysWhereThePasswordCameFrom(t *testing.T) {
	dsn := pgtest.DSN(t)
	openT(t, dsn).Close()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	pass, ok := u.User.Password()
	if !ok {
		if os.Getenv("CI") != "" {
			t.Fatal("the test server's address has no password")
		}
		t.Skip("the test server's address has no password")
	}
	u.User = url.User(u.User.Username())
	bare := u.String() // as README writes it: no password in --db
	entry := strings.Join([]string{u.Hostname(), u.Port(), strings.TrimPrefix(u.Path, "/"), u.User.Username()}, ":")
	dir := t.TempDir()
	passFile := filepath.Join(dir, "pgpass")
	t.Setenv("PGPASSFILE", passFile)
	t.Setenv("PGPASSWORD", "")
	os.Unsetenv("PGPASSWORD")

	login := func(dsn string) *LoginError {
		t.Helper()
		_, err := Open(dsn)
		var le *LoginError
		if !errors.As(err, &le) || !errors.Is(err, ErrLogin) {
			t.Fatalf("gave %v, want a *LoginError", err)
		}
		if strings.Contains(err.Error(), pass) || strings.Contains(err.Error(), "not-it") {
			t.Errorf("the error shows a password: %v", err)
		}
		return le
	}
	// No password file at all.
	if le := login(bare); le.From != PasswordNone || le.Entry != entry || le.PassFile != passFile {
		t.Errorf("no password file: %+v, want none found for %s in %s", le, entry, passFile)
	}
	// A password file with a wrong password for this database.
	if err := os.WriteFile(passFile, []byte(entry+":not-it\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if le := login(bare); le.From != PasswordFile || le.Denied {
		t.Errorf("a wrong password in the file: %+v", le)
	}
	// The right one is used.
	if err := os.WriteFile(passFile, []byte(entry+":"+pass+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	openT(t, bare).Close()
	// PGPASSWORD comes before the file, the address before both.
	t.Setenv("PGPASSWORD", "not-it")
	if le := login(bare); le.From != PasswordEnv {
		t.Errorf("a wrong PGPASSWORD: %+v", le)
	}
	if le := login(strings.Replace(dsn, ":"+pass+"@", ":not-it@", 1)); le.From != PasswordAddress {
		t.Errorf("a wrong password in the address: %+v", le)
	}
	os.Unsetenv("PGPASSWORD")
	// A role that may not log in, whatever the password.
	role := "sipmote_nologin_" + strings.TrimPrefix(u.Path, "/sipmote_test_")
	sql(t, dsn, `CREATE ROLE `+role+` NOLOGIN PASSWORD 'not-it'`)
	t.Cleanup(func() { sql(t, dsn, `DROP ROLE IF EXISTS `+role) })
	u.User = url.UserPassword(role, "not-it")
	if le := login(u.String()); !le.Denied || le.User != role {
		t.Errorf("a role that may not log in: %+v", le)
	}
}

// TestTLSProblemsAreNamed: an address that asks for a verified private
// connection (sslmode=verify-full) is told which way it failed, never
// that the server cannot be reached: a server without TLS (the test
// server), and a server whose certificate is of an unknown issuer, for
// another name, or out of date.
func TestTLSProblemsAreNamed(t *testing.T) {
	dsn := pgtest.DSN(t)
	t.Setenv("HOME", t.TempDir()) // no ~/.postgresql/root.crt
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("sslmode", "verify-full")
	u.RawQuery = q.Encode()
	problem := func(dsn string) *TLSError {
		t.Helper()
		start := time.Now()
		_, err := Open(dsn)
		var te *TLSError
		if !errors.As(err, &te) || !errors.Is(err, ErrTLS) || errors.Is(err, ErrUnreachable) {
			t.Fatalf("gave %v, want a *TLSError", err)
		}
		if time.Since(start) > 5*time.Second {
			t.Errorf("took %v", time.Since(start))
		}
		return te
	}
	if te := problem(u.String()); te.Problem != TLSRefused || te.Mode != "verify-full" {
		t.Errorf("a server without TLS: %+v", te)
	}

	dir := t.TempDir()
	caFile := filepath.Join(dir, "ca.crt")
	now := time.Now()
	ca, caKey := makeCert(t, nil, nil, "test CA", now.Add(24*time.Hour))
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		until    time.Time
		host     string
		rootCert string
		want     TLSProblem
	}{
		{"unknown issuer", now.Add(time.Hour), "localhost", "", TLSUnknownAuthority},
		{"another name", now.Add(time.Hour), "127.0.0.1", caFile, TLSHostname},
		{"out of date", now.Add(-time.Hour), "localhost", caFile, TLSInvalid},
	} {
		leaf, key := makeCert(t, ca, caKey, "localhost", tc.until)
		addr := tlsServer(t, tls.Certificate{Certificate: [][]byte{leaf.Raw}, PrivateKey: key})
		_, port, _ := net.SplitHostPort(addr)
		a := "postgres://sipmote@" + net.JoinHostPort(tc.host, port) + "/sipmote?sslmode=verify-full"
		if tc.rootCert != "" {
			a += "&sslrootcert=" + url.QueryEscape(tc.rootCert)
		}
		if te := problem(a); te.Problem != tc.want || te.Host != tc.host || te.RootCert != tc.rootCert {
			t.Errorf("%s: %+v, want problem %d", tc.name, te, tc.want)
		}
	}
	if te := problem(u.String() + "&sslrootcert=" + url.QueryEscape(filepath.Join(dir, "none.crt"))); te.Problem != TLSRootCert {
		t.Errorf("a CA file that does not exist: %+v", te)
	}
}

// makeCert makes a certificate for name valid until until, signed by ca
// (itself when ca is nil: a CA).
func makeCert(t *testing.T, ca *x509.Certificate, caKey *ecdsa.PrivateKey, name string, until time.Time) (*x509.Certificate, *ecdsa.PrivateKey) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()),
		Subject:      pkix.Name{CommonName: name},
		NotBefore:    until.Add(-48 * time.Hour),
		NotAfter:     until,
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	signer, signKey := tmpl, key
	if ca == nil {
		tmpl.IsCA, tmpl.BasicConstraintsValid = true, true
		tmpl.KeyUsage |= x509.KeyUsageCertSign
	} else {
		tmpl.DNSNames = []string{name}
		signer, signKey = ca, caKey
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, signer, &key.PublicKey, signKey)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c, key
}

// tlsServer answers PostgreSQL's request for TLS with yes and shakes
// hands with cert, as a server with ssl=on does; the client gives up at
// the certificate. It returns the address it listens on.
func tlsServer(t *testing.T, cert tls.Certificate) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				_ = c.SetDeadline(time.Now().Add(5 * time.Second))
				var req [8]byte
				if _, err := io.ReadFull(c, req[:]); err != nil || binary.BigEndian.Uint32(req[4:]) != 80877103 {
					return
				}
				if _, err := c.Write([]byte{'S'}); err != nil {
					return
				}
				_ = tls.Server(c, &tls.Config{Certificates: []tls.Certificate{cert}}).Handshake()
			}()
		}
	}()
	return l.Addr().String()
}

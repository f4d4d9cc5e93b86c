// Package pgtest gives tests a real PostgreSQL: a new, empty database per
// test on a server that .ci/run started (its address in $SIPMOTE_TEST_PG),
// or, for a developer running as root with PostgreSQL installed, on a
// server of the test binary's own, started the way .ci/run does it (initdb
// and pg_ctl as the postgres user, on 127.0.0.1, in a temporary folder)
// and stopped when the tests end (Main).
//
// Without a server a test is skipped, and fails when CI is set: a skipped
// test never counts as passed.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvDSN holds the address of a server the tests may make databases on,
// as a superuser: postgres://postgres:PASSWORD@127.0.0.1:PORT/postgres.
const EnvDSN = "SIPMOTE_TEST_PG"

// Password is the superuser's password on a server this package starts.
const Password = "sipmote-test"

var (
	once   sync.Once
	base   string
	own    *server
	why    string
	inMain bool
)

// Main runs a package's tests and stops a server Main's tests started.
// Use it from TestMain: os.Exit(pgtest.Main(m)).
func Main(m *testing.M) int {
	inMain = true
	code := m.Run()
	if own != nil {
		own.stop()
	}
	return code
}

// Server returns the address of the server (a superuser's, to the
// postgres database), skipping or failing t when there is none.
func Server(t testing.TB) string {
	t.Helper()
	once.Do(func() {
		if base = os.Getenv(EnvDSN); base != "" {
			return
		}
		if !inMain {
			why = "no " + EnvDSN + " and no pgtest.Main to start a server of its own"
			return
		}
		s, err := start()
		if err != nil {
			why = "no PostgreSQL: " + err.Error()
			return
		}
		own, base = s, s.dsn
	})
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL is needed: %s", why)
		}
		t.Skipf("PostgreSQL is needed: %s", why)
	}
	return base
}

// DSN makes a new, empty database for t and returns its address; the
// database is dropped when t ends.
func DSN(t testing.TB) string {
	t.Helper()
	srv := Server(t)
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "sipmote_test_" + hex.EncodeToString(b)
	exec := func(sql string) error {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, srv)
		if err != nil {
			return err
		}
		defer c.Close(ctx)
		_, err = c.Exec(ctx, sql)
		return err
	}
	if err := exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatalf("creating a test database: %v", err)
	}
	t.Cleanup(func() { _ = exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`) })
	return WithDatabase(srv, name)
}

// WithDatabase is dsn with another database name.
func WithDatabase(dsn, name string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	u.Path = "/" + name
	return u.String()
}

// server is one started by this package.
type server struct {
	dir, data, ctl string
	dsn            string
}

// binDir finds PostgreSQL's programs: Debian keeps them by version.
func binDir() (string, error) {
	for _, v := range []string{"17", "16", "15", "14", "13"} {
		dir := "/usr/lib/postgresql/" + v + "/bin"
		if _, err := os.Stat(filepath.Join(dir, "initdb")); err == nil {
			return dir, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", fmt.Errorf("initdb not found (apt-get install postgresql)")
}

// start runs initdb and pg_ctl as the postgres user, as .ci/run does.
func start() (*server, error) {
	if os.Geteuid() != 0 {
		return nil, fmt.Errorf("starting a server needs root (to run it as the postgres user); or set %s", EnvDSN)
	}
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	pg, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("no postgres user: %w", err)
	}
	dir, err := os.MkdirTemp("", "sipmote-pg-")
	if err != nil {
		return nil, err
	}
	s := &server{dir: dir, data: filepath.Join(dir, "data"), ctl: filepath.Join(bin, "pg_ctl")}
	fail := func(err error) (*server, error) { _ = os.RemoveAll(dir); return nil, err }
	pw := filepath.Join(dir, "pw")
	if err := os.WriteFile(pw, []byte(Password+"\n"), 0o600); err != nil {
		return fail(err)
	}
	if out, err := exec.Command("chown", "-R", pg.Username, dir).CombinedOutput(); err != nil {
		return fail(fmt.Errorf("chown: %v: %s", err, out))
	}
	as := func(args ...string) error {
		out, err := exec.Command("runuser", append([]string{"-u", pg.Username, "--"}, args...)...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s: %v: %s", filepath.Base(args[0]), err, out)
		}
		return nil
	}
	if err := as(filepath.Join(bin, "initdb"), "-D", s.data, "-U", "postgres", "--pwfile", pw,
		"--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync", "-E", "UTF8"); err != nil {
		return fail(err)
	}
	port, err := freePort()
	if err != nil {
		return fail(err)
	}
	if err := as(s.ctl, "-D", s.data, "-l", filepath.Join(dir, "log"), "-w", "-t", "60",
		"-o", fmt.Sprintf("-k %s -h 127.0.0.1 -p %d -F", dir, port), "start"); err != nil {
		return fail(err)
	}
	s.dsn = fmt.Sprintf("postgres://postgres:%s@127.0.0.1:%d/postgres?sslmode=disable", Password, port)
	return s, nil
}

func (s *server) stop() {
	_ = exec.Command("runuser", "-u", "postgres", "--", s.ctl, "-D", s.data, "-m", "immediate", "-w", "stop").Run()
	_ = os.RemoveAll(s.dir)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

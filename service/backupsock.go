package service

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sipmote/sipmote/seal"
	"github.com/sipmote/sipmote/store"
)

// bbolt lets one program at a time have a database file, and a meeting
// keeps it open for hours. So that a backup can still be taken from the
// command line meanwhile, the program that has the file answers on a
// Unix socket in a folder private to the user: `sipmote backup` asks it
// for a snapshot (its own Tx.WriteTo, beside the meeting's saves), writes
// and encrypts the file itself, and tells it when the file is in place so
// that the trail records the backup. The socket only hands out the file's
// bytes, which the same user can read anyway; an encrypted database's
// snapshot stays encrypted.

// socketPath is where the program that has the database at dbPath
// answers: beside the file when its folder is private and the name short
// enough for a socket, else in the user's runtime folder, else in a
// folder of the user's own in the temporary folder; "" when none will do.
func socketPath(dbPath string) string {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return ""
	}
	dir, base := filepath.Split(abs)
	if p := filepath.Join(dir, "."+base+".backup.sock"); len(p) < 100 && private(dir) {
		return p
	}
	h := sha256.Sum256([]byte(abs))
	name := "sipmote-" + hex.EncodeToString(h[:8]) + ".sock"
	if run := os.Getenv("XDG_RUNTIME_DIR"); run != "" && private(run) {
		if p := filepath.Join(run, name); len(p) < 100 {
			return p
		}
	}
	tmp := filepath.Join(os.TempDir(), "sipmote-sock-"+strconv.Itoa(os.Geteuid()))
	_ = os.Mkdir(tmp, 0o700)
	if p := filepath.Join(tmp, name); len(p) < 100 && private(tmp) {
		return p
	}
	return ""
}

// private tells whether dir is a real folder of ours that no one else may
// enter.
func private(dir string) bool {
	st, err := os.Lstat(dir)
	return err == nil && st.IsDir() && st.Mode().Perm()&0o077 == 0 && ownedByUs(st)
}

// backupServer answers snapshot requests for one open Service.
type backupServer struct {
	ln    net.Listener
	path  string
	mu    sync.Mutex
	conns map[net.Conn]bool
	wg    sync.WaitGroup
}

// serveBackups starts answering; it is best effort: without a socket, a
// backup is still taken from inside the program or when it is closed.
func (s *Service) serveBackups() {
	if s.db.Engine() != "bbolt" {
		return // a PostgreSQL database is shared: anyone can back it up
	}
	p := socketPath(s.db.Path())
	if p == "" {
		return
	}
	// This program has the file's lock, so a socket of that name is left
	// over from one that ended without closing.
	if st, err := os.Lstat(p); err == nil && st.Mode()&os.ModeSocket != 0 {
		_ = os.Remove(p)
	}
	ln, err := net.Listen("unix", p)
	if err != nil {
		return
	}
	_ = os.Chmod(p, 0o600)
	b := &backupServer{ln: ln, path: p, conns: map[net.Conn]bool{}}
	s.backups = b
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			b.mu.Lock()
			b.conns[c] = true
			b.mu.Unlock()
			b.wg.Add(1)
			go func() {
				defer b.wg.Done()
				s.answer(c)
				b.mu.Lock()
				delete(b.conns, c)
				b.mu.Unlock()
				c.Close()
			}()
		}
	}()
}

// stop ends the listener and any request under way, and removes the
// socket; Close calls it before the database closes.
func (b *backupServer) stop() {
	b.ln.Close()
	b.mu.Lock()
	for c := range b.conns {
		c.Close()
	}
	b.mu.Unlock()
	b.wg.Wait()
	_ = os.Remove(b.path)
}

// A request is one line, "snapshot"; the answer is "ok" and the file's
// bytes in chunks, each after its length (4 bytes, big-endian), ended by
// a chunk of length zero, so that a copy cut short is never taken whole. The client then says "done FINGERPRINT…" once its file is
// in place, or hangs up.
const sockTimeout = 2 * time.Minute

func (s *Service) answer(c net.Conn) {
	_ = c.SetDeadline(time.Now().Add(sockTimeout))
	r := bufio.NewReader(io.LimitReader(c, 64<<10))
	line, err := r.ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "snapshot" {
		return
	}
	if _, err := io.WriteString(c, "ok\n"); err != nil {
		return
	}
	cw := &chunkWriter{w: c}
	if _, err := s.db.Snapshot(cw); err != nil {
		return
	}
	if err := cw.end(); err != nil {
		return
	}
	_ = c.SetDeadline(time.Now().Add(sockTimeout))
	line, err = r.ReadString('\n')
	f := strings.Fields(line)
	if err != nil || len(f) == 0 || f[0] != "done" {
		return
	}
	_ = s.db.LogFile(store.TrailEvent{At: s.o.Now(), Kind: store.TrailBackup, Section: "socket", OSUser: s.osUser, To: f[1:]})
}

// ErrNoAnswer is a database held by a program that does not answer
// backup requests (an older sipmote, or one whose socket could not be
// made).
var ErrNoAnswer = errors.New("service: the program that has the database does not answer")

// RemoteBackup asks the sipmote that has the database at dbPath open for
// a snapshot and writes it as Backup does. It is for when Open says
// ErrLocked.
func RemoteBackup(dbPath, dir string, to []seal.Recipient, keep int, now time.Time) (*BackupResult, error) {
	if IsServer(dbPath) {
		return nil, ErrNoAnswer
	}
	p := socketPath(dbPath)
	if p == "" {
		return nil, ErrNoAnswer
	}
	c, err := net.DialTimeout("unix", p, 2*time.Second)
	if err != nil {
		return nil, ErrNoAnswer
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(sockTimeout))
	if _, err := io.WriteString(c, "snapshot\n"); err != nil {
		return nil, ErrNoAnswer
	}
	br := bufio.NewReader(c)
	line, err := br.ReadString('\n')
	f := strings.Fields(line)
	if err != nil || len(f) != 1 || f[0] != "ok" {
		return nil, ErrNoAnswer
	}
	res, err := writeBackup(dir, to, now, func(w io.Writer) (int64, error) {
		return io.Copy(w, &chunkReader{r: br})
	})
	if err != nil {
		return nil, err
	}
	var fps []string
	for _, r := range to {
		fps = append(fps, r.Fingerprint)
	}
	_, _ = io.WriteString(c, "done "+strings.Join(fps, " ")+"\n")
	// Wait for the other side to log and hang up, so that its trail has
	// the backup before this command says it is done.
	_, _ = io.Copy(io.Discard, br)
	if keep > 0 {
		removed, err := pruneBackups(dir, keep)
		res.Removed = removed
		if err != nil {
			return res, err
		}
	}
	return res, nil
}

// chunkWriter frames each write with its length.
type chunkWriter struct{ w io.Writer }

func (c *chunkWriter) Write(p []byte) (int, error) {
	total := len(p)
	for len(p) > 0 {
		n := min(len(p), 1<<20)
		if _, err := c.w.Write(binary.BigEndian.AppendUint32(nil, uint32(n))); err != nil {
			return 0, err
		}
		if _, err := c.w.Write(p[:n]); err != nil {
			return 0, err
		}
		p = p[n:]
	}
	return total, nil
}

// end writes the chunk of length zero that says the copy is whole.
func (c *chunkWriter) end() error {
	_, err := c.w.Write([]byte{0, 0, 0, 0})
	return err
}

// chunkReader reads what chunkWriter wrote, to io.EOF at the end chunk;
// a stream that stops before it is an error.
type chunkReader struct {
	r    io.Reader
	left uint32
	done bool
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if c.done {
		return 0, io.EOF
	}
	if c.left == 0 {
		var h [4]byte
		if _, err := io.ReadFull(c.r, h[:]); err != nil {
			return 0, fmt.Errorf("%w: the copy was cut short", ErrNoAnswer)
		}
		if c.left = binary.BigEndian.Uint32(h[:]); c.left == 0 {
			c.done = true
			return 0, io.EOF
		}
	}
	n, err := c.r.Read(p[:min(len(p), int(c.left))])
	c.left -= uint32(n)
	if err != nil && (err != io.EOF || c.left > 0) {
		return n, fmt.Errorf("%w: the copy was cut short", ErrNoAnswer)
	}
	return n, nil
}

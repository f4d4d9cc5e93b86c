package service

import (
	"bufio"
	"crypto/sha256"
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
// enough for a socket, else in the user's runtime folder; "" when neither
// will do.
func socketPath(dbPath string) string {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return ""
	}
	dir, base := filepath.Split(abs)
	if p := filepath.Join(dir, "."+base+".backup.sock"); len(p) < 100 && private(dir) {
		return p
	}
	if run := os.Getenv("XDG_RUNTIME_DIR"); run != "" && private(run) {
		h := sha256.Sum256([]byte(abs))
		if p := filepath.Join(run, "sipmote-"+hex.EncodeToString(h[:8])+".sock"); len(p) < 100 {
			return p
		}
	}
	return ""
}

// private tells whether dir is a real folder that no one else may enter.
func private(dir string) bool {
	st, err := os.Lstat(dir)
	return err == nil && st.IsDir() && st.Mode().Perm()&0o077 == 0
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

// A request is one line, "snapshot"; the answer is "ok SIZE" and the
// file's bytes. The client then says "done FINGERPRINT…" once its file is
// in place, or hangs up.
const sockTimeout = 2 * time.Minute

func (s *Service) answer(c net.Conn) {
	_ = c.SetDeadline(time.Now().Add(sockTimeout))
	r := bufio.NewReader(io.LimitReader(c, 64<<10))
	line, err := r.ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "snapshot" {
		return
	}
	_, err = s.db.Snapshot(c, func(size int64) error {
		_, err := fmt.Fprintf(c, "ok %d\n", size)
		return err
	})
	if err != nil {
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
	if err != nil || len(f) != 2 || f[0] != "ok" {
		return nil, ErrNoAnswer
	}
	size, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil || size <= 0 {
		return nil, ErrNoAnswer
	}
	res, err := writeBackup(dir, to, now, func(w io.Writer) (int64, error) {
		n, err := io.Copy(w, io.LimitReader(br, size))
		if err == nil && n != size {
			err = fmt.Errorf("%w: the snapshot was cut short", ErrNoAnswer)
		}
		return n, err
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

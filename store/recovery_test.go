package store

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// useRecoveryDir points the runtime folder at a fresh temporary folder, so
// that recovery files are written there and found there, and keeps the
// test away from the machine's /run/user, /dev/shm and temporary folder.
func useRecoveryDir(t *testing.T) string {
	t.Helper()
	run, _ := useRecoveryDirs(t)
	return filepath.Join(run, "sipmote")
}

// useRecoveryDirs makes the runtime folder and the temporary folder two
// fresh temporary folders, and hides /run/user and /dev/shm: only these
// two are candidates. It returns them.
func useRecoveryDirs(t *testing.T) (run, tmp string) {
	t.Helper()
	run, tmp = t.TempDir(), t.TempDir()
	t.Setenv("XDG_RUNTIME_DIR", run)
	live := recoveryEnvironment
	recoveryEnvironment = func() recoveryEnv {
		env := live()
		env.tmp = tmp
		env.exists = func(p string) bool { return p == run }
		return env
	}
	t.Cleanup(func() { recoveryEnvironment = live })
	return run, tmp
}

// A plan written to a recovery file comes back whole, from a plain and from
// an encrypted database; the encrypted one's file holds nothing in plain,
// and the file is 0600 in a 0700 folder.
func TestRecoveryRoundTrip(t *testing.T) {
	for _, enc := range []bool{false, true} {
		dir := useRecoveryDir(t)
		path := filepath.Join(t.TempDir(), "sipmote.db")
		var opts []Option
		if enc {
			opts = append(opts, WithNewPassphrase([]byte("rätt lösenord"), testKDF))
		}
		d, err := Open(path, opts...)
		if err != nil {
			t.Fatal(err)
		}
		p := secretPlan()
		base := fixedTime().Add(-time.Hour)
		w, err := d.WriteRecovery(p, base, fixedTime())
		if err != nil {
			t.Fatalf("encrypted %v: %v", enc, err)
		}
		if filepath.Dir(w.Path) != dir || !strings.HasSuffix(w.Path, RecoveryExt) {
			t.Errorf("written to %s, want in %s", w.Path, dir)
		}
		assertMode(t, w.Path, 0o600)
		assertMode(t, dir, 0o700|os.ModeDir)
		if enc {
			rawHasNone(t, w.Path)
		}
		got, h, err := d.ReadRecovery(w.Path)
		if err != nil {
			t.Fatalf("encrypted %v: read back: %v", enc, err)
		}
		if got.ID != p.ID || got.Draft.Content.Situation != p.Draft.Content.Situation || got.Person.Name != p.Person.Name {
			t.Errorf("encrypted %v: got back %+v", enc, got.Person)
		}
		if h.Plan != p.ID || !h.Base.Equal(base) || !h.Written.Equal(fixedTime()) || h.Sealed != enc {
			t.Errorf("encrypted %v: header %+v", enc, h)
		}
		list := d.Recoveries()
		if len(list) != 1 || list[0].Path != w.Path || list[0].Err != nil {
			t.Errorf("encrypted %v: Recoveries = %+v", enc, list)
		}
		d.Close()

		// Another database does not offer it, nor can a plain one read an
		// encrypted file.
		other, err := Open(filepath.Join(t.TempDir(), "other.db"))
		if err != nil {
			t.Fatal(err)
		}
		if list := other.Recoveries(); len(list) != 0 {
			t.Errorf("encrypted %v: another database lists %+v", enc, list)
		}
		if _, _, err := other.ReadRecovery(w.Path); err == nil {
			t.Errorf("encrypted %v: another database read the file", enc)
		}
		other.Close()
	}
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Mode() & (os.ModeDir | os.ModePerm); got != want {
		t.Errorf("%s has mode %v, want %v", path, got, want)
	}
}

// A recovery file with a byte changed anywhere, cut short, or with a plain
// plan in place of an encrypted one, is refused as damaged, listed with its
// error and left where it is.
func TestRecoveryDamagedRefused(t *testing.T) {
	for _, enc := range []bool{false, true} {
		useRecoveryDir(t)
		var opts []Option
		if enc {
			opts = append(opts, WithNewPassphrase([]byte("rätt lösenord"), testKDF))
		}
		d := openTemp(t, opts...)
		w, err := d.WriteRecovery(secretPlan(), time.Time{}, fixedTime())
		if err != nil {
			t.Fatal(err)
		}
		good, _ := os.ReadFile(w.Path)
		for _, tt := range []struct {
			name string
			bad  func([]byte) []byte
		}{
			{"header byte", func(b []byte) []byte { b[len(recoveryMagic)+10] ^= 1; return b }},
			{"plan byte", func(b []byte) []byte { b[len(b)-20] ^= 0x40; return b }},
			{"checksum", func(b []byte) []byte { b[len(b)-1] ^= 1; return b }},
			{"cut short", func(b []byte) []byte { return b[:len(b)/2] }},
			{"empty", func([]byte) []byte { return nil }},
			{"not a recovery file", func([]byte) []byte { return []byte("{\"plan\":1}") }},
		} {
			bad := tt.bad(append([]byte(nil), good...))
			if err := os.WriteFile(w.Path, bad, 0o600); err != nil {
				t.Fatal(err)
			}
			if _, _, err := d.ReadRecovery(w.Path); !errors.Is(err, ErrDamagedRecovery) {
				t.Errorf("encrypted %v, %s: read gives %v, want ErrDamagedRecovery", enc, tt.name, err)
			}
			list := d.Recoveries()
			if len(list) != 1 || !errors.Is(list[0].Err, ErrDamagedRecovery) {
				t.Errorf("encrypted %v, %s: Recoveries = %+v", enc, tt.name, list)
			}
			if _, err := os.Stat(w.Path); err != nil {
				t.Errorf("encrypted %v, %s: the damaged file is gone: %v", enc, tt.name, err)
			}
		}
		_ = os.Remove(w.Path)
	}

	// A plain recovery file for an encrypted database: someone wrote it
	// who did not have the key.
	useRecoveryDir(t)
	path := filepath.Join(t.TempDir(), "sipmote.db")
	plain, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	p := secretPlan()
	h := RecoveryHeader{Format: recoveryFormat, Plan: p.ID, Written: fixedTime(), DB: dbIdentity(filepath.Join(filepath.Dir(path), "enc.db"))}
	raw, err := plain.recoverySite().encodeRecovery(p, h)
	plain.Close()
	if err != nil {
		t.Fatal(err)
	}
	enc, err := Open(filepath.Join(filepath.Dir(path), "enc.db"), WithNewPassphrase([]byte("x"), testKDF))
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	fake := filepath.Join(RecoveryDirs(enc.Path())[0], "sipmote-fake"+RecoveryExt)
	if err := prepareRecoveryDir(filepath.Dir(fake), true); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fake, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := enc.ReadRecovery(fake); !errors.Is(err, ErrDamagedRecovery) {
		t.Errorf("a plain file for an encrypted database: %v", err)
	}
}

// The folders tried: the runtime folder first, then the fallbacks in
// order; those on a file system other than the database's before those on
// the same, and a folder that does not exist is judged by its parent.
func TestRecoveryDirsOrder(t *testing.T) {
	const db = "/data/sip/sipmote.db"
	dev := map[string]uint64{"/data/sip": 1, "/run/user/7": 2, "/run/user/7/sipmote": 2, "/xdg": 1, "/dev/shm": 3, "/tmp": 1}
	for _, tt := range []struct {
		name   string
		xdg    string
		exists []string
		devs   map[string]uint64
		want   []string
	}{
		{"all there, runtime differs", "/run/user/7", []string{"/run/user/7", "/dev/shm"}, dev,
			[]string{"/run/user/7/sipmote", "/dev/shm/sipmote-7", "/tmp/sipmote-7", "/data/sip"}},
		{"runtime on the database's disk goes after the others", "/xdg", []string{"/xdg", "/run/user/7", "/dev/shm"}, dev,
			[]string{"/run/user/7/sipmote", "/dev/shm/sipmote-7", "/xdg/sipmote", "/tmp/sipmote-7", "/data/sip"}},
		{"no runtime folder, no shared memory", "", nil, dev,
			[]string{"/tmp/sipmote-7", "/data/sip"}},
		{"a relative XDG_RUNTIME_DIR is ignored", "run", []string{"run"}, dev,
			[]string{"/tmp/sipmote-7", "/data/sip"}},
		{"devices unknown: the order as given", "/run/user/7", []string{"/run/user/7", "/dev/shm"}, map[string]uint64{},
			[]string{"/run/user/7/sipmote", "/dev/shm/sipmote-7", "/tmp/sipmote-7", "/data/sip"}},
		{"everything on one disk", "/xdg", []string{"/xdg"}, map[string]uint64{"/data/sip": 1, "/xdg": 1, "/tmp": 1},
			[]string{"/xdg/sipmote", "/tmp/sipmote-7", "/data/sip"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			env := recoveryEnv{
				getenv: func(k string) string {
					if k == "XDG_RUNTIME_DIR" {
						return tt.xdg
					}
					return ""
				},
				uid:    7,
				tmp:    "/tmp",
				exists: func(p string) bool { return contains(tt.exists, p) },
				device: func(p string) (uint64, bool) { d, ok := tt.devs[p]; return d, ok },
			}
			got := recoveryDirs(env, db)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// A folder is used only when it is ours and nobody else may write in it;
// one made for the purpose is 0700 whatever the umask.
func TestRecoveryDirPermissions(t *testing.T) {
	root := t.TempDir()
	mk := func(name string, mode os.FileMode) string {
		p := filepath.Join(root, name)
		if err := os.Mkdir(p, mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	link := filepath.Join(root, "link")
	if err := os.Symlink(mk("target", 0o700), link); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	foreign := mk("foreign", 0o700)
	foreignOK := os.Geteuid() == 0 && os.Chown(foreign, 4242, 4242) == nil
	for _, tt := range []struct {
		name   string
		dir    string
		create bool
		ok     bool
	}{
		{"private folder", mk("private", 0o700), false, true},
		{"readable by others (a file's name holds a plan id)", mk("readable", 0o755), false, false},
		{"group may write", mk("group", 0o770), false, false},
		{"anyone may write", mk("world", 0o777), false, false},
		{"sticky shared folder like /tmp", mk("sticky", 0o1777), false, false},
		{"missing, not to be made", filepath.Join(root, "absent"), false, false},
		{"missing, made", filepath.Join(root, "made"), true, true},
		{"a link to a folder", link, true, false},
		{"a file", file, true, false},
		{"missing parent", filepath.Join(root, "no", "such"), true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := prepareRecoveryDir(tt.dir, tt.create)
			if (err == nil) != tt.ok {
				t.Fatalf("prepareRecoveryDir(%s) = %v, want ok %v", tt.dir, err, tt.ok)
			}
			if tt.create && tt.ok {
				assertMode(t, tt.dir, 0o700|os.ModeDir)
			}
		})
	}
	t.Run("another user's folder", func(t *testing.T) {
		if !foreignOK {
			t.Skip("needs root to give a folder away")
		}
		if err := prepareRecoveryDir(foreign, true); !errors.Is(err, ErrRecoveryFolder) {
			t.Errorf("another user's folder: %v", err)
		}
	})
}

// When the first folder refuses (here: another user's runtime folder under
// our name), the next one is used.
func TestRecoveryTriesTheNextFolder(t *testing.T) {
	run, tmp := useRecoveryDirs(t)
	// A file where the folder should be: it cannot be used.
	if err := os.WriteFile(filepath.Join(run, "sipmote"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	d := openTemp(t)
	w, err := d.WriteRecovery(secretPlan(), time.Time{}, fixedTime())
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(w.Path) != filepath.Join(tmp, "sipmote-"+strconv.Itoa(os.Getuid())) {
		t.Errorf("written to %s, want the temporary folder after the refused runtime folder", w.Path)
	}
	if list := d.Recoveries(); len(list) != 1 || list[0].Path != w.Path {
		t.Errorf("Recoveries = %+v", list)
	}
}

// A second recovery of the same plan in the same second gets a name of its
// own: an earlier file is never replaced.
func TestRecoveryNeverReplaces(t *testing.T) {
	useRecoveryDir(t)
	d := openTemp(t)
	p := secretPlan()
	a, err := d.WriteRecovery(p, time.Time{}, fixedTime())
	if err != nil {
		t.Fatal(err)
	}
	p.Draft.Content.Situation = "andra gången"
	b, err := d.WriteRecovery(p, time.Time{}, fixedTime())
	if err != nil {
		t.Fatal(err)
	}
	if a.Path == b.Path || filepath.Dir(a.Path) != filepath.Dir(b.Path) {
		t.Fatalf("%s and %s", a.Path, b.Path)
	}
	first, _, err := d.ReadRecovery(a.Path)
	if err != nil || first.Draft.Content.Situation == "andra gången" {
		t.Errorf("the first file was replaced: %v", err)
	}
	if list := d.Recoveries(); len(list) != 2 {
		t.Errorf("Recoveries = %d files, want 2", len(list))
	}
}

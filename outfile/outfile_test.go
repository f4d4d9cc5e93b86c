package outfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(t *testing.T, path string)
		force   bool
		wantErr error
	}{
		{"new file", nil, false, nil},
		{"existing file is refused", existing, false, ErrExists},
		{"existing file replaced with force", existing, true, nil},
		{"symlink is refused", symlink, false, ErrSymlink},
		{"symlink is refused even with force", symlink, true, ErrSymlink},
		{"dangling symlink is refused", dangling, false, ErrSymlink},
		{"a folder is refused", folder, true, ErrNotFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "plan.pdf")
			if tt.setup != nil {
				tt.setup(t, path)
			}
			err := Write(path, []byte("new content"), tt.force)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Write: %v, want %v", err, tt.wantErr)
			}
			target := filepath.Join(dir, "target")
			if tt.wantErr != nil {
				// Nothing written anywhere: not at the link's target, no
				// temporary file left.
				if b, err := os.ReadFile(target); err == nil && string(b) != "old" {
					t.Errorf("the link's target was written: %q", b)
				}
				leftovers(t, dir)
				return
			}
			st, err := os.Lstat(path)
			if err != nil {
				t.Fatal(err)
			}
			if st.Mode().Perm() != 0o600 || !st.Mode().IsRegular() {
				t.Errorf("mode %v, want a regular 0600 file", st.Mode())
			}
			if b, _ := os.ReadFile(path); string(b) != "new content" {
				t.Errorf("content %q", b)
			}
			leftovers(t, dir)
		})
	}
}

func existing(t *testing.T, path string) {
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, path string) {
	target := filepath.Join(filepath.Dir(path), "target")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
}

func dangling(t *testing.T, path string) {
	if err := os.Symlink(filepath.Join(filepath.Dir(path), "target"), path); err != nil {
		t.Fatal(err)
	}
}

func folder(t *testing.T, path string) {
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
}

func leftovers(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if n := e.Name(); len(n) > 0 && n[0] == '.' {
			t.Errorf("temporary file left behind: %s", n)
		}
	}
}

func TestWriteFreeNumbers(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sip.pdf")
	existing(t, path)
	got, err := WriteFree(path, []byte("x"))
	if err != nil || got != filepath.Join(dir, "sip-2.pdf") {
		t.Fatalf("WriteFree = %q, %v", got, err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("the existing file changed")
	}
}

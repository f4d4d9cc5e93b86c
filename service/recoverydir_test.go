package service

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// A recovery folder someone made a file, a link, or a folder open to
// others is passed over for the next one; with none left RecoveryDir says
// so (""), and a failed recovery names each folder's own reason, never
// "full" for a folder that was not.
func TestRecoveryDirIsVerified(t *testing.T) {
	base := t.TempDir()
	asFile := filepath.Join(base, "sipmote-file")
	if err := os.WriteFile(asFile, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	open := filepath.Join(base, "sipmote-open")
	if err := os.Mkdir(open, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(open, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(base, "sipmote-link")
	if err := os.Symlink(t.TempDir(), link); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(base, "sipmote-good")
	svc := openTest(t, Options{RecoveryDirs: []string{asFile, open, link, good}})
	if got := svc.RecoveryDir(); got != good {
		t.Errorf("RecoveryDir = %q, want %q", got, good)
	}
	if st, err := os.Lstat(good); err != nil || !st.IsDir() || st.Mode().Perm() != 0o700 {
		t.Errorf("the verified folder: %v %v", st, err)
	}

	none := openTest(t, Options{RecoveryDirs: []string{asFile, open, link}})
	if got := none.RecoveryDir(); got != "" {
		t.Errorf("RecoveryDir with no usable folder = %q", got)
	}
	p := model.NewPlan(model.Person{Name: "Vera Sund"}, testNow)
	_, err := none.db.WriteRecovery(p, time.Time{}, testNow)
	if err == nil {
		t.Fatal("a recovery file was written in a folder that is not private")
	}
	msg := ErrorText(model.English, err)
	if strings.Contains(msg, "full") || !strings.Contains(msg, asFile+" (not a private folder of your own)") || !strings.Contains(msg, open+" (not a private folder of your own)") {
		t.Errorf("the reason: %q", msg)
	}
	if _, err := os.ReadFile(asFile); err != nil {
		t.Errorf("the file in the way was touched: %v", err)
	}
	_ = store.ErrRecoveryFolder
}

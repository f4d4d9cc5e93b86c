package bigfile

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/testkeys"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

func TestMain(m *testing.M) {
	done := testkeys.Use()
	defer done()
	m.Run()
}

// TestMake: the file holds every plan, closed and withdrawn ones among
// them, readable through the service.
func TestMake(t *testing.T) {
	path := Make(t, 2500)
	svc, err := service.Open(path, service.Options{Now: func() time.Time { return Now }, RecoveryDirs: []string{filepath.Join(t.TempDir(), "rec")}})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	entries, err := svc.HomeIndex(context.Background())
	if err != nil || len(entries) != 2500 {
		t.Fatalf("%d plans, %v", len(entries), err)
	}
	var closed, gone int
	for _, e := range entries {
		if e.Status == model.StatusClosed {
			closed++
		}
		if e.ConsentGone {
			gone++
		}
	}
	if closed < 250 || gone < 20 {
		t.Errorf("%d closed, %d withdrawn", closed, gone)
	}
}

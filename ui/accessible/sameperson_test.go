package accessible

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/service"
)

// TestNewPlanForAPersonnummerInUse: :ny with the personnummer of a plan
// not yet closed names that plan and asks: 1 opens it, 2 makes the new
// plan anyway (tryout2 #52).
func TestNewPlanForAPersonnummerInUse(t *testing.T) {
	for _, tc := range []struct {
		answer string
		plans  int
	}{{"1", 1}, {"2", 2}} {
		t.Run(tc.answer, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sip.db")
			svc, err := service.Open(path, service.Options{Now: func() time.Time { return fixedNow }, RecoveryDirs: []string{t.TempDir()}})
			if err != nil {
				t.Fatal(err)
			}
			there := model.NewPlan(model.Person{Name: "Anna-Maja Lind", PNR: "19890412-3455"}, fixedNow)
			if err := svc.Create(context.Background(), there); err != nil {
				t.Fatal(err)
			}
			svc.Close()
			out := run(t, path, model.Swedish, []string{":ny", "Maja Lind", "19890412-3455", "", "", "", "", "1", "", "", tc.answer})
			if !strings.Contains(strings.Join(strings.Fields(out), " "), "Det finns redan en plan som inte är avslutad för det personnumret: Anna-Maja Lind. Vad vill du göra?") {
				t.Fatalf("no question:\n%s", out)
			}
			svc, err = service.Open(path, service.Options{RecoveryDirs: []string{t.TempDir()}})
			if err != nil {
				t.Fatal(err)
			}
			defer svc.Close()
			sums, err := svc.List(context.Background())
			if err != nil || len(sums) != tc.plans {
				t.Errorf("%d plans (%v), want %d:\n%s", len(sums), err, tc.plans, out)
			}
		})
	}
}

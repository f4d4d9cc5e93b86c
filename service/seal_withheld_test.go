package service

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/seal"
)

// Once the person has withdrawn the consent, sealing a plan for hand-over
// is refused as its JSON export is: the same rule, checked before anything
// is read or written, and said in the user's language.
func TestSealRefusedOnceConsentIsWithdrawn(t *testing.T) {
	keys := t.TempDir()
	anna, per := sshKey(t, keys, "anna"), sshKey(t, keys, "per")
	signer, err := seal.LoadSigner(anna, nil)
	if err != nil {
		t.Fatal(err)
	}
	toPer, _ := keysOf(t, per)
	svc := openTest(t, Options{})
	ctx := context.Background()
	gone, ended := newPlan(t, svc, "Maja Lind"), newPlan(t, svc, "Olle Berg")
	if _, err := svc.ClosePlan(ctx, gone.ID, model.Closure{Reason: model.CloseConsentGone, Date: "2026-11-25", DraftDiscarded: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ClosePlan(ctx, ended.ID, model.Closure{Reason: model.CloseGoalsMet, Date: "2026-11-25", DraftDiscarded: true, Text: "klart"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "maja.age")
	before := trailKinds(t, svc, gone.ID)
	_, err = svc.SealPlan(ctx, gone.ID, SealOptions{To: toPer, Signer: signer, File: out})
	if !errors.Is(err, ErrSealWithheld) || !errors.Is(err, ErrWithheld) {
		t.Fatalf("sealed a plan whose consent is withdrawn: %v", err)
	}
	if _, err := svc.SealPlan(ctx, gone.ID, SealOptions{To: toPer, Signer: signer, Dir: dir}); !errors.Is(err, ErrSealWithheld) {
		t.Fatalf("sealed into a folder: %v", err)
	}
	if names, _ := os.ReadDir(dir); len(names) != 0 {
		t.Fatalf("files written: %v", names)
	}
	if after := trailKinds(t, svc, gone.ID); !slices.Equal(before, after) {
		t.Errorf("trail went from %v to %v", before, after)
	}
	// The same rule as the JSON export: one list, not two.
	if err := svc.Export(ctx, &bytes.Buffer{}, func() *model.Plan { p, _ := svc.Load(ctx, gone.ID); return p }(), nil, ExportOptions{Format: FormatJSON}); !errors.Is(err, ErrWithheld) {
		t.Fatalf("json export: %v", err)
	}
	if err := svc.MaySeal(ctx, gone.ID[:8]); !errors.Is(err, ErrSealWithheld) {
		t.Errorf("MaySeal: %v", err)
	}
	for l, want := range map[model.Lang]string{model.Swedish: "förseglas inte", model.English: "is not sealed"} {
		if msg := ErrorText(l, err); !strings.Contains(msg, want) || !strings.Contains(msg, "md, txt") {
			t.Errorf("%s: %q", l, msg)
		}
	}
	// A plan closed for another reason is still handed over whole.
	if err := svc.MaySeal(ctx, ended.ID); err != nil {
		t.Errorf("MaySeal on a plan closed with its goals met: %v", err)
	}
	if _, err := svc.SealPlan(ctx, ended.ID, SealOptions{To: toPer, Signer: signer, File: filepath.Join(dir, "olle.age")}); err != nil {
		t.Errorf("sealing a plan closed with its goals met: %v", err)
	}
}

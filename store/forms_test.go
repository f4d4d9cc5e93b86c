package store

import (
	"path/filepath"
	"testing"
)

func TestFormDraftRoundTrip(t *testing.T) {
	d := openTemp(t)
	type in struct{ Person, PNR string }
	var got in
	if _, ok, err := d.LoadForm("new", &got); ok || err != nil {
		t.Fatalf("empty db has a form: %v %v", ok, err)
	}
	at := fixedTime()
	if err := d.SaveForm("new", in{"Maja Lind", "19890412-3455"}, at); err != nil {
		t.Fatal(err)
	}
	savedAt, ok, err := d.LoadForm("new", &got)
	if err != nil || !ok || got.Person != "Maja Lind" || got.PNR != "19890412-3455" || !savedAt.Equal(at) {
		t.Fatalf("got %+v at %v, ok %v, err %v", got, savedAt, ok, err)
	}
	// A form draft is not a plan: the list does not show it.
	if sums, err := d.List(); err != nil || len(sums) != 0 {
		t.Errorf("list: %v %v", sums, err)
	}
	if err := d.ClearForm("new"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := d.LoadForm("new", &got); ok {
		t.Error("the form is still there after ClearForm")
	}
}

// A kept form is a record like any other: the next Open finds it whole
// (before, it failed its checksum and the whole file was taken for damaged
// and written no more), and in an encrypted file it is not in plain.
func TestFormDraftSealed(t *testing.T) {
	for _, enc := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "sipmote.db")
		var opts []Option
		if enc {
			opts = append(opts, WithNewPassphrase([]byte("rätt lösenord"), testKDF))
		}
		d, err := Open(path, opts...)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.SaveForm("new-plan", map[string]string{"person": "Gunnvor Qvarnström"}, fixedTime()); err != nil {
			t.Fatal(err)
		}
		d.Close()
		if enc {
			rawHasNone(t, path)
		}
		d, err = Open(path, WithPassphrase(pass("rätt lösenord")))
		if err != nil {
			t.Fatal(err)
		}
		if plans, other := d.Damaged(); len(plans) > 0 || other > 0 {
			t.Errorf("encrypted %v: the file is taken for damaged after a kept form: %v %d", enc, plans, other)
		}
		var got map[string]string
		if _, ok, err := d.LoadForm("new-plan", &got); err != nil || !ok || got["person"] != "Gunnvor Qvarnström" {
			t.Errorf("encrypted %v: form %v %v %v", enc, got, ok, err)
		}
		if err := d.SavePlan(secretPlan()); err != nil {
			t.Errorf("encrypted %v: a save after a kept form: %v", enc, err)
		}
		d.Close()
	}
}

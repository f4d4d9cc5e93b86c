package store

import (
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

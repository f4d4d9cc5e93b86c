package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/termsafe"
)

// A name stored with a right-to-left override reaches the screen with its
// letters in their stored order: the override never reaches the terminal.
func TestScreenDropsBidiControls(t *testing.T) {
	db := openTestDB(t)
	p := model.NewPlan(model.Person{Name: "Maja \u202eLind\u202c \u2067Berg\u2069"}, fixedNow)
	if err := db.Create(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, db, model.English, 100, 30)
	drainPending(m)
	out := m.View().Content
	if strings.ContainsFunc(out, termsafe.IsFormat) {
		t.Fatalf("the screen holds a format control: %q", out)
	}
	if !strings.Contains(out, "Lind") {
		t.Fatalf("the name is not on the home screen:\n%s", screenText(m))
	}
}

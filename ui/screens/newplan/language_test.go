package newplan

import (
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// TestReadingLanguage: the new-plan form takes the language the person
// reads best as a code or a language's name ("finska" is fi), and refuses
// what is neither, naming the field.
func TestReadingLanguage(t *testing.T) {
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	in := Input{Person: "Aino Virtanen", Date: "2026-12-10", Time: "10:00", Language: " FI "}
	p, msg, _ := in.build(model.Swedish, now)
	if msg != "" || p == nil || p.Person.Language != "fi" {
		t.Fatalf("fi: %q %+v", msg, p)
	}
	in.Language = "finskan"
	if p, msg, field := in.build(model.Swedish, now); p != nil || msg == "" || field != "language" {
		t.Errorf("finskan: plan %v, %q, field %q", p != nil, msg, field)
	}
}

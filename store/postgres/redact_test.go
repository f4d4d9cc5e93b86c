package postgres

import (
	"strings"
	"testing"
)

// TestRedactKeepsTheQuery: an address told back keeps what the user wrote
// (sslmode=verify-full above all) and loses every password.
func TestRedactKeepsTheQuery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"postgres://sipmote:secret@db.kommun.se:5432/sipmote?sslmode=verify-full&sslrootcert=/etc/ca.crt",
			"postgres://sipmote@db.kommun.se:5432/sipmote?sslmode=verify-full&sslrootcert=/etc/ca.crt"},
		{"postgres://sipmote@db:5432/sipmote?password=secret&sslmode=require", "postgres://sipmote@db:5432/sipmote?sslmode=require"},
		{"postgresql://u@h/d?sslpassword=secret&PassWord=secret", "postgresql://u@h/d"},
		{"postgres://u:secret@h/d#secret", "postgres://u@h/d"},
		{"postgres://u:p%zzsecret@h/d", "postgres://…"},
	} {
		got := Redact(tc.in)
		if got != tc.want || strings.Contains(got, "secret") {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

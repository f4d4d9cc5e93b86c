package share

import (
	"strings"
	"testing"
	"time"
)

// TestNewCodes: every role has a code of its own, in the shown format,
// and a new share makes new codes.
func TestNewCodes(t *testing.T) {
	a, b := newCodes(), newCodes()
	if len(a) != len(Roles) {
		t.Fatalf("codes for %d roles, want %d: %v", len(a), len(Roles), a)
	}
	seen := map[string]Role{}
	for _, r := range Roles {
		code := a[r]
		if len(code) != 9 || code[4] != '-' {
			t.Errorf("%s: code %q is not xxxx-xxxx", r, code)
		}
		for _, c := range normCode(code) {
			if !strings.ContainsRune(codeAlphabet, c) {
				t.Errorf("%s: code %q holds %q, outside the alphabet", r, code, c)
			}
		}
		if other, ok := seen[normCode(code)]; ok {
			t.Errorf("%s and %s share the code %q", r, other, code)
		}
		seen[normCode(code)] = r
		if a[r] == b[r] {
			t.Errorf("%s: two shares made the same code %q", r, code)
		}
	}
}

// TestCodesAdmitOnlyTheirRole is the table of who a code lets in.
func TestCodesAdmitOnlyTheirRole(t *testing.T) {
	c := codes{RoleChair: "abcd-efgh", RoleRoom: "mnpq-rstu"}
	for _, tc := range []struct {
		user, typed string
		want        bool
	}{
		{"chair", "abcd-efgh", true},
		{"chair", "ABCD EFGH", true},
		{"chair", " abcdefgh ", true},
		{"room", "mnpq-rstu", true},
		{"room", "abcd-efgh", false},  // the chair's code at the room's door
		{"chair", "mnpq-rstu", false}, // the room's code at the chair's door
		{"chair", "abcd-efg", false},
		{"chair", "abcd-efghj", false},
		{"chair", "", false},
		{"room", "", false},
		{"Chair", "abcd-efgh", false}, // the user name is the role, exactly
		{"secretary", "abcd-efgh", false},
		{"", "abcd-efgh", false},
	} {
		if got := c.admits(tc.user, tc.typed); got != tc.want {
			t.Errorf("admits(%q, %q) = %v, want %v", tc.user, tc.typed, got, tc.want)
		}
	}
	if (codes{RoleChair: ""}).admits("chair", "") {
		t.Error("an empty code let in an empty answer")
	}
}

// TestCheckCountsTheOtherRolesCodeAsAMiss: a device that tries the room's
// code as the chair is slowed down like any guesser, and then even the
// right code waits.
func TestCheckCountsTheOtherRolesCodeAsAMiss(t *testing.T) {
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	s := &Server{codes: codes{RoleChair: "abcd-efgh", RoleRoom: "mnpq-rstu"},
		limit: newLimiter(func() time.Time { return now })}
	if !s.check("room", "10.0.0.5", "mnpq-rstu") {
		t.Fatal("the room's own code was refused")
	}
	for i := range freeMisses {
		if s.check("chair", "10.0.0.5", "mnpq-rstu") {
			t.Fatalf("try %d: the room's code opened the chair's view", i+1)
		}
	}
	if s.check("chair", "10.0.0.5", "abcd-efgh") {
		t.Fatal("the chair's code came in while the address waits out its misses")
	}
	if !s.check("chair", "10.0.0.6", "abcd-efgh") {
		t.Fatal("another address was held up by one address's misses")
	}
	now = now.Add(2 * time.Second)
	if !s.check("chair", "10.0.0.5", "abcd-efgh") {
		t.Fatal("the chair's code was refused after the wait")
	}
}

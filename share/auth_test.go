package share

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
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

// heldServer is a server without a listener whose waits are noted and
// passed on a clock of its own.
func heldServer(t *testing.T) (*Server, *[]time.Duration, *time.Time) {
	t.Helper()
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	var waits []time.Duration
	s := &Server{o: Options{Now: func() time.Time { return now }}, codes: codes{RoleChair: "abcd-efgh", RoleRoom: "mnpq-rstu"},
		limit: newLimiter(func() time.Time { return now }), refused: newRefusals(), changed: make(chan struct{}, 1), done: make(chan struct{})}
	s.hold = func(_ context.Context, d time.Duration) bool {
		waits = append(waits, d)
		now = now.Add(d)
		return true
	}
	return s, &waits, &now
}

// TestCheckCountsTheOtherRolesCodeAsAMiss: a device that tries the room's
// code as the chair is slowed down at the chair's door like any guesser:
// its next try, the right code too, is held a second and then let in. Its
// tries at the room's door, and another address's at the chair's, are not
// held at all.
func TestCheckCountsTheOtherRolesCodeAsAMiss(t *testing.T) {
	s, waits, _ := heldServer(t)
	ctx := context.Background()
	if !s.check(ctx, "room", "10.0.0.5", "mnpq-rstu") {
		t.Fatal("the room's own code was refused")
	}
	for i := range freeMisses {
		if s.check(ctx, "chair", "10.0.0.5", "mnpq-rstu") {
			t.Fatalf("try %d: the room's code opened the chair's view", i+1)
		}
	}
	if len(*waits) != 0 {
		t.Fatalf("the first three misses were held: %v", *waits)
	}
	if !s.check(ctx, "room", "10.0.0.5", "mnpq-rstu") || len(*waits) != 0 {
		t.Fatalf("misses at the chair's door held up the room's code (waits %v)", *waits)
	}
	if !s.check(ctx, "chair", "10.0.0.6", "abcd-efgh") || len(*waits) != 0 {
		t.Fatalf("another address was held up by one address's misses (waits %v)", *waits)
	}
	if !s.check(ctx, "chair", "10.0.0.5", "abcd-efgh") {
		t.Fatal("the chair's right code was refused after three misses")
	}
	if fmt.Sprint(*waits) != "[1s]" {
		t.Fatalf("the try after three misses waited %v, want one second", *waits)
	}
	got := s.Refused()
	if len(got) != 1 || got[0].Addr != "10.0.0.5" || got[0].Role != RoleChair || got[0].Count != 3 {
		t.Fatalf("refusals %+v", got)
	}
}

// TestFloodNeverLocksOutTheRightCode: the flood, 21 wrong codes
// for the chair from seven other addresses in a couple of seconds, and
// three misses at the chair from the room's own address: the chair's
// right code from its own address is held a second at most and let in,
// and so is the room's from the address that missed at the chair.
func TestFloodNeverLocksOutTheRightCode(t *testing.T) {
	s, waits, now := heldServer(t)
	ctx := context.Background()
	for i := range 21 {
		*now = now.Add(100 * time.Millisecond)
		if s.check(ctx, "chair", fmt.Sprintf("127.0.0.%d", 2+i%7), "wrong-code") {
			t.Fatal("a wrong code was let in")
		}
	}
	for range 3 {
		s.check(ctx, "chair", "127.0.0.20", "mnpq-rstu")
	}
	*waits = nil
	if !s.check(ctx, "chair", "127.0.0.1", "ABCD EFGH") {
		t.Fatal("the flood locked the chair out")
	}
	if len(*waits) != 1 || (*waits)[0] > floodDelay {
		t.Fatalf("the chair waited %v during the flood, want at most %v", *waits, floodDelay)
	}
	*waits = nil
	if !s.check(ctx, "room", "127.0.0.20", "mnpq-rstu") || len(*waits) != 0 {
		t.Fatalf("misses at the chair's door held the room's code (waits %v)", *waits)
	}
	// Every refused try is counted, per address.
	total := 0
	for _, r := range s.Refused() {
		total += r.Count
	}
	if total != 24 || len(s.Refused()) != 8 {
		t.Fatalf("refusals %+v", s.Refused())
	}
}

// TestGuessingOneDoorIsHeldUpForLonger: an address that keeps guessing at
// one role waits twice as long after each miss, and once it has more
// than maxWait of tries queued, its tries at that role are refused
// unchecked; its tries at the other role are not.
func TestGuessingOneDoorIsHeldUpForLonger(t *testing.T) {
	s, waits, _ := heldServer(t)
	ctx := context.Background()
	for range 8 {
		s.check(ctx, "chair", "10.0.0.9", "wrong-code")
	}
	want := "[1s 2s 4s 8s 16s]"
	if fmt.Sprint(*waits) != want {
		t.Fatalf("waits %v, want %v", *waits, want)
	}
	l := s.limit
	for range 40 {
		if _, ok := l.wait("10.0.0.9", RoleChair); !ok {
			if _, ok := l.wait("10.0.0.9", RoleRoom); !ok {
				t.Fatal("the room's door was shut by guesses at the chair's")
			}
			return
		}
	}
	t.Fatal("tries queued without end were never refused")
}

// TestBadAnswers: empty, huge and unknown-user tries are refused and
// counted, never checked against a code, and never let in.
func TestBadAnswers(t *testing.T) {
	s, _, _ := heldServer(t)
	ctx := context.Background()
	huge := strings.Repeat("abcd-efgh", 100_000/9)
	for _, tc := range []struct{ user, code string }{
		{"chair", ""}, {"chair", huge}, {"room", huge}, {"secretary", "abcd-efgh"}, {"", ""}, {strings.Repeat("x", 5000), "mnpq-rstu"},
	} {
		if s.check(ctx, tc.user, "10.1.1.1", tc.code) {
			t.Errorf("let in %.10q with a %d-byte code", tc.user, len(tc.code))
		}
	}
	var unknown int
	for _, r := range s.Refused() {
		if r.Role == "" {
			unknown = r.Count
		}
	}
	if unknown != 3 {
		t.Errorf("unknown user names counted %d times: %+v", unknown, s.Refused())
	}
}

// TestSecondTryIsToldTheFirstWasWrong: ssh asks again after a wrong code,
// and the question says the code was wrong; the right one then lets in.
func TestSecondTryIsToldTheFirstWasWrong(t *testing.T) {
	s, _ := startTest(t, func(o *Options) { o.Prompt = func(Role) string { return "Kod för rummets skärm: " } })
	var asked []string
	answers := []string{"fel-kod1", s.Code(RoleRoom)}
	ki := gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
		asked = append(asked, qs...)
		a := answers[0]
		answers = answers[1:]
		return []string{a}, nil
	})
	c, err := gossh.Dial("tcp", s.Addr().String(), &gossh.ClientConfig{User: "room",
		Auth:            []gossh.AuthMethod{gossh.RetryableAuthMethod(ki, 3)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("the right code on the second try: %v", err)
	}
	c.Close()
	if len(asked) != 2 || asked[0] != "Kod för rummets skärm: " || asked[1] != "Fel kod, försök igen. Kod för rummets skärm: " {
		t.Errorf("asked %q", asked)
	}
}

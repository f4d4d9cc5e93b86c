package turns

import (
	"testing"
	"time"
)

// A call that takes three times as long as the base gives about 3.
func TestRatio(t *testing.T) {
	slow := func() { time.Sleep(3 * time.Millisecond) }
	fast := func() { time.Sleep(time.Millisecond) }
	if r := Ratio(slow, fast, 5, 3); r < 2 || r > 4 {
		t.Errorf("Ratio = %.2f, want about 3", r)
	}
	if r := Ratio(fast, slow, 5, 3); r > 0.5 {
		t.Errorf("Ratio the other way = %.2f, want about 0.33", r)
	}
}

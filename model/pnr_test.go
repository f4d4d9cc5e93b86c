package model

import (
	"errors"
	"testing"
	"time"
)

// The numbers below are Luhn-valid test values, worked out for these tests;
// none belongs to a real person.
func TestNormalisePNR(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		name, in, want string
	}{
		{"full form", "19890412-3455", "19890412-3455"},
		{"full form, no dash", "198904123455", "19890412-3455"},
		{"short form", "890412-3455", "19890412-3455"},
		{"short form, no dash", "8904123455", "19890412-3455"},
		{"spaces around", "  890412-3455 ", "19890412-3455"},
		{"child, short form", "150308-2388", "20150308-2388"},
		{"child, full form", "20150308-2388", "20150308-2388"},
		{"plus: a hundred years or more", "890412+3455", "18890412-3455"},
		{"plus ignored in full form", "19890412+3455", "19890412-3455"},
		{"samordningsnummer", "890472-3452", "19890472-3452"},
		{"samordningsnummer, full form", "19890472-3452", "19890472-3452"},
		{"born earlier this year", "260101-1238", "20260101-1238"},
		// Born later this year is impossible, so it is a hundred years ago.
		{"birthday later this year", "261201-1235", "19261201-1235"},
		{"leap day", "20120229-1231", "20120229-1231"},
		{"leap day of 2000", "000229-1235", "20000229-1235"},
		{"invalid Luhn", "19890412-3454", ""},
		{"invalid Luhn, short", "890412-3456", ""},
		{"no 30 February", "890230-1236", ""},
		{"no month 13", "891312-1235", ""},
		{"no 29 February in 2008+1", "090229-1236", ""},
		{"samordningsnummer beyond day 91", "890492-3458", ""},
		{"letters", "19890412-345A", ""},
		{"all letters", "abcdefgh-ijkl", ""},
		{"too short", "19890412-345", ""},
		{"too long", "19890412-34555", ""},
		{"nine digits", "890412-345", ""},
		{"empty", "", ""},
		{"other separator", "19890412/3455", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := NormalisePNR(tc.in, now)
			if tc.want == "" {
				if !errors.Is(err, ErrPNR) {
					t.Errorf("NormalisePNR(%q) = %q, %v; want ErrPNR", tc.in, got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("NormalisePNR(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestErrPNRCarriesNoNumber(t *testing.T) {
	_, err := NormalisePNR("19890412-3454", time.Now())
	if err == nil || containsDigit(err.Error()) {
		t.Errorf("error %v must exist and carry no digits", err)
	}
}

func containsDigit(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}

func TestBirthDate(t *testing.T) {
	for _, tc := range []struct{ pnr, want string }{
		{"19890412-3455", "1989-04-12"},
		{"19890472-3452", "1989-04-12"}, // samordningsnummer: day less 60
		{"20150308-2388", "2015-03-08"},
	} {
		b, err := BirthDate(tc.pnr)
		if err != nil || b.Format(DateLayout) != tc.want {
			t.Errorf("BirthDate(%s) = %v, %v; want %s", tc.pnr, b, err, tc.want)
		}
	}
	if _, err := BirthDate("1989"); err == nil {
		t.Error("BirthDate of a short string must fail")
	}
}

func TestAgeGroupOf(t *testing.T) {
	day := func(s string) time.Time {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d.Add(12 * time.Hour)
	}
	cases := []struct {
		pnr, now string
		want     AgeGroup
	}{
		{"20150308-2388", "2026-11-30", AgeChild},
		{"19890412-3455", "2026-11-30", AgeAdult},
		// 18th birthday: a child the day before, an adult on the day.
		{"20080301-1238", "2026-02-28", AgeChild},
		{"20080301-1238", "2026-03-01", AgeAdult},
		// Born after February in a leap year, turning 18 in a common year.
		{"20080301-1238", "2026-03-02", AgeAdult},
		// Born in a common year, the day before the birthday a leap day.
		{"20060301-1230", "2024-02-29", AgeChild},
		{"20060301-1230", "2024-03-01", AgeAdult},
		// 65th birthday.
		{"19610301-1232", "2026-02-28", AgeAdult},
		{"19610301-1232", "2026-03-01", AgeOlder},
		{"19600301-1233", "2025-03-01", AgeOlder},
		{"19600301-1233", "2025-02-28", AgeAdult},
		// Born on a leap day: of age on 1 March in a common year.
		{"20080229-1237", "2026-02-28", AgeChild},
		{"20080229-1237", "2026-03-01", AgeAdult},
		// Samordningsnummer use the real birth day.
		{"19890472-3452", "2026-11-30", AgeAdult},
	}
	for _, tc := range cases {
		got, err := AgeGroupOf(tc.pnr, day(tc.now))
		if err != nil || got != tc.want {
			t.Errorf("AgeGroupOf(%s, %s) = %v, %v; want %v", tc.pnr, tc.now, got, err, tc.want)
		}
	}
	if g, err := AgeGroupOf("nonsense", testNow); err == nil || g != AgeAdult {
		t.Errorf("AgeGroupOf(nonsense) = %v, %v; want adult and an error", g, err)
	}
}

func TestNewPlanDerivesVariant(t *testing.T) {
	if p := NewPlan(Person{Name: "Elias", PNR: "20150308-2388"}, testNow); p.Variant != AgeChild {
		t.Errorf("variant = %v, want child", p.Variant)
	}
	if p := NewPlan(Person{Name: "X", PNR: "bad"}, testNow); p.Variant != AgeAdult {
		t.Errorf("variant = %v, want adult", p.Variant)
	}
}

func TestMaskPNR(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"19890412-3455", "19890412-****"},
		{"198904123455", "19890412-****"},
		// Not normalised: still no digit of the last four.
		{"890412-3455", "890412-****"},
		{"890412+3455", "890412-****"},
		{"", ""},
		{"1989", ""},
		{"19890412-345", ""},
	} {
		if got := MaskPNR(tc.in); got != tc.want {
			t.Errorf("MaskPNR(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestInitials(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Maja Lind", "M.L."},
		{"  elias   nyström ", "E.N."},
		{"Åsa", "Å."},
		{"", ""},
	} {
		if got := Initials(tc.in); got != tc.want {
			t.Errorf("Initials(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

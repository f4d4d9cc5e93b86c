package model

import (
	"slices"
	"testing"
)

// TestUnitsTypedOnOneLine: units typed on one line with commas or
// semicolons are separate units wherever consent is weighed (issue 27),
// also in a child's guardians' overlap and gaps, whichever guardian typed
// the line; a unit whose own name holds a comma is covered by its parts.
func TestUnitsTypedOnOneLine(t *testing.T) {
	if got := SplitUnits(" Elevhälsan, Ekskolan;Fritids ;; "); !slices.Equal(got, []string{"Elevhälsan", "Ekskolan", "Fritids"}) {
		t.Errorf("SplitUnits = %q", got)
	}
	for _, tc := range []struct {
		actors []string
		unit   string
		want   bool
	}{
		{[]string{"Elevhälsan, Ekskolan"}, "Ekskolan", true},
		{[]string{"Elevhälsan; Ekskolan"}, "elevhälsan", true},
		{[]string{"Socialtjänsten", "familjeenheten"}, "Socialtjänsten, familjeenheten", true},
		{[]string{"Socialtjänsten, familjeenheten"}, "Socialtjänsten, familjeenheten", true},
		{[]string{"Socialtjänsten"}, "Socialtjänsten, familjeenheten", false},
		{[]string{"Elevhälsan, Ekskolan"}, "Ek", false},
	} {
		if got := Covers(tc.actors, tc.unit); got != tc.want {
			t.Errorf("Covers(%q, %q) = %v, want %v", tc.actors, tc.unit, got, tc.want)
		}
	}

	line, one := []string{"Elevhälsan, Ekskolan"}, []string{"Ekskolan"}
	for _, order := range [][][]string{{line, one}, {one, line}} {
		k := Consent{Guardians: []Guardian{{Name: "Anna", Given: true, Actors: order[0]}, {Name: "Peter", Given: true, Actors: order[1]}}}
		if actors, _ := k.Overlap(); !slices.Equal(actors, []string{"Ekskolan"}) {
			t.Errorf("guardians %q and %q: overlap %q, want Ekskolan", order[0], order[1], actors)
		}
		gaps := k.Gaps()
		if len(gaps) != 1 || !slices.Equal(gaps[0].Actors, []string{"Elevhälsan"}) {
			t.Errorf("guardians %q and %q: gaps %+v, want the one with Ekskolan alone to lack Elevhälsan", order[0], order[1], gaps)
		}
	}
}

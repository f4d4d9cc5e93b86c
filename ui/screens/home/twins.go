package home

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
)

// Plans of people with the same name (three "Anna Andersson", none with
// a personnummer yet) would be rows alike in every column. Such a row
// shows the beginning of its plan's id, which tells them apart, and which
// every command takes (sipmote export 3f2a91c0): in the personnummer's
// column when it has none, else after the name. The list is in name
// order, so the plans alike are neighbours; only the rows drawn are
// looked at, so a list of 100 000 plans costs nothing more.

// idShown is the least of an id a row alike another shows.
const idShown = 8

// cells are the name and personnummer cells of entry j, with the id's
// beginning where a neighbour is alike; cut tells that the name column,
// nameW wide, does not show the whole name.
func (h *Model) cells(j int32, nameW int) (name, pnr string, cut bool) {
	e := &h.entries[j]
	name, pnr = h.name(e), e.PNRMasked
	n := h.sharedID(int(j))
	if n > 0 && pnr == "" {
		return name, "id " + e.ID[:min(len(e.ID), max(idShown, n+1))], ansi.StringWidth(name) > nameW
	}
	if n == 0 {
		return name, pnr, ansi.StringWidth(name) > nameW
	}
	tag := " (id " + e.ID[:min(len(e.ID), max(idShown, n+1))] + ")"
	room := max(1, nameW-ansi.StringWidth(tag))
	return ansi.Truncate(name, room, "…") + tag, pnr, ansi.StringWidth(name) > room
}

// sharedID is, when entry j has neighbours alike (the same name and
// personnummer), the longest beginning its id shares with theirs, at
// least 1; 0 when it has none.
func (h *Model) sharedID(j int) int {
	e := &h.entries[j]
	if e.ConsentGone {
		return 0
	}
	alike := func(o *model.ListEntry) bool {
		// EqualFold allocates nothing: this runs for every row drawn.
		return !o.ConsentGone && o.PNRMasked == e.PNRMasked && e.Person != "" && strings.EqualFold(o.Person, e.Person)
	}
	shared := 0
	for _, d := range []int{-1, 1} {
		// A handful each way is every plan alike in practice; the id's
		// first eight characters tell a few thousand apart.
		for k, n := j+d, 0; k >= 0 && k < len(h.entries) && n < 16 && alike(&h.entries[k]); k, n = k+d, n+1 {
			shared = max(shared, 1, commonPrefix(e.ID, h.entries[k].ID))
		}
	}
	return shared
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

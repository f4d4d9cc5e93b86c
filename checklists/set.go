package checklists

import (
	"slices"

	"github.com/sipmote/sipmote/model"
)

// Set is the effective agenda, checklists and word list after the defaults
// and any local routine have been merged.
//
// Agenda holds every step of every variant with its base values; screens
// should use AgendaFor, which picks the steps, prompts and shares of one
// variant.
type Set struct {
	Agenda []Step
	Before []Item
	After  []Item
	Jargon []model.Jargon
	// Phrases are the fixed words of the easy-read page, see EasyRead.
	Phrases []Phrase
	// QuickWords are the words the participants' quick row knows: roles,
	// relations, titles, organisations and how someone takes part.
	QuickWords []model.QuickWord
}

// Step is one point of the meeting agenda that the chair walks through.
type Step struct {
	ID string
	// Part is one of Parts: where the step sits in the meeting circle.
	Part string
	// Share is the step's share of the planned meeting time in percent.
	Share int
	// Title is the short name of the step in lists.
	Title model.Text
	// Prompt is what the chair says or asks.
	Prompt model.Text
	// Section is one of Sections: the part of the plan the step fills.
	Section string
	// Condition is when the step counts as complete: one or more condition
	// names separated by commas, all of which must hold (see Conditions).
	Condition string
	// Round marks a step where every present participant must speak.
	Round bool
	// Order is the ids of the agenda's steps in order, set by AgendaFor,
	// so that a round can tell who had left before it began.
	Order []string
	// Variants the step applies to; empty means all.
	Variants []model.AgeGroup
	// File and Line are where the step was last defined or changed, so that
	// a coordinator knows which file to edit.
	File string
	Line int

	// vary holds prompts and shares that differ by variant.
	vary map[model.AgeGroup]variation
}

type variation struct {
	prompt   model.Text
	share    int
	hasShare bool
}

// Item is one point of the before- or after-meeting checklist. Its tick is
// stored on the plan, in model.Plan.Ticks under the item's id; ids are
// therefore unique across both lists.
type Item struct {
	ID       string
	Text     model.Text
	Variants []model.AgeGroup
	File     string
	Line     int

	vary map[model.AgeGroup]model.Text
}

// Variants lists the checklist variants in the order a form offers them.
var Variants = allVariants()

// allVariants is Variants for the package's own use, fresh each time so
// that nothing outside can change what the package checks against.
func allVariants() []model.AgeGroup {
	return []model.AgeGroup{model.AgeAdult, model.AgeChild, model.AgeOlder}
}

// ParseVariant accepts the English ids and the Swedish words (vuxen, barn,
// äldre), since a coordinator types them in both places.
func ParseVariant(s string) (model.AgeGroup, bool) {
	switch s {
	case "adult", "vuxen", "":
		return model.AgeAdult, true
	case "child", "barn":
		return model.AgeChild, true
	case "older", "äldre", "aldre":
		return model.AgeOlder, true
	}
	return model.AgeAdult, false
}

// normVariant treats an unset or unknown variant as adult, the default.
func normVariant(v model.AgeGroup) model.AgeGroup {
	switch v {
	case model.AgeChild, model.AgeOlder:
		return v
	}
	return model.AgeAdult
}

func appliesTo(vs []model.AgeGroup, v model.AgeGroup) bool {
	return len(vs) == 0 || slices.Contains(vs, normVariant(v))
}

// AppliesTo tells whether the step belongs to the agenda of a variant.
func (s Step) AppliesTo(v model.AgeGroup) bool { return appliesTo(s.Variants, v) }

// AppliesTo tells whether the item belongs to the checklist of a variant.
func (it Item) AppliesTo(v model.AgeGroup) bool { return appliesTo(it.Variants, v) }

// resolve returns the step as it reads for one variant.
func (s Step) resolve(v model.AgeGroup) Step {
	out := s
	out.Variants = slices.Clone(s.Variants)
	out.vary = nil
	if d, ok := s.vary[normVariant(v)]; ok {
		if d.prompt.SV != "" {
			out.Prompt = d.prompt
		}
		if d.hasShare {
			out.Share = d.share
		}
	}
	return out
}

// resolve returns the item as it reads for one variant.
func (it Item) resolve(v model.AgeGroup) Item {
	out := it
	out.Variants = slices.Clone(it.Variants)
	out.vary = nil
	if t, ok := it.vary[normVariant(v)]; ok && t.SV != "" {
		out.Text = t
	}
	return out
}

// AgendaFor returns the agenda of one variant, with that variant's prompts
// and shares. The shares are scaled to sum to exactly 100 when they do not,
// so that a local routine with a miscounted share still gives a usable
// time plan (Load reports the miscount).
func (s *Set) AgendaFor(v model.AgeGroup) []Step {
	if s == nil {
		return nil
	}
	var out []Step
	for _, st := range s.Agenda {
		if st.AppliesTo(v) {
			out = append(out, st.resolve(v))
		}
	}
	shares := make([]int, len(out))
	for i, st := range out {
		shares[i] = st.Share
	}
	for i, n := range normalise(shares) {
		out[i].Share = n
	}
	order := make([]string, len(out))
	for i, st := range out {
		order[i] = st.ID
	}
	for i := range out {
		out[i].Order = order
	}
	return out
}

// BeforeFor returns the before-meeting checklist of one variant.
func (s *Set) BeforeFor(v model.AgeGroup) []Item {
	if s == nil {
		return nil
	}
	return itemsFor(s.Before, v)
}

// AfterFor returns the after-meeting checklist of one variant.
func (s *Set) AfterFor(v model.AgeGroup) []Item {
	if s == nil {
		return nil
	}
	return itemsFor(s.After, v)
}

func itemsFor(items []Item, v model.AgeGroup) []Item {
	var out []Item
	for _, it := range items {
		if it.AppliesTo(v) {
			out = append(out, it.resolve(v))
		}
	}
	return out
}

// OpenCount is how many before- and after-meeting items of the plan's
// variant are not ticked yet for the current meeting.
func (s *Set) OpenCount(p *model.Plan) int {
	if p == nil {
		return 0
	}
	var ticked []string
	for id, done := range p.CurrentTicks() {
		if done {
			ticked = append(ticked, id)
		}
	}
	return s.OpenCountIDs(p.Variant, ticked)
}

// OpenCountIDs is OpenCount for a list line, which knows only the variant
// and the ticked ids (model.Summary). Ticks of items that a local routine
// has since removed are ignored.
func (s *Set) OpenCountIDs(v model.AgeGroup, ticked []string) int {
	if s == nil {
		return 0
	}
	n := 0
	for _, list := range [][]Item{s.Before, s.After} {
		for _, it := range list {
			if it.AppliesTo(v) && !slices.Contains(ticked, it.ID) {
				n++
			}
		}
	}
	return n
}

// normalise scales non-negative shares to integers summing to exactly 100,
// by the largest-remainder method so that no step gains or loses more than
// a rounding point. All-zero shares are split evenly.
func normalise(shares []int) []int {
	out := make([]int, len(shares))
	if len(shares) == 0 {
		return out
	}
	sum := 0
	for _, n := range shares {
		if n > 0 {
			sum += n
		}
	}
	if sum == 100 {
		copy(out, shares)
		return out
	}
	weights := make([]int, len(shares))
	if sum == 0 {
		for i := range weights {
			weights[i] = 1
		}
		sum = len(shares)
	} else {
		for i, n := range shares {
			weights[i] = max(n, 0)
		}
	}
	rem := make([]int, len(shares))
	total := 0
	for i, w := range weights {
		out[i] = w * 100 / sum
		rem[i] = w * 100 % sum
		total += out[i]
	}
	order := make([]int, len(shares))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return rem[b] - rem[a] })
	for k := 0; total < 100; k++ {
		out[order[k%len(order)]]++
		total++
	}
	return out
}

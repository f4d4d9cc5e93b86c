package model

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// An action names the goals it serves by their numbers in the plan, "1, 3".
// These are the one rule for reading those numbers, used by the full
// screen and the accessible mode alike: a number that names no goal is
// never dropped without a word. The typed text is kept on the action
// (GoalsTyped) until it names only goals that exist, so that nothing typed
// is lost and the findings can say what is wrong.

// ParseGoalNumbers reads "1, 3" (or "1 3", "1;3") as the ids of goals.
// bad lists, in the order typed, what names no goal: a number outside
// 1..len(goals), or a word that is not a number.
func ParseGoalNumbers(s string, goals []Goal) (ids, bad []string) {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '.' }) {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > len(goals) {
			if !contains(bad, f) {
				bad = append(bad, f)
			}
			continue
		}
		if id := goals[n-1].ID; !contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids, bad
}

// GoalNumbersProblem says what in s names no goal of the plan ("Mål 7
// finns inte (planen har 2 mål)."), or "" when every number is a goal.
func GoalNumbersProblem(l Lang, s string, goals []Goal) string {
	_, bad := ParseGoalNumbers(s, goals)
	if len(bad) == 0 {
		return ""
	}
	var nums, words []string
	for _, b := range bad {
		if _, err := strconv.Atoi(b); err == nil {
			nums = append(nums, b)
		} else {
			words = append(words, T(l, "”"+b+"”", "\""+b+"\""))
		}
	}
	var out []string
	if len(nums) > 0 {
		has := T(l, "planen har ", "the plan has ") + strconv.Itoa(len(goals)) + T(l, " mål", " goals")
		switch len(goals) {
		case 0:
			has = T(l, "planen har inga mål än", "the plan has no goals yet")
		case 1:
			has = T(l, "planen har 1 mål", "the plan has 1 goal")
		}
		if len(nums) == 1 {
			out = append(out, T(l, "Mål "+nums[0]+" finns inte", "There is no goal "+nums[0])+" ("+has+").")
		} else {
			list := andList(l, nums)
			out = append(out, T(l, "Mål "+list+" finns inte", "There are no goals "+list)+" ("+has+").")
		}
	}
	if len(words) > 0 {
		out = append(out, T(l, andList(l, words)+" är inget målnummer: skriv målens nummer, t.ex. 1, 3.",
			andList(l, words)+" is not a goal number: write the goals' numbers, e.g. 1, 3."))
	}
	return strings.Join(out, " ")
}

// andList joins "7", "9" and "12" as "7, 9 och 12".
func andList(l Lang, ss []string) string {
	if len(ss) < 2 {
		return strings.Join(ss, "")
	}
	return strings.Join(ss[:len(ss)-1], ", ") + T(l, " och ", " and ") + ss[len(ss)-1]
}

// SetGoalNumbers takes the goal numbers as typed. The goals that exist are
// the action's goals at once; while any number names no goal the text
// itself is kept too, to be shown and fixed.
func (a *Action) SetGoalNumbers(s string, goals []Goal) {
	ids, bad := ParseGoalNumbers(s, goals)
	a.GoalIDs = ids
	a.GoalsTyped = ""
	if len(bad) > 0 {
		a.GoalsTyped = s
	}
}

// GoalNumbers is the action's goals as numbers, "1, 3", or the text typed
// while it still names a goal that does not exist.
func (a Action) GoalNumbers(goals []Goal) string {
	if a.GoalsTyped != "" {
		return a.GoalsTyped
	}
	var nums []string
	for i, g := range goals {
		if a.ServesGoal(g.ID) {
			nums = append(nums, strconv.Itoa(i+1))
		}
	}
	return strings.Join(nums, ", ")
}

// validateGoalNumbers: goal numbers typed that name no goal keep the plan
// from being finalised, since the paper would leave out what was said.
func validateGoalNumbers(c *checker, v *Version, path, what string, a Action) {
	if a.GoalsTyped == "" {
		return
	}
	goals := v.Content.Goals
	if GoalNumbersProblem(Swedish, a.GoalsTyped, goals) == "" {
		// Goals added since: the text names them now, but they were not
		// chosen when it was typed.
		c.add(SevError, path+".goal_ids",
			"Insatsen ”"+what+"”: målnumren ”"+a.GoalsTyped+"” är inte valda. Skriv dem i fältet igen.",
			"The action \""+what+"\": the goal numbers \""+a.GoalsTyped+"\" are not chosen. Type them in the field again.")
		return
	}
	c.add(SevError, path+".goal_ids",
		"Insatsen ”"+what+"”: "+lowerFirst(GoalNumbersProblem(Swedish, a.GoalsTyped, goals))+" Rätta målnumren.",
		"The action \""+what+"\": "+lowerFirst(GoalNumbersProblem(English, a.GoalsTyped, goals))+" Correct the goal numbers.")
}

// lowerFirst puts a sentence after a colon: "Mål 7 …" becomes "mål 7 …".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

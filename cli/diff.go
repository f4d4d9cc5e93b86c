package cli

import (
	"fmt"
	"strconv"

	"github.com/sipmote/sipmote/model"
)

func cmdDiff(a *app, args []string) error {
	fs := a.flags("diff")
	pos, err := a.parse(fs, "diff", args)
	if err != nil {
		return err
	}
	if len(pos) < 1 || len(pos) > 3 {
		return fail("ange planens id: sipmote diff ID [FRÅN] [TILL]", "give the plan's id: sipmote diff ID [FROM] [TO]")
	}
	db, p, err := a.loadPlan(pos[0])
	if err != nil {
		return err
	}
	defer db.Close()
	// Without numbers: the last finalised version against the draft, or
	// the two last versions.
	to := len(p.Versions)
	if p.Draft != nil {
		to = p.Draft.Number
	}
	from := to - 1
	nums := []*int{&from, &to}
	for i, s := range pos[1:] {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return fail("versioner anges med nummer, t.ex. 1 2", "versions are given as numbers, e.g. 1 2")
		}
		*nums[i] = n
	}
	va, err := a.pickVersion(p, from)
	if err != nil || from < 1 {
		return fail("det finns ingen tidigare version att jämföra med", "there is no earlier version to compare with")
	}
	vb, err := a.pickVersion(p, to)
	if err != nil {
		return err
	}
	changes, err := db.Diff(a.ctx, p, va, vb)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, model.T(a.lang, "Skillnader från version %d till version %d:\n", "Differences from version %d to version %d:\n"), from, to)
	fmt.Fprintln(a.stdout, model.FormatDiff(changes, a.lang))
	return nil
}

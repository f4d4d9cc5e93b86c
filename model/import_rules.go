package model

import (
	"fmt"
	"time"
)

// ImportOptions say how an export file is taken in.
type ImportOptions struct {
	// AsDraft takes in a plan whose newest finalised version breaks the
	// rules of finalising with that version as a draft to finish, instead
	// of refusing the file.
	AsDraft bool
	// Drafted, when not nil, is set to whether AsDraft made a draft.
	Drafted *bool
}

// CheckFinalised checks every finalised version of p with the rules that
// finalising uses, each as the plan stood when it was finalised: the
// versions before it, and its own day as today (a consent that has run
// out since is no fault of the version). It returns the errors, each
// path under its version ("plan.versions[0].content.needs"), and the
// index of the first version that breaks the rules, or -1.
func CheckFinalised(p *Plan) ([]Finding, int) {
	var out []Finding
	first := -1
	for i := range p.Versions {
		v := p.Versions[i]
		at := time.Now()
		if v.FinalisedAt != nil {
			at = *v.FinalisedAt
		}
		then := *p
		then.Versions = p.Versions[:i]
		then.Draft = &v
		then.Status = StatusActive
		if i == 0 {
			then.Status = StatusDraft
		}
		then.Closure = nil
		for _, f := range Errors(Validate(&then, &v, Options{Now: at})) {
			f.Path = fmt.Sprintf("plan.versions[%d].%s", i, f.Path)
			out = append(out, f)
			if first < 0 {
				first = i
			}
		}
	}
	return out, first
}

// asDraft turns p's newest finalised version, the one at index i, into
// the draft to finish. Only the newest can: an older one would leave
// finalised versions on top of a draft. A closed plan is refused too: it
// is kept as it was, and a draft would open it again.
func asDraft(p *Plan, i int) error {
	if i != len(p.Versions)-1 || p.Draft != nil || p.Status == StatusClosed {
		return &ImportError{[]Finding{{Severity: SevError, Path: fmt.Sprintf("plan.versions[%d]", i), Message: Text{
			"Bara den senaste fastställda versionen kan läsas in som utkast, och bara i en plan som inte är avslutad och inte har något eget utkast.",
			"Only the newest finalised version can be taken in as a draft, and only in a plan that is not closed and has no draft of its own."}}}}
	}
	d := p.Versions[i]
	d.FinalisedAt = nil
	p.Versions = p.Versions[:i]
	p.Draft = &d
	p.Status = StatusActive
	if len(p.Versions) == 0 {
		p.Status = StatusDraft
	}
	return nil
}

// checkFinalisedImport refuses a file whose finalised versions finalising
// would have refused, or, with o.AsDraft, takes the newest in as a draft.
func checkFinalisedImport(p *Plan, o ImportOptions) error {
	probs, first := CheckFinalised(p)
	if len(probs) == 0 {
		return nil
	}
	if !o.AsDraft {
		return &ImportError{probs}
	}
	if err := asDraft(p, first); err != nil {
		return err
	}
	if o.Drafted != nil {
		*o.Drafted = true
	}
	return nil
}

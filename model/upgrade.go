package model

// upgradeLaw is the part of Plan.Upgrade for what format 3 changed
// (export format_version 3, store schema 3), so that an older file opens
// unchanged in meaning:
//
//   - follow-up "none" becomes the state none; a follow-up with a date,
//     time or place becomes booked;
//   - the action status "awaiting" (an investigation or decision) becomes
//     planned, which now means "the decision is pending";
//   - the plan's checklist ticks move to the current version (the meeting
//     they were ticked for);
//   - a closure's list of names to tell becomes the list to tick.
//
// It is idempotent and reports whether it changed anything.
func upgradeLaw(p *Plan) bool {
	changed := false
	for _, v := range p.allVersions() {
		f := &v.Content.FollowUp
		switch {
		case f.LegacyNone:
			f.State, f.LegacyNone = FollowUpNone, false
			changed = true
		case f.State == "" && (f.Date != "" || f.Time != "" || f.Place != ""):
			f.State = FollowUpBooked
			changed = true
		}
		for i := range v.Content.Actions {
			if v.Content.Actions[i].Status == ActionAwaiting {
				v.Content.Actions[i].Status = ActionPlanned
				changed = true
			}
		}
	}
	if len(p.LegacyTicks) > 0 {
		if v := p.Current(); v != nil {
			if v.Ticks == nil {
				v.Ticks = map[string]bool{}
			}
			for id, done := range p.LegacyTicks {
				if done {
					v.Ticks[id] = true
				}
			}
		}
		changed = true
	}
	if p.LegacyTicks != nil {
		p.LegacyTicks = nil
	}
	if c := p.Closure; c != nil && len(c.LegacyNotify) > 0 {
		if len(c.Tell) == 0 {
			c.Tell = recipientsFromNames(c.LegacyNotify)
		}
		c.LegacyNotify = nil
		changed = true
	}
	return changed
}

// allVersions is every version and the draft, to be changed in place.
func (p *Plan) allVersions() []*Version {
	out := make([]*Version, 0, len(p.Versions)+1)
	for i := range p.Versions {
		out = append(out, &p.Versions[i])
	}
	if p.Draft != nil {
		out = append(out, p.Draft)
	}
	return out
}

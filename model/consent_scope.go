package model

// Outside is a present staff participant whose unit the consent does not
// cover.
type Outside struct {
	// Index is the participant's place in Meeting.Participants.
	Index int
	// Party is the unit or other party as the plan names it.
	Party string
	Name  string
}

// OutsideConsent lists the present staff whose unit or party the consent
// does not name. Validation reports each as an error; the chair's view
// shows them as a cue, since sharing with them needs the person's word.
func OutsideConsent(v *Version) []Outside {
	if v == nil {
		return nil
	}
	var out []Outside
	for i, pt := range v.Meeting.Participants {
		if !pt.IsPresent() || !pt.Role.IsStaff() {
			continue
		}
		pt := pt.Visible()
		party := pt.Unit
		if pt.Principal == PrincipalOther && pt.OtherParty != "" && party == "" {
			party = pt.OtherParty
		}
		if party == "" || Covers(v.Consent.Actors, party) || Covers(v.Consent.Actors, pt.OtherParty) {
			continue
		}
		out = append(out, Outside{Index: i, Party: party, Name: pt.Name})
	}
	return out
}

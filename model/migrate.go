package model

// Upgrade brings a plan read from an older file to the current shape, in
// place: format 1 kept "present" as a yes/no and one "goal_id" per action;
// now each participant has an attendance and an action may serve several
// goals. A plan already current is left as it is, so Upgrade may be called
// on every read. The store calls it on every plan it decodes and the
// import on every file, so the rest of the program sees only the current
// shape.
func (p *Plan) Upgrade() {
	if p == nil {
		return
	}
	for i := range p.Versions {
		upgradeVersion(&p.Versions[i])
	}
	if p.Draft != nil {
		upgradeVersion(p.Draft)
	}
	upgradeLaw(p)
}

func upgradeVersion(v *Version) {
	upgradeGuardians(v)
	for i := range v.Meeting.Participants {
		pt := &v.Meeting.Participants[i]
		if pt.Attendance == attendAbsentWord {
			pt.Attendance = AttendAbsent
		}
		if pt.LegacyPresent != nil {
			if *pt.LegacyPresent && pt.Attendance == AttendAbsent {
				// A person marked present took part the way the meeting
				// was held: in the room, or by video in a video meeting.
				pt.Attendance = FormAttendance(v.Meeting.Form)
			}
			pt.LegacyPresent = nil
		}
	}
	for i := range v.Content.Actions {
		a := &v.Content.Actions[i]
		if a.LegacyGoalID == "" {
			continue
		}
		if !contains(a.GoalIDs, a.LegacyGoalID) {
			a.GoalIDs = append([]string{a.LegacyGoalID}, a.GoalIDs...)
		}
		a.LegacyGoalID = ""
	}
}

func contains(ss []string, s string) bool { return indexOf(ss, s) >= 0 }

// ServesGoal tells whether the action serves the goal with id.
func (a Action) ServesGoal(id string) bool { return id != "" && contains(a.GoalIDs, id) }

package service

import "github.com/sipmote/sipmote/model"

// The room's copy. The room's screens (the projector, in one terminal or
// joined over SSH) must never show a field while the secretary is typing
// in it: half a word of a private subject, a personnummer but its last
// digit, a typo. So while the secretary's screen has unsettled text in a
// field, it holds the room to a copy of the plan taken before the first
// key (HoldRoom), and lets it go when the text settles (ReleaseRoom). The
// room's screens draw RoomPlan, never Plan.

// HoldRoom holds every room's screen to held, a copy of the plan taken
// before the secretary began to change a field; it must not be changed
// afterwards. Inside Edit only.
func (v *View) HoldRoom(held *model.Plan) {
	v.must(editing)
	v.s.room = held
}

// ReleaseRoom lets the room's screens show the plan as it is again, and
// tells the other views to draw it. Inside Edit only.
func (v *View) ReleaseRoom() {
	v.must(editing)
	if v.s.room == nil {
		return
	}
	v.s.room = nil
	v.made.Room = true
}

// RoomHeld tells whether the room's screens are held to a copy.
func (v *View) RoomHeld() bool { v.must(reading); return v.s.room != nil }

// RoomPlan is the plan as the room's screens may show it: the copy they
// are held to, or the plan itself. Inside Edit or Read only; do not keep
// it, nor change it.
func (v *View) RoomPlan() *model.Plan {
	v.must(reading)
	if v.s.room != nil {
		return v.s.room
	}
	return v.s.plan
}

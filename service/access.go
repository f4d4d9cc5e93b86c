package service

import "github.com/sipmote/sipmote/store"

// UnknownDevice is the account recorded for a device whose account cannot
// be known (one on another computer): never the secretary's.
const UnknownDevice = "?"

// A device of the shared meeting is recorded in the plan's trail by what it
// did. role is the view it had or asked for ("" for a user name that is no
// view), from its network address, osUser its account on this computer
// when it connects from it, or "" when that cannot be known. The trail
// never holds what the device saw or typed, and never the secretary's
// account or name: a device is not the secretary.

// DeviceJoined records a device that joined the shared meeting.
func (s *Session) DeviceJoined(role, from, osUser string) {
	s.logDevice(store.TrailJoined, role, from, osUser, 0)
}

// DeviceLeft records a device that left the shared meeting.
func (s *Session) DeviceLeft(role, from, osUser string) {
	s.logDevice(store.TrailLeft, role, from, osUser, 0)
}

// DeviceRefused records count wrong codes given by a device trying to
// join.
func (s *Session) DeviceRefused(role, from, osUser string, count int) {
	s.logDevice(store.TrailRefused, role, from, osUser, count)
}

// logDevice writes a device's event. A device that leaves after the
// meeting closed is written straight to the file, since the session's
// trail writer has stopped by then.
func (s *Session) logDevice(kind, role, from, osUser string, count int) {
	if osUser == "" {
		osUser = UnknownDevice
	}
	if role == "" && kind == store.TrailRefused {
		role = "user"
	}
	e := store.TrailEvent{At: s.now(), Kind: kind, Section: role, From: from, OSUser: osUser, Count: count}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		_ = s.svc.db.Log(s.plan.ID, e)
		return
	}
	s.saver.Log(s.plan.ID, e)
}

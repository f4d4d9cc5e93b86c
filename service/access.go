package service

import "github.com/sipmote/sipmote/store"

// UnknownDevice is the account recorded for a device whose account cannot
// be known (one on another computer): never the secretary's.
const UnknownDevice = "?"

// LogAccess records in the plan's trail a device that joined or left the
// shared meeting (kind store.TrailJoined or store.TrailLeft): the view it
// had and its network address, never what it saw. Its account is recorded
// as unknown; LogDevice records it where it is known.
func (s *Session) LogAccess(kind, role, from string) { s.LogDevice(kind, role, from, "", 0) }

// LogDevice records in the plan's trail what a device of the shared
// meeting did: joined or left (store.TrailJoined, store.TrailLeft), or
// gave wrong codes (store.TrailRefused, count of them). role is the view
// it had or asked for ("" for a user name that is no view), from its
// network address, osUser its account on this computer when it connects
// from it, or "" when that cannot be known. It never holds what the device
// saw or typed, and never the secretary's account or name: a device is not
// the secretary. A device that leaves after the meeting closed is written
// straight to the file, since the session's trail writer has stopped by
// then.
func (s *Session) LogDevice(kind, role, from, osUser string, count int) {
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

package service

import "github.com/sipmote/sipmote/store"

// LogAccess records in the plan's trail a device that joined or left the
// shared meeting (kind store.TrailJoined or store.TrailLeft): the view it
// had and its network address, never what it saw. A device that leaves
// after the meeting closed is written straight to the file, since the
// session's trail writer has stopped by then.
func (s *Session) LogAccess(kind, role, from string) {
	e := store.TrailEvent{At: s.now(), Kind: kind, Section: role, From: from,
		OSUser: s.svc.osUser, Secretary: s.secretary}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		_ = s.svc.db.Log(s.plan.ID, e)
		return
	}
	s.saver.Log(s.plan.ID, e)
}

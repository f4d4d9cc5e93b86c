package common

import "sync/atomic"

// Owner names what an asynchronous message belongs to: the session of the
// meeting that asked for it and that screen's generation. A plan has one
// session, and the same session may be shown again after it was left, so
// the session alone cannot tell a late tick of the screen left from one of
// the screen now in front; the generation can. The root drops a message
// whose owner is not the screen in front, so a tick loop of a screen left
// ends at its next tick instead of running on beside the new screen's.
type Owner struct {
	Session uint64
	Gen     uint64
}

// Owned is an asynchronous message that names its owner; a message embeds
// an Owner to be one.
type Owned interface{ OwnedBy() Owner }

// OwnedBy returns o, so that a message embedding an Owner is Owned.
func (o Owner) OwnedBy() Owner { return o }

// gens counts the generations handed out.
var gens atomic.Uint64

// NewGen returns a generation that no screen had before.
func NewGen() uint64 { return gens.Add(1) }

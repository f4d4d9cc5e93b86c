package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/meeting"
	"github.com/sipmote/sipmote/ui/screens/meeting/checklist"
	"github.com/sipmote/sipmote/ui/screens/meeting/sharepanel"
	"github.com/sipmote/sipmote/ui/screens/newplan"
	"github.com/sipmote/sipmote/ui/screens/remote"
	"github.com/sipmote/sipmote/ui/screens/room"
	"github.com/sipmote/sipmote/ui/screens/unlock"
)

// The names the commands use, kept here so that they need to know only
// this package.

// NewPlanInput is what a new plan is made from, on the form or the
// command line.
type NewPlanInput = newplan.Input

// UnlockModel is the screen that asks for the passphrase of an encrypted
// file before anything else starts.
type UnlockModel = unlock.Model

// NewUnlock makes the passphrase screen; problem says why it is asked again.
func NewUnlock(l model.Lang, problem string) *UnlockModel { return unlock.New(l, problem) }

// Step is one agenda step as the meeting screen needs it.
type Step = room.Step

// CheckItem is one point of the before- or after-meeting checklist, and
// Checklist gives a variant's lists.
type (
	CheckItem = checklist.Item
	Checklist = checklist.Lists
)

// Sharer shares a meeting over SSH; Sharing is a shared meeting as the
// secretary's screen needs it, Device one device connected to it and
// Refusal a run of wrong codes from one address.
type (
	Sharer  = meeting.Sharer
	Sharing = sharepanel.Sharing
	Device  = sharepanel.Device
	Refusal = sharepanel.Refusal
)

// RemoteOptions are what a device's screen is made from.
type RemoteOptions = remote.RemoteOptions

// NewRemote makes the screen of a device connected to a shared meeting.
func NewRemote(o RemoteOptions) tea.Model { return remote.NewRemote(o) }

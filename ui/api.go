package ui

import (
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/newplan"
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

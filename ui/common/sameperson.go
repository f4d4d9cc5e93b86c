package common

import "github.com/sipmote/sipmote/model"

// SamePersonText says that a plan not yet closed already has the
// personnummer typed for a new plan, naming the person it is written for
// (the name may differ from the one typed). The screens add what the
// secretary can do next.
func SamePersonText(l model.Lang, person string) string {
	return model.T(l, "Det finns redan en plan som inte är avslutad för det personnumret: "+person+".",
		"A plan not yet closed already exists for that personal identity number: "+person+".")
}

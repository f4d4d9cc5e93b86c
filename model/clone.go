package model

import "encoding/json"

// Clone returns a deep copy, so that a snapshot can be handed to the saver
// while the screen keeps editing the original.
func (p *Plan) Clone() *Plan {
	b, err := json.Marshal(p)
	if err != nil {
		// A Plan holds only plain data; Marshal cannot fail on it.
		panic("model: clone: " + err.Error())
	}
	var out Plan
	if err := json.Unmarshal(b, &out); err != nil {
		panic("model: clone: " + err.Error())
	}
	return &out
}

// CloneVersion returns a deep copy of a version.
func CloneVersion(v Version) Version {
	b, _ := json.Marshal(v)
	var out Version
	_ = json.Unmarshal(b, &out)
	return out
}

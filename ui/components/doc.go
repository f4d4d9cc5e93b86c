// Package components holds the parts that several screens use: the form
// that edits a plan's fields in place, the question that type-ahead cannot
// answer, the hand-drawn pane, the help and the text overlays, and the keys
// of a list to choose from.
package components

// Package ui is the terminal interface of sipmote: one small Bubble Tea model
// per screen, each with its own keymap, routed from one root model.
//
// The root (this package) owns the program's model and routes every
// message to the screen in front; ui/common holds what every screen shares
// (the Styles, the component contract, text helpers); ui/components the
// parts several screens use (the form, the question, the pane, the help
// and text overlays); ui/screens one package per screen the user sees.
package ui

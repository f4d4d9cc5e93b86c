// Package common holds what every screen of the terminal interface shares:
// one Styles value passed down from the root, the small contract that every
// screen and overlay meets, and the text helpers that keep a screen inside
// its window.
package common

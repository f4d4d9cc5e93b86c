//go:build !unix

package store

import "io/fs"

// ownedByUs cannot be told from mode bits on this platform; the folder's
// access list is the system's to keep.
func ownedByUs(fs.FileInfo) bool { return true }

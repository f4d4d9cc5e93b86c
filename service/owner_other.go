//go:build !unix

package service

import "io/fs"

// ownedByUs cannot be told from mode bits on this platform.
func ownedByUs(fs.FileInfo) bool { return true }

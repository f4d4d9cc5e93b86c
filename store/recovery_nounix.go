//go:build !unix

package store

// deviceOf cannot tell the file system here; the folders are then tried
// in their given order.
func deviceOf(string) (uint64, bool) { return 0, false }

//go:build unix

package store

import "syscall"

// deviceOf is the file system path is on (st_dev).
func deviceOf(path string) (uint64, bool) {
	var st syscall.Stat_t
	if err := syscall.Stat(path, &st); err != nil {
		return 0, false
	}
	return uint64(st.Dev), true
}

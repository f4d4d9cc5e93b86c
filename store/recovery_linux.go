//go:build linux

package store

import "syscall"

// inMemory tells whether dir is on a file system kept in memory (tmpfs,
// ramfs), whose files are gone when the computer restarts.
func inMemory(dir string) bool {
	const tmpfsMagic, ramfsMagic = 0x01021994, 0x858458f6
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return false
	}
	return st.Type == tmpfsMagic || st.Type == ramfsMagic
}

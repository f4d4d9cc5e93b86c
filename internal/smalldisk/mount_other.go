//go:build !linux

package smalldisk

import "errors"

var errNoTmpfs = errors.New("mounting a tmpfs is done on Linux only")

func mount(string, string) error { return errNoTmpfs }
func unmount(string) error       { return nil }

//go:build !linux

package share

import "net"

// peerUser cannot be read on this system: the device's account is unknown.
func peerUser(remote, local net.Addr) string { return "" }

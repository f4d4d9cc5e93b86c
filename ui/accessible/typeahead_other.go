//go:build !linux

package accessible

import "io"

// dropTypeAhead does nothing on systems other than Linux: lines typed
// before the mode was ready are read as typed there.
func dropTypeAhead(io.Reader) int { return 0 }

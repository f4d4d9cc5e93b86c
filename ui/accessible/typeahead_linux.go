package accessible

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// dropTypeAhead drops what is waiting to be read when in is a terminal,
// and says how many lines it was; for anything else (a pipe, a file) it
// does nothing. A line not ended yet counts too: it would otherwise be
// the start of the next line typed.
//
// In the terminal's usual line mode the kernel tells only of whole lines,
// so the mode is left for the moment of the count: without ICANON every
// byte waiting can be counted and read without waiting (VMIN and VTIME
// 0). TCSETSF then puts the terminal back as it was and throws away
// anything else still waiting, in one step. What was read is cleared, and
// never shown or kept.
func dropTypeAhead(in io.Reader) int {
	f, ok := in.(*os.File)
	if !ok {
		return 0
	}
	fd := int(f.Fd())
	old, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return 0 // not a terminal
	}
	now := *old
	now.Lflag &^= unix.ICANON
	now.Cc[unix.VMIN], now.Cc[unix.VTIME] = 0, 0
	if err := unix.IoctlSetTermios(fd, unix.TCSETS, &now); err != nil {
		return 0
	}
	lines := 0
	if n, err := unix.IoctlGetInt(fd, unix.TIOCINQ); err == nil && n > 0 {
		buf := make([]byte, n)
		got, _ := unix.Read(fd, buf)
		lines = countLines(buf[:max(got, 0)])
		clear(buf)
	}
	_ = unix.IoctlSetTermios(fd, unix.TCSETSF, old)
	return lines
}

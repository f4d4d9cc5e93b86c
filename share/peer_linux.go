package share

import (
	"bufio"
	"encoding/binary"
	"encoding/hex"
	"net"
	"os"
	"os/user"
	"strconv"
	"strings"
)

// peerUser is the account on this computer that holds the other end of a
// loopback connection, read from the kernel's socket table; "" when the
// device is on another computer (its account cannot be known) or the
// table does not say.
func peerUser(remote, local net.Addr) string {
	r, ok1 := remote.(*net.TCPAddr)
	l, ok2 := local.(*net.TCPAddr)
	if !ok1 || !ok2 || !r.IP.IsLoopback() {
		return ""
	}
	table := "/proc/net/tcp"
	if r.IP.To4() == nil {
		table = "/proc/net/tcp6"
	}
	uid, ok := socketOwner(table, procAddr(r), procAddr(l))
	if !ok {
		return ""
	}
	if u, err := user.LookupId(uid); err == nil {
		return u.Username
	}
	return "uid " + uid
}

// socketOwner finds the socket from local to remote (as the kernel writes
// them) in table and gives its owner's uid.
func socketOwner(table, local, remote string) (string, bool) {
	f, err := os.Open(table)
	if err != nil {
		return "", false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// sl local_address rem_address st tx:rx tr:when retrnsmt uid ...
		fs := strings.Fields(sc.Text())
		if len(fs) > 7 && strings.EqualFold(fs[1], local) && strings.EqualFold(fs[2], remote) {
			return fs[7], true
		}
	}
	return "", false
}

// procAddr writes an address as /proc/net/tcp does: the IP's 32-bit words
// each in host byte order (little-endian here), then the port, in hex.
func procAddr(a *net.TCPAddr) string {
	ip := a.IP.To4()
	if ip == nil {
		ip = a.IP.To16()
	}
	var b strings.Builder
	for i := 0; i+4 <= len(ip); i += 4 {
		var w [4]byte
		binary.LittleEndian.PutUint32(w[:], binary.BigEndian.Uint32(ip[i:i+4]))
		b.WriteString(strings.ToUpper(hex.EncodeToString(w[:])))
	}
	b.WriteString(":")
	p := strings.ToUpper(strconv.FormatInt(int64(a.Port), 16))
	b.WriteString(strings.Repeat("0", max(0, 4-len(p))) + p)
	return b.String()
}

// Package spoil damages a database file in the ways the tests of more
// than one package need, as a failing disk would, without knowing the
// engine: it edits the file's bytes.
package spoil

import (
	"bytes"
	"os"
	"testing"
)

// Name flips a bit inside every stored copy of the plan record of the
// person whose name begins with name (bbolt keeps old pages, so every
// copy), which the record's checksum then finds. It fails the test when
// the file holds no such record.
func Name(tb testing.TB, path, name string) {
	tb.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	mark := []byte(`"name":"` + name)
	if !bytes.Contains(raw, mark) {
		tb.Fatalf("no plan record of %s in the file", name)
	}
	for i := bytes.Index(raw, mark); i >= 0; i = bytes.Index(raw, mark) {
		raw[i+len(`"name":"`)] ^= 0x01
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		tb.Fatal(err)
	}
}

// Package testkeys gives a test binary a folder of its own for the user's
// record key and what check has seen (store.KeyDir), so that tests never
// make or change the keys of whoever runs them.
package testkeys

import (
	"os"
	"path/filepath"
)

// Use points SIPMOTE_KEY_DIR at a new temporary folder and returns a
// function that removes it. Call it first thing in TestMain.
func Use() (done func()) {
	dir, err := os.MkdirTemp("", "sipmote-keys-")
	if err != nil {
		panic(err)
	}
	os.Setenv("SIPMOTE_KEY_DIR", filepath.Join(dir, "sipmote"))
	// The settings too (the accessible mode is remembered there): a test
	// never reads or changes those of whoever runs it.
	os.Setenv("SIPMOTE_CONFIG_DIR", filepath.Join(dir, "config"))
	return func() { os.RemoveAll(dir) }
}

package ui

import (
	"os"
	"testing"

	"github.com/sipmote/sipmote/internal/testkeys"
)

// TestMain keeps the tests' record keys in a folder of their own.
func TestMain(m *testing.M) {
	done := testkeys.Use()
	code := m.Run()
	done()
	os.Exit(code)
}

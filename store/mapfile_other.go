//go:build !unix

package store

import (
	"errors"
	"os"
)

// mapFile is not used where there is no mmap: the pages are read one by
// one instead.
func mapFile(*os.File, int64) ([]byte, func(), error) {
	return nil, nil, errors.New("store: no mmap here")
}

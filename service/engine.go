package service

import "github.com/sipmote/sipmote/store"

// openStore opens the database path names with the engine it needs.
func openStore(path string, o Options) (store.Store, error) {
	return store.Open(path, o.storeOptions()...)
}

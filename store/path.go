package store

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// EnvDB is the environment variable that overrides the default database path.
const EnvDB = "SIPMOTE_DB"

// DefaultPath is where the database lives when the user names none:
// $XDG_DATA_HOME/sipmote/sipmote.db when that is set, otherwise the
// platform's per-user data folder:
//
//	Linux and BSD: ~/.local/share/sipmote/sipmote.db
//	macOS:         ~/Library/Application Support/sipmote/sipmote.db
//	Windows:       %LocalAppData%\sipmote\sipmote.db
//
// On Windows the local, not the roaming, folder is used so that the plans
// are not copied to other machines by a roaming profile.
func DefaultPath() (string, error) {
	return defaultPath(runtime.GOOS, os.Getenv, os.UserHomeDir)
}

// ResolvePath picks the database path: the --db flag when given, else
// $SIPMOTE_DB, else DefaultPath.
func ResolvePath(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if env := os.Getenv(EnvDB); env != "" {
		return env, nil
	}
	return DefaultPath()
}

// defaultPath is DefaultPath with the platform and the environment passed
// in, so that every platform's rule can be tested on any machine.
func defaultPath(goos string, getenv func(string) string, home func() (string, error)) (string, error) {
	const app, file = "sipmote", "sipmote.db"
	// The XDG spec says a relative value is invalid and must be ignored.
	if x := getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, app, file), nil
	}
	if goos == "windows" {
		if dir := getenv("LocalAppData"); dir != "" {
			return filepath.Join(dir, app, file), nil
		}
	}
	h, err := home()
	if err != nil {
		return "", err
	}
	if h == "" {
		return "", errors.New("store: no home directory to keep the database in; use --db or " + EnvDB)
	}
	switch goos {
	case "darwin", "ios":
		return filepath.Join(h, "Library", "Application Support", app, file), nil
	case "windows":
		return filepath.Join(h, "AppData", "Local", app, file), nil
	default:
		return filepath.Join(h, ".local", "share", app, file), nil
	}
}
